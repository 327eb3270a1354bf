import Testing

@testable import Tamis

/// Where the body core ends: it reaches over a terminal session and a wiki's references, so
/// the shape rules after it (`structure-after-body-headlines`) take the other stories and spare
/// the article.
@Suite struct BodyCoreBoundaryTests {
  typealias Base = BodyCoreTests

  static let afterBody = """
    group: after
      when: after-body
      when: not-sentence
      when: max-words 16
      drop-line: any

    """

  @Test("a terminal session between paragraphs does not end the core")
  func terminalSession() throws {
    let session = [
      "$ hg pull ../public", "[...]", "added 1 changesets with 1 changes to 1 files (+1 heads)",
      "(run 'hg heads' to see heads, 'hg merge' to merge)", "|", "| @ 4:cbdfbd5a5db2 (alice)",
      "|/", "updating to branch default", "$ hg rebase -d 5",
    ]
    let dump =
      Base.paragraphs[0] + "\n\n" + Base.paragraphs[1] + "\n\n" + session.joined(separator: "\n")
      + "\n\n" + Base.paragraphs[2] + "\n\nFlood warnings issued for three river valleys\n"
    let article = try Base.clean(Self.afterBody, dump)
    #expect(Base.removed(article) == ["Flood warnings issued for three river valleys"])
  }

  @Test("a prompt followed by a command is code; a sum of dollars is not")
  func prompts() {
    func shape(_ text: String) -> LineShape {
      var copy = text
      return copy.withUTF8 { LineShape($0, stopWords: nil) }
    }
    #expect(shape("$ hg pull ../public").looksLikeCode)
    #expect(shape(">>> import os").looksLikeCode)
    #expect(!shape("$ 5 million").looksLikeCode)
    #expect(!shape("$ Dollar Tree").looksLikeCode)
    #expect(shape("^ Physics 125 Course Notes at the Institute").isTextListItem)
  }

  @Test("a wiki's references after the last paragraph stay in the core")
  func references() throws {
    let references = [
      "References", "^ Physics 125 Course Notes at the Institute of Technology",
      "^ A Review of the Time-Travel Fantasy Genre",
      "^ Brown, J. The Light Cone and its Causal Structure",
    ]
    let dump = Base.article + "\n\n" + references.joined(separator: "\n") + "\n\nHome\nContact\n"
    let article = try Base.clean(Self.afterBody, dump)
    #expect(Base.removed(article) == ["Home", "Contact"])
  }

  @Test("a headline in sentence case without a full stop is no sentence; a short sentence is")
  func sentenceCaseHeadlines() throws {
    let form = ["Your name", "Comment", "Text format", "Basic HTML", "Plain text", "Anonymous"]
    let headline = "Air pollution may cause infertility for a significant number of couples"
    let teaser =
      "Rivers rose across the region after two days of heavy rain, and the roads along the"
      + " valley were closed to all traffic until further notice."
    let dump =
      Base.article + "\n\n" + form.joined(separator: "\n") + "\nreply\nLars\n"
      + headline + "\nNobody else spoke.\n" + teaser + "\n"
    #expect(Self.lineClass(headline) == .nearProse)
    let article = try Base.clean(Self.afterBody, dump)
    #expect(Base.removed(article).contains(headline))
    #expect(article.body.contains("Nobody else spoke."))
    #expect(article.body.hasSuffix(teaser))
  }

  static func lineClass(_ text: String) -> LineClass { BodyCoreEdgeTests.lineClass(text) }

  static let farAfter = """
    group: far
      when: far-after-body
      when: not-list-item
      drop-line: any

    """

  /// A gallery set in the article: more short lines in a row than `coreReachBreakLines`.
  static let gallery = [
    "The presidents and their clubs", "Read more", "Back See again", "Back", "Back", "Messenger",
    "Google", "Pinterest", "Copy link",
  ]

