import Testing

@testable import Tamis

/// `JSONValue.firstEscaped` finds the first byte a JSON string escapes at every offset, in the
/// vector, word and byte steps alike.
@Suite struct JSONValueEscapeTests {
  /// Bytes a string holds as they are, next to the escaped ones in value.
  static let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x61, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
  /// Bytes a string escapes.
  static let escaped: [UInt8] = [0x00, 0x0A, 0x1F, 0x22, 0x5C]

  @Test("the first escaped byte is found wherever it is, or the end when there is none")
  func everyOffset() {
    for count in 0...40 {
      let filler = (0..<count).map { Self.plain[$0 % Self.plain.count] }
      filler.withUnsafeBufferPointer { bytes in
        for start in 0...count {
          #expect(JSONValue.firstEscaped(in: bytes, from: start) == count)
        }
      }
      for position in 0..<count {
        for special in Self.escaped {
          var bytes = filler
          bytes[position] = special
          if position + 3 < count { bytes[position + 3] = 0x22 }
          bytes.withUnsafeBufferPointer { buffer in
            #expect(JSONValue.firstEscaped(in: buffer, from: 0) == position)
            #expect(JSONValue.firstEscaped(in: buffer, from: position) == position)
          }
        }
      }
    }
  }
}
