import Foundation
import Testing

@testable import TamisCLI

@Suite struct CheckCommandTests {
  @Test("the shipped rules check clean under --strict")
  func shippedRulesPass() {
    let run = CLIRun(["check", "--strict"])
    #expect(run.status == .success, "\(run.errors)")
    #expect(run.output == "")
  }

  @Test("a failing example is reported at its line and exits 1")
  func failingExample() throws {
    let path = try TestPaths.file(
      named: "f.rules",
      """
      title: F
      lang: fr
      group: f-pub
        why: test
        drop-line: equals "Publicité"
        example: the marker goes
          in: Publicité
          in: Texte.
          body: Autre texte.
        keeps: La publicité.
      """)
    let run = CLIRun(["check", path])
    #expect(run.status == .someInputsFailed)
    #expect(
      run.errors.hasPrefix(
        "\(path):6:3: error: example body differs (as written): expected ['Autre texte.'], "
          + "got ['Texte.']\n"))
  }

  @Test("warnings fail only under --strict")
  func warningsUnderStrict() throws {
    let path = try TestPaths.file(
      named: "w.rules", "title: W\nlang: fr\ngroup: w-pub\n  drop-line: equals \"Pub\"\n")
    let relaxed = CLIRun(["check", path])
    #expect(relaxed.status == .success)
    #expect(relaxed.errors.contains("\(path):3:1: warning: 'w-pub' has no 'why:'"))
    let strict = CLIRun(["check", "--strict", path])
    #expect(strict.status == .someInputsFailed)
  }
}
