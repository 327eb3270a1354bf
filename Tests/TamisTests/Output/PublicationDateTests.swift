import Testing

@testable import Tamis

/// `PublicationDate` reads ASCII text on its bytes and other text on its `Character`s; both
/// paths must read the same date.
@Suite struct PublicationDateTests {
  static let dates = [
    "12 March 2025", "March 12, 2025", "Updated December 21, 2025 3:07 p.m. ET", "2024-09",
    "12/03/2025 09:12", "03/25/2025", "2025", "12.03.2025 19.10", "12 mars 2025 a 06h30",
    "12. Marz 2025, 9:12 Uhr", "6:30 pm, 12 Jan 2025", "12:05 a.m. 1 FEB 2025",
    "19 h 05 2025-03-12",
    "Published 15:40, 6 Mar 2025", "no date here", "", "99999 2025", "1/2/3", "2025-13-40",
    "\r\n12 March 2025\r\n",
  ]

  @Test("an ASCII date reads the same on bytes as on Characters")
  func bytesAgreeWithCharacters() {
    for text in Self.dates {
      // A thin space is neither a letter nor a digit: it changes no token, and sends the
      // text down the Character path; a no-break space, down the Latin-1 scalar path.
      #expect(
        PublicationDate.iso8601(text) == PublicationDate.iso8601(text + "\u{2009}"),
        "\(text.debugDescription)")
      #expect(
        PublicationDate.iso8601(text) == PublicationDate.iso8601(text + "\u{A0}"),
        "\(text.debugDescription)")
    }
  }

  @Test("Latin-1 text reads the same tokens on scalars as on Characters")
  func scalarsAgreeWithCharacters() {
    // Every scalar from U+0000 to U+00FF, alone and between the pieces of dates.
    let pieces = [
      "12", " ", "août", "AOÛT", "Décembre", "MÄRZ", "2025", ":", "06h30", ".", "·", "\u{A0}",
      "\r\n", "\r", "ß", "ª", "µ", "º", "×", "÷", "ÿ", "Þ", "9", "p", "m", "5", "/",
    ]
    var generator = SeededGenerator(seed: 8601)
    var texts = (0..<0x100).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    for _ in 0..<3_000 {
      var text = ""
      for _ in 0..<(1 + generator.below(9)) {
        text +=
          generator.chance(50)
          ? generator.pick(pieces) : String(Character(Unicode.Scalar(UInt8(generator.below(256)))))
      }
      texts.append(text)
    }
    for text in texts {
      #expect(
        PublicationDate.tokens(of: text) == PublicationDate.tokensByCharacters(of: text),
        "\(text.debugDescription)")
    }
  }

  @Test("dates read as ISO 8601")
  func readsDates() {
    #expect(PublicationDate.iso8601("12 March 2025") == "2025-03-12")
    #expect(PublicationDate.iso8601("Updated December 21, 2025 3:07 p.m. ET") == "2025-12-21T15:07")
    #expect(PublicationDate.iso8601("12/03/2025 09:12") == "2025-03-12T09:12")
    #expect(PublicationDate.iso8601("2024-09") == "2024-09")
    #expect(PublicationDate.iso8601("no date here") == nil)
  }
}
