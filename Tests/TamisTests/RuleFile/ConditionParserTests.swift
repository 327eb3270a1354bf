import Testing

@testable import Tamis

/// How the structure conditions of `when:` lines read into `Condition` values (the older
/// conditions are in `RuleFileParserTests`).
@Suite struct ConditionParserTests {
  /// A `when:` value and the condition it spells.
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let condition: Condition
    var testDescription: String { "'\(text)'" }
  }

  static let cases: [Case] = [
    Case(text: "in-body", condition: .body(.inside)),
    Case(text: "before-body", condition: .body(.before)),
    Case(text: "after-body", condition: .body(.after)),
    Case(text: "outside-body", condition: .body(.outside)),
    Case(text: "prose", condition: .shape(.prose)),
    Case(text: "not-prose", condition: .shape(.notProse)),
    Case(text: "not-sentence", condition: .shape(.notSentence)),
    Case(text: "junk", condition: .shape(.junk)),
    Case(text: "menu-like", condition: .shape(.menuLike)),
    Case(text: "in-nav-run", condition: .shape(.inNavigationRun)),
    Case(text: "in-gallery", condition: .shape(.inGallery)),
    Case(text: "in-comment-thread", condition: .shape(.inCommentThread)),
    Case(text: "in-teaser-list", condition: .shape(.inTeaserList)),
    Case(text: "in-headline-run", condition: .shape(.inHeadlineRun)),
    Case(text: "body-edge", condition: .bodyEdge),
    Case(text: "title-case", condition: .shape(.titleCase)),
    Case(text: "date-stamp", condition: .shape(.dateStamp)),
  ]

  @Test("each structure condition spelling reads as its condition", arguments: cases)
  func reads(_ c: Case) {
    #expect(ConditionParser.parse(c.text) == c.condition)
  }

  @Test("every body position and shape has a spelling the parser reads back")
  func everySpellingReadsBack() {
    for position in Condition.BodyPosition.allCases {
      #expect(ConditionParser.parse(position.rawValue) == .body(position))
    }
    for shape in Condition.Shape.allCases {
      #expect(ConditionParser.parse(shape.rawValue) == .shape(shape))
    }
  }

  @Test("only the body and shape conditions need the structure layer, title-case aside")
  func needsStructure() {
    // title-case reads the line's own words and holds with the structure layer off too.
    #expect(Self.cases.allSatisfy { $0.condition.needsStructure == ($0.text != "title-case") })
    let older: [Condition] = [
      .firstLines(3), .lastLines(2), .firstPercent(10), .lastPercent(25), .maxWords(4),
      .minWords(2), .maxLength(80),
    ]
    #expect(!older.contains { $0.needsStructure })
  }

  @Test(
    "a misspelt or decorated structure condition spells nothing",
    arguments: [
      "in-bdy", "outside-bodies", "Outside-Body", "outside body", "menulike", "in-nav-run 3",
      "not prose", "", "body edge", "body-edges", "datestamp",
    ])
  func rejects(_ text: String) {
    #expect(ConditionParser.parse(text) == nil)
  }

  @Test("the structure conditions load from a rule file, several per group")
  func inRuleFile() throws {
    let rules = try RuleSet(
      parsing: """
        title: T
        lang: any
        group: g
          when: outside-body
          when: menu-like
          when: max-words 5
          drop-line: any
        """, source: "t.rules")
    let group = try #require(rules.packs.first?.groups.first)
    #expect(group.conditions == [.body(.outside), .shape(.menuLike), .maxWords(5)])
  }
}
