import Testing

@testable import Tamis

/// How an action spells itself back as a rule-file line.
@Suite struct ActionTests {
  /// An action line in canonical form, which must parse and spell back unchanged.
  struct Case: Sendable, CustomTestStringConvertible {
    let line: String
    var testDescription: String { line }
  }

  static let cases: [Case] = [
    Case(line: #"drop-line: starts-with "Lire aussi""#),
    Case(line: #"strip-span: ends-with "(AFP)""#),
    Case(line: #"drop-from: equals "Partager""#),
    Case(line: #"drop-until: contains "Publié le" any-accent"#),
    Case(line: #"drop-block: equals "Pub" until equals "Fin""#),
    Case(line: #"drop-run: equals "Les plus lus""#),
    Case(line: "drop-tail: min-words 20"),
    Case(line: #"caption: contains "{text} // Source : {credit}""#),
    Case(line: #"credit: equals "Photo : {credit}""#),
    Case(line: #"meta: starts-with "Par {author}""#),
    Case(line: #"keep: contains "AFP" exact"#),
  ]

  @Test("an action spells back as the line it was parsed from", arguments: cases)
  func spellingRoundTrips(_ testCase: Case) throws {
    let rules = try RuleSet(
      parsing: "title: T\nlang: fr\nrule: fr-x\n  \(testCase.line)\n", source: "t.rules")
    let rule = try #require(rules.packs.first?.rules.first)
    #expect(rule.action.spelling == testCase.line)
  }

  @Test("drop-tail spells its word count")
  func dropTailSpellsItsWordCount() {
    #expect(Action.dropTail(minimumWords: 12).spelling == "drop-tail: min-words 12")
  }
}
