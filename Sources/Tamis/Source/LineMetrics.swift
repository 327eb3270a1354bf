/// Counts taken on a line's own bytes, with the white space of `Whitespace`.
enum LineMetrics {
  /// The number of words: runs of characters between spaces (`Whitespace.isSpace`).
  ///
  /// Eight ASCII bytes at a time: their space bytes found with word arithmetic, and the word
  /// starts (a non-space after a space) counted with one population count. Other bytes go one
  /// by one, and only the lead bytes that may start a non-ASCII space (0xC2, 0xE1, 0xE2, 0xE3)
  /// are decoded.
  static func words(in line: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = line.baseAddress else { return 0 }
    let count = line.count
    var words = 0
    var previousIsSpace: UInt64 = 1
    var index = 0
    while index &+ 8 <= count {
      let chunk = UInt64(
        littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      guard chunk & highBits == 0 else {
        if !mayStartSpace(chunk) {
          // Non-ASCII bytes, none of which may start a space: each is a non-space byte, as
          // `step` reads it, and the ASCII ones are read with word arithmetic.
          let spaces = asciiSpaces(chunk & ~highBits) & ~(chunk & highBits)
          let starts = ~spaces & highBits & (spaces << 8 | previousIsSpace << 7)
          words &+= highBitCount(starts)
          previousIsSpace = spaces >> 63
          index &+= 8
          continue
        }
        // A byte that may start a non-ASCII space: these eight bytes (and the end of a scalar
        // past them) one by one.
        let stop = index &+ 8
        while index < stop {
          words &+= step(line, at: &index, previousIsSpace: &previousIsSpace)
        }
        continue
      }
      let spaces = asciiSpaces(chunk)
      let starts = ~spaces & highBits & (spaces << 8 | previousIsSpace << 7)
      words &+= highBitCount(starts)
      previousIsSpace = spaces >> 63
      index &+= 8
    }
    while index < count {
      words &+= step(line, at: &index, previousIsSpace: &previousIsSpace)
    }
    return words
  }

  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The number of bits set in `bits`, which has none but the high bit of some bytes: one
  /// multiply adds them up (a population count without the processor's instruction for it).
  @inline(__always)
  private static func highBitCount(_ bits: UInt64) -> Int {
    Int(truncatingIfNeeded: ((bits &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
  }

  /// True when `chunk` holds a lead byte of a non-ASCII space (0xC2, 0xE1, 0xE2 or 0xE3, as
  /// `step` decodes them); exact for every byte value.
  @inline(__always)
  private static func mayStartSpace(_ chunk: UInt64) -> Bool {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    @inline(__always) func hasByte(_ pattern: UInt64) -> Bool {
      let difference = chunk ^ pattern
      return ~(((difference & lows) &+ lows) | difference) & highBits != 0
    }
    return hasByte(0xC2C2_C2C2_C2C2_C2C2) || hasByte(0xE1E1_E1E1_E1E1_E1E1)
      || hasByte(0xE2E2_E2E2_E2E2_E2E2) || hasByte(0xE3E3_E3E3_E3E3_E3E3)
  }

  /// The high bit of each byte of `chunk` (eight ASCII bytes) set when the byte is a space, a
  /// tab, a line feed, a vertical tab, a form feed or a carriage return (0x09...0x0D).
  @inline(__always)
  private static func asciiSpaces(_ chunk: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // Bytes are below 0x80, so no sum carries into the next byte.
    let blanks = chunk ^ 0x2020_2020_2020_2020
    let isBlank = ~(((blanks & lows) &+ lows) | blanks) & highBits
    let atLeastTab = (chunk &+ 0x7777_7777_7777_7777) & highBits
    let pastReturn = (chunk &+ 0x7272_7272_7272_7272) & highBits
    return isBlank | (atLeastTab & ~pastReturn)
  }

  /// One byte (or one decoded space scalar) at `index`: 1 when it starts a word.
  @inline(__always)
  private static func step(
    _ line: UnsafeBufferPointer<UInt8>, at index: inout Int, previousIsSpace: inout UInt64
  ) -> Int {
    let byte = line[index]
    let spaceBit: UInt64
    if byte < 0x80 {
      // Tab, line feed, vertical tab, form feed, carriage return (0x09...0x0D) and space.
      spaceBit = (byte == 0x20 ? 1 : 0) | (byte &- 0x09 < 5 ? 1 : 0)
      index &+= 1
    } else if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
      let (scalar, next) = UTF8Scalars.decode(line, at: index)
      spaceBit = Whitespace.isSpace(scalar) ? 1 : 0
      index = next
    } else {
      spaceBit = 0
      index &+= 1
    }
    let start = Int(previousIsSpace & (spaceBit ^ 1))
    previousIsSpace = spaceBit
    return start
  }

  /// The number of Characters (grapheme clusters) without leading and trailing white space.
  static func characters(in line: UnsafeBufferPointer<UInt8>) -> Int {
    String(decoding: Whitespace.trimmed(line), as: UTF8.self).count
  }
}
