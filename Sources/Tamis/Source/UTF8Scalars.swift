/// Decoding and encoding of single Unicode scalars on raw UTF-8 bytes, for the byte-level loops
/// of every layer (folding, white space, validity checks).
enum UTF8Scalars {
  /// Decodes one scalar at `index`; invalid or truncated sequences give U+FFFD for one byte.
  ///
  /// - Returns: the scalar's value and the index just past it.
  @inline(__always)
  static func decode(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let b0 = UInt32(input[index])
    let count = input.count
    if b0 < 0x80 { return (b0, index + 1) }
    if b0 >= 0xC2, b0 <= 0xDF, index + 1 < count {
      let b1 = UInt32(input[index + 1])
      if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), index + 2) }
    } else if b0 >= 0xE0, b0 <= 0xEF, index + 2 < count {
      let b1 = UInt32(input[index + 1])
      let b2 = UInt32(input[index + 2])
      if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 {
        let value = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
        if value >= 0x800, !(0xD800...0xDFFF).contains(value) { return (value, index + 3) }
      }
    } else if b0 >= 0xF0, b0 <= 0xF4, index + 3 < count {
      let b1 = UInt32(input[index + 1])
      let b2 = UInt32(input[index + 2])
      let b3 = UInt32(input[index + 3])
      if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 {
        let value = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
        if value >= 0x10000, value <= 0x10FFFF { return (value, index + 4) }
      }
    }
    return (0xFFFD, index + 1)
  }

  /// Hands the UTF-8 bytes of scalar `value` to `append`, first byte first.
  @inline(__always)
  static func encode(_ value: UInt32, _ append: (UInt8) -> Void) {
    switch value {
    case 0..<0x80:
      append(UInt8(value))
    case 0x80..<0x800:
      append(UInt8(0xC0 | value >> 6))
      append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      append(UInt8(0xE0 | value >> 12))
      append(UInt8(0x80 | (value >> 6) & 0x3F))
      append(UInt8(0x80 | value & 0x3F))
    default:
      append(UInt8(0xF0 | value >> 18))
      append(UInt8(0x80 | (value >> 12) & 0x3F))
      append(UInt8(0x80 | (value >> 6) & 0x3F))
      append(UInt8(0x80 | value & 0x3F))
    }
  }
}
