import Testing

@testable import Tamis

/// Runs of headlines well above the core (`in-headline-run`): other stories' headlines one under
/// the other in the page's head, even under a teaser's sentence; a table of contents stays.
@Suite struct BodyCoreHeadlineRunTests {
  typealias Base = BodyCoreTests

  static let rule = "group: runs\n  when: in-headline-run\n  drop-line: any\n"

  static let teaser = "The bakery on Main Street will close its doors next month after fifty years."
  static let headlines = [
    "Flood warnings issued for three river valleys", "Council sells the old bus depot at last",
    "Schools in the valley stay shut on Monday", "New bus line opens in the north of the town",
    "The derby ends in a draw for the third time", "Why the old bridge is closed again this week",
  ]
  /// Short lines between the list and the article, so that the list is far above the core.
  static let head = [
    "Login", "Share", "Menu", "Search", "Weather", "Sport", "Travel", "Jobs", "Ads",
  ]

  static func dump(_ list: [String], core: String = Base.article) -> String {
    ([teaser] + list + head).joined(separator: "\n") + "\n\n" + core + "\n"
  }

  @Test("six headlines under a teaser's sentence, far above the article, go")
  func headlineRunGoes() throws {
    let article = try Base.clean(Self.rule, Self.dump(Self.headlines))
    #expect(Base.removed(article) == Self.headlines)
  }

  @Test("one-word kickers between the headlines and a title-case question do not end the run")
  func kickersAndQuestions() throws {
    let list = [
      "Justice Department Toughened Its Approach, but Will That Last?", "Breakingviews",
      Self.headlines[0], Self.headlines[1], "Opinion", Self.headlines[2], Self.headlines[3],
      Self.headlines[4],
    ]
    let article = try Base.clean(Self.rule, Self.dump(list))
    #expect(Base.removed(article) == list.filter { $0.contains(" ") })
  }

  @Test("a line ending with a colon is no headline: it breaks the run")
  func colonBreaksTheRun() throws {
    let list =
      Array(Self.headlines.prefix(3)) + ["What the Council Said:"] + Self.headlines.suffix(3)
    #expect(try Base.clean(Self.rule, Self.dump(list)).removals.isEmpty)
  }

  @Test("five headlines, a run close to the article and a table of contents stay")
  func runsThatStay() throws {
    let five = try Base.clean(Self.rule, Self.dump(Array(Self.headlines.prefix(5))))
    #expect(five.removals.isEmpty)
    let close = ([Self.teaser] + Self.headlines).joined(separator: "\n") + "\n\n" + Base.article
    #expect(try Base.clean(Self.rule, close).removals.isEmpty)
    // The core prints one of the entries again as its subheading: a table of contents.
    let core =
      Base.paragraphs[0] + "\n\n" + Self.headlines[2] + "\n\n" + Base.paragraphs[1] + "\n\n"
      + Base.paragraphs[2]
    let contents = try Base.clean(Self.rule, Self.dump(Self.headlines, core: core))
    #expect(contents.removals.isEmpty)
  }
}
