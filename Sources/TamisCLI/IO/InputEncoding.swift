import Tamis

/// The character encoding of the input (`--encoding`): how its bytes become the UTF-8 text that
/// tamis cleans.
///
/// With `utf8` (the default) the bytes are cleaned as they are, invalid UTF-8 included (see
/// README "Bad input"). With `latin1` or `windows1252` every document is transcoded to UTF-8
/// first, so the body is the input's text in UTF-8, not its bytes. `auto` keeps a document that
/// is valid UTF-8 as it is and reads any other as Windows-1252 (a superset of Latin-1's printable
/// characters, what old French sites served as "ISO-8859-1").
enum InputEncoding: String, CaseIterable, Equatable, Sendable {
  /// UTF-8, bytes kept as they are.
  case utf8 = "utf-8"
  /// ISO-8859-1: each byte is the code point of the same value.
  case latin1 = "latin-1"
  /// Windows-1252: Latin-1 with printable characters (`€`, `’`, `œ`, `…`) in 0x80–0x9F.
  case windows1252 = "windows-1252"
  /// UTF-8 when the document is valid UTF-8, else Windows-1252.
  case auto

  /// The document's text as UTF-8, and the encoding it was read in (never `auto`).
  func decode(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: InputEncoding) {
    switch self {
    case .utf8: return (bytes, .utf8)
    case .latin1, .windows1252: return (transcode(bytes), self)
    case .auto:
      let valid = bytes.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:)) == nil
      return valid ? (bytes, .utf8) : (InputEncoding.windows1252.transcode(bytes), .windows1252)
    }
  }

  /// `bytes`, read as this single-byte encoding, written as UTF-8.
  private func transcode(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      var scalar = UInt32(byte)
      if self == .windows1252, (0x80...0x9F).contains(byte) {
        scalar = Self.windows1252High[Int(byte) - 0x80]
      }
      if scalar < 0x800 {
        output.append(UInt8(0xC0 | (scalar >> 6)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        output.append(UInt8(0xE0 | (scalar >> 12)))
        output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return output
  }

  /// The code points of Windows-1252's bytes 0x80–0x9F; the five it leaves undefined keep
  /// their C1 control code point, as web browsers do.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}
