/// What tamis counts as white space, in one place: the folder, the word counter, blank-line
/// detection, the rule-file parser and every trimmer use these definitions.
///
/// - *Space*: the Unicode `White_Space` scalars (tab, line breaks, the space separators, NBSP,
///   narrow NBSP, ideographic space). Spaces separate words and fold to one ASCII space.
/// - *Invisible*: format characters that neither separate words nor show (soft hyphen,
///   zero-width space and joiners, word joiner, Mongolian vowel separator). They fold to nothing
///   and do not make a line non-blank.
/// - A byte-order mark (U+FEFF) is trimmed at the start of a text and does not make a line
///   non-blank; elsewhere it is kept as text.
public enum Whitespace {
  /// The byte-order mark.
  static let byteOrderMark: UInt32 = 0xFEFF

  /// True for a Unicode `White_Space` scalar.
  @inline(__always)
  public static func isSpace(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }

  /// True for an invisible format character that folds to nothing.
  @inline(__always)
  public static func isInvisible(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x00AD, 0x180E, 0x200B...0x200D, 0x2060: true
    default: false
    }
  }

  /// True when `character` is white space (a single space scalar, or CR LF).
  public static func isSpace(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { isSpace($0.value) }
  }

  /// True when the line holds only spaces, invisible characters and byte-order marks.
  public static func isBlank(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < content.count {
      let byte = content[index]
      if byte < 0x80 {
        guard isSpace(UInt32(byte)) else { return false }
        index += 1
        continue
      }
      let (scalar, next) = UTF8Scalars.decode(content, at: index)
      guard isSpace(scalar) || isInvisible(scalar) || scalar == byteOrderMark else { return false }
      index = next
    }
    return true
  }

  /// The bytes without leading spaces and byte-order marks and without trailing spaces.
  public static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    // The common case: a printable ASCII byte (0x21 to 0x7F, no space) at either end.
    if let first = text.first, let last = text.last, first &- 0x21 < 0x5F, last &- 0x21 < 0x5F {
      return text
    }
    var lower = 0
    while lower < text.count {
      if text[lower] < 0x80 {
        guard isSpace(UInt32(text[lower])) else { break }
        lower += 1
        continue
      }
      let (scalar, next) = UTF8Scalars.decode(text, at: lower)
      guard isSpace(scalar) || scalar == byteOrderMark else { break }
      lower = next
    }
    var upper = text.count
    while upper > lower {
      // Step back to the start of the last scalar (at most 3 continuation bytes).
      var start = upper - 1
      while start > lower, upper - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
      let (scalar, next) = UTF8Scalars.decode(text, at: start)
      guard next == upper, isSpace(scalar) else { break }
      upper = start
    }
    return UnsafeBufferPointer(rebasing: text[lower..<upper])
  }

  /// The text without leading spaces and byte-order marks and without trailing spaces.
  public static func trimmed(_ text: some StringProtocol) -> String {
    var slice = Substring(text)
    while let first = slice.first, isSpace(first) || first == "\u{FEFF}" { slice.removeFirst() }
    while let last = slice.last, isSpace(last) { slice.removeLast() }
    return String(slice)
  }
}
