import Foundation
import Testing

@testable import TamisCLI

/// `when: last 3 line` (singular) was accepted without a word in the docs (issue 16). The
/// decision: `line` and `lines` are one word whatever the count, documented in
/// `rules/README.md`; both spellings load and act the same, through `tamis check` and cleaning.
@Suite struct RuleConditionSpellingTests {
  static func rules(_ unit: String) -> String {
    """
    title: condition spelling
    lang: any

    rule: t-last-lines
      why: a footer line in the last lines
      when: last 2 \(unit)
      drop-line: equals "Fin."
      example: the last line goes
        in: Un paragraphe.
        in: Deux.
        in: Fin.
        body: Un paragraphe.
        body: Deux.
      keeps: Fin. Ou pas.

    """
  }

  @Test("'line' and 'lines' load and act the same", arguments: ["line", "lines"])
  func bothSpellings(_ unit: String) throws {
    let path = try TestPaths.file(named: "t.rules", Self.rules(unit))
    let check = CLIRun(["check", "--strict", path])
    #expect(check.status == .success, "\(check.errors)")
    let clean = CLIRun(
      ["--no-default-rules", "--rules", path], input: "Fin.\n\nUn.\n\nDeux.\n\nFin.\n")
    #expect(clean.output == "Fin.\n\nUn.\n\nDeux.\n")
  }
}
