/// Guesses a dump's language from its most frequent short words (stopword profiles), so that
/// only the generic packs of that language apply.
///
/// Cheap by design: it reads at most `sampleLimit` bytes, lower-cases ASCII, and counts words
/// found in small per-language lists. It answers nil when too few words are known or when two
/// languages are too close to call; then every generic pack applies.
struct LanguageDetector: Sendable {
  /// How many bytes of the dump are read.
  static let sampleLimit = 8_192
  /// The fewest stopwords needed for an answer.
  static let minimumHits = 5

  /// The languages tamis knows, in a fixed order for deterministic ties.
  static let languages = ["fr", "en", "de", "es", "it", "pt"]

  /// Word → bit set of the languages whose list holds it (bit i: `languages[i]`).
  private static let table: [String: UInt8] = {
    let lists = [
      "le les des est une dans pour qui sur pas avec aux du ce cette sont ont été mais nous vous "
        + "il elle ils leur au selon très être",
      "the and of to is that for it with was on are as be by this have from at an they which "
        + "has were not their been would",
      "der die und das ist nicht mit sich des auf für ein eine dem den zu von im auch es wird "
        + "werden sind bei nach",
      "el los las que y en un una es por con para del se su al lo más pero como está fue según "
        + "sus",
      "il di che e un una per non con del della sono gli è al nel anche ma degli alla dei "
        + "delle più",
      "o os as que do da em um uma para com não é dos das no na mais ao pelo pela foi são",
    ]
    var table: [String: UInt8] = [:]
    for (index, list) in lists.enumerated() {
      for word in list.split(separator: " ") { table[String(word), default: 0] |= 1 << index }
    }
    return table
  }()

  /// The language code of the dump, or nil when it cannot tell.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var scores = [Int](repeating: 0, count: languages.count)
    var word: [UInt8] = []
    let limit = min(bytes.count, sampleLimit)
    func finishWord() {
      guard !word.isEmpty, word.count <= 8 else {
        word.removeAll(keepingCapacity: true)
        return
      }
      if let mask = table[String(decoding: word, as: UTF8.self)] {
        for index in languages.indices where mask & (1 << index) != 0 { scores[index] += 1 }
      }
      word.removeAll(keepingCapacity: true)
    }
    for index in 0..<limit {
      let byte = bytes[index]
      if byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) {
        word.append(byte)
      } else if byte >= 0x41 && byte <= 0x5A {
        word.append(byte + 0x20)
      } else {
        finishWord()
      }
    }
    finishWord()
    let ranked = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    let best = scores[ranked[0]]
    let second = scores[ranked[1]]
    // Require a clear lead: 1.5 times the runner-up.
    guard best >= minimumHits, best * 2 >= second * 3 else { return nil }
    return languages[ranked[0]]
  }
}
