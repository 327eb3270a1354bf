import Foundation
import Testing

@testable import TamisCLI

/// `-q` prints no warnings (issue 15): a document that is not valid UTF-8, or a binary file in
/// a batch, is still handled as without `-q` (same output, same exit status), without a word.
@Suite struct QuietTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    /// The arguments after the rule options; `IN` is the input folder, `BAD` the Latin-1 file.
    let arguments: [String]
    let status: ExitCode
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "filter, text", arguments: ["-q", "BAD"], status: .success),
    Case(name: "filter, JSON", arguments: ["-q", "-f", "json", "BAD"], status: .success),
    Case(name: "filter, bundled -qe", arguments: ["-qe", "BAD"], status: .success),
    Case(name: "JSON Lines", arguments: ["--jsonl", "--quiet", "JSONL"], status: .success),
    // The binary file still fails the run (exit 1); -q only silences the warning.
    Case(name: "batch", arguments: ["IN", "--out", "OUT", "-q"], status: .someInputsFailed),
    Case(name: "suggest", arguments: ["-q", "IN"], status: .someInputsFailed),
  ]

  @Test("-q prints no warnings on stderr", arguments: cases)
  func quietMeansNoWarnings(_ test: Case) throws {
    let root = try TestPaths.temporaryFolder()
    let folder = root.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bad = folder.appendingPathComponent("latin1.txt")
    try Data(Array("Un caf".utf8) + [0xE9] + Array(".\n".utf8)).write(to: bad)
    try Data([0x89, 0x50, 0x00, 0x01]).write(to: folder.appendingPathComponent("z.png"))
    let jsonl = root.appendingPathComponent("records.jsonl")
    try Data(Array(#"{"text":"caf"#.utf8) + [0xE9] + Array("\"}\n".utf8)).write(to: jsonl)
    let paths = [
      "IN": folder.path, "BAD": bad.path, "JSONL": jsonl.path,
      "OUT": root.appendingPathComponent("out").path,
    ]
    let arguments = test.arguments.map { paths[$0] ?? $0 }
    let run = ByteRun(
      test.arguments.first == "-q" && test.arguments.last == "IN"
        ? ["suggest", "--no-default-rules"] + arguments
        : try Torture.arguments(arguments))
    #expect(run.status == test.status)
    #expect(run.errors == "")
  }

  @Test("check -q hides lint warnings, but not under --strict, where they fail the check")
  func checkQuiet() throws {
    let path = try TestPaths.file(
      named: "w.rules", "title: W\nlang: fr\ngroup: w-pub\n  drop-line: equals \"Pub\"\n")
    let quiet = CLIRun(["check", "-q", path])
    #expect(quiet.status == .success)
    #expect(quiet.errors == "")
    let strict = CLIRun(["check", "-q", "--strict", path])
    #expect(strict.status == .someInputsFailed)
    #expect(strict.errors.contains("\(path):3:1: warning: 'w-pub' has no 'why:'"))
  }
}
