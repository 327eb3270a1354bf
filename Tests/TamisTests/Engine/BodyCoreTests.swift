import Testing

@testable import Tamis

/// The body core through `Cleaner`: the zone guards, the credit guard, copyrights, the structure
/// conditions and the structure switch (`CleaningOptions.structure`).
@Suite struct BodyCoreTests {
  // MARK: - Helpers

  /// Cleans `dump` with one rule file made of `groups` (a `lang: any` header is added).
  static func clean(_ groups: String, _ dump: String, structure: Bool = true) throws
    -> CleanedArticle
  {
    let rules = try RuleSet(parsing: "title: T\nlang: any\n" + groups, source: "t.rules")
    return Cleaner(rules: rules).clean(
      dump, source: "d.txt", options: CleaningOptions(language: "en", structure: structure))
  }

  /// Paragraphs of an article: each well over the prose thresholds (30 tokens and more).
  static let paragraphs = [
    "The council voted on the new budget on Tuesday night, after a debate that lasted more than"
      + " three hours and drew one of the largest crowds the town hall has seen in years.",
    "Residents who attended the meeting said they were relieved that the library would stay"
      + " open next year, although several of them warned that the cuts to the bus service"
      + " would hurt the people who can least afford it.",
    "The mayor said the vote showed that the town could still agree on what mattered most to"
      + " its people, and she promised to hold another public meeting in the spring before the"
      + " next budget is drawn up.",
  ]

  /// The paragraphs, one per line, separated by blank lines.
  static let article = paragraphs.joined(separator: "\n\n")

  static func removed(_ article: CleanedArticle) -> [String] { article.removals.map(\.text) }

  // MARK: - Zone guards

  @Test("a drop-from phrase above the article keeps the article's prose (the yahoo-2 shape)")
  func dropFromAboveTheArticle() throws {
    let rules = "group: comments\n  drop-from: equals \"11 Comments\"\n"
    let dump = "Home\nNews\n11 Comments\n\n" + Self.article + "\n\nReply\n"
    let article = try Self.clean(rules, dump)
    #expect(Self.removed(article) == ["11 Comments", "Reply"])
    #expect(article.body == "Home\nNews\n\n" + Self.article)
    #expect(article.removals.allSatisfy { $0.ruleID == "comments" })

    let phrasesOnly = try Self.clean(rules, dump, structure: false)
    #expect(Self.removed(phrasesOnly) == ["11 Comments"] + Self.paragraphs + ["Reply"])
    #expect(phrasesOnly.body == "Home\nNews")
  }

  @Test("a drop-from phrase below the article still cuts everything after it")
  func dropFromBelowTheArticle() throws {
    let rules = "group: comments\n  drop-from: equals \"11 Comments\"\n"
    let comment =
      "What a great article, thanks for writing it, I learned a lot about the budget and I will"
      + " go to the next meeting myself."
    let dump = Self.article + "\n\n11 Comments\nJane says:\n" + comment + "\nReply\n"
    let article = try Self.clean(rules, dump)
    #expect(article.body == Self.article)
    #expect(Self.removed(article) == ["11 Comments", "Jane says:", comment, "Reply"])
  }

  @Test("a drop-until phrase below the article keeps the article's prose")
  func dropUntilBelowTheArticle() throws {
    let rules = "group: header\n  drop-until: equals \"Skip to content\"\n"
    let dump = "Menu\n\n" + Self.article + "\n\nSkip to content\nFooter links\n"
    let article = try Self.clean(rules, dump)
    #expect(Self.removed(article) == ["Menu", "Skip to content"])
    #expect(article.body == Self.article + "\n\nFooter links")
    let phrasesOnly = try Self.clean(rules, dump, structure: false)
    #expect(phrasesOnly.body == "Footer links")
  }

