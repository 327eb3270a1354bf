import Testing

@testable import Tamis

/// The 8-byte loop of `LanguageDetector` scores the languages as the byte-by-byte loop it
/// replaced did (`LanguageDetectorOracle`), on generated documents around the sample's end.
@Suite struct LanguageDetectorTests {
  /// Pieces a generated document is made of: stop words of every language, in both cases, long
  /// words, accents, marks and bytes that are no letter.
  static let pieces: [[UInt8]] = {
    var texts = StopWords.all.flatMap(\.profile)
    texts += texts.map { $0.uppercased() }
    texts += [
      "the", "The", "THE", "abcdefgh", "Abcdefgh", "abcdefghi", "abcdefghijklmnopqrstu", "été",
      "Über", "naïveté", "l'État", "它的", "😀", "12", "2024", ".", ",", " ", "  ", "\n", "\t", "-",
      "'", "’", "«", "@", "[", "`", "{",
    ]
    return texts.map { Array($0.utf8) } + [[0x00], [0xFF], [0x80], [0xC3], [0x7F]]
  }()

  @Test("generated documents score each language as before")
  func generatedDocuments() {
    var random = SeededGenerator(seed: 2_048)
    for round in 0..<3_000 {
      var text: [UInt8] = []
      // Short ones, and ones whose words straddle the sample's end.
      let target = round.isMultiple(of: 3) ? random.below(40) : 1_900 + random.below(300)
      while text.count < target {
        text += random.pick(Self.pieces)
        if random.chance(70) { text.append(0x20) }
      }
      let new = text.withUnsafeBufferPointer(LanguageDetector.scores)
      let old = text.withUnsafeBufferPointer(LanguageDetectorOracle.scores)
      #expect(new == old, "\(String(decoding: text, as: UTF8.self).debugDescription)")
    }
  }

  @Test("a word of exactly 8 bytes ending at the sample's end is looked up, a longer one not")
  func sampleEnd() {
    for padding in 2_030...2_048 {
      for word in ["pourquoi", "pourquoix", "dass", "porque"] {
        let text = Array((String(repeating: " ", count: padding) + word + " und").utf8)
        let new = text.withUnsafeBufferPointer(LanguageDetector.scores)
        let old = text.withUnsafeBufferPointer(LanguageDetectorOracle.scores)
        #expect(new == old, "\(padding) \(word)")
      }
    }
  }
}
