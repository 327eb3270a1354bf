import Testing

@testable import Tamis

/// What `LineShape` measures on one line, and the `LineClass` it gives: the features the body
/// core reads.
@Suite struct LineShapeTests {
  /// The shape and class of `text` in a dump of `language` (nil: no stop-word table).
  static func measure(_ text: String, language: String?) -> (LineShape, LineClass) {
    let stopWords = language.flatMap { StopWordSet.byLanguage[$0] }
    var text = text
    let shape = text.withUTF8 { LineShape($0, stopWords: stopWords) }
    return (shape, LineClass(shape, hasStopWords: stopWords != nil))
  }

  /// A line, its language, and what the structure layer must read in it.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    var language: String? = "en"
    var lineClass: LineClass
    var menuLike = false
    var listItem = false
    var textListItem = false
    var code = false
    var endsLikeSentence: Bool? = nil
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    // MARK: Prose
    Case(
      name: "an English paragraph is prose",
      text:
        "The council voted on the new budget on Tuesday night, after a debate that lasted more than three hours.",
      lineClass: .prose, endsLikeSentence: true),
    Case(
      name: "a French paragraph is prose",
      text:
        "Le conseil municipal a voté le budget mardi soir, après trois heures de débat animé dans la salle.",
      language: "fr", lineClass: .prose, endsLikeSentence: true),
    Case(
      name: "an English paragraph without a table is prose by its lower-case words",
      text:
        "The council voted on the new budget on Tuesday night, after a debate that lasted more than three hours.",
      language: nil, lineClass: .prose, endsLikeSentence: true),
    Case(
      name: "a Chinese sentence of 30 characters with 。 is prose",
      text: "市议会周二晚上投票通过了新的预算方案，辩论持续了三个多小时，居民表示满意。",
      language: nil, lineClass: .prose, endsLikeSentence: true),
    Case(
      name: "a short Chinese label is short and menu-like",
      text: "新闻首页",
      language: nil, lineClass: .short, menuLike: true, endsLikeSentence: false),
    Case(
      name: "a short sentence is near-prose",
      text: "He declined to comment on the decision.",
      lineClass: .nearProse, endsLikeSentence: true),

    // MARK: Menus and headlines
    Case(
      name: "a three-word menu item is short and menu-like",
      text: "Politics and Culture", lineClass: .short, menuLike: true, endsLikeSentence: false),
    Case(
      name: "a capitalised headline is short and menu-like",
      text: "Council Approves Budget After Marathon Session",
      lineClass: .short, menuLike: true, endsLikeSentence: false),

    // MARK: Junk
    Case(
      name: "a date with a time after a bar is junk", text: "April 5, 2018 | 6:00 PM",
      lineClass: .junk, menuLike: true, endsLikeSentence: false),
    Case(
      name: "a comment timestamp is junk", text: "November 19, 2019 at 6:34 am",
      lineClass: .junk, menuLike: true, endsLikeSentence: false),
    Case(
      name: "a separator list is junk", text: "A | B | C", lineClass: .junk, menuLike: true,
      endsLikeSentence: false),
    Case(
      name: "a middle-dot list is junk", text: "News · Sport · Culture", lineClass: .junk,
      menuLike: true, endsLikeSentence: false),

    // MARK: Lists and code
    Case(
      name: "a numbered step is a text list item", text: "1. Preheat the oven to 200 degrees",
      lineClass: .short, listItem: true, textListItem: true, endsLikeSentence: false),
    Case(
      name: "a bulleted item of two words is a list item, not list text", text: "- Two eggs",
      lineClass: .short, menuLike: true, listItem: true, endsLikeSentence: false),
    Case(
      name: "a line of SQL looks like code", text: "SELECT a FROM b;", lineClass: .short,
      code: true, endsLikeSentence: true),
    Case(
      name: "a function call looks like code", text: "print(total)", lineClass: .short,
      menuLike: true, code: true, endsLikeSentence: false),

    // MARK: Sentence ends
    Case(
      name: "a sentence ending inside closing quotes ends like a sentence",
      text: "“We will keep our promises,” the mayor said. “All of them.”",
      lineClass: .prose, endsLikeSentence: true),
    Case(
      name: "a sentence ending inside a closing bracket ends like a sentence",
      text: "The vote was close (the mayor won by two votes.)",
      lineClass: .prose, endsLikeSentence: true),
    Case(
      name: "a short quoted sentence is near-prose",
      text: "“He declined to comment on the decision.”", lineClass: .nearProse,
      endsLikeSentence: true),
    Case(
      name: "a bracket without a mark inside does not end like a sentence",
      text: "Budget vote (live)", lineClass: .short, menuLike: true, endsLikeSentence: false),
  ]

  @Test("each line is measured and classed as the body core needs", arguments: cases)
  func classes(_ c: Case) {
    let (shape, lineClass) = Self.measure(c.text, language: c.language)
    #expect(lineClass == c.lineClass)
    #expect(shape.isMenuLike == c.menuLike)
    #expect(shape.isListItem == c.listItem)
    #expect(shape.isTextListItem == c.textListItem)
    #expect(shape.looksLikeCode == c.code)
    if let ends = c.endsLikeSentence { #expect(shape.endsLikeSentence == ends) }
  }

  @Test(
    "a sentence ends like one inside French and German closing quotes",
    arguments: [
      "« Nous tiendrons nos promesses. »", "« Nous tiendrons nos promesses.\u{A0}»",
      "« Nous tiendrons nos promesses !\u{202F}»", "„Wir halten unsere Versprechen.“",
      "‚Wir halten unsere Versprechen.‘", "« Il a dit “non.” »",
    ])
  func closingQuotesOfOtherLanguages(_ text: String) {
    let (shape, _) = Self.measure(text, language: nil)
    #expect(shape.endsLikeSentence)
    #expect(!shape.isMenuLike)
  }

  @Test("a space before a closing guillemet does not make a sentence of a label")
  func spaceBeforeGuillemetAlone() {
    #expect(!Self.measure("« Nos promesses »", language: "fr").0.endsLikeSentence)
    #expect(!Self.measure("Le budget »", language: "fr").0.endsLikeSentence)
  }

  @Test("a line ending with a colon ends like a sentence and with a colon")
  func colon() {
    let (shape, _) = Self.measure("You will need:", language: "en")
    #expect(shape.endsLikeSentence)
    #expect(shape.endsWithColon)
    let (plain, _) = Self.measure("You will need.", language: "en")
    #expect(!plain.endsWithColon)
  }

  @Test("CJK characters count as tokens of their own, weighted in effective tokens")
  func cjkTokens() {
    let (shape, _) = Self.measure("新闻 news", language: nil)
    #expect(shape.cjk == 2)
    #expect(shape.tokens == 3)
    #expect(shape.effectiveTokens == 1 + 2 * Settings.cjkTokenWeight)
  }

  @Test("an empty or blank line is junk, never prose")
  func blank() {
    #expect(Self.measure("", language: "en").1 == .junk)
    #expect(Self.measure("   ", language: "en").1 == .junk)
  }
}
