import Foundation
import Testing

@testable import TamisCLI

/// `--keep-title` keeps the headline in the body, in every mode; by default it goes to
/// `meta.title`.
@Suite struct KeepTitleTests {
  static let headline = "Council Approves New Budget After Long Debate"
  static let dump =
    headline + "\n\n"
    + "The council voted on the new budget on Tuesday night, after a debate that lasted more"
    + " than three hours and drew one of the largest crowds the town hall has seen in years.\n\n"
    + "Residents who attended the meeting said they were relieved that the library would stay"
    + " open next year, although several of them warned about the cuts to the bus service.\n"

  @Test("the headline leaves the body by default and stays with --keep-title")
  func plainText() {
    let moved = CLIRun(["-l", "en"], input: Self.dump)
    let kept = CLIRun(["-l", "en", "--keep-title"], input: Self.dump)
    #expect(moved.status == .success && kept.status == .success)
    #expect(!moved.output.contains(Self.headline))
    #expect(kept.output.hasPrefix(Self.headline + "\n\n"))
  }

  @Test("--keep-title works in JSON Lines mode too, and meta.title names the headline")
  func jsonLines() throws {
    let record = try String(
      decoding: JSONSerialization.data(withJSONObject: ["text": Self.dump]), as: UTF8.self)
    let path = try TestPaths.file(named: "titles.jsonl", record + "\n")
    let moved = CLIRun(["--jsonl", "-l", "en", path])
    let kept = CLIRun(["--jsonl", "-l", "en", "--keep-title", path])
    #expect(moved.status == .success && kept.status == .success)
    let movedRecord = try Self.record(moved.output)
    let keptRecord = try Self.record(kept.output)
    #expect(!(try #require(movedRecord["body"] as? String)).contains(Self.headline))
    #expect((try #require(keptRecord["body"] as? String)).hasPrefix(Self.headline))
    for record in [movedRecord, keptRecord] {
      let meta = try #require(record["meta"] as? [String: Any])
      #expect(meta["title"] as? String == Self.headline)
    }
  }

  static func record(_ output: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
  }
}
