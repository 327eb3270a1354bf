/// Counts used by `when:` conditions, computed on a line's own bytes.
enum LineMetrics {
  /// The number of words: runs of characters between white space (ASCII space and tab, NBSP,
  /// narrow NBSP and the other Unicode spaces).
  static func words(in line: UnsafeBufferPointer<UInt8>) -> Int {
    var words = 0
    var inWord = false
    var index = 0
    let count = line.count
    while index < count {
      let byte = line[index]
      var space = false
      var width = 1
      if byte < 0x80 {
        space = byte == 0x20 || byte == 0x09
      } else if byte == 0xC2, index + 1 < count, line[index + 1] == 0xA0 {
        space = true
        width = 2
      } else if byte == 0xE2 || byte == 0xE1 || byte == 0xE3 {
        let (scalar, next) = TextFolder.decode(line, at: index)
        space = isSpace(scalar)
        width = next - index
      }
      index += width
      if space {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
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
