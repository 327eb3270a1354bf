import Testing

@testable import Tamis

/// Photo galleries (`in-gallery`): slide counters that run up by one, with their captions and
/// credits, in the middle of an article.
@Suite struct BodyCoreGalleryTests {
  typealias Base = BodyCoreTests

  static let rule = "group: gallery\n  when: in-gallery\n  drop-line: any\n"

  static func slides(_ total: Int, credits: Bool = true) -> [String] {
    (1...total).flatMap { k in
      ["\(k)/\(total) Slide title number \(k)", "The caption of picture \(k) says what it shows."]
        + (credits && k % 2 == 0 ? ["Getty Images"] : [])
    }
  }

  @Test("a gallery between paragraphs goes, slides, captions and credits, up to its last slide")
  func galleryGoes() throws {
    let gallery = Self.slides(4, credits: false)
    let dump =
      Base.paragraphs[0] + "\n\n" + gallery.joined(separator: "\n") + "\n"
      + Base.paragraphs[1] + "\n\n" + Base.paragraphs[2] + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(Base.removed(article) == gallery)
    #expect(
      article.body
        == [Base.paragraphs[0], Base.paragraphs[1], Base.paragraphs[2]].joined(separator: "\n\n"))
  }

  @Test("slides with credits: the last slide is as long as the shortest one")
  func lastSlide() throws {
    let gallery = Self.slides(3)
    let dump = Base.article + "\n\n" + gallery.joined(separator: "\n") + "\nMore text here.\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(Base.removed(article) == gallery)
    #expect(article.body.hasSuffix("More text here."))
  }

  @Test("fractions, dates and two counters are no gallery")
  func notGalleries() throws {
    let recipe = ["1/2 cup of sugar", "1/3 cup of milk", "1/4 teaspoon of salt"]
    let dates = ["12/31 Happy new year to all", "01/01 A comment", "01/02 Another comment"]
    let two = ["1/5 First picture", "2/5 Second picture"]
    let dump = ([Base.article] + recipe + dates + two).joined(separator: "\n")
    #expect(try Base.clean(Self.rule, dump).removals.isEmpty)
  }

  @Test("a counter that skips a slide starts no gallery from the middle")
  func brokenChain() throws {
    let lines = ["1/9 One", "2/9 Two", "4/9 Four", "5/9 Five"]
    let dump = Base.article + "\n\n" + lines.joined(separator: "\n") + "\n"
    #expect(try Base.clean(Self.rule, dump).removals.isEmpty)
  }
}
