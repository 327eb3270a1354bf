/// The stop words of one language packed for a lookup per word: each word's first 8 bytes,
/// ASCII lower-cased, as a `UInt64`, in an open-addressing table that costs one multiply per
/// lookup.
struct StopWordSet: Sendable {
  private let slots: [UInt64]
  private let mask: Int

  /// The set of `table`'s words.
  init(_ table: StopWords) {
    var size = 64
    while size < table.words.count * Settings.stopWordSlotsPerWord { size *= 2 }
    var slots = [UInt64](repeating: 0, count: size)
    for word in table.words {
      var key: UInt64 = 0
      for (shift, byte) in word.utf8.prefix(8).enumerated() {
        key |= UInt64(byte) << (8 * UInt64(shift))
      }
      var slot = Self.slot(key, size - 1)
      while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (size - 1) }
      slots[slot] = key
    }
    self.slots = slots
    self.mask = size - 1
  }

  /// The set of each language's table, built once.
  static let byLanguage: [String: StopWordSet] = Dictionary(
    uniqueKeysWithValues: StopWords.all.map { ($0.language, StopWordSet($0)) })

  /// The set of no word: what a dump without a stop-word table looks words up in.
  static let none = StopWordSet()

  private init() {
    slots = [0]
    mask = 0
  }

  /// True when the packed word is a stop word.
  func contains(_ key: UInt64) -> Bool {
    withProbe { $0.contains(key) }
  }

  /// Calls `body` with a probe of the table, for loops that look up many words.
  @inline(__always)
  func withProbe<Result>(_ body: (Probe) -> Result) -> Result {
    slots.withUnsafeBufferPointer { body(Probe(slots: $0, mask: mask)) }
  }

  /// The table as a loop reads it: no reference counting and no bounds check per lookup.
  struct Probe {
    let slots: UnsafeBufferPointer<UInt64>
    let mask: Int

    /// True when the packed word (never 0) is a stop word.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
      // The buffer's subscript (unchecked in release builds): no base address test per word;
      // the table is never empty.
      var slot = StopWordSet.slot(key, mask)
      while true {
        let stored = slots[slot]
        if stored == key { return true }
        if stored == 0 { return false }
        slot = (slot &+ 1) & mask
      }
    }
  }

  fileprivate static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }
}
