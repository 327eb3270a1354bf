import Testing

@testable import Tamis

/// Edges of the body core: where the footer tail may start, CJK prose without punctuation, how
/// much prose makes a core confident, and the structure rules around the core.
@Suite struct BodyCoreEdgeTests {
  typealias Base = BodyCoreTests

  @Test("a drop-tail starts after the core: unpunctuated CJK paragraphs at its end stay")
  func tailAfterCore() throws {
    let rules = "group: tail\n  drop-tail: min-words 8\n"
    // No sentence punctuation and no spaces: title-like lines, but prose by their length.
    let cjk = [
      "東京都は来年度の予算案を発表し教育と福祉の分野に重点を置く方針を示した都議会で審議される",
      "知事は記者会見で財源の確保について説明し都民の理解を求めたいと述べたが野党は反発している",
    ]
    let dump = Base.paragraphs[0] + "\n\n" + cjk.joined(separator: "\n\n") + "\n\nSee comments\n"
    let article = try Base.clean(rules, dump)
    #expect(Base.removed(article) == ["See comments"])
    #expect(article.body == Base.paragraphs[0] + "\n\n" + cjk.joined(separator: "\n\n"))
  }

  @Test("a long CJK line without sentence punctuation is prose, a short one is not")
  func cjkClauses() {
    let long = "東京都は来年度の予算案を発表し 教育と福祉の分野に重点を置く方針を示した"
    let short = "きょうの日本昔話"
    #expect(Self.lineClass(long) == .prose)
    #expect(Self.lineClass(short) == .short)
  }

  @Test("a core of one prose line is not confident: rules around it remove nothing")
  func oneLineCore() throws {
    let dump = "Home\nWorld\n\n" + Base.paragraphs[0] + "\n\nShare\nTags\n"
    let article = try Base.clean(Base.outsideBody, dump)
    #expect(article.removals.isEmpty)
    let two = "Home\nWorld\n\n" + Base.paragraphs[0] + "\n\n" + Base.paragraphs[1] + "\n\nShare\n"
    #expect(Base.removed(try Base.clean(Base.outsideBody, two)) == ["Home", "World", "Share"])
  }

  @Test("with the built-in rules, a short label outside the core goes and a short sentence stays")
  func shortLabelsOutsideTheCore() throws {
    let dump =
      "from our local news desk\nIt rained all day.\n\n" + Base.article
      + "\n\nfive hundred readers\n"
    let article = Cleaner(rules: try RuleSet.builtin()).clean(dump, source: "d.txt")
    #expect(
      article.removals.contains {
        $0.text == "from our local news desk" && $0.ruleID == "structure-outside-body-short"
      })
    #expect(article.body.hasPrefix("It rained all day.\n\n"))
  }

  @Test("a long run of short lines (a comment form) ends the core; the prose after it is outside")
  func formEndsTheCore() throws {
    let form =
      ["Your name", "Comment", "Text format", "Basic HTML", "Plain text", "Anonymous"]
      + ["reply", "April 6, 2018", "Lars"]
    let comment =
      "I have been saying this for years and nobody listens, but the council will never fix the"
      + " buses until the people who run it have to ride them every single day."
    let dump = Base.article + "\n\n" + form.joined(separator: "\n") + "\n" + comment + "\n"
    let article = try Base.clean("group: g\n  when: after-body\n  drop-line: any\n", dump)
    #expect(Base.removed(article) == form + [comment])
  }

  @Test("code and number lines between paragraphs neither break the core nor end it")
  func codeInTheCore() throws {
    let code = ["SELECT avg(n)", "FROM series;", "avg", "4.3333", "12", "7", "3", "5", "2"]
    let dump =
      Base.paragraphs[0] + "\n\n" + code.joined(separator: "\n") + "\n\n" + Base.paragraphs[1]
      + "\n\n" + Base.paragraphs[2] + "\n\nShare\n"
    let article = try Base.clean(Base.outsideBody, dump)
    #expect(Base.removed(article) == ["Share"])
  }

  @Test("a paragraph that ends with a separator and a share link is no separator list")
  func separatorInProse() {
    let prose =
      "He was also part of the team that won the prize for breaking news in the city that year,"
      + " and he writes a weekly column about the people of the city • Facebook"
    #expect(Self.lineClass(prose) != .junk)
    #expect(Self.lineClass("Home | News | Sport | Culture") == .junk)
    #expect(Self.lineClass("Politics • Economy") == .junk)
  }

  @Test("a table of figures between paragraphs neither breaks the core nor ends it")
  func tableInTheCore() throws {
    let rows = [
      "By changesets", "Ana Lima 63 16.6%", "Jon Berg 56 14.7%", "Kay Sato 46 12.1%",
      "Tom Uchida 33 8.7%", "Eva Stein 27 7.1%", "Ben Ruiz 23 6.1%", "Ida Moreau 22 5.8%",
      "Max Weber 14 3.7%", "Lea Bauer 11 2.9%",
    ]
    let dump =
      Base.paragraphs[0] + "\n\n" + rows.joined(separator: "\n") + "\n\n" + Base.paragraphs[1]
      + "\n\n" + Base.paragraphs[2] + "\n\nShare\n"
    let article = try Base.clean(Base.outsideBody, dump)
    #expect(Base.removed(article) == ["Share"])
  }

  @Test("a date needs two dots in one number; a decimal or a section number is no date")
  func dottedNumbers() {
    func shape(_ text: String) -> LineShape {
      var copy = text
      return copy.withUTF8 { LineShape($0, stopWords: nil) }
    }
    #expect(shape("12.03.2024").hasTimeOrDate)
    #expect(shape("14:44 Markets open").hasTimeOrDate)
    #expect(!shape("3.2 Local government").hasTimeOrDate)
    #expect(!shape("Version 1.8 and 2.3").hasTimeOrDate)
    #expect(shape("Ana Lima 63 16.6%").isTableRow)
    #expect(!shape("Page 2").isTableRow)
    #expect(!shape("12.03.2024 14:44").isTableRow)
  }

  /// The class of `text` read as one line of an English dump.
  static func lineClass(_ text: String) -> LineClass {
    var copy = text
    return copy.withUTF8 { bytes in
      LineClass(LineShape(bytes, stopWords: nil), hasStopWords: false)
    }
  }
}
