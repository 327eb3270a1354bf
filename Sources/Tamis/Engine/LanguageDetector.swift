/// Guesses a dump's language from its most frequent short words (stopword profiles), so that
/// only the generic packs of that language apply.
///
/// Cheap by design: it reads at most `sampleLimit` bytes, lower-cases ASCII, and counts words
/// found in small per-language lists. It answers nil when too few words are known or when two
/// languages are too close to call; then every generic pack applies.
struct LanguageDetector: Sendable {
  /// How many bytes of the dump are read.
  static let sampleLimit = 2_048
  /// The fewest stopwords needed for an answer.
  static let minimumHits = 5

  /// The languages tamis knows, in a fixed order for deterministic ties.
  static let languages = ["fr", "en", "de", "es", "it", "pt"]

  /// Word (its UTF-8 bytes packed into a `UInt64`, so no string is built per word) → bit set of
  /// the languages whose list holds it (bit i: `languages[i]`), in an open-addressing table
  /// (`slots` entries, linear probing) that costs one multiply per word.
  private static let slots = 1024
  private static let keys: [UInt64] = table.keys
  private static let masks: [UInt8] = table.masks
  private static let table: (keys: [UInt64], masks: [UInt8]) = {
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
    var keys = [UInt64](repeating: 0, count: slots)
    var masks = [UInt8](repeating: 0, count: slots)
    for (index, list) in lists.enumerated() {
      for word in list.split(separator: " ") {
        let key = pack(Array(word.utf8)[...])
        var slot = Self.slot(key)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (slots - 1) }
        keys[slot] = key
        masks[slot] |= 1 << index
      }
    }
    return (keys, masks)
  }()

  private static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) & (slots - 1)
  }

  /// The languages bit set of a packed word (0: in no list).
  private static func lookup(_ key: UInt64) -> UInt8 {
    var slot = Self.slot(key)
    while keys[slot] != 0 {
      if keys[slot] == key { return masks[slot] }
      slot = (slot + 1) & (slots - 1)
    }
    return 0
  }

  /// Up to 8 bytes packed little-endian; longer words are never looked up.
  private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for (shift, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(shift)) }
    return key
  }

  /// The language code of the dump, or nil when it cannot tell.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var scores = [Int](repeating: 0, count: languages.count)
    var key: UInt64 = 0
    var length = 0
    let limit = min(bytes.count, sampleLimit)
    func finishWord() {
      if length > 0, length <= 8 {
        let mask = lookup(key)
        if mask != 0 {
          for index in languages.indices where mask & (1 << index) != 0 { scores[index] += 1 }
        }
      }
      key = 0
      length = 0
    }
    for index in 0..<limit {
      var byte = bytes[index]
      if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
      if byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) {
        if length < 8 { key |= UInt64(byte) << (8 * UInt64(length)) }
        length += 1
      } else {
        finishWord()
      }
    }
    finishWord()
    let ranked = scores.indices.sorted {
      scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1)
    }
    let best = scores[ranked[0]]
    let second = scores[ranked[1]]
    // Require a clear lead: 1.5 times the runner-up.
    guard best >= minimumHits, best * 2 >= second * 3 else { return nil }
    return languages[ranked[0]]
  }
}
