/// Counts used by `when:` conditions, computed on a line's own bytes.
enum LineMetrics {
  /// The number of words: runs of characters between white space (ASCII space and tab, NBSP,
  /// narrow NBSP and the other Unicode spaces).
  ///
  /// Branch-free on ASCII bytes (a word boundary every few bytes would otherwise mispredict);
  /// only bytes that may start a non-ASCII space are decoded.
  static func words(in line: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = line.baseAddress else { return 0 }
    let count = line.count
    var words = 0
    var previousIsSpace = 1
    var index = 0
    while index < count {
      let byte = base[index]
      let spaceBit: Int
      if byte < 0x80 {
        spaceBit = (byte == 0x20 ? 1 : 0) | (byte == 0x09 ? 1 : 0)
        index &+= 1
      } else if byte == 0xC2, index + 1 < count, base[index + 1] == 0xA0 {
        spaceBit = 1
        index &+= 2
      } else if byte == 0xE2 || byte == 0xE1 || byte == 0xE3 {
        let (scalar, next) = TextFolder.decode(line, at: index)
        spaceBit = isSpace(scalar) ? 1 : 0
        index = next
      } else {
        spaceBit = 0
        index &+= 1
      }
      words &+= previousIsSpace & (spaceBit ^ 1)
      previousIsSpace = spaceBit
    }
    return words
  }

  /// The number of Characters (grapheme clusters) without leading and trailing white space.
  static func characters(in line: UnsafeBufferPointer<UInt8>) -> Int {
    let text = String(decoding: line, as: UTF8.self)
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return slice.count
  }

  private static func isSpace(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
