import Testing

@testable import Tamis

/// `LearnedMatchPass` and `LearnedLinePass` through `Cleaner`: what goes, what the article keeps.
@Suite struct LearnedLinePassTests {
  static let prose = [
    "The council met on Tuesday evening to discuss the budget for the coming year and the roads.",
    "Residents asked many questions about the new bridge, which will cost more than expected now.",
    "The mayor promised a public meeting before the end of the month to explain the whole plan.",
  ]
  static let disclaimer =
    "This article was written with the support of a grant from the regional press foundation."

  static func cleaner(
    _ lines: [String], inline: Bool = false, rules: RuleSet? = nil
  ) throws -> Cleaner {
    var hasher = LearnedLineHash()
    var entries: [UInt64: LearnedLines.Entry] = [:]
    for (index, line) in lines.enumerated() {
      if let key = hasher.key(line) {
        entries[key.hash] = .init(rank: Int32(index + 1), documents: 40, isInline: inline)
      }
    }
    let site = LearnedLines.Site(host: "example.com", documents: 50, entries: entries)
    return Cleaner(
      rules: try rules ?? RuleSet(packs: []),
      learned: LearnedLines(sites: ["example.com": site]))
  }

  @Test("a learned line goes, named by its id and reason; other sites keep it")
  func removal() throws {
    let text = (["Home", "Updated 4 June 2024"] + Self.prose + ["Download our app today"])
      .joined(separator: "\n\n")
    let cleaner = try Self.cleaner(["Home", "Updated 1 May 2023", "Download our app today"])
    let article = cleaner.clean(text, options: .init(site: "www.example.com"))
    #expect(article.body == Self.prose.joined(separator: "\n\n"))
    let removal = try #require(article.removals.first)
    #expect(removal.ruleID == "learned-example-com-1")
    #expect(removal.reason == "repeated in 40 of 50 documents of example.com")
    #expect(article.removals.count == 3)
    let other = cleaner.clean(text, options: .init(site: "other.com"))
    #expect(other.removals.allSatisfy { $0.reason == nil })
  }

  @Test("prose inside the core and a menu line inside it stay; a learned inline line goes")
  func articleKeepsItsLines() throws {
    let lines = [Self.prose[0], Self.disclaimer, "Climate", Self.prose[1], Self.prose[2]]
    let text = lines.joined(separator: "\n\n")
    let kept = try Self.cleaner([Self.disclaimer, "Climate"]).clean(
      text, options: .init(site: "example.com"))
    #expect(kept.body == text)
    let inline = try Self.cleaner(["Climate"], inline: true).clean(
      text, options: .init(site: "example.com"))
    #expect(!inline.body.contains("Climate"))
  }

  @Test(
    "a short learned line heading a paragraph or a list after the core's end is a section heading")
  func sectionHeadingPastTheCore() throws {
    let tail =
      "The region has a mild climate, with warm summers and cool wet winters in most of its valleys."
    let shortRun = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota"]
    let lines = Self.prose + shortRun + ["Climate", tail]
    let text = lines.joined(separator: "\n\n")
    let kept = try Self.cleaner(["Climate"]).clean(text, options: .init(site: "example.com"))
    #expect(kept.body.contains("\n\nClimate\n\n"))
    // A heading above a list of links (Wikipedia's "External links"), not above prose.
    let links = ["Official site of the regional tourism board", "Regional weather service"]
    let listed = (Self.prose + shortRun + ["Travel"] + links).joined(separator: "\n\n")
    let heading = try Self.cleaner(["Travel"]).clean(listed, options: .init(site: "example.com"))
    #expect(heading.body.contains("\n\nTravel\n\n"))
    let menu = (["Home", "Climate"] + Self.prose).joined(separator: "\n\n")
    let removed = try Self.cleaner(["Home", "Climate"]).clean(
      menu, options: .init(site: "example.com"))
    #expect(removed.body == Self.prose.joined(separator: "\n\n"))
  }

  @Test("the rest of a dump is cleaned as if its learned lines were absent")
  func learnedLinesDoNotMoveTheBodysEdges() throws {
    // A site's newsletter pitch reads like a last paragraph: were it taken for one, the
    // article's own closing lines (a contact block, a last word) would fall far after the
    // body and go with the page's furniture.
    let pitch = "Subscribe to the Example newsletter and get our best stories every morning."
    let closing = [
      "Visitor information", "Phone: 03-584-7231", "Address: 6 Jade Peak Road", "Open 9 to 5",
      "Tickets 50 dollars", "GPS: N24 39 16.4 E121 18 19.5",
      "Follow the blog for more trips!", "Thanks for reading, see you soon!",
    ]
    let article =
      Self.prose + [
        "The road up the valley climbs through old maple woods that turn red late in autumn.",
        "Campers arrived on Friday evening and set up their tents under the tallest trees there.",
        "On Sunday the sky cleared at last, and the whole group walked to the village school.",
      ]
    let rules = try RuleSet.builtin()
    let bare = Cleaner(rules: rules).clean((article + closing).joined(separator: "\n\n"))
    let crawled = (article + closing + [pitch, "Follow Example on social media"])
      .joined(separator: "\n\n")
    let learned = try Self.cleaner([pitch, "Follow Example on social media"], rules: rules)
      .clean(crawled, options: .init(site: "example.com"))
    #expect(bare.body.hasSuffix("Thanks for reading, see you soon!"))
    #expect(learned.body == bare.body)
  }
}
