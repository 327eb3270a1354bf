import Testing

@testable import Tamis

/// `far-before-body`: the page's head far above the article, never the article's own lines when
/// the core starts late.
@Suite struct BodyCoreFarBeforeTests {
  typealias Base = BodyCoreTests

  static let rule = "group: head\n  when: far-before-body\n  drop-line: any\n"

  static let head = [
    "Council Votes to Keep the Night Buses Running", "Heavy Rain Closes Two Schools",
    "Bakery on Main Street Celebrates Fifty Years", "Local Team Reaches the Final",
  ]
  static let near = [
    "Sign In", "Share", "Menu", "Search", "Weather", "Sport", "By Ana Lima", "5 March 2024",
  ]

  @Test("headlines far above the article go; the lines right above it and the first line stay")
  func headGoes() throws {
    let dump =
      (["Town News"] + Self.head + Self.near).joined(separator: "\n") + "\n\n" + Base.article
      + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(Base.removed(article) == Self.head)
  }

  @Test("below a paragraph above the core (a chart split the article), nothing is far")
  func proseAboveTheCoreStops() throws {
    let chart = (1...12).map { "Bar \($0)" }
    let dump =
      (["Town News", Base.paragraphs[0]] + Self.head + chart + Self.near).joined(separator: "\n")
      + "\n\n" + Base.paragraphs[1] + "\n\n" + Base.paragraphs[2] + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(article.removals.isEmpty)
  }
}
