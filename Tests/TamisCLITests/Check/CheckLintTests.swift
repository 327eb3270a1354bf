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
      tamis: checked 1 file, 3 rules, 4 examples: 0 failed, 1 warning

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
      tamis: checked 1 file, 2 rules, 2 examples: 1 failed, 1 warning

      """)
  }

  @Test("a rule-file error exits 2, and the file with it is neither linted nor run")
  func errors() throws {
    let path = try TestPaths.file(
      named: "e.rules",
      "title: E\nlang: fr\ngroup: e-x\n  drop-line: equals \"Pub\"\n  drop-lien: \"Pub\"\n")
    let run = CLIRun(["check", "--strict", path])
    #expect(run.status == .usageOrRules)
    expectEqualLines(
      run.errors,
      """
      \(path):5:3: error: unknown directive 'drop-lien'; did you mean 'drop-line'?
      tamis: checked 1 file, 0 rules, 0 examples: 0 failed, 0 warnings, 1 error \
      (1 file not linted or run)

      """)
  }

  /// A file with a parse error and a file with a failing example and a lint warning.
  static let brokenAndFailing = (
    broken: """
    title: A
    lang: fr
    group: a-pub
      why: test
      drop-line: equals "Pub"
      drop-lien: "Pub"
      example: the marker goes
        in: Pub
      keeps: La pub recule.
    """,
    failing: """
    title: B
    lang: fr
    group: b-pub
      why: test
      drop-line: equals "Publicité"
      drop-line: equals "Réclame"
      example: the marker goes
        in: Publicité
        in: Texte.
        body: Autre texte.
      keeps: La publicité.
    """
  )

  @Test("one run reports a file's parse error and another file's failing example and warning")
  func oneRound() throws {
    let folder = try TestPaths.temporaryFolder()
    let (a, b) = (
      folder.appendingPathComponent("a.rules"), folder.appendingPathComponent("b.rules")
    )
    try Data(Self.brokenAndFailing.broken.utf8).write(to: a)
    try Data(Self.brokenAndFailing.failing.utf8).write(to: b)
    let expected = """
      \(a.path):6:3: error: unknown directive 'drop-lien'; did you mean 'drop-line'?
      \(b.path):6:3: warning: rule 'drop-line: equals "Réclame"' fires in none of the examples \
      of 'b-pub'; add an example where it does
      \(b.path):7:3: error: example body differs (as written): expected ['Autre texte.'], got \
      ['Texte.']
      tamis: checked 2 files, 2 rules, 2 examples: 1 failed, 1 warning, 1 error \
      (1 file not linted or run)

      """
    // Files in the order given, and a folder's files in path order, read alike.
    for arguments in [["check", a.path, b.path], ["check", folder.path]] {
      let run = CLIRun(arguments)
      #expect(run.status == .usageOrRules, "\(arguments)")
      #expect(run.output == "")
      expectEqualLines(run.errors, expected, "\(arguments)")
    }
    // The file given first comes first.
    let reversed = CLIRun(["check", b.path, a.path])
    #expect(reversed.errors.hasPrefix("\(b.path):6:3: warning: "))
    #expect(reversed.errors.contains("['Texte.']\n\(a.path):6:3: error: unknown directive"))
  }

  @Test("the built binary reports all problems of both files in one run and exits 2")
  func oneRoundBinary() throws {
    let folder = try TestPaths.temporaryFolder()
    try Data(Self.brokenAndFailing.broken.utf8).write(to: folder.appendingPathComponent("a.rules"))
    try Data(Self.brokenAndFailing.failing.utf8).write(to: folder.appendingPathComponent("b.rules"))
    let process = try Subprocess(["check", "a.rules", "b.rules"], directory: folder)
    #expect(process.wait() == 2)
    #expect(process.output.isEmpty)
    let lines = process.errors.split(separator: "\n").map { $0.prefix(16) }
    #expect(
      lines == [
        "a.rules:6:3: err", "b.rules:6:3: war", "b.rules:7:3: err", "tamis: checked 2",
      ])
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
    #expect(run.errors == "tamis: checked 1 file, 1 rule, 2 examples: 0 failed, 0 warnings\n")
  }
}
