import Testing

@testable import Tamis

/// Ids and old ids (`aliases:`) share one name space across every file of a rule set, and an
/// old id still finds its group.
@Suite struct RuleIDsTests {
  /// Rule files with `⟦n⟧` markers: the problem stands at marker 1, its note at marker 2.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let files: [String]
    let problem: RuleFileProblem
    var testDescription: String { name }

    /// The file paths, `a.rules`, `b.rules`, … in order.
    static func path(_ index: Int) -> String {
      String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))) + ".rules"
    }

    var marked: [MarkedText] { files.map(MarkedText.init) }

    /// Where marker `number` stands, in whichever file holds it.
    func location(_ number: Int) -> Tamis.SourceLocation? {
      for (index, file) in files.enumerated() where file.contains("⟦\(number)⟧") {
        return MarkedText(file).location(number, path: Self.path(index))
      }
      return nil
    }

    /// The one diagnostic expected.
    var diagnostic: Diagnostic? {
      guard let at = location(1), let first = location(2) else { return nil }
      return Diagnostic(
        .error, at: at, .ruleFile(problem), notes: [.init(location: first, kind: .firstDefinedHere)]
      )
    }

    /// The packs as parsed, each file alone, before any check across files.
    var packs: [RulePack] {
      marked.enumerated().map { RuleFileParser.parse($1.text, path: Self.path($0)).pack }
    }
  }

  static let header = "title: T\nlang: fr\n"

  static let cases: [Case] = [
    Case(
      name: "an id defined twice",
      files: [
        header + "⟦2⟧rule: fr-x\n  drop-line: \"a\"\n⟦1⟧rule: fr-x\n  drop-line: \"b\"\n"
      ],
      problem: .duplicateID(id: "fr-x")),
    Case(
      name: "an id that is another group's old id names the group's current id",
      files: [
        header + "rule: fr-new\n  aliases: ⟦2⟧fr-old\n  drop-line: \"a\"\n",
        header + "⟦1⟧rule: fr-old\n  drop-line: \"b\"\n",
      ],
      problem: .idIsAlias(id: "fr-old", currentID: "fr-new")),
    Case(
      name: "an old id that is another group's id",
      files: [
        header + "⟦2⟧rule: fr-a\n  drop-line: \"a\"\n",
        header + "rule: fr-b\n  aliases: fr-c ⟦1⟧fr-a\n  drop-line: \"b\"\n",
      ],
      problem: .aliasIsID(alias: "fr-a")),
    Case(
      name: "an old id that is the group's own id",
      files: [header + "⟦2⟧rule: fr-a\n  aliases: ⟦1⟧fr-a\n  drop-line: \"a\"\n"],
      problem: .aliasIsID(alias: "fr-a")),
    Case(
      name: "an old id of two groups",
      files: [
        header + "rule: fr-a\n  aliases: ⟦2⟧fr-old\n  drop-line: \"a\"\n"
          + "rule: fr-b\n  aliases: ⟦1⟧fr-old\n  drop-line: \"b\"\n"
      ],
      problem: .duplicateAlias(alias: "fr-old", currentID: "fr-a")),
    Case(
      name: "an old id listed twice by its group",
      files: [header + "rule: fr-a\n  aliases: ⟦2⟧fr-old ⟦1⟧fr-old\n  drop-line: \"a\"\n"],
      problem: .duplicateAlias(alias: "fr-old", currentID: "fr-a")),
  ]

  @Test("a name defined twice is reported at its second definition", arguments: cases)
  func nameDefinedTwice(_ testCase: Case) throws {
    let expected = try #require(testCase.diagnostic)
    #expect(RuleIDs(packs: testCase.packs).diagnostics == [expected])
  }

  @Test("the message names the current id of an old one")
  func messageNamesTheCurrentID() {
    let diagnostic = Diagnostic(
      .error, at: Tamis.SourceLocation(path: "mine.rules", line: 4, column: 1),
      .ruleFile(.idIsAlias(id: "fr-lire-aussi", currentID: "fr-read-also")),
      notes: [
        .init(
          location: Tamis.SourceLocation(path: "rules/generic/fr.rules", line: 12, column: 12),
          kind: .firstDefinedHere)
      ])
    #expect(
      DiagnosticRenderer.render(diagnostic) == """
        mine.rules:4:1: error: rule id 'fr-lire-aussi' is an old id of 'fr-read-also'; \
        choose another id
        rules/generic/fr.rules:12:12: note: first defined here
        """)
  }

  static let renamed = """
    title: T
    lang: fr
    group: fr-read-also
      aliases: fr-lire-aussi lire-aussi
      drop-line: starts-with "Lire aussi"
    rule: fr-pub
      drop-line: equals "Publicité"
    """

  @Test("an old id stands for its group's current id; an unknown name for none")
  func currentIDs() throws {
    let ids = try RuleSet(parsing: Self.renamed, source: "t.rules").ids
    #expect(ids.diagnostics == [])
    #expect(ids.currentID(of: "fr-read-also") == "fr-read-also")
    #expect(ids.currentID(of: "fr-lire-aussi") == "fr-read-also")
    #expect(ids.currentID(of: "lire-aussi") == "fr-read-also")
    #expect(ids.currentID(of: "fr-pub") == "fr-pub")
    #expect(ids.currentID(of: "fr-lire") == nil)
  }

  @Test("a group is found by its old id as by its id")
  func groupByOldID() throws {
    let rules = try RuleSet(parsing: Self.renamed, source: "t.rules")
    #expect(rules.group(id: "fr-lire-aussi")?.id == "fr-read-also")
    #expect(rules.group(id: "fr-read-also")?.id == "fr-read-also")
    #expect(rules.group(id: "fr-pub")?.id == "fr-pub")
    #expect(rules.group(id: "fr-lire") == nil)
  }

  @Test("loading a user file that takes a built-in rule's old id fails, naming the new id")
  func loadingRejectsAnOldID() {
    let user = "title: Mine\nlang: fr\nrule: fr-lire-aussi\n  drop-line: \"Lire aussi\"\n"
    do throws(RuleSetError) {
      _ = try RuleSet(
        parsing: [(path: "builtin.rules", text: Self.renamed), (path: "mine.rules", text: user)])
      Issue.record("the rule set loaded")
    } catch {
      #expect(
        error.diagnostics.map(\.problem) == [
          .ruleFile(.idIsAlias(id: "fr-lire-aussi", currentID: "fr-read-also"))
        ])
    }
  }
}
