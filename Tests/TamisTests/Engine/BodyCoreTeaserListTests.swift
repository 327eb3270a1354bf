import Testing

@testable import Tamis

/// Lists of other stories' teasers (`in-teaser-list`): three or more close lines, each a
/// headline cut off by an ellipsis or followed by its date, wherever they sit.
@Suite struct BodyCoreTeaserListTests {
  typealias Base = BodyCoreTests

  static let rule = "group: teasers\n  when: in-teaser-list\n  drop-line: any\n"

  /// The marks of `BodyCore.teaserLists` on the lines of `lines`.
  static func marks(_ lines: [String]) -> [Bool] {
    Array(lines.joined(separator: "\n").utf8).withUnsafeBufferPointer { bytes in
      let document = Document(bytes: bytes, language: nil, measuresShapes: true)
      return BodyCore.teaserLists(document)
    }
  }

  @Test("cut-off teasers inside the article's stretch go, in any script")
  func cutOffTeasers() throws {
    let teasers = [
      "23 choses que toutes les filles des années 2000…",
      "21 tatouages qui ont merveilleusement bien…",
      "[新竹]世博台灣館|720度全天域劇場|尋找綠蠵龜|點燈平台 (附交通...",
    ]
    let dump =
      Base.paragraphs[0] + "\n\n" + teasers.joined(separator: "\n") + "\n\n" + Base.paragraphs[1]
      + "\n\n" + Base.paragraphs[2] + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(Base.removed(article) == teasers)
    #expect(article.body == Base.article)
  }

  @Test("headlines followed by their dates make a list, in several date forms")
  func datedTeasers() {
    let dated = [
      "日経平均は5日ぶり反発、円安で大型外需株に買い戻し ロイター 3/9(木) 15:47",
      "Yahoo’s Sale to Verizon Ends an Era for a Web Pioneer JULY 24, 2016",
      "Le conseil vend le vieux dépôt de bus 24 juillet 2016",
      "Der Rat verkauft das alte Depot 24. Juli 2016",
      "Flood warnings issued for three valleys 2016-07-24",
      "School meals to cost more from April 8:00am",
      "New bus line opens in the north 7:11 PM",
      "Harbour ferry fares rise in spring 9:30 a.m.",
      "Night market returns to the square 10:15p.m.",
    ]
    #expect(Self.marks(dated) == Array(repeating: true, count: dated.count))
  }

  @Test("two items, items far apart, a schedule and sentences make no list")
  func notLists() {
    let two = [
      "Ten things every cyclist learns in the first…", "Why the bridge is closed again...",
    ]
    #expect(Self.marks(two) == [false, false])
    let apart =
      [two[0], two[1]] + Array(repeating: "A line between them.", count: 7) + [
        "The bakery that never sleeps, and the family…"
      ]
    #expect(!Self.marks(apart).contains(true))
    let schedule = ["Doors open 9:00", "Keynote 10:30", "Lunch 12:30", "Talks 14:00"]
    #expect(!Self.marks(schedule).contains(true))
    let spaced = ["It went on and on ...", "And then ...", "Nothing more ...", "Silence ..."]
    #expect(!Self.marks(spaced).contains(true))
    let sentences = [
      "The meeting was held on July 24, 2016.", "It ended at 10:30.", "The vote came at 9:00.",
    ]
    #expect(!Self.marks(sentences).contains(true))
  }
}

/// A list of dated headlines that read as running text parts the core like a ticker's stamps.
@Suite struct BodyCoreTeaserBoundaryTests {
  typealias Base = BodyCoreTests

  @Test("the core does not reach over a list of dated headlines to the promotions below it")
  func datedListPartsTheCore() throws {
    let dated = [
      "The council says that the new bus line will open in the north of the town Courier 3/9 18:01",
      "The bakery on Main Street is closing its doors after fifty years in the town Courier 3/9 15:47",
      "The river is rising again and the roads along the valley are closed to the traffic Courier 3/9 14:02",
      "The schools of the valley will stay shut on Monday because of the flood Courier 3/9 11:30",
    ]
    let promotions = [
      "Win a weekend for two at the seaside this spring, and enter the draw before the end of the month!",
      "Our card gives you points at every shop in the town, and there is no fee for the first year!",
    ]
    let dump =
      Base.article + "\n\n" + dated.joined(separator: "\n") + "\n\n"
      + promotions.joined(separator: "\n\n") + "\n"
    let article = try Base.clean("group: around\n  when: after-body\n  drop-line: any\n", dump)
    #expect(Base.removed(article) == dated + promotions)
    #expect(article.body == Base.article)
  }
}
