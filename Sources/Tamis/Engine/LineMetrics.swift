/// Counts used by `when:` conditions, computed on a line's own bytes.
enum LineMetrics {
  /// The number of words: runs of characters between white space (ASCII space and tab, NBSP,
  /// narrow NBSP and the other Unicode spaces).
  static func words(in line: UnsafeBufferPointer<UInt8>) -> Int {
    var words = 0
    var inWord = false
    var index = 0
    while index < line.count {
      let (scalar, next) = TextFolder.decode(line, at: index)
      index = next
      if isSpace(scalar) {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
    }
    return words
  }

  /// The number of characters without leading and trailing white space, counting a base letter
  /// and its combining accents as one.
  static func characters(in line: UnsafeBufferPointer<UInt8>) -> Int {
    var total = 0
    var trailingSpaces = 0
    var started = false
    var index = 0
    while index < line.count {
      let (scalar, next) = TextFolder.decode(line, at: index)
      index = next
      if (0x300...0x36F).contains(scalar) { continue }
      if isSpace(scalar) {
        if started { trailingSpaces += 1 }
        continue
      }
      started = true
      total += 1 + trailingSpaces
      trailingSpaces = 0
    }
    return total
  }

  private static func isSpace(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
