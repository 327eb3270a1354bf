import Testing

@testable import Tamis

/// `TextCheck` finds the invalid UTF-8 a scalar-by-scalar walk finds, whatever the runs of
/// ASCII around it (its loop skips them 8 bytes at a time).
@Suite struct TextCheckTests {
  /// The first invalid byte and the number of invalid bytes, one scalar at a time.
  static func walked(_ bytes: UnsafeBufferPointer<UInt8>) -> TextCheck.InvalidUTF8? {
    var first: Int?
    var count = 0
    var index = 0
    while index < bytes.count {
      let (scalar, next) = UTF8Scalars.decode(bytes, at: index)
      let spellsReplacement =
        index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBF
        && bytes[index + 2] == 0xBD
      if scalar == 0xFFFD, !spellsReplacement {
        first = first ?? index
        count += 1
      }
      index = next
    }
    return first.map { TextCheck.InvalidUTF8(firstOffset: $0, count: count) }
  }

  @Test("generated texts of ASCII runs, valid and invalid sequences check as walked")
  func generatedTexts() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("plain ascii text ".utf8), Array("é".utf8), Array("’".utf8),
      Array("中".utf8), Array("😀".utf8), Array("\u{FFFD}".utf8), [0xFF], [0x80], [0xC3],
      [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
      [0x00], [0x0A],
    ]
    var random = SeededGenerator(seed: 1_414)
    for _ in 0..<5_000 {
      var text: [UInt8] = []
      for _ in 0..<random.below(12) { text += random.pick(pieces) }
      let found = text.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:))
      let expected = text.withUnsafeBufferPointer(Self.walked)
      #expect(found == expected, "\(text)")
      #expect(text.withUnsafeBufferPointer(TextCheck.isValidUTF8) == (expected == nil))
    }
  }
}
