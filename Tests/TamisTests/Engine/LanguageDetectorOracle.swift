@testable import Tamis

/// `LanguageDetector` as it read its sample before the 8-byte loop (issue 14), kept verbatim as
/// the oracle the randomized equivalence test compares the new loop with; `scores` is its loop.
struct LanguageDetectorOracle {
  /// The languages tamis knows, in a fixed order for deterministic ties.
  static let languages = LanguageDetector.languages

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

  /// Per byte: the byte as a word holds it (ASCII letters lower-cased, bytes from 0x80 as they
  /// are), or 0 for a byte that ends a word.
  private static let wordBytes: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
    let byte = UInt8(value)
    if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
    return byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) ? byte : 0
  }

  private static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) & (slots - 1)
  }

  /// Up to 8 bytes packed little-endian; longer words are never looked up.
  private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for (shift, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(shift)) }
    return key
  }

  /// The scores of the languages in the sample.
  static func scores(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var scores = [Int](repeating: 0, count: languages.count)
    let limit = min(bytes.count, Settings.detectionSampleBytes)
    // One loop over the sample with the tables and the scores as local buffers: this runs once
    // per document, and in JSON Lines mode a document is a few kilobytes.
    keys.withUnsafeBufferPointer { keys in
      masks.withUnsafeBufferPointer { masks in
        wordBytes.withUnsafeBufferPointer { wordBytes in
          scores.withUnsafeMutableBufferPointer { scores in
            var key: UInt64 = 0
            var length = 0
            var index = 0
            while index <= limit {
              let byte = index < limit ? wordBytes[Int(bytes[index])] : 0
              index += 1
              if byte != 0 {
                if length < 8 { key |= UInt64(byte) << (8 &* UInt64(length)) }
                length += 1
                continue
              }
              if length > 0, length <= 8 {
                // The word's languages: linear probing from its slot.
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
              key = 0
              length = 0
            }
          }
        }
      }
    }
    return scores
  }
}
