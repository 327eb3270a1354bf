import Testing

@testable import Tamis

/// Every lint of `RuleLinter`: its exact message and location, and the look-alikes it must not
/// report.
@Suite struct RuleLinterTests {
  /// A place in one of a case's files: the file's index and a `⟦n⟧` marker in it.
  struct Mark: Sendable {
    let file: Int
    let marker: Int
  }

  /// Rule files with `⟦n⟧` markers and the warnings expected at those markers.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let files: [(path: String, text: String)]
    let expected: [(at: Mark, problem: LintProblem, notes: [(at: Mark, kind: NoteKind)])]
    var testDescription: String { name }

    /// The expected diagnostics, located at their markers.
    var diagnostics: [Diagnostic] {
      let marked = files.map { MarkedText($0.text) }
      func location(_ mark: Mark) -> Tamis.SourceLocation {
        marked[mark.file].location(mark.marker, path: files[mark.file].path)
      }
      return expected.map { warning in
        Diagnostic(
          .warning, at: location(warning.at), .lint(warning.problem),
          notes: warning.notes.map { .init(location: location($0.at), kind: $0.kind) })
      }
    }

    /// The linter's warnings for the files, markers stripped.
    var actual: [Diagnostic] {
      let parsed = files.map { (path: $0.path, text: MarkedText($0.text).text) }
      guard let rules = try? RuleSet(parsing: parsed) else { return [] }
      return RuleLinter(rules).warnings()
    }
  }

  /// Marker `n` of the first file.
  static func at(_ marker: Int) -> Mark { Mark(file: 0, marker: marker) }

  static let cases: [Case] = [
    // MARK: Duplicates
    Case(
      name: "the same rule twice, spelt differently, is a duplicate",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-read-also
            why: links
            ⟦1⟧drop-line: starts-with "Lire aussi"
            ⟦2⟧drop-line: starts-with "lire  aussi"
            example: a link
              in: Lire aussi : le budget
          keeps: Il faut lire aussi le rapport.
          """
        )
      ],
      expected: [
        (
          at(2), .duplicateRule(rule: #"drop-line: starts-with "lire  aussi""#),
          [(at(1), .firstDefinedHere)]
        )
      ]),
    Case(
      name: "the same phrase with other conditions is not a duplicate",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-a
            why: w
            when: first 3 lines
            drop-line: equals "Publicité"
            example: e
              in: Publicité
            keeps: La publicité.
          group: fr-b
            why: w
            when: last 3 lines
            drop-line: equals "Publicité"
            example: e
              in: Un.
              in: Deux.
              in: Trois.
              in: Publicité
            keeps: La publicité.
          """
        )
      ],
      expected: []),

    // MARK: Shadowing
    Case(
      name: "a longer prefix after a shorter one is shadowed",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-read-also
            why: links
            ⟦1⟧drop-line: starts-with "Lire aussi"
            example: a link
              in: Lire aussi le budget
            keeps: Il faut lire aussi le rapport.
          group: fr-read-also-colon
            why: links with a colon
            ⟦2⟧drop-line: starts-with "Lire aussi :"
            example: a link with a colon
              in: Lire aussi : le budget
            keeps: Il faut lire aussi le rapport.
          """
        )
      ],
      expected: [
        (
          at(2),
          .shadowedRule(
            rule: #"drop-line: starts-with "Lire aussi :""#,
            by: #"drop-line: starts-with "Lire aussi""#, id: "fr-read-also"),
          [(at(1), .shadowingRule(id: "fr-read-also"))]
        )
      ]),
    Case(
      name: "a footer zone shadows a caption inside it, whatever the order",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: en
          rule: en-caption
            why: w
            ⟦1⟧caption: equals "{text} Photo: {credit} Related stories"
            example: e
              in: A dog. Photo: Ann Related stories
            keeps: k
          rule: en-footer
            why: w
            ⟦2⟧drop-from: contains "related stories"
            example: e
              in: Related stories
            keeps: k
          """
        )
      ],
      expected: [
        (
          at(1),
          .shadowedRule(
            rule: #"caption: equals "{text} Photo: {credit} Related stories""#,
            by: #"drop-from: contains "related stories""#, id: "en-footer"),
          [(at(2), .shadowingRule(id: "en-footer"))]
        )
      ]),
    Case(
      name: "no shadowing across a word boundary, narrower conditions, or a later rule",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-a
            why: w
            drop-line: starts-with "Lire aussi"
            example: e
              in: Lire aussi le budget
            keeps: k
          group: fr-b
            why: w
            drop-line: starts-with "Lire aussitôt"
            example: e
              in: Lire aussitôt
            keeps: k
          group: fr-c
            why: w
            when: max-words 3
            drop-line: starts-with "Voir"
            example: e
              in: Voir
            keeps: k
          group: fr-d
            why: w
            drop-line: starts-with "Voir aussi"
            drop-line: starts-with "Publicité :"
            drop-line: starts-with "Publicité"
            example: e
              in: Voir aussi le budget
              in: Publicité : x
              in: Publicité
            keeps: k
          """
        )
      ],
      expected: []),

    // MARK: Examples
    Case(
      name: "a rule that fires in none of its group's examples",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-share
            why: buttons
            drop-line: equals "Partager"
            ⟦1⟧drop-line: equals "Imprimer"
            example: a button
              in: Partager
            keeps: Il faut partager.
          """
        )
      ],
      expected: [
        (
          at(1),
          .ruleNeverFires(rule: #"drop-line: equals "Imprimer""#, id: "fr-share"), []
        )
      ]),
    Case(
      name: "a keep that protects nothing, next to one that protects a line",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-ads
            why: ad labels
            drop-line: starts-with "Publicité"
            keep: equals "Publicité et marketing"
            ⟦1⟧keep: equals "Publicité comparative"
            example: the label goes
              in: Publicité
            keeps: Publicité et marketing
          """
        )
      ],
      expected: [
        (
          at(1),
          .keepProtectsNothing(rule: #"keep: equals "Publicité comparative""#, id: "fr-ads"), []
        )
      ]),

    // MARK: Phrases
    Case(
      name: "an unanchored phrase of fewer than four characters",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: en
          group: en-agency
            why: agency
            ⟦1⟧strip-span: "AP"
            drop-line: starts-with "AP"
            example: e
              in: Rain in Ohio AP
              in: AP
              body: Rain in Ohio
            keeps: k
          """
        )
      ],
      expected: [(at(1), .shortPhrase(phrase: "AP", length: 2), [])]),
    Case(
      name: "unanchored frequent words of the pack's language",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          group: fr-x
            why: w
            drop-line: equals "avec"
            drop-line: contains "dans la boutique"
            ⟦1⟧drop-line: contains "Avec"
            ⟦2⟧drop-line: "dans la"
            example: e
              in: avec
              in: Dans la boutique
              in: Avec toi
              in: dans la rue
            keeps: k
          """
        )
      ],
      expected: [
        (at(1), .frequentWordPhrase(phrase: "Avec", language: "fr"), []),
        (at(2), .frequentWordPhrase(phrase: "dans la", language: "fr"), []),
      ]),

    // MARK: Site packs
    Case(
      name: "a detect pattern that matches another pack's example",
      files: [
        (
          "rules/sites/apnews.com.rules",
          """
          title: AP
          lang: en
          site: apnews.com
          ⟦1⟧detect: contains "(AP) - "
          detect: contains "AP is solely responsible"
          rule: ap-x
            why: w
            drop-line: equals "AP is solely responsible"
            example: e
              in: AP is solely responsible
            keeps: k
          """
        ),
        (
          "rules/generic/en.rules",
          """
          title: EN
          lang: en
          rule: en-dateline
            why: w
            strip-span: starts-with "{place} (AP) - "
            ⟦1⟧example: e
              in: LAGOS (AP) - Rates rose.
              body: Rates rose.
            keeps: k
          """
        ),
      ],
      expected: [
        (
          at(1),
          .detectorMatchesOtherPack(
            detector: #"contains "(AP) - ""#, site: "apnews.com",
            otherPath: "rules/generic/en.rules"),
          [(Mark(file: 1, marker: 1), .exampleOf(id: "en-dateline"))]
        )
      ]),
    Case(
      name: "site hosts with an unknown top-level domain",
      files: [
        (
          "t.rules",
          """
          title: T
          lang: fr
          site: ⟦1⟧lemonde.fe lemonde.fr ⟦2⟧example.cmo ⟦3⟧intranet.corp
          rule: t-x
            why: w
            drop-line: equals "Publicité"
            example: e
              in: Publicité
            keeps: k
          """
        )
      ],
      expected: [
        (
          at(1),
          .unknownTopLevelDomain(host: "lemonde.fe", domain: "fe", suggestion: "fr"), []
        ),
        (
          at(2),
          .unknownTopLevelDomain(host: "example.cmo", domain: "cmo", suggestion: "com"), []
        ),
        (
          at(3),
          .unknownTopLevelDomain(host: "intranet.corp", domain: "corp", suggestion: nil), []
        ),
      ]),
  ]

  @Test("each lint reports its exact message at its location", arguments: cases)
  func lint(_ testCase: Case) {
    #expect(testCase.actual == testCase.diagnostics)
  }

  @Test("the messages read as the style guide asks")
  func messages() {
    let cases: [(LintProblem, String)] = [
      (
        .duplicateRule(rule: #"drop-line: equals "Pub""#),
        #"duplicate rule 'drop-line: equals "Pub"'"#
      ),
      (
        .shadowedRule(rule: #"drop-line: starts-with "A b""#, by: #"drop-line: "A""#, id: "x"),
        #"rule 'drop-line: starts-with "A b"' never applies: 'drop-line: "A"' of 'x' takes every "#
          + "line it matches"
      ),
      (
        .ruleNeverFires(rule: #"drop-line: equals "Pub""#, id: "x"),
        #"rule 'drop-line: equals "Pub"' fires in none of the examples of 'x'; "#
          + "add an example where it does"
      ),
      (
        .keepProtectsNothing(rule: #"keep: equals "Pub""#, id: "x"),
        #"'keep: equals "Pub"' protects nothing in the examples of 'x'; "#
          + "add an example with a line it saves"
      ),
      (
        .shortPhrase(phrase: "AP", length: 2),
        "phrase 'AP' has only 2 characters and will match body text; anchor it or make it longer"
      ),
      (
        .frequentWordPhrase(phrase: "avec", language: "fr"),
        "phrase 'avec' holds only frequent 'fr' words and will match body text; "
          + "anchor it or make it longer"
      ),
      (
        .detectorMatchesOtherPack(
          detector: #"contains "(AP)""#, site: "apnews.com", otherPath: "a"),
        #"'detect: contains "(AP)"' matches an example of 'a', so articles from other sites "#
          + "would switch on the 'apnews.com' pack"
      ),
      (
        .unknownTopLevelDomain(host: "a.cmo", domain: "cmo", suggestion: "com"),
        "unknown top-level domain '.cmo' in host 'a.cmo'; did you mean '.com'?"
      ),
    ]
    for (problem, message) in cases {
      #expect(Problem.lint(problem).message == message)
    }
  }

  @Test("a rendered lint warning has its location, severity and note")
  func rendered() {
    let diagnostic = Diagnostic(
      .warning, at: .init(path: "r.rules", line: 6, column: 3),
      .lint(.duplicateRule(rule: #"drop-line: equals "Pub""#)),
      notes: [.init(location: .init(path: "r.rules", line: 5, column: 3), kind: .firstDefinedHere)])
    #expect(
      DiagnosticRenderer.render(diagnostic) == """
        r.rules:6:3: warning: duplicate rule 'drop-line: equals "Pub"'
        r.rules:5:3: note: first defined here
        """)
  }

  @Test("the shipped rules are lint-free")
  func shippedRules() throws {
    let rules = try RuleSet.builtin()
    for warning in RuleLinter(rules).warnings() {
      let location = warning.location ?? .init(path: "rules", line: 1)
      Issue.record(
        Comment(rawValue: DiagnosticRenderer.render(warning)),
        sourceLocation: Testing.SourceLocation(
          fileID: "tamis/\(location.path)", filePath: location.path, line: location.line,
          column: location.column ?? 1))
    }
  }
}
