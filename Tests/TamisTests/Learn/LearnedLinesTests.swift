import Testing

@testable import Tamis

/// Learning in the library: the line key, the counter's thresholds and caps, the pass that
/// removes learned lines, and the site pack written for them.
@Suite struct LearnedLinesTests {
  static func key(_ line: String) -> UInt64? {
    var hasher = LearnedLineHash()
    return hasher.key(line)?.hash
  }

  @Test("lines that differ in numbers, month names, case or typography share a key")
  func keysFoldNumbersAndDates() {
    #expect(Self.key("Updated 3 May 2024 at 10:12") == Self.key("updated 19 June 2025 at 9:05"))
    #expect(Self.key("1,234 comments") == Self.key("7 comments"))
    #expect(Self.key("L’actualité du jour") == Self.key("l'actualité du JOUR"))
    #expect(Self.key("Updated 3 May 2024") != Self.key("Updated 3 Maybe 2024"))
    #expect(Self.key("Read more") != Self.key("Read less"))
    #expect(Self.key("   ") == nil)
  }

  /// A word of letters for `number`, distinct for each (numbers would fold to one key).
  static func word(_ number: Int) -> String {
    String(
      String(number, radix: 26).map {
        Character(UnicodeScalar(UInt8((Int(String($0), radix: 26) ?? 0) + 97)))
      })
      + "x"
  }

  /// A counter fed `documents` documents of site `a.com`: every one has its own line, and the
  /// first `shared` have a footer.
  static func counter(documents: Int, shared: Int, capacity: Int = 1 << 13) -> LineCounter {
    var counter = LineCounter(capacityPerSite: capacity, totalCapacity: capacity * 4)
    for index in 0..<documents {
      let name = LearnedLinesTests.word(index)
      var text = "A line of its own, the story of \(name), spelled out as words."
      for extra in 0..<20 { text += "\nFiller line \(LearnedLinesTests.word(extra)) for \(name)" }
      if index < shared { text += "\nSubscribe to our newsletter" }
      var bytes = Array(text.utf8)
      let lines = bytes.withUnsafeMutableBufferPointer {
        LineCounter.lines(in: UnsafeBufferPointer($0))
      }
      counter.add(lines, site: "www.A.com")
    }
    return counter
  }

  @Test("a line in enough documents of its site is learned, by site key")
  func thresholds() throws {
    let learned = Self.counter(documents: 30, shared: 6).learned()
    let site = try #require(learned.site(for: "a.com"))
    #expect(learned.site(for: "www.a.com") == site)
    let hash = try #require(Self.key("Subscribe to our newsletter"))
    let entry = try #require(site.entries[hash])
    #expect(entry.documents == 6)
    #expect(site.ruleID(rank: entry.rank) == "learned-a-com-\(entry.rank)")
    #expect(site.reason(entry) == "repeated in 6 of 30 documents of a.com")
    // 5 of 30 is under 20 %.
    #expect(Self.counter(documents: 30, shared: 5).learned().site(for: "a.com") == nil)
    #expect(
      Self.counter(documents: 30, shared: 5).learned(.init(minDocuments: 5, minSharePercent: 10))
        .site(for: "a.com") != nil)
  }

  @Test("a site of one document learns nothing; documents without a site are only counted")
  func smallSites() {
    var counter = Self.counter(documents: 1, shared: 1)
    counter.add(LineCounter.DocumentLines(hashes: [1], inline: [false]), site: nil)
    #expect(counter.learned(.init(minDocuments: 1, minSharePercent: 0)).sites.isEmpty)
    #expect(counter.documentsWithoutSite == 1)
    #expect(counter.documentCount == 2)
  }

  @Test("past its cap a site's table is halved, and its boilerplate survives")
  func caps() throws {
    let counter = Self.counter(documents: 60, shared: 40, capacity: 64)
    #expect(counter.evictions > 0)
    let site = try #require(counter.learned().site(for: "a.com"))
    let hash = try #require(Self.key("Subscribe to our newsletter"))
    #expect(site.entries[hash] != nil)
  }

  @Test("the pack phrase escapes quotes and braces and makes numbers and months holes")
  func phrase() {
    #expect(
      LearnedPack.phrase(#"Updated 3 May 2024 at 10:12 "now" {x} \ ok"#)
        == #""Updated {n1:number} {m1:word} {n2:number} at {n3:number}:{n4:number} \"now\" {{x}} \\ ok""#
    )
  }
}
