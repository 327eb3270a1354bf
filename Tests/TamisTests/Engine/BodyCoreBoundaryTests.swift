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
}
