import Testing

@testable import TamisCLI

/// The JSON string scan that looks at eight bytes at a time finds every quote, backslash and
/// control byte wherever it falls in the eight, and decodes what the byte-by-byte scan did.
@Suite struct JSONStringScanTests {
  /// A piece of a JSON string: as written in the line, and decoded (nil: the string is invalid).
  struct Piece {
    let written: [UInt8]
    let decoded: [UInt8]?
  }

  static let pieces: [Piece] = [
    Piece(written: Array("abc".utf8), decoded: Array("abc".utf8)),
    Piece(written: Array("Un café".utf8), decoded: Array("Un café".utf8)),
    Piece(written: Array("東京".utf8), decoded: Array("東京".utf8)),
    Piece(written: Array(#"\n"#.utf8), decoded: [0x0A]),
    Piece(written: Array(#"\""#.utf8), decoded: [0x22]),
    Piece(written: Array(#"\\"#.utf8), decoded: [0x5C]),
    Piece(written: Array(#"\u00e9"#.utf8), decoded: Array("é".utf8)),
    Piece(written: Array(#"\ud83d\ude00"#.utf8), decoded: Array("😀".utf8)),
    Piece(written: Array("       ".utf8), decoded: Array("       ".utf8)),
    Piece(written: [0x7F, 0xFF, 0x80], decoded: [0x7F, 0xFF, 0x80]),
    Piece(written: [0x09], decoded: nil),
    Piece(written: [0x1F], decoded: nil),
    Piece(written: Array(#"\ud800"#.utf8), decoded: nil),
    Piece(written: Array(#"\x"#.utf8), decoded: nil),
  ]

  @Test("strings made of pieces at every offset decode as the pieces say, or fail")
  func seededStrings() {
    var random = SplitMix(state: 14)
    for _ in 0..<4000 {
      var written: [UInt8] = []
      var decoded: [UInt8]? = []
      for _ in 0..<Int(random.next() % 12) {
        let piece = Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
        written += piece.written
        decoded = decoded.flatMap { sofar in piece.decoded.map { sofar + $0 } }
      }
      let line = Array(#"{"id":"1","text":""#.utf8) + written + Array(#""}"#.utf8)
      let result = JSONRecordReader.record(line[...])
      switch (result, decoded) {
      case (.success(let record), .some(let expected)):
        guard case .success(let bytes) = record.stringBytes("text") else {
          Issue.record("no text in \(line)")
          continue
        }
        #expect(Array(bytes) == expected)
      case (.failure, .none): break
      default: Issue.record("\(String(decoding: line, as: UTF8.self)): \(result)")
      }
    }
  }

  /// SplitMix64: deterministic test data.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
