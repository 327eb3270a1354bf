#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Checks that bytes are a text dump: valid UTF-8 without NUL bytes.
public enum TextCheck {
  /// The first reason the bytes are not a text dump, or nil when they are.
  ///
  /// Runs eight bytes at a time over ASCII, so it costs little next to cleaning.
  public static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> InputProblem? {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
    let count = bytes.count
    // A NUL byte anywhere means binary, even after an invalid sequence.
    if memchr(base, 0, count) != nil { return .binary }
    var index = 0
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    while index < count {
      if index + 8 <= count {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // No byte ≥ 0x80 and no zero byte: eight ASCII characters.
        if word & high == 0 && (word &- ones) & ~word & high == 0 {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte == 0 { return .binary }
      if byte < 0x80 {
        index += 1
        continue
      }
      let (scalar, next) = TextFolder.decode(bytes, at: index)
      if scalar == 0xFFFD, !isReplacementCharacter(bytes, at: index) {
        return .invalidUTF8(byteOffset: index)
      }
      index = next
    }
    return nil
  }

  /// True when the bytes at `index` spell U+FFFD itself rather than an invalid sequence.
  private static func isReplacementCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Bool
  {
    index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBF
      && bytes[index + 2] == 0xBD
  }
}
