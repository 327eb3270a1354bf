/// Counts taken on a line's own bytes, with the white space of `Whitespace`.
enum LineMetrics {
  /// The number of words: runs of characters between spaces (`Whitespace.isSpace`).
  ///
  /// Branch-free on ASCII bytes (a word boundary every few bytes would otherwise mispredict);
  /// only the lead bytes that may start a non-ASCII space (0xC2, 0xE1, 0xE2, 0xE3) are decoded.
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
        // Tab, line feed, vertical tab, form feed, carriage return (0x09...0x0D) and space.
        spaceBit = (byte == 0x20 ? 1 : 0) | (byte &- 0x09 < 5 ? 1 : 0)
        index &+= 1
      } else if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
        let (scalar, next) = UTF8Scalars.decode(line, at: index)
        spaceBit = Whitespace.isSpace(scalar) ? 1 : 0
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
    String(decoding: Whitespace.trimmed(line), as: UTF8.self).count
  }
}
