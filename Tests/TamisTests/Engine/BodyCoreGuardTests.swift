import Testing

@testable import Tamis

/// Guards of the body core against body loss on the shapes real pages print: a list the text
/// announces with a `:`, a list of sources, the lines under a wiki's references.
@Suite struct BodyCoreGuardTests {
  typealias Base = BodyCoreTests

  static let tail = "group: tail\n  drop-tail: min-words 8\n"

  static let items = [
    "Finland tops the table for the third year", "Norway and Australia share second place",
    "United States comes last of the ten",
  ]

  @Test("a drop-tail keeps the lines a line ending with ':' announces inside the core")
  func introducedListStays() throws {
    let dump =
      Base.article + "\n\nThe rankings were as follows:\n" + Self.items.joined(separator: "\n")
      + "\n\nThe author is on Twitter at home.\n\nShare this\n"
    let article = try Base.clean(Self.tail, dump)
    #expect(Base.removed(article) == ["Share this"])
    #expect(article.body.contains(Self.items[2]))
  }

  @Test("a list under a ':' line that a phrase rule removes is not announced by the text")
  func claimedIntroducerDoesNotGuard() throws {
    let rules = Self.tail + "group: more\n  drop-line: equals \"Read more:\"\n"
    let dump =
      Base.article + "\n\nRead more:\n" + Self.items.joined(separator: "\n")
      + "\n\nThe author is on Twitter at home.\n"
    let article = try Base.clean(rules, dump)
    #expect(Base.removed(article) == ["Read more:"] + Self.items)
  }

  @Test("a run longer than Settings.introducedListLines under a ':' line is not guarded")
  func longRunIsNotAnnounced() throws {
    let lines = (1...(Settings.introducedListLines + 2)).map { "Headline number \($0) of the page" }
    let dump =
      Base.article + "\n\nMore stories:\n" + lines.joined(separator: "\n")
      + "\n\nThe author is on Twitter at home.\n"
    let article = try Base.clean(Self.tail, dump)
    #expect(Base.removed(article) == lines)
  }

  @Test("bare web addresses under the last paragraph are a list of sources: the tail keeps them")
  func sourcesStay() throws {
    let sources = [
      "https://example.org/api/inspector.html", "http://example.com/blog/profiling-in-production",
    ]
    let dump = Base.article + "\n\n" + sources.joined(separator: "\n") + "\n\nShare this\n"
    let article = try Base.clean(Self.tail, dump)
    #expect(Base.removed(article) == ["Share this"])
    var text = "https://example.org/a page"
    #expect(!text.withUTF8 { LineShape($0, stopWords: nil) }.isListItem)
  }

  @Test("under a bulleted list far after the core, the next lines are end matter again")
  func linesUnderReferences() throws {
    let seeAlso = [
      "See also", "Vector space", "Unitary matrix", "Hermitian form", "Normal matrix",
      "Skew matrix", "Inner product", "Spectral theorem", "Trace",
    ]
    let references = [
      "^ Brown, J. The Light Cone and its Causal Structure",
      "^ Physics 125 Course Notes at the Institute of Technology",
    ]
    let link = "Visualizing the matrix as an ellipse, by a teacher, gives a geometric explanation."
    let footer = [
      "Retrieved from the archive", "Categories", "Matrices", "Hidden categories", "Privacy",
    ]
    let dump =
      Base.article + "\n\n" + seeAlso.joined(separator: "\n") + "\n\n"
      + references.joined(separator: "\n") + "\n\nExternal links\n" + link + "\n\n"
      + footer.joined(separator: "\n") + "\n"
    let article = try Base.clean(BodyCoreBoundaryTests.farAfter, dump)
    #expect(article.body.contains(link))
    #expect(Base.removed(article).contains(seeAlso[4]))
    #expect(Base.removed(article).contains(footer[4]))
    #expect(!Base.removed(article).contains(footer[0]))
  }

  @Test(
    "a short list item closing the article's list is its last entry: the core and the tail keep it")
  func shortLastListItemStays() throws {
    let changes = [
      "* Difficulty setting is saved per world, and can be locked if wanted",
      "* Villager trading has been rebalanced for every profession",
      "* Lots and lots of other changes",
    ]
    let rules =
      Self.tail
      + "group: around\n  when: outside-body\n  when: menu-like\n  when: max-words 5\n  drop-line: any\n"
    let dump =
      Base.article + "\n\nThe changes were as follows:\n" + changes.joined(separator: "\n")
      + "\n- Removed Herobrine\n\nShare this\n"
    let article = try Base.clean(rules, dump)
    #expect(article.body.contains("- Removed Herobrine"))
    #expect(Base.removed(article) == ["Share this"])
    // Without the structure layer there are no shapes to read: the tail takes the short item.
    let phrasesOnly = try Base.clean(Self.tail, dump, structure: false)
    #expect(Base.removed(phrasesOnly).contains("- Removed Herobrine"))
  }

  @Test("a short list item under the article's last paragraph, not under its list, still goes")
  func shortItemUnderParagraphGoes() throws {
    let dump = Base.article + "\n- Home\n- About us\n"
    let article = try Base.clean(Self.tail, dump)
    #expect(Base.removed(article) == ["- Home", "- About us"])
  }

  @Test("a keep with a body condition protects its line once the core is known")
  func keepWithBodyCondition() throws {
    let rules =
      Self.tail
      + "group: tagline\n  when: after-body\n  keep: equals \"{author} is {role} editor\"\n"
    let dump = Base.article + "\n\nJANE DOE IS THE POLITICAL EDITOR\n\nShare this\n"
    let article = try Base.clean(rules, dump)
    #expect(Base.removed(article) == ["Share this"])
  }
}
