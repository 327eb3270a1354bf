import Foundation
import Testing

@testable import TamisCLI

/// Broken JSON Lines input gets what it got before the chunked reader (issue 14): the expected
/// texts are the outputs of the build before it. Each input goes through a file, with one and
/// with two jobs.
@Suite struct JSONLinesBadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let input: [UInt8]
    let output: String
    /// The errors, `PATH` standing for the input's path.
    let errors: String
    let status: ExitCode
  }

  static let cases: [Case] = [
    Case(
      testDescription: "CRLF, not an object, NUL, blank lines, a last line with CR and no LF",
      input: Array(
        (#"{"id":1,"text":"Un.\n\nPublicit\u00e9"}"# + "\r\n[1,2]\n\"texte\"\n"
          + #"{"id":2,"text":"a"# + "\u{0}" + #"b"}"# + "\n\n  \r\n"
          + #"{"id":3,"text":"fin"}"# + "\r").utf8),
      output: #"""
        {"id":1,"text":"Un.\n\nPublicit\u00e9","body":"Un.","captions":[],"meta":{},"schema_version":1}
        {"error":"invalid JSON: the line is not a JSON object","raw":"[1,2]"}
        {"error":"invalid JSON: the line is not a JSON object","raw":"\"texte\""}
        {"error":"invalid JSON: unescaped control character in a string at byte 18","raw":"{\"id\":2,\"text\":\"a\u0000b\"}"}

          
        {"id":3,"text":"fin","body":"fin","captions":[],"meta":{},"schema_version":1}

        """#,
      errors: """
        PATH:2: error: invalid JSON: the line is not a JSON object
        PATH:3: error: invalid JSON: the line is not a JSON object
        PATH:4: error: invalid JSON: unescaped control character in a string at byte 18

        """,
      status: .someInputsFailed),
    Case(
      testDescription: "a last line without a line end is answered with one",
      input: Array((#"{"id":1,"text":"Un."}"# + "\n" + #"{"id":2,"text":"Deux."}"#).utf8),
      output: #"""
        {"id":1,"text":"Un.","body":"Un.","captions":[],"meta":{},"schema_version":1}
        {"id":2,"text":"Deux.","body":"Deux.","captions":[],"meta":{},"schema_version":1}

        """#,
      errors: "", status: .success),
    Case(
      testDescription: "a lone surrogate is refused; a surrogate pair is read",
      input: Array(
        (#"{"id":"1","text":"a\ud800b"}"# + "\n"
          + #"{"id":"2","text":"caf\u00e9 \ud83d\ude00"}"# + "\n").utf8),
      output: #"""
        {"error":"invalid JSON: invalid \\u escape at byte 20","raw":"{\"id\":\"1\",\"text\":\"a\\ud800b\"}"}
        {"id":"2","text":"caf\u00e9 \ud83d\ude00","body":"café 😀","captions":[],"meta":{},"schema_version":1}

        """#,
      errors: "PATH:1: error: invalid JSON: invalid \\u escape at byte 20\n",
      status: .someInputsFailed),
    Case(
      testDescription: "invalid UTF-8 in a key and in the text: U+FFFD, a warning per line",
      input: Array(#"{"id":1,"text":"caf"#.utf8) + [0xE9] + Array("\"}\n{\"id\":2,\"t".utf8)
        + [0xE9] + Array(#"xt":"x","text":"y"}"#.utf8) + [0x0A],
      output: #"""
        {"id":1,"text":"caf�","body":"caf�","captions":[],"meta":{},"schema_version":1}
        {"id":2,"t�xt":"x","text":"y","body":"y","captions":[],"meta":{},"schema_version":1}

        """#,
      errors: """
        PATH:1: warning: invalid UTF-8 at byte 20 (1 byte in all); written as U+FFFD
        PATH:2: warning: invalid UTF-8 at byte 11 (1 byte in all); written as U+FFFD

        """,
      status: .success),
    Case(
      testDescription: "an escaped key is written as it decodes; a plain one as it was",
      input: Array((#"{"\u0069d":1,"te\/xt":"a","text":"Un."}"# + "\n").utf8),
      output: #"""
        {"id":1,"te/xt":"a","text":"Un.","body":"Un.","captions":[],"meta":{},"schema_version":1}

        """#,
      errors: "", status: .success),
  ]

  @Test(arguments: cases, [1, 2])
  func badInput(_ testCase: Case, jobs: Int) throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("records.jsonl").path
    try Data(testCase.input).write(to: URL(fileURLWithPath: path))
    let run = CLIRun(["--jsonl", "--jobs", "\(jobs)", path])
    #expect(run.output == testCase.output)
    #expect(run.errors == testCase.errors.replacingOccurrences(of: "PATH", with: path))
    #expect(run.status == testCase.status)
  }

  @Test("a record longer than several chunks comes out whole, and the next one after it")
  func hugeRecord() throws {
    let text = String(
      repeating: "Le conseil municipal a voté le budget mardi soir. ", count: 12_000)
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("records.jsonl").path
    try Data(
      (#"{"id":1,"text":"\#(text)"}"# + "\n" + #"{"id":2,"text":"Deux."}"#).utf8
    ).write(to: URL(fileURLWithPath: path))
    let run = CLIRun(["--jsonl", path])
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3)
    // Compared as a whole, without printing megabytes when they differ.
    let expected =
      #"{"id":1,"text":"\#(text)","body":"\#(text.dropLast())","captions":[],"#
      + #""meta":{"lang":"fr"},"schema_version":1}"#
    let same = lines.first == Substring(expected)
    #expect(same, "the long record's output differs")
    #expect(
      lines.dropFirst().first
        == #"{"id":2,"text":"Deux.","body":"Deux.","captions":[],"meta":{},"schema_version":1}"#)
    #expect(run.errors.isEmpty)
    #expect(run.status == .success)
  }
}
