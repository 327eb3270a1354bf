import Foundation
import Testing

@testable import TamisCLI

/// The byte-level fast paths leave what a broken input gets as it was: a lone surrogate escape in
/// a JSON Lines record, a line of several megabytes, and line ends that are CR alone (invalid
/// UTF-8 and NUL bytes: `BadInputTests`). The expected texts are the outputs of the build before
/// the fast paths.
@Suite struct FastPathBadInputTests {
  @Test("a JSON Lines record with a lone surrogate escape is refused with its raw line, exit 1")
  func loneSurrogate() throws {
    // JSON Lines mode reads its input from a descriptor: the record goes through a file.
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("records.jsonl").path
    try Data((#"{"id":"1","text":"a\ud800b"}"# + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let run = CLIRun(["--jsonl", path])
    #expect(
      run.output
        == #"{"error":"invalid JSON: invalid \\u escape at byte 20","raw":"{\"id\":\"1\",\"text\":\"a\\ud800b\"}"}"#
        + "\n")
    #expect(run.errors == "\(path):1: error: invalid JSON: invalid \\u escape at byte 20\n")
    #expect(run.status == .someInputsFailed)
  }

  @Test("a line of several megabytes without a line end comes out whole, trimmed, with one")
  func longLine() {
    let line = String(
      repeating: "Le conseil municipal a voté le budget mardi soir. ", count: 120_000)
    let run = CLIRun([], input: line)
    #expect(run.output.utf8.count == line.utf8.count)
    #expect(run.output == line.dropLast() + "\n")
    #expect(run.errors.isEmpty)
    #expect(run.status == .success)
  }

  @Test("lines ended by CR alone are lines: a boilerplate line between them is dropped")
  func carriageReturnsOnly() {
    let run = CLIRun([], input: "Un.\rDeux.\rPublicité\rTrois.")
    #expect(run.output == "Un.\rDeux.\rTrois.\r")
    #expect(run.status == .success)
  }
}
