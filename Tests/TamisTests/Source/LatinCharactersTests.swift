import Testing

@testable import Tamis

/// The byte path of `isTitleCase` answers what asking each `Character` answers.
@Suite struct LatinCharactersTests {
  /// Lines built from every scalar below U+0300, white space and a few above it.
  static func lines() -> [String] {
    var lines = [
      "", "By Jane Doe", "By the numbers", "Par Éloïse Dupont-Lefèvre", "ÉCOLE Élève ÂGE",
      "Ǆemal Ǉubljana ǅemal", "ªbcd ºxyz", "Hello\u{0301}World Again", "Wörld\u{00A0}Über",
      "Line\r\nBreak Here", "caf\u{0065}\u{0301} Noël Ärger", "東京 Tokyo Station", "\u{85}Next Line",
      "  Leading  Spaces And\tTabs  ", "x\u{2028}Yyyy Zzzz", "\u{FFFD}Bbbb Cccc", "ʼAaaa Bbbb",
    ]
    var generator = SeededGenerator(seed: 14)
    for start in stride(from: 0, to: 0x300, by: 24) {
      var line = ""
      for value in start..<min(start + 24, 0x300) {
        line.unicodeScalars.append(Unicode.Scalar(UInt32(value)) ?? " ")
        if value % 5 == 0 { line += " " }
      }
      lines.append(line)
      var scalars = Array(line.unicodeScalars)
      for index in scalars.indices.reversed() {
        scalars.swapAt(index, generator.below(index + 1))
      }
      lines.append(String(String.UnicodeScalarView(scalars)))
    }
    return lines
  }

  @Test("the byte path agrees with the Character path on every scalar below U+0300")
  func agreesWithCharacters() {
    for line in Self.lines() {
      var text = line
      text.withUTF8 { bytes in
        let fast = LatinCharacters.isTitleCase(bytes)
        let slow = CleaningState.isTitleCaseByCharacters(bytes)
        if let fast { #expect(fast == slow, "\(line.debugDescription)") }
        #expect(CleaningState.isTitleCase(bytes) == slow, "\(line.debugDescription)")
      }
    }
  }

  @Test("invalid UTF-8 and scalars from U+0300 on take the Character path")
  func fallsBack() {
    for bytes: [UInt8] in [[0x41, 0xFF, 0x42], [0xC0, 0x80], [0xCC, 0x81], [0xC3], [0x0D]] {
      bytes.withUnsafeBufferPointer { #expect(LatinCharacters.isTitleCase($0) == nil) }
    }
  }
}
