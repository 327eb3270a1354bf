import Testing

@testable import Tamis

/// The byte-level fast paths give what the plain per-scalar algorithms give: word counts eight
/// bytes at a time, both fold views from one pass, and the one-pass ASCII word of `LineShape`.
@Suite struct FastPathTests {
  /// Pieces that random lines are made of: ASCII words and marks, accents (NFC and NFD), every
  /// kind of space, a byte-order mark, CJK, an invalid byte and curly quotes.
  static let pieces: [[UInt8]] =
    [
      "the", "The", "COUNCIL", "l'État", "well-known", "14:44", "12/03/2024", "a", " ", "  ", "\t",
      "\u{A0}", "\u{202F}", "\u{2009}", "\u{3000}", "\u{FEFF}", "é", "e\u{301}", "Œuvre",
      "’", "«", "»", "…", "東京", "。", "x", "—", "don't", "and", "les", "\r", ";", "(",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80]]

  /// `count` seeded random lines.
  static func lines(seed: UInt64, count: Int) -> [[UInt8]] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      (0..<random.below(30)).flatMap { _ in random.pick(pieces) }
    }
  }

  /// Words as runs between spaces, scalar by scalar.
  static func referenceWords(_ bytes: [UInt8]) -> Int {
    var words = 0
    var previousIsSpace = true
    var index = 0
    bytes.withUnsafeBufferPointer { line in
      while index < line.count {
        let (scalar, next) = UTF8Scalars.decode(line, at: index)
        let isSpace = Whitespace.isSpace(scalar)
        if previousIsSpace && !isSpace { words += 1 }
        previousIsSpace = isSpace
        index = next
      }
    }
    return words
  }

  @Test("word counts eight bytes at a time equal counts scalar by scalar")
  func wordCounts() {
    for line in Self.lines(seed: 14, count: 3000) {
      let fast = line.withUnsafeBufferPointer(LineMetrics.words(in:))
      #expect(fast == Self.referenceWords(line), "\(String(decoding: line, as: UTF8.self))")
    }
  }

  /// Collects the folded bytes with their source ranges.
  struct RangeCollector: FoldSink {
    var items: [UInt8] = []
    var ranges: [Range<Int>] = []
    mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {
      items.append(byte)
      ranges.append(start..<end)
    }
  }

  @Test("one fold for both views gives each view's own fold, byte for byte and range for range")
  func bothViews() {
    let keeping = TextFolder(stripAccents: false)
    let stripping = TextFolder(stripAccents: true)
    for line in Self.lines(seed: 41, count: 3000) {
      line.withUnsafeBufferPointer { input in
        var first = RangeCollector()
        var second = RangeCollector()
        TextFolder.fold(input, keeping, into: &first, stripping, into: &second)
        var alone = RangeCollector()
        keeping.fold(input, into: &alone)
        var strippedAlone = RangeCollector()
        stripping.fold(input, into: &strippedAlone)
        #expect(first.items == alone.items && first.ranges == alone.ranges)
        #expect(second.items == strippedAlone.items && second.ranges == strippedAlone.ranges)
      }
    }
  }

  @Test(
    "an ASCII word reads the same near the line end (byte by byte) and before 8 more bytes",
    arguments: ["the", "The", "THE", "and", "don't", "well-known", "Government", "x2", "2024"])
  func asciiWordAtTheEnd(word: String) {
    let stopWords = StopWordSet.byLanguage["en"]
    func shape(_ text: String) -> LineShape {
      var text = text
      return text.withUTF8 { LineShape($0, stopWords: stopWords) }
    }
    let atEnd = shape("Yes \(word)")
    let inside = shape("Yes \(word) yes")
    #expect(atEnd.stopWords == inside.stopWords)
    #expect(atEnd.longWords == inside.longWords)
    #expect(atEnd.capitalisedLongWords == inside.capitalisedLongWords)
    #expect(atEnd.numericTokens == inside.numericTokens)
    #expect(atEnd.lowerWords + 1 == inside.lowerWords)
  }
}
