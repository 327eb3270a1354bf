/// Guesses a dump's language from its most frequent short words (stopword profiles), so that
/// only the generic packs of that language apply.
///
/// Cheap by design: it reads at most `Settings.detectionSampleBytes` bytes, lower-cases ASCII, and counts words
/// found in small per-language lists. It answers nil when too few words are known or when two
/// languages are too close to call; then every generic pack applies.
struct LanguageDetector: Sendable {
  /// The languages tamis knows, in a fixed order for deterministic ties.
  static let languages = StopWords.all.map(\.language)

  /// Word (its UTF-8 bytes packed into a `UInt64`, so no string is built per word) → bit set of
  /// the languages whose list holds it (bit i: `languages[i]`), in an open-addressing table
  /// (`slots` entries, linear probing) that costs one multiply per word.
  private static let slots = 1024
  private static let keys: [UInt64] = table.keys
  private static let masks: [UInt8] = table.masks
  private static let table: (keys: [UInt64], masks: [UInt8]) = {
    let lists = StopWords.all.map(\.profile)
    var keys = [UInt64](repeating: 0, count: slots)
    var masks = [UInt8](repeating: 0, count: slots)
    for (index, list) in lists.enumerated() {
      for word in list {
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
    let limit = min(bytes.count, Settings.detectionSampleBytes)
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
    guard best >= Settings.detectionMinimumHits,
      Double(best) >= Double(second) * Settings.detectionLead
    else { return nil }
    return languages[ranked[0]]
  }
}
