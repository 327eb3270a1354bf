import Testing

@testable import Tamis

/// The byte path of the headline's character counts answers what the `String` path answers.
@Suite struct HeadlineCharactersTests {
  /// Pieces lines are built from: words, breadcrumb marks, spaces, and scalars that join their
  /// neighbours (combining marks, joiners, emoji), CJK, and invalid bytes.
  static let pieces: [[UInt8]] =
    [
      "Home", " > ", " › ", ">", "›", " ", "  ", "\t", "\u{A0}", "\u{202F}", "News", "Élysée",
      "Ǆemal", "ªº", "12", "3:07", "“quoted”", "‘single’", "…", "–", "—", "•", "€", "‼",
      "\u{0301}", "\u{200D}", "\u{200C}", "\u{200B}", "\u{2028}", "👍", "東京", "\r\n", "\r",
      "\u{FFFD}", "Ωμέγα", "ß", "\u{0600}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80]]

  /// Fixed lines and seeded random concatenations of `pieces`.
  static func lines() -> [[UInt8]] {
    var lines: [[UInt8]] = [
      "Home > News > World", "Accueil › Monde", "Wohnungsbau in Berlin", "A > B", " > ",
      "Home >\u{0301} News", "Home \u{0301}> News", "x \u{0600} > y", "Villes › \u{200D}Paris",
      "", " ", "12 34 56", "東京 > 大阪",
    ].map { Array($0.utf8) }
    var generator = SeededGenerator(seed: 1414)
    for _ in 0..<4000 {
      var line: [UInt8] = []
      for _ in 0..<(1 + generator.below(12)) {
        line += pieces[generator.below(pieces.count)]
      }
      lines.append(line)
    }
    return lines
  }

  @Test("the byte path agrees with the String path whenever it answers")
  func agreesWithString() {
    var answered = 0
    for line in Self.lines() {
      line.withUnsafeBufferPointer { bytes in
        let slow = HeadlineCharacters(decoding: bytes)
        if let fast = HeadlineCharacters(bytes: bytes) {
          answered += 1
          #expect(fast == slow, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
      }
    }
    #expect(answered > 500)
  }

  @Test("joining scalars and invalid UTF-8 take the String path")
  func fallsBack() {
    for text: [UInt8] in [
      Array("e\u{0301}".utf8), Array("a\u{200D}b".utf8), Array("東".utf8), [0x41, 0xFF], [0xC3],
    ] {
      text.withUnsafeBufferPointer { #expect(HeadlineCharacters(bytes: $0) == nil) }
    }
    Array("Home › News, “today” – 3 €".utf8).withUnsafeBufferPointer {
      #expect(HeadlineCharacters(bytes: $0) != nil)
    }
  }
}