  @Test("a drop-run in the article keeps its bulleted steps and removes its headline lines")
  func dropRunKeepsListItemsOfTheCore() throws {
    let rules = "group: most-read\n  drop-run: equals \"Most read\"\n"
    let steps = [
      "- Preheat the oven to 200 degrees before you start",
      "- Whisk the eggs with the sugar until pale",
    ]
    let dump =
      Self.paragraphs[0] + "\n\nMost read\nCouncil Approves Budget After Marathon Session\n"
      + steps.joined(separator: "\n") + "\n\n" + Self.paragraphs[1] + "\n"
    let article = try Self.clean(rules, dump)
    #expect(
      Self.removed(article) == ["Most read", "Council Approves Budget After Marathon Session"])
    #expect(
      article.body
        == Self.paragraphs[0] + "\n\n" + steps.joined(separator: "\n") + "\n\n"
        + Self.paragraphs[1])
    let phrasesOnly = try Self.clean(rules, dump, structure: false)
    #expect(
      Self.removed(phrasesOnly)
        == ["Most read", "Council Approves Budget After Marathon Session"] + steps)
  }

  @Test("a drop-run outside the article still removes a bulleted headline list")
  func dropRunOutsideTheCore() throws {
    let rules = "group: most-read\n  drop-run: equals \"Most read\"\n"
    let headlines = [
      "- Council approves budget after marathon session",
      "- Library to stay open next year, mayor says",
    ]
    let dump = Self.article + "\n\nMost read\n" + headlines.joined(separator: "\n") + "\n"
    let article = try Self.clean(rules, dump)
    #expect(article.body == Self.article)
    #expect(Self.removed(article) == ["Most read"] + headlines)
  }

  // MARK: - Credits and copyrights

  @Test("a lone credit after a paragraph of prose does not make it a caption")
  func creditAfterParagraph() throws {
    let rules = "group: credits\n  credit: equals \"Photo: {credit}\"\n"
    // 30 words: short enough for a caption by words alone, but a paragraph of prose.
    let paragraph =
      "The council voted on the new budget on Tuesday night, after a debate that lasted more"
      + " than three hours and drew one of the largest crowds in years."
    let dump = Self.paragraphs[0] + "\n\n" + paragraph + "\nPhoto: AFP\n"
    let article = try Self.clean(rules, dump)
    #expect(article.captions.isEmpty)
    #expect(article.body == Self.paragraphs[0] + "\n\n" + paragraph)
    #expect(Self.removed(article) == ["Photo: AFP"])
    #expect(article.removals.map(\.ruleID) == ["credits"])

    let phrasesOnly = try Self.clean(rules, dump, structure: false)
    #expect(phrasesOnly.captions.map(\.text) == [paragraph])
  }

  @Test("a lone credit after a short caption line still joins it")
  func creditAfterCaptionLine() throws {
    let rules = "group: credits\n  credit: equals \"Photo: {credit}\"\n"
    let dump = Self.article + "\n\nThe mayor at the town hall on Tuesday.\nPhoto: AFP\n"
    let article = try Self.clean(rules, dump)
    #expect(article.captions.map(\.text) == ["The mayor at the town hall on Tuesday."])
    #expect(article.captions.map(\.credit) == ["AFP"])
    #expect(article.body == Self.article)
    #expect(article.removals.isEmpty)
  }

  @Test(
    "a copyright after a paragraph goes to meta.copyright and is removed, accounted for",
    arguments: ["© Some Agency 2024", "(c) Some Agency 2024", "Copyright Some Agency 2024"])
  func copyright(_ line: String) throws {
    let rules = """
      group: credits
        credit: starts-with "© {credit}"
        credit: starts-with "(c) {credit}"
        credit: starts-with "Copyright {credit}"
      """
    let dump = Self.article + "\n" + line + "\n"
    let article = try Self.clean(rules, dump)
    #expect(article.meta["copyright"] == line)
    #expect(article.body == Self.article)
    #expect(article.captions.isEmpty)
    #expect(Self.removed(article) == [line])
    #expect(article.removals.first?.ruleID == "credits")
    #expect(article.removals.first?.line == 6)
    #expect(article.outcomes.last == .removed(0))
    #expect(article.outcomes.count == 6)
  }

  @Test("a credit that is no copyright and joins nothing leaves meta.copyright unset")
  func plainCreditIsNoCopyright() throws {
    let rules = "group: credits\n  credit: equals \"Photo: {credit}\"\n"
    let article = try Self.clean(rules, Self.article + "\n\nPhoto: AFP\n")
    #expect(article.meta["copyright"] == nil)
    #expect(Self.removed(article) == ["Photo: AFP"])
  }

  // MARK: - Structure conditions

  static let outsideBody = """
    group: outside
      when: outside-body
      when: not-prose
      drop-line: any
    """

  @Test("a dump without prose has no core: rules around the core remove nothing")
  func noProseNoCore() throws {
    let dump = "Home\nWorld\nApril 5, 2018 | 6:00 PM\n\nShare\nFacebook\nTwitter\nA | B | C\n"
    let article = try Self.clean(Self.outsideBody, dump)
    #expect(article.removals.isEmpty)
    #expect(article.outcomes.count == 8)
    let before = try Self.clean(
      "group: before\n  when: before-body\n  drop-line: any\n"
        + "group: after\n  when: after-body\n  drop-line: any\n", dump)
    #expect(before.removals.isEmpty)
  }

  @Test("with the built-in rules, a dump without prose loses nothing to structure-outside-body")
  func noProseBuiltin() throws {
    let dump = "Home\nWorld\nBusiness\nSport\n\nShare\nFacebook\nTwitter\n"
    let article = Cleaner(rules: try RuleSet.builtin()).clean(dump, source: "d.txt")
    #expect(!article.removals.contains { $0.ruleID == "structure-outside-body" })
  }

  @Test("the body positions split a dump around the core")
  func positions() throws {
    let dump = "Home\nWorld\n\n" + Self.article + "\n\nShare\nTags\n"
    let before = try Self.clean("group: g\n  when: before-body\n  drop-line: any\n", dump)
    #expect(Self.removed(before) == ["Home", "World"])
    let after = try Self.clean("group: g\n  when: after-body\n  drop-line: any\n", dump)
    #expect(Self.removed(after) == ["Share", "Tags"])
    let outside = try Self.clean(Self.outsideBody, dump)
    #expect(Self.removed(outside) == ["Home", "World", "Share", "Tags"])
    let inside = try Self.clean("group: g\n  when: in-body\n  drop-line: any\n", dump)
    #expect(Self.removed(inside) == Self.paragraphs)
  }

  @Test("a short list after a line ending with ':' is no navigation run; section names are")
  func navigationRuns() throws {
    let rules = "group: nav\n  when: in-nav-run\n  drop-line: any\n"
    let dump = [
      Self.paragraphs[0], "You will need:", "Flour", "Sugar", "Butter", "Eggs", "",
      Self.paragraphs[1], "", "Home", "World", "Business", "Sport", "", Self.paragraphs[2],
    ].joined(separator: "\n")
    let article = try Self.clean(rules, dump)
    #expect(Self.removed(article) == ["Home", "World", "Business", "Sport"])
  }

  @Test(
    "with the structure layer off, a rule with a structure condition never fires",
    arguments: [
      "when: outside-body\n  drop-line: any", "when: before-body\n  drop-line: any",
      "when: not-prose\n  drop-line: equals \"Share\"", "when: menu-like\n  drop-line: any",
      "when: junk\n  drop-line: any", "when: prose\n  drop-line: any",
      "when: in-nav-run\n  drop-line: any",
    ])
  func switchedOff(_ rule: String) throws {
    let dump =
      "Home\nWorld\nBusiness\nSport\n\n" + Self.article + "\n\nShare\nApril 5, 2018 | 6:00 PM\n"
    let on = try Self.clean("group: g\n  " + rule + "\n", dump)
    #expect(!on.removals.isEmpty)
    let off = try Self.clean("group: g\n  " + rule + "\n", dump, structure: false)
    #expect(off.removals.isEmpty)
    #expect(off.body == dump.dropLast().description)
  }

  @Test("with the structure layer off, 'drop-line: any' under older conditions still applies")
  func anyWithOlderConditionsSwitchedOff() throws {
    let rules = "group: g\n  when: max-words 1\n  drop-line: any\n"
    let dump = "Home\n\n" + Self.article + "\n\nShare\n"
    for structure in [true, false] {
      let article = try Self.clean(rules, dump, structure: structure)
      #expect(Self.removed(article) == ["Home", "Share"], "structure \(structure)")
    }
  }

  @Test("a user's keep protects a line from structure-outside-body")
  func userKeep() throws {
    let dump = "Home\nWorld\nSport\n\n" + Self.article + "\n\nShare\nFacebook\n"
    let builtin = Cleaner(rules: try RuleSet.builtin()).clean(dump, source: "d.txt")
    #expect(
      builtin.removals.contains { $0.text == "Sport" && $0.ruleID == "structure-outside-body" })
    let user = "title: Mine\nlang: any\ngroup: my-keep\n  keep: equals \"Sport\"\n"
    let rules = try RuleSet(parsing: RuleSet.builtinFiles + [(path: "mine.rules", text: user)])
    let kept = Cleaner(rules: rules).clean(dump, source: "d.txt")
    #expect(!kept.removals.contains { $0.text == "Sport" })
    #expect(kept.body.hasPrefix("Sport\n\n") || kept.body.contains("\nSport\n"))
    #expect(kept.removals.contains { $0.text == "World" })
  }
}
