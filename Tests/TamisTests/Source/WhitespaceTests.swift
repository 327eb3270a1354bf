import Testing

@testable import Tamis

@Suite struct WhitespaceTests {
  /// `Whitespace.trimmed` as it was before its printable-ASCII shortcut: scalar by scalar from
  /// both ends.
  static func oracleTrimmed(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lower = 0
    while lower < text.count {
      let (scalar, next) = UTF8Scalars.decode(text, at: lower)
      guard Whitespace.isSpace(scalar) || scalar == Whitespace.byteOrderMark else { break }
      lower = next
    }
    var upper = text.count
    while upper > lower {
      var start = upper - 1
      while start > lower, upper - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
      let (scalar, next) = UTF8Scalars.decode(text, at: start)
      guard next == upper, Whitespace.isSpace(scalar) else { break }
      upper = start
    }
    return lower..<upper
  }

  @Test("trimming gives the same bytes as a scalar-by-scalar walk from both ends")
  func trimmedMatchesScalarWalk() {
    var random = SeededGenerator(seed: 58)
    let pieces: [[UInt8]] = [
      Array(" ".utf8), Array("\t".utf8), Array("a".utf8), Array("~".utf8), Array("é".utf8),
      Array("\u{A0}".utf8), Array("\u{2009}".utf8), Array("\u{FEFF}".utf8), Array("\u{3000}".utf8),
      [0x7F], [0x00], [0x80], [0xC3], [0xFF], [0x0A], [0x0D], [0x21],
    ]
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<random.below(8) { bytes += random.pick(pieces) }
      bytes.withUnsafeBufferPointer { text in
        let trimmed = Whitespace.trimmed(text)
        guard let base = text.baseAddress, let start = trimmed.baseAddress else {
          #expect(trimmed.isEmpty && text.isEmpty)
          return
        }
        let lower = start - base
        #expect(lower..<(lower + trimmed.count) == Self.oracleTrimmed(text), "\(bytes)")
      }
    }
  }
}
