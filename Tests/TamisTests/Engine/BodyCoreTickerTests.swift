import Testing

@testable import Tamis

/// News tickers (`BodyCore.tickers`): items that open with a clock time running down, newest
/// first, beside an article.
@Suite struct BodyCoreTickerTests {
  typealias Base = BodyCoreTests

  static let rule = "group: around\n  when: after-body\n  drop-line: any\n"

  /// A feed of headlines with two items that hold a paragraph.
  static let ticker = [
    "Live", "14:44 Flood warnings issued for three river valleys",
    "14:32 The bakery on Main Street closes after fifty years", "14:10",
    "Rivers rose across the region after two days of heavy rain, and the roads along the valley"
      + " were closed on Sunday morning by the police.",
    "13:54 A new bus line opens in the north of the town", "13:43 Schools stay shut on Monday",
    "13:20",
    "The regional council said on Monday that it would pay for the repairs of the bridge, which"
      + " the flood damaged last winter.",
    "13:05 The home team wins the derby",
  ]

  @Test("a ticker of headlines under the article is not the article's: the core stops above it")
  func tickerBesideTheArticle() throws {
    let dump = Base.article + "\n\n" + Self.ticker.joined(separator: "\n") + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(Base.removed(article) == Self.ticker)
    #expect(article.body == Base.article)
  }

  @Test("times that run up (a schedule) make no ticker, nor do three stamps")
  func notTickers() throws {
    let schedule = [
      "9:00 Doors open", "10:30 The mayor opens the meeting", "12:00 Lunch in the hall",
      "14:00 Workshops", "16:30 Closing words",
    ]
    let three = ["14:44 One headline", "14:32 Another headline", "14:10 A third headline"]
    for lines in [schedule, three] {
      let dump = (["Intro"] + lines + [Base.article]).joined(separator: "\n")
      let stamps = Array(dump.utf8).withUnsafeBufferPointer { bytes in
        let document = Document(bytes: bytes, language: "en", measuresShapes: true)
        let candidates = (0..<document.lineCount).filter { !document.isBlank($0) }
        return BodyCore.tickers(document, candidates).stamps
      }
      #expect(stamps.isEmpty)
    }
  }

  @Test("a live page, whose stamped items are paragraphs, stays whole")
  func livePageStays() throws {
    let items = (0..<5).map { (k: Int) -> String in
      let stamp = "\(14 - k):05\nUpdate \(k).\n"
      let text: String = Base.paragraphs[k % 3] + "\n" + Base.paragraphs[(k + 1) % 3]
      return stamp + text
    }
    let dump = Base.paragraphs[0] + "\n\n" + items.joined(separator: "\n\n") + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(article.removals.isEmpty)
  }

  @Test("a stamp opens the line: hours and minutes, with ':' or 'h', and AM or PM after it")
  func openingClockTimes() {
    func time(_ text: String) -> Int? {
      Array(text.utf8).withUnsafeBufferPointer { BodyCore.openingClockTime($0) }
    }
    #expect(time("14:44 Flood warnings") == 884)
    #expect(time("9h05") == 545)
    #expect(time("2:35 PM Bus strike") == 875)
    #expect(time("12:10 a.m.") == 10)
    #expect(time("9:05 Pakistan") == 545)
    #expect(time("14:4 x") == nil)
    #expect(time("25:00") == nil)
    #expect(time("14:445") == nil)
    #expect(time("1234 words") == nil)
  }
}
