import Foundation
import Testing

@testable import TamisCLI

/// `tamis check` runs the linter: exact warnings in file order, and the exit status for
/// warnings, `--strict`, failing examples and errors.
@Suite struct CheckLintTests {
  static let shadowed = """
    title: T
    lang: fr
    group: fr-read-also
      why: links
      drop-line: starts-with "Lire aussi"
      example: a link
        in: Lire aussi le budget
      keeps: Il faut lire aussi le rapport.
    group: fr-read-also-colon
      why: links with a colon
      drop-line: starts-with "Lire aussi :"
      drop-line: equals "Imprimer"
      example: a link with a colon
        in: Lire aussi : le budget
        in: Imprimer
      keeps: Il faut lire aussi le rapport.
    """

  @Test("lint warnings are printed with their notes, and exit 0 without --strict")
  func warnings() throws {
    let path = try TestPaths.file(named: "t.rules", Self.shadowed)
    let run = CLIRun(["check", path])
    #expect(run.status == .success)
    #expect(run.output == "")
    expectEqualLines(
      run.errors,
      """
      \(path):11:3: warning: rule 'drop-line: starts-with "Lire aussi :"' never applies: \
      'drop-line: starts-with "Lire aussi"' of 'fr-read-also' takes every line it matches
      \(path):5:3: note: the rule of 'fr-read-also' that takes its lines is here
      tamis: checked 1 files, 3 rules, 4 examples: 0 failed, 1 warnings

      """)
  }

  @Test("warnings fail the run under --strict")
  func strict() throws {
    let path = try TestPaths.file(named: "t.rules", Self.shadowed)
    let run = CLIRun(["check", "--strict", "-q", path])
    #expect(run.status == .someInputsFailed)
    #expect(run.errors.hasPrefix("\(path):11:3: warning: rule "))
    #expect(!run.errors.contains("tamis: checked"))
  }

  @Test("failing examples and warnings come in line order, and failures exit 1")
  func lineOrder() throws {
    let path = try TestPaths.file(
      named: "f.rules",
      """
      title: F
      lang: fr
      group: f-pub
        why: test
        drop-line: equals "Publicité"
        drop-line: equals "Réclame"
        example: the marker goes
          in: Publicité
          in: Texte.
          body: Autre texte.
        keeps: La publicité.
      """)
    let run = CLIRun(["check", path])
    #expect(run.status == .someInputsFailed)
    expectEqualLines(
      run.errors,
      """
      \(path):6:3: warning: rule 'drop-line: equals "Réclame"' fires in none of the examples \
      of 'f-pub'; add an example where it does
      \(path):7:3: error: example body differs (as written): expected ['Autre texte.'], got \
      ['Texte.']
      tamis: checked 1 files, 2 rules, 2 examples: 1 failed, 1 warnings

      """)
  }

  @Test("a rule-file error exits 2 before any lint or example runs")
  func errors() throws {
    let path = try TestPaths.file(
      named: "e.rules",
      "title: E\nlang: fr\ngroup: e-x\n  drop-line: equals \"Pub\"\n  drop-lien: \"Pub\"\n")
    let run = CLIRun(["check", "--strict", path])
    #expect(run.status == .usageOrRules)
    #expect(
      run.errors == "\(path):5:3: error: unknown directive 'drop-lien'; did you mean 'drop-line'?\n"
    )
  }

  @Test("a clean rule file exits 0 even under --strict")
  func clean() throws {
    let path = try TestPaths.file(
      named: "c.rules",
      """
      title: C
      lang: fr
      rule: c-pub
        why: test
        drop-line: equals "Publicité"
        example: the marker goes
          in: Publicité
          in: Texte.
          body: Texte.
        keeps: La publicité recule.
      """)
    let run = CLIRun(["check", "--strict", path])
    #expect(run.status == .success)
    #expect(run.errors == "tamis: checked 1 files, 1 rules, 2 examples: 0 failed, 0 warnings\n")
  }
}
