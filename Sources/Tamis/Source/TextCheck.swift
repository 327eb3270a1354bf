#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Checks that bytes are a text dump: UTF-8 without NUL bytes.
///
/// A NUL byte means a binary file, which is not cleaned. Invalid UTF-8 does not stop cleaning
/// (see "Bad input" in README.md): invalid bytes match nothing (they fold to U+FFFD), are kept as
/// they are in a body written as bytes, and become U+FFFD in strings (captions, JSON).
public enum TextCheck {
  /// Where a text is not valid UTF-8: the first invalid byte, and how many there are.
  public struct InvalidUTF8: Sendable, Hashable {
    /// The 0-based offset of the first byte that is not part of a valid UTF-8 sequence.
    public var firstOffset: Int
    /// How many bytes are not part of a valid UTF-8 sequence.
    public var count: Int
  }

  /// The first reason the bytes are not a text dump (binary first), or nil when they are one.
  public static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> InputProblem? {
    if isBinary(bytes) { return .binary }
    return invalidUTF8(in: bytes).map { .invalidUTF8(byteOffset: $0.firstOffset) }
  }

  /// True when the bytes hold a NUL byte: a binary file, not a text dump.
  public static func isBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    return memchr(base, 0, bytes.count) != nil
  }

  /// True when the bytes are valid UTF-8 (NUL bytes allowed).
  public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    firstInvalidByte(in: bytes, from: 0) == nil
  }

  /// Where the bytes are not valid UTF-8, or nil when they are valid.
  public static func invalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> InvalidUTF8? {
    guard let first = firstInvalidByte(in: bytes, from: 0) else { return nil }
    var count = 1
    var index = first + 1
    while let next = firstInvalidByte(in: bytes, from: index) {
      count += 1
      index = next + 1
    }
    return InvalidUTF8(firstOffset: first, count: count)
  }

  /// The offset of the first byte at or after `start` that is not part of a valid UTF-8
  /// sequence. Runs eight bytes at a time over ASCII, so it costs little next to cleaning.
  private static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int?
  {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
    let count = bytes.count
    let high: UInt64 = 0x8080_8080_8080_8080
    var index = start
    while index < count {
      if index + 8 <= count {
        let nonASCII = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & high
        if nonASCII == 0 {
          index += 8
          continue
        }
        // The ASCII bytes before the first other one are valid: straight to that one.
        index += UInt64(littleEndian: nonASCII).trailingZeroBitCount >> 3
      }
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      let (scalar, next) = UTF8Scalars.decode(bytes, at: index)
      if scalar == 0xFFFD, !isReplacementCharacter(bytes, at: index) { return index }
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
