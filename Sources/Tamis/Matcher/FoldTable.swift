internal import Foundation

/// How a Unicode scalar looks in a folded view: a few UTF-8 bytes, a space, or nothing.
///
/// Built once (a `static let`, so lazily and thread-safely) and never mutated. Scalars at or above
/// `FoldTable.limit` that are not listed fold to themselves.
struct FoldTable: Sendable {
  /// Scalars below this value are looked up in the table.
  static let limit: UInt32 = 0x3000

  /// The accent-keeping fold (`é` stays `é`).
  static let keepingAccents = FoldTable(stripAccents: false)
  /// The accent-stripping fold (`é` becomes `e`).
  static let strippingAccents = FoldTable(stripAccents: true)
  /// Base scalar and combining mark → precomposed scalar, for NFD input (`e` + U+0301 → `é`).
  static let compositions: [UInt64: UInt32] = buildCompositions()

  /// Decodes the scalar at `index` of `text` and composes each following combining mark
  /// (U+0300–U+036F) into it when a precomposed form exists, so NFD and NFC text fold alike.
  /// Returns the scalar and the index after it and its composed marks.
  @inline(__always)
  static func composedScalar(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: UInt32, next: Int
  ) {
    var (scalar, next) = UTF8Scalars.decode(text, at: index)
    while next + 1 < text.count, text[next] & 0xFE == 0xCC {
      let (mark, afterMark) = UTF8Scalars.decode(text, at: next)
      guard (0x300...0x36F).contains(mark),
        let composed = compositions[UInt64(scalar) << 32 | UInt64(mark)]
      else { break }
      scalar = composed
      next = afterMark
    }
    return (scalar, next)
  }

  /// One entry per scalar below `limit`: the low byte is the length (0...7, or `spaceCode`), the
  /// other bytes are the folded UTF-8 bytes, first byte lowest.
  let entries: [UInt64]

  /// The length code of a scalar that folds to white space.
  static let spaceCode: UInt64 = 0xFF

  /// The scalars whose folds differ between the two views: combining marks and the letters
  /// of the scripts whose accents decompose.
  private static let accentRanges: [ClosedRange<UInt32>] = [
    0x300...0x36F, 0xC0...0x24F, 0x370...0x4FF, 0x1E00...0x1FFF,
  ]

  private init(stripAccents: Bool) {
    guard !stripAccents else {
      // The same as the accent-keeping table outside the accent ranges.
      var entries = FoldTable.keepingAccents.entries
      for range in Self.accentRanges {
        for value in range {
          guard let scalar = Unicode.Scalar(value) else { continue }
          entries[Int(value)] = Self.entry(for: scalar, stripAccents: true)
        }
      }
      self.entries = entries
      return
    }
    var entries = [UInt64](repeating: 0, count: Int(Self.limit))
    for value in 0..<Self.limit {
      guard let scalar = Unicode.Scalar(value) else { continue }
      entries[Int(value)] = Self.entry(for: scalar, stripAccents: false)
    }
    self.entries = entries
  }

  /// Packs the folded form of one scalar.
  private static func entry(for scalar: Unicode.Scalar, stripAccents: Bool) -> UInt64 {
    if let special = specialFold(scalar) {
      switch special {
      case .space: return spaceCode
      case .ignored: return 0
      case .text(let text): return pack(text)
      }
    }
    if (0x300...0x36F).contains(scalar.value) {
      return stripAccents ? 0 : pack(scalar)
    }
    let stripsHere = stripAccents && scalar.value >= 0xC0 && isLetterWithAccentCandidate(scalar)
    // Most scalars fold to themselves: no String is built for them.
    if !stripsHere, !scalar.properties.changesWhenLowercased { return pack(scalar) }
    var folded = scalar.properties.lowercaseMapping
    if stripsHere {
      let decomposed = folded.decomposedStringWithCanonicalMapping.unicodeScalars
      folded = String(
        String.UnicodeScalarView(decomposed.filter { !(0x300...0x36F).contains($0.value) }))
    }
    return pack(folded)
  }

  private enum Special {
    case space
    case ignored
    case text(String)
  }

  /// Typography that folds to ASCII, white space, and invisible characters.
  private static func specialFold(_ scalar: Unicode.Scalar) -> Special? {
    if Whitespace.isSpace(scalar.value) { return .space }
    if Whitespace.isInvisible(scalar.value) { return .ignored }
    switch scalar.value {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x2032, 0x0060, 0x00B4:
      return .text("'")
    case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2039, 0x203A:
      return .text("\"")
    case 0x2010...0x2015, 0x2212:
      return .text("-")
    case 0x2026:
      return .text("...")
    default:
      return nil
    }
  }

  /// Scripts whose letters carry decomposable accents: Latin, Greek, Cyrillic.
  private static func isLetterWithAccentCandidate(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xC0...0x24F, 0x370...0x4FF, 0x1E00...0x1FFF: true
    default: false
    }
  }

  private static func pack(_ scalar: Unicode.Scalar) -> UInt64 {
    var entry: UInt64 = 0
    var count: UInt64 = 0
    UTF8Scalars.encode(scalar.value) { byte in
      count += 1
      entry |= UInt64(byte) << (8 * count)
    }
    return entry | count
  }

  private static func pack(_ text: String) -> UInt64 {
    let bytes = Array(text.utf8)
    // Lower-casing a scalar below U+3000 yields at most 3 scalars of at most 3 bytes; the
    // mappings that exist are far shorter, and 7 bytes is the packing limit.
    guard bytes.count <= 7 else { return 0 }
    var entry = UInt64(bytes.count)
    for (index, byte) in bytes.enumerated() {
      entry |= UInt64(byte) << (8 * UInt64(index + 1))
    }
    return entry
  }

  private static func buildCompositions() -> [UInt64: UInt32] {
    var table: [UInt64: UInt32] = [:]
    let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x370...0x4FF, 0x1E00...0x1FFF]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let decomposed = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        // Only base + one mark is composed here; the rare stacked marks stay as they are.
        guard decomposed.count == 2 else { continue }
        let key = UInt64(decomposed[0].value) << 32 | UInt64(decomposed[1].value)
        table[key] = value
      }
    }
    return table
  }
}
