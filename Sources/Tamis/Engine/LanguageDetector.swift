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

  /// Up to 8 bytes packed little-endian; longer words are never looked up.
  private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for (shift, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(shift)) }
    return key
  }

  /// The language code of the dump, or nil when it cannot tell.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let scores = scores(bytes)
    // The best language (the first of equals) and the runner-up's score, in one pass rather than
    // a sort: this runs once per document.
    var winner = 0
    var second = Int.min
    for index in scores.indices.dropFirst() {
      if scores[index] > scores[winner] {
        second = scores[winner]
        winner = index
      } else if scores[index] > second {
        second = scores[index]
      }
    }
    let best = scores[winner]
    guard best >= Settings.detectionMinimumHits,
      Double(best) >= Double(second) * Settings.detectionLead
    else { return nil }
    return languages[winner]
  }

  /// Per language (`languages`), how many words of the sample its list holds.
  ///
  /// A word is a run of ASCII letters and bytes from 0x80, ASCII lower-cased; one of at most 8
  /// bytes is looked up. The sample is read 8 bytes at a time: the letters and the bytes from
  /// 0x80 of a chunk are found with a few word operations, each word that starts and ends inside
  /// the chunk is its key at once (lower-cased, shifted and masked), one that reaches the chunk's
  /// end is read again from its first byte, and one of more than 8 bytes is only skipped.
  static func scores(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var scores = [Int](repeating: 0, count: languages.count)
    let limit = min(bytes.count, Settings.detectionSampleBytes)
    guard let base = bytes.baseAddress else { return scores }
    // One loop over the sample with the tables and the scores as local buffers: this runs once
    // per document, and in JSON Lines mode a document is a few kilobytes.
    keys.withUnsafeBufferPointer { keys in
      masks.withUnsafeBufferPointer { masks in
        scores.withUnsafeMutableBufferPointer { scores in
          /// Counts the word packed in `key` for each language whose list holds it.
          func count(_ key: UInt64) {
            var slot = Self.slot(key)
            var mask: UInt8 = 0
            while keys[slot] != 0 {
              if keys[slot] == key {
                mask = masks[slot]
                break
              }
              slot = (slot + 1) & (slots - 1)
            }
            while mask != 0 {
              scores[mask.trailingZeroBitCount] += 1
              mask &= mask - 1
            }
          }
          var index = 0
          while index < limit {
            let (lowered, wordBits) = classes(chunk(base, at: index, limit: limit))
            // Every word that starts and ends inside this chunk is counted from it, so a chunk
            // is loaded once for several short words and the separators between them.
            var bits = wordBits
            var next = index &+ 8
            while bits != 0 {
              // The word's first byte, as a bit offset (a multiple of 8) into the chunk.
              let start = UInt64(truncatingIfNeeded: bits.trailingZeroBitCount) & ~7
              let others = ~wordBits & highBits & ~((1 &<< start) &- 1)
              guard others != 0 else {
                // The word reaches the chunk's end: read on from its first byte.
                next = index &+ Int(truncatingIfNeeded: start &>> 3)
                break
              }
              // The word ends inside its chunk: at most 7 bytes.
              let end = UInt64(truncatingIfNeeded: others.trailingZeroBitCount) & ~7
              count((lowered &>> start) & ((1 &<< (end &- start)) &- 1))
              bits = wordBits & ~((1 &<< end) &- 1)
            }
            guard next == index else {
              index = next
              continue
            }
            // A word of 8 bytes or more starts here: only a word of exactly 8 is looked up.
            var end = index &+ 8
            while end < limit {
              let (_, nextBits) = classes(chunk(base, at: end, limit: limit))
              let nextOthers = ~nextBits & highBits
              if nextOthers != 0 {
                end &+= nextOthers.trailingZeroBitCount &>> 3
                break
              }
              end &+= 8
            }
            if end == index &+ 8 { count(lowered) }
            index = end
          }
        }
      }
    }
    return scores
  }

  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The 8 bytes from `index`, the first in the lowest byte; bytes at or past `limit` read as 0,
  /// which ends a word as the sample's end does.
  @inline(__always)
  private static func chunk(_ base: UnsafePointer<UInt8>, at index: Int, limit: Int) -> UInt64 {
    if index &+ 8 <= limit {
      return UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }
    if limit >= 8 {
      let last = UInt64(
        littleEndian: UnsafeRawPointer(base + (limit &- 8)).loadUnaligned(as: UInt64.self))
      return last &>> (UInt64(truncatingIfNeeded: index &+ 8 &- limit) &<< 3)
    }
    var value: UInt64 = 0
    var offset = index
    while offset < limit {
      value |= UInt64(base[offset]) &<< (UInt64(truncatingIfNeeded: offset &- index) &<< 3)
      offset &+= 1
    }
    return value
  }

  /// `chunk` as words hold it (ASCII letters lower-cased, other bytes as they are), and the
  /// high bit of each of its bytes that is a word byte (an ASCII letter or a byte from 0x80). Adding to a byte of at most 0x7F never carries into the next.
  @inline(__always)
  private static func classes(_ chunk: UInt64) -> (lowered: UInt64, wordBits: UInt64) {
    let high = chunk & highBits
    let folded = (chunk & 0x7F7F_7F7F_7F7F_7F7F) | 0x2020_2020_2020_2020
    let letters =
      (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ~chunk & highBits
    return (chunk | (letters &>> 2), letters | high)
  }
}
