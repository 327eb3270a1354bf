import Testing

@testable import Tamis

/// The 8-byte word loop of `LineShape` measures what the scalar-by-scalar loop it replaced
/// measured (`LineShapeOracle`), on many generated lines: ASCII and accented words, numbers,
/// dates, every ASCII mark, curly quotes, CJK, emoji, combining marks and invalid bytes.
@Suite struct LineShapeEquivalenceTests {
  /// Pieces a generated line is made of.
  static let pieces: [[UInt8]] = {
    let texts = [
      "the", "The", "and", "of", "le", "la", "les", "der", "die", "und", "el", "los", "il", "o",
      "après", "été", "Élysées", "réservé", "naïveté", "Straße", "ÜBER", "l'État", "it's",
      "It’s", "well-known", "end-", "-", "'", "’", "f(x)", "(", ")", "Information", "WORLD",
      "abcdefgh", "abcdefghi", "ABCDEFGHIJKLMNOP", "x", "A", "I", "12", "2024", "14:44",
      "12/03/2024", "12.03.2024", "1.8", "3.2", "63", "16.6%", "2e3", "a1b2", "1-2", "9'",
      "中文", "日本語の", "ひらがな", "カタカナ", "。", "！", "？", "，", "、", "：",
      "😀", "👍🏽", "e\u{301}", "n\u{303}", "\u{301}", "«", "»", " »", "“", "”", "…", "–", "—",
      "•", "·", "|", " | ", " · ", " • ", "│", "─", "┼", "{", "}", ";", "=", "$ ", ">>> ",
      "http://x.example/a", "https://example.org", "- ", "* ", "1. ", "2) ", "^ ", "\u{A0}",
      "\u{2009}", "\u{202F}", "\t", "Ⅻ", "٣", "Ωμέγα", "Привет", "мир", "ǅ", "ﬁ",
      "Régarphari", "démontrèrent", "éABCDEFGHIJKLMNOPQ", "É0123456789abcdefXYZ", "ü12345678",
      "Wörterbuchverzeichnisse", "country's", "don’tStopBelieving", "naïveTÉabcdefghijk",
      "aÀb", "zé×", "a÷b", "a×", "Åx", "xÅ", "résumé-like", "l’été", "ß", "ÿ", "xÿ", "abcdefgé",
      "abcdefgéh", "abcdefghé", "aéééééééé", "a1é2", "1é", "é1", "éléphant's", "ça", "Ça", "aÇa",
      "à", "ªb", "aª", "x²", "2½", "a°", "€5", "5€", "a«b»", "aé\u{301}", "Å | ", "é · ",
      "\u{3000}", "\u{1680}", "\u{85}", "\u{2028}", "\u{205F}", "\u{200B}", "\u{FEFF}", "\r",
      "\n", "\u{0B}", "\u{0C}", "a\u{2003}b", "Éabcdefgéh", "éabcdefgé", "Ééééééééé",
      "abcdefgéhijklmnéopqr", "a'bcdefgé", "ab-cdefgé×",
    ]
    var pieces = texts.map { Array($0.utf8) }
    pieces += [[0xFF], [0xC3], [0x80], [0xE2, 0x80], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0x00]]
    pieces += (0x21...0x7E).map { [UInt8($0)] }
    return pieces
  }()

  /// A line of random pieces, separated by spaces more often than not.
  static func line(_ random: inout SeededGenerator) -> [UInt8] {
    var line: [UInt8] = []
    for _ in 0..<random.below(30) {
      line += random.pick(pieces)
      if random.chance(60) { line.append(0x20) }
    }
    return line
  }

  /// Compares every feature of the two measurements.
  static func expectSame(_ bytes: [UInt8], language: String?) {
    let stopWords = language.flatMap { StopWordSet.byLanguage[$0] }
    let new = bytes.withUnsafeBufferPointer { LineShape($0, stopWords: stopWords) }
    let old = bytes.withUnsafeBufferPointer { LineShapeOracle($0, stopWords: stopWords) }
    let newFeatures = [
      new.tokens, new.cjk, new.words, new.stopWords, new.lowerWords, new.longWords,
      new.capitalisedLongWords, new.separators, new.numericTokens,
    ]
    let oldFeatures = [
      old.tokens, old.cjk, old.words, old.stopWords, old.lowerWords, old.longWords,
      old.capitalisedLongWords, old.separators, old.numericTokens,
    ]
    let newFlags = [
      new.endsLikeSentence, new.endsWithColon, new.isListItem, new.looksLikeCode,
      new.hasCJKPunctuation, new.hasTimeOrDate,
    ]
    let oldFlags = [
      old.endsLikeSentence, old.endsWithColon, old.isListItem, old.looksLikeCode,
      old.hasCJKPunctuation, old.hasTimeOrDate,
    ]
    let shown = String(decoding: bytes, as: UTF8.self)
    let spacedWords = bytes.withUnsafeBufferPointer { LineMetrics.words(in: $0) }
    #expect(new.spacedWords == spacedWords, "\(shown.debugDescription) \(bytes)")
    #expect(newFeatures == oldFeatures, "\(shown.debugDescription) \(bytes)")
    #expect(newFlags == oldFlags, "\(shown.debugDescription) \(bytes)")
  }

  @Test("generated lines of words, marks, scripts and bad bytes measure as before")
  func generatedLines() {
    var random = SeededGenerator(seed: 14)
    for round in 0..<20_000 {
      let language = [nil, "en", "fr", "de", "es", "it", "pt"][round % 7]
      Self.expectSame(Self.line(&random), language: language)
    }
  }

  @Test("lines of random bytes measure as before")
  func randomBytes() {
    var random = SeededGenerator(seed: 41)
    let alphabet = Array("aZ0 '-(.:/|{;\u{2019}é".utf8) + [0x80, 0xC3, 0xE2, 0xFF]
    for round in 0..<20_000 {
      let length = random.below(24)
      let bytes = (0..<length).map { _ in
        random.chance(50) ? random.pick(alphabet) : UInt8(truncatingIfNeeded: random.next())
      }
      Self.expectSame(bytes, language: round.isMultiple(of: 2) ? "en" : nil)
    }
  }

  @Test("words across the 8-byte chunks and at the line's end measure as before")
  func chunkEdges() {
    for length in 1...20 {
      for offset in 0...9 {
        for word in ["abcdefghijklmnopqrst", "ABCDEFGHIJ0123456789", "0123456789abcdefghij"] {
          let text = String(repeating: " ", count: offset) + word.prefix(length)
          for tail in [
            "", " ", ".", "'", "-", "'s", "-x", "(", "é", "’s", "éa", "é ", "é.", "×", "÷x", "Å |",
            "ée'x", "\u{A0}", "ÿ1", "é-é", "éabcdefghij", "ÉÀ", "é\u{301}", "é(", "é:3", "\u{0}",
            "\u{0}x", ",x", ")",
          ] {
            Self.expectSame(Array((text + tail).utf8), language: "en")
          }
        }
      }
    }
  }

  @Test("a two-byte letter cut by the chunk's or the line's end measures as before")
  func cutLatinLetters() {
    let tails: [[UInt8]] = [
      [0xC3], [0xC3, 0x20], [0xC3, 0xC3, 0xA9], [0xC3, 0x97], [0xC3, 0x41],
    ]
    for length in 1...12 {
      for offset in 0...9 {
        let text = String(repeating: " ", count: offset) + "abcdéfghijkl".prefix(length)
        for tail in tails {
          Self.expectSame(Array(text.utf8) + tail, language: "fr")
          Self.expectSame(Array(text.utf8) + tail + Array(" le x".utf8), language: "fr")
        }
      }
    }
  }

  @Test("Latin-1 signs and currency signs are the kind their Unicode properties say")
  func latin1SignKinds() {
    for value in Array(UInt32(0x80)...0xFF) + Array(UInt32(0x20A0)...0x20CF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let properties = scalar.properties
      let expected: LineShape.ScalarKind =
        properties.isAlphabetic
        ? (properties.isUppercase ? .upper : .lower)
        : (properties.numericType != nil ? .digit : .other)
      #expect(LineShape.kind(of: value) == expected, "U+\(String(value, radix: 16))")
    }
  }

  @Test("a document's lines measured together measure as each line alone")
  func measuredTogether() {
    var random = SeededGenerator(seed: 77)
    var text: [UInt8] = []
    for _ in 0..<3_000 { text += Self.line(&random) + [0x0A] }
    func features(_ shape: LineShape) -> [Int] {
      [
        shape.tokens, shape.cjk, shape.words, shape.stopWords, shape.lowerWords, shape.longWords,
        shape.capitalisedLongWords, shape.separators, shape.numericTokens, shape.spacedWords,
        shape.endsLikeSentence ? 1 : 0, shape.endsWithColon ? 1 : 0, shape.isListItem ? 1 : 0,
        shape.looksLikeCode ? 1 : 0, shape.hasCJKPunctuation ? 1 : 0, shape.hasTimeOrDate ? 1 : 0,
      ]
    }
    text.withUnsafeBufferPointer { bytes in
      let lines = LineIndex(bytes).lines
      let stopWords = StopWordSet.byLanguage["en"]
      let shapes = LineShape.measure(lines, of: bytes, stopWords: stopWords)
      #expect(shapes.count == lines.count)
      for (line, shape) in zip(lines, shapes) {
        let alone = LineShape(
          UnsafeBufferPointer(rebasing: bytes[line.content]), stopWords: stopWords)
        #expect(features(shape) == features(alone))
      }
    }
  }
}
