/// What the headline test reads of a line's characters: whether it is a breadcrumb trail
/// (` > ` or ` › ` between items) and how many of its non-space scalars are letters.
///
/// `init?(bytes:)` reads the bytes in one pass without building a `String`; it answers only when
/// every scalar is its own grapheme cluster whatever its neighbours (no combining mark, joiner,
/// format or prepended character; see `isStandalone`) and the bytes are valid UTF-8, so that a
/// byte search finds exactly the `Character` matches `String.contains` finds, and the scalars
/// are the ones `String(decoding:)` would give. `init(decoding:)` is the `String` path for every
/// other line; both give the same counts by construction (a test compares them).
struct HeadlineCharacters: Equatable {
  /// The line holds ` > ` or ` › `: it names the section, not the article.
  var isBreadcrumb = false
  /// Scalars that are not white space.
  var visible = 0
  /// Of those, the alphabetic ones.
  var letters = 0

  /// Per scalar below `tableLimit`: `whitespace` and `alphabetic`, asked of its properties.
  private static let tableLimit = 0x300
  private static let whitespace: UInt8 = 1
  private static let alphabetic: UInt8 = 2
  private static let flags: [UInt8] = (0..<tableLimit).map { value in
    // Every value below U+0300 is a scalar: the replacement is never used.
    let properties = (Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}").properties
    return (properties.isWhitespace ? whitespace : 0) | (properties.isAlphabetic ? alphabetic : 0)
  }

  /// The counts of `text`, read on its bytes; nil when a scalar may join its neighbours in one
  /// `Character` or the bytes are not valid UTF-8 (the caller uses `init(decoding:)`).
  init?(bytes text: UnsafeBufferPointer<UInt8>) {
    let count = text.count
    let found: Bool = Self.flags.withUnsafeBufferPointer { flags in
      var index = 0
      while index < count {
        let byte = text[index]
        if byte < 0x80 {
          if byte == 0x20, Self.startsBreadcrumbMark(text, at: index) { isBreadcrumb = true }
          tally(flags[Int(byte)])
          index &+= 1
          continue
        }
        let (scalar, next) = UTF8Scalars.decode(text, at: index)
        // U+FFFD is what an invalid byte decodes to: the `String` path repairs those.
        guard scalar != 0xFFFD, Self.isStandalone(scalar) else { return false }
        if scalar < Self.tableLimit {
          tally(flags[Int(scalar)])
        } else if let value = Unicode.Scalar(scalar) {
          let properties = value.properties
          tally(
            (properties.isWhitespace ? Self.whitespace : 0)
              | (properties.isAlphabetic ? Self.alphabetic : 0))
        }
        index = next
      }
      return true
    }
    guard found else { return nil }
  }

  /// The counts of `text` through a `String` (repairing invalid UTF-8, `Character` matching).
  init(decoding text: UnsafeBufferPointer<UInt8>) {
    let string = String(decoding: text, as: UTF8.self)
    isBreadcrumb = string.contains(" > ") || string.contains(" › ")
    for scalar in string.unicodeScalars where !scalar.properties.isWhitespace {
      visible += 1
      if scalar.properties.isAlphabetic { letters += 1 }
    }
  }

  /// Counts one scalar from its flags.
  @inline(__always)
  private mutating func tally(_ flags: UInt8) {
    guard flags & Self.whitespace == 0 else { return }
    visible &+= 1
    if flags & Self.alphabetic != 0 { letters &+= 1 }
  }

  /// Whether ` > ` or ` › ` starts at `index` (a space).
  @inline(__always)
  private static func startsBreadcrumbMark(_ text: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Bool
  {
    let rest = text.count &- index
    if rest >= 3, text[index &+ 1] == 0x3E, text[index &+ 2] == 0x20 { return true }
    // U+203A is E2 80 BA.
    return rest >= 5 && text[index &+ 1] == 0xE2 && text[index &+ 2] == 0x80
      && text[index &+ 3] == 0xBA && text[index &+ 4] == 0x20
  }

  /// Scalars that form a grapheme cluster of their own next to any neighbour: below U+0300 (the
  /// combining marks start there), the general punctuation that is neither a format character
  /// nor a joiner (dashes, quotes, bullets, the ellipsis, `‹ ›`), and the currency signs.
  @inline(__always)
  private static func isStandalone(_ scalar: UInt32) -> Bool {
    scalar < UInt32(tableLimit) || (0x2010...0x2027).contains(scalar)
      || (0x2030...0x205E).contains(scalar) || (0x20A0...0x20C0).contains(scalar)
  }
}
