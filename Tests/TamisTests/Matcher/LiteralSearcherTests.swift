import Testing

@testable import Tamis

/// The single-literal search used for template literals.
@Suite struct LiteralSearcherTests {
  static func first(
    _ needle: String, in text: String, from: Int = 0, limit: Int? = nil,
    accept: (Int) -> Bool = { _ in true }
  ) -> Int? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      LiteralSearcher(Array(needle.utf8)).firstOccurrence(
        in: buffer, from: from, limit: limit ?? bytes.count, accept: accept)
    }
  }

  @Test("finds the first occurrence at or after the start")
  func firstOccurrence() {
    #expect(Self.first("aussi", in: "lire aussi, aussi") == 5)
    #expect(Self.first("aussi", in: "lire aussi, aussi", from: 6) == 12)
    #expect(Self.first("aussi", in: "lire") == nil)
    #expect(Self.first("", in: "lire") == nil)
  }

  @Test("an occurrence must end before the limit")
  func limit() {
    #expect(Self.first("aussi", in: "lire aussi", limit: 9) == nil)
    #expect(Self.first("aussi", in: "lire aussi", limit: 10) == 5)
  }

  @Test("a rejected occurrence lets the search go on, even when occurrences overlap")
  func acceptance() {
    #expect(Self.first("aa", in: "aaaa", accept: { $0 != 0 }) == 1)
    #expect(Self.first("abab", in: "abababab", accept: { $0 >= 2 }) == 2)
    #expect(Self.first("pub", in: "pub pub", accept: { _ in false }) == nil)
  }

  @Test("'occurs' checks one position, inside the text only")
  func occurs() {
    let bytes = Array("(afp)".utf8)
    let searcher = LiteralSearcher(Array("afp".utf8))
    bytes.withUnsafeBufferPointer { buffer in
      #expect(searcher.occurs(in: buffer, at: 1))
      #expect(!searcher.occurs(in: buffer, at: 0))
      #expect(!searcher.occurs(in: buffer, at: 3))
      #expect(!searcher.occurs(in: buffer, at: -1))
    }
  }

  @Test("agrees with a naive search on generated needles and texts", arguments: 0..<20)
  func agreesWithNaiveSearch(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(1_000 + seed))
    for _ in 0..<50 {
      let needle = (0..<(1 + generator.below(4))).map { _ in UInt8(0x61 + generator.below(2)) }
      let text = (0..<generator.below(40)).map { _ in UInt8(0x61 + generator.below(3)) }
      let from = generator.below(text.count + 1)
      let skip = generator.below(3)
      let accept: (Int) -> Bool = { $0 % 3 != skip }
      var expected: Int?
      if text.count - needle.count >= from {
        for start in from...(text.count - needle.count)
        where text[start..<start + needle.count].elementsEqual(needle) && accept(start) {
          expected = start
          break
        }
      }
      let found = text.withUnsafeBufferPointer { buffer in
        LiteralSearcher(needle).firstOccurrence(
          in: buffer, from: from, limit: text.count, accept: accept)
      }
      #expect(found == expected, "needle \(needle) in \(text) from \(from)")
    }
  }
}
