import Foundation
import Testing

@testable import TamisCLI

@Suite struct StructureSwitchTests {
  /// A menu above a three-paragraph article: the structure layer drops the menu, phrases alone
  /// do not know it.
  static let dump = """
    Sections
    Archives
    Podcasts
    Events

    The council voted on the new budget on Tuesday night, after a debate that lasted more than three hours.

    Residents who attended the meeting said they were relieved that the library would stay open next year.

    The mayor said the vote showed that the town could still agree on what mattered most to its people.

    """

  @Test("the structure layer drops the menu around the article; --no-structure keeps it")
  func switchesTheLayer() {
    let on = CLIRun(["--no-default-rules", "-r", Self.rules()], input: Self.dump)
    let off = CLIRun(
      ["--no-default-rules", "-r", Self.rules(), "--no-structure"], input: Self.dump)
    #expect(on.status == .success && off.status == .success)
    #expect(!on.output.contains("Archives"))
    #expect(on.output.contains("The mayor said the vote"))
    #expect(off.output == Self.dump.replacingOccurrences(of: "\n\n\n", with: "\n\n"))
  }

  @Test("--no-structure works in JSON Lines mode too")
  func jsonLines() throws {
    let record = try String(
      decoding: JSONSerialization.data(withJSONObject: ["text": Self.dump]), as: UTF8.self)
    let path = try TestPaths.file(named: "crawl.jsonl", record + "\n")
    let on = CLIRun(["--no-default-rules", "-r", Self.rules(), "--jsonl", path])
    let off = CLIRun(["--no-default-rules", "-r", Self.rules(), "--jsonl", "--no-structure", path])
    #expect(on.status == .success && off.status == .success)
    let bodyOn = try Self.body(of: on.output)
    let bodyOff = try Self.body(of: off.output)
    #expect(bodyOn.contains("The mayor said the vote") && !bodyOn.contains("Archives"))
    #expect(bodyOff.contains("Archives"))
  }

  /// The `body` field of a one-record JSON Lines output.
  static func body(of output: String) throws -> String {
    let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    return try #require(object?["body"] as? String)
  }

  /// The structure pack alone, from the repository.
  static func rules() -> String {
    TestPaths.packageRoot.appendingPathComponent("rules/generic/structure.rules").path
  }
}
