import Testing

@testable import Tamis

/// Bylines, datelines and the headline with the built-in rules: they go to meta instead of the
/// body, every such line is still accounted for, and look-alikes stay.
@Suite struct BylinesTests {
  static let paragraphs = BodyCoreTests.paragraphs
  static let article = BodyCoreTests.article

  static func clean(_ dump: String, keepTitle: Bool = false) throws -> CleanedArticle {
    Cleaner(rules: try RuleSet.builtin()).clean(
      dump, source: "d.txt", options: CleaningOptions(language: "en", keepTitle: keepTitle))
  }

  /// Every non-blank input line is in the body, a caption or the removals (the accounting).
  static func expectAccounted(_ article: CleanedArticle, _ dump: String) {
    let lines = dump.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, outcome) in article.outcomes.enumerated() where outcome != .blank {
      if case .removed(let removal) = outcome {
        #expect(article.removals[removal].line == index + 1)
        #expect(article.removals[removal].text == String(lines[index]))
      }
    }
    #expect(article.outcomes.count == lines.count - (dump.hasSuffix("\n") ? 1 : 0))
  }

  @Test("a byline and a date stamp above the article go to meta, accounted for")
  func bylineAndDate() throws {
    let dump = "By Jane Doe\nFriday 25 December 2015\n\n" + Self.article + "\n"
    let article = try Self.clean(dump)
    #expect(article.body == Self.article)
    #expect(article.meta["author"] == "Jane Doe")
    #expect(article.meta["date"] == "Friday 25 December 2015")
    #expect(article.removals.map(\.ruleID) == ["byline-author", "dateline-stamp"])
    #expect(article.removals.map(\.action) == [.meta, .dropLine])
    Self.expectAccounted(article, dump)
  }

  @Test(
    "a sentence-shaped look-alike of a byline is no author",
    arguments: ["By the numbers", "By clicking here you agree", "By Tuesday night it was over"])
  func notAByline(_ line: String) throws {
    let article = try Self.clean(line + "\n\n" + Self.article + "\n")
    #expect(article.meta["author"] == nil)
    #expect(!article.removals.contains { $0.ruleID.hasPrefix("byline-") })
  }

  @Test("a byline far from the article is removed but names no author")
  func bylineElsewhere() throws {
    let teasers =
      "Elsewhere in the paper\n\nLibrary Hours Extended for the Summer Season\nBus Service Cuts Announced\n"
      + "New Bridge Opens to Traffic\nSchool Board Elects New Chair\nSpring Fair Returns\n"
      + "By Jane Doe\n"
    let article = try Self.clean(Self.article + "\n\n" + teasers)
    #expect(article.meta["author"] == nil)
    #expect(
      article.removals.contains { $0.ruleID == "byline-elsewhere" && $0.text == "By Jane Doe" })
  }

  @Test("a size, a rank or a price is no date stamp")
  func notADateStamp() throws {
    for line in ["71.1 MB", "9.", "Thumper ($20)"] {
      let article = try Self.clean(Self.article + "\n" + line + "\n")
      #expect(!article.removals.contains { $0.ruleID.hasPrefix("dateline-") }, "\(line)")
    }
  }

  static let headline = "Council Approves New Budget After Long Debate"

  @Test("the headline leaves the body for meta.title, as a removal by meta-title")
  func headlineToMeta() throws {
    let dump = Self.headline + "\n\n" + Self.article + "\n"
    let article = try Self.clean(dump)
    #expect(article.body == Self.article)
    #expect(article.meta["title"] == Self.headline)
    let removal = try #require(article.removals.first)
    #expect(removal.ruleID == "meta-title")
    #expect(removal.action == .meta)
    #expect(removal.line == 1)
    #expect(removal.rule.description == "<headline>:1")
    #expect(article.outcomes.first == .removed(0))
    Self.expectAccounted(article, dump)
  }

  @Test("with keepTitle the headline stays in the body and still names meta.title")
  func keepTitle() throws {
    let dump = Self.headline + "\n\n" + Self.article + "\n"
    let article = try Self.clean(dump, keepTitle: true)
    #expect(article.body == Self.headline + "\n\n" + Self.article)
    #expect(article.meta["title"] == Self.headline)
    #expect(article.removals.isEmpty)
  }

  @Test(
    "a first line that ends like a sentence, is mostly digits or a breadcrumb is no headline",
    arguments: [
      "The council met on Tuesday night in the old town hall.", "12:45 14.03.2025 10 11 12",
      "Home > Local News > Town Council > Budget",
    ]
  )
  func notAHeadline(_ first: String) throws {
    let article = try Self.clean(first + "\n\n" + Self.article + "\n")
    #expect(!article.removals.contains { $0.ruleID == "meta-title" })
    #expect(article.meta["title"] == nil)
  }

  @Test("a kicker removed on its shape above a body headline is passed over for the headline")
  func kickerAboveHeadline() throws {
    let dump = "Z+ (Inhalt); Wohnungsbau\n" + Self.headline + "\n\n" + Self.article + "\n"
    let article = try Self.clean(dump)
    #expect(article.meta["title"] == Self.headline)
    #expect(article.body == Self.article)
  }
}
