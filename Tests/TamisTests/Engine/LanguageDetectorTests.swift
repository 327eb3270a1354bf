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

  /// `detect` as it picked the language by sorting the scores, before the one-pass pick.
  static func sortedDetect(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let scores = LanguageDetectorOracle.scores(bytes)
    let ranked = scores.indices.sorted {
      scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1)
    }
    let best = scores[ranked[0]]
    let second = scores[ranked[1]]
    guard best >= Settings.detectionMinimumHits,
      Double(best) >= Double(second) * Settings.detectionLead
    else { return nil }
    return LanguageDetector.languages[ranked[0]]
  }

  @Test("generated documents get the language the sorted pick gave")
  func detectMatchesSortedPick() {
    var random = SeededGenerator(seed: 4_096)
    let words = StopWords.all.map { $0.profile.map { Array($0.utf8) } }
    for _ in 0..<2_000 {
      // Stop words of two or three languages in chosen proportions, so that ties, near ties and
      // clear leads all occur.
      var text: [UInt8] = []
      let count = random.below(60)
      let languages = (0..<3).map { _ in random.below(words.count) }
      for _ in 0..<count {
        let list = words[random.pick(languages)]
        text += random.pick(list) + [0x20]
      }
      let new = text.withUnsafeBufferPointer(LanguageDetector.detect)
      let old = text.withUnsafeBufferPointer(Self.sortedDetect)
      #expect(new == old, "\(String(decoding: text, as: UTF8.self).debugDescription)")
    }
  }
}