  @Test("paragraphs back to back after a gallery continue the article; far past it, comments go")
  func galleryInTheArticle() throws {
    let comment =
      "I have said this for years and nobody listens, but the council will never fix the buses"
      + " until the people who run it have to ride them every single day of the week."
    let names = ["Lars", "reply", "March", "Report", "Like", "Share", "Follow", "Block"]
    let dump =
      Base.article + "\n\n" + Self.gallery.joined(separator: "\n") + "\n\n" + Base.article
      + "\n\n" + names.joined(separator: "\n") + "\n" + comment + "\n"
    let article = try Base.clean(Self.farAfter, dump)
    #expect(article.body.hasSuffix(Base.article + "\n\n" + names.prefix(4).joined(separator: "\n")))
    #expect(Base.removed(article) == Array(names.dropFirst(4)) + [comment])
  }

  @Test("a gallery's run ends the core when no paragraphs follow it back to back")
  func runWithoutParagraphs() throws {
    let teasers = [
      "Flood warnings issued for three river valleys",
      "Rivers rose across the region after two days of heavy rain, and the roads along the valley"
        + " were closed to all traffic until further notice from the police.",
      "Bakery wins a national prize",
      "The family-run bakery on the high street won the national prize for its sourdough loaf,"
        + " beating more than four hundred entries from across the country this year.",
    ]
    let dump =
      Base.article + "\n\n" + Self.gallery.joined(separator: "\n") + "\n\n"
      + teasers.joined(separator: "\n") + "\n"
    let article = try Base.clean(Self.farAfter, dump)
    // The 4 lines next to the core's end are its edge (`Settings.bodyEdgeLines`).
    #expect(article.body.hasSuffix(Self.gallery[3]))
    #expect(Base.removed(article) == Array(Self.gallery.dropFirst(4)) + teasers)
  }

  @Test("far after the core, a list entry stays and the rest goes; near it, a bio stays")
  func farAfterTheCore() throws {
    let bio = "Ana Lima covers the town hall for the paper and has written two books about it."
    let form = [
      "Your name", "Your e-mail", "Comment", "Text format", "Basic HTML", "Plain text", "Anonymous",
      "reply", "Lars",
    ]
    let entry = "- Town budget 2024, the council's report, published in March."
    let teaser =
      "Rivers rose across the region after two days of heavy rain, and the roads along the"
      + " valley were closed to all traffic until further notice."
    let dump =
      Base.article + "\n\n" + bio + "\n\n" + form.joined(separator: "\n") + "\n" + teaser
      + "\n" + entry + "\n"
    let article = try Base.clean(Self.farAfter, dump)
    #expect(article.body.contains(bio))
    #expect(article.body.hasSuffix(entry))
    #expect(Base.removed(article) == Array(form.dropFirst(4)) + [teaser])
  }

  @Test("a zone's lines do not count in the distance to the core: a last paragraph stays")
  func zoneBeforeTheLastParagraph() throws {
    let block = ["Skip past newsletter promotion", "Sign up", "Privacy notice", "after newsletter"]
    let last =
      "Councils say the shortage of land is the main obstacle, and several are now looking."
    let rules =
      Self.farAfter
      + "group: promo\n  drop-block: equals \"Skip past newsletter promotion\" until equals"
      + " \"after newsletter\"\n"
    let dump =
      Base.article + "\n\n" + block.joined(separator: "\n") + "\n\n" + last + "\n\nFooter\n"
    let article = try Base.clean(rules, dump)
    #expect(article.body.hasSuffix(last + "\n\nFooter"))
    #expect(Base.removed(article) == block)
  }

  @Test("a label repeated under each comment parts the thread from the article")
  func repeatedLabels() throws {
    let comments = [
      "I have said this for years and nobody listens, but the council will never fix the buses"
        + " until the people who run it have to ride them every day.",
      "The library was the only thing worth saving in this budget, and I am glad the mayor saw"
        + " that in the end, even if it took three hours of shouting.",
      "Three hours for a budget that changes nothing is a waste of everybody's evening, and the"
        + " council should be ashamed of the way it treats its residents.",
    ]
    let thread = comments.map { $0 + "\nReply" }.joined(separator: "\n")
    let dump = Base.article + "\n\n" + thread + "\n"
    let article = try Base.clean(Self.afterBody, dump)
    #expect(article.body == Base.article + "\n\n" + comments.joined(separator: "\n"))
    #expect(Base.removed(article) == ["Reply", "Reply", "Reply"])
  }
}
