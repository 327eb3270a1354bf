import Foundation
import Testing

@testable import TamisCLI

@Suite struct EvalCommandTests {
  /// A gold folder with one French dump and its truth.
  static func goldFolder(body: String) throws -> String {
    let root = try TestPaths.temporaryFolder()
    let folder = root.appendingPathComponent("gold/fr")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let dump = "Le conseil a voté.\n\nPublicité\n\nLe maire, mardi. // Source : AFP\n"
    try Data(dump.utf8).write(to: folder.appendingPathComponent("d.txt"))
    try Data(body.utf8).write(to: folder.appendingPathComponent("d.body.txt"))
    try Data("Le maire, mardi.\tAFP\n".utf8).write(
      to: folder.appendingPathComponent("d.captions.txt"))
    let rules = root.appendingPathComponent("t.rules")
    try Data(
      """
      title: T
      lang: any
      group: t
        drop-line: equals "Publicité"
        caption: ends-with "{text} // Source : {credit}"
      """.utf8
    ).write(to: rules)
    return root.path
  }

  @Test("eval prints the score table and exits 0 when the floors are met")
  func tableAndFloors() throws {
    let root = try Self.goldFolder(body: "Le conseil a voté.\n")
    let run = CLIRun(["eval", "--no-default-rules", "-r", root + "/t.rules", root + "/gold"])
    #expect(run.status == .success)
    #expect(run.errors == "")
    #expect(
      run.output.contains(
        "| overall | 1 | 0.0 % (0/1) | 100.0 % | 100.0 % (1/1) | 100.0 % (1/1) |"))
    #expect(run.output.contains("| fr | 1 |"))
  }

  @Test("eval exits 1 and names the floor when the rules lose body text")
  func missedFloor() throws {
    let root = try Self.goldFolder(body: "Le conseil a voté.\n\nPublicité\n")
    let run = CLIRun(["eval", "--no-default-rules", "-r", root + "/t.rules", root + "/gold"])
    #expect(run.status == .someInputsFailed)
    #expect(run.errors == "tamis: floor missed: body lost 50.0 % > 0.5 %\n")
  }

  @Test("eval without a folder is a usage error")
  func missingFolder() {
    let run = CLIRun(["eval"])
    #expect(run.status == .usageOrRules)
    #expect(run.output == "")
  }
}
