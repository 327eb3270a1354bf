/// The `Character` properties of the scalars below U+0300 (ASCII, Latin-1, Latin Extended, IPA,
/// spacing modifiers), looked up in a table instead of asked of each `Character`.
///
/// Below U+0300 every scalar but CR is a grapheme cluster of its own (the combining marks start
/// at U+0300), so a line made only of such scalars splits into `Character`s scalar by scalar,
/// and each `Character`'s `isLetter`, `isUppercase` and `isWhitespace` is the table's entry,
/// which is built by asking `Character` itself: the answers are the same by construction.
enum LatinCharacters {
  /// The scalars the table covers: `0..<limit`.
  static let limit = 0x300

  private static let letter: UInt8 = 1
  private static let uppercase: UInt8 = 2
  private static let whitespace: UInt8 = 4

  /// Per scalar below `limit`: its flags.
  private static let flags: [UInt8] = (0..<limit).map { value in
    // Every value below U+0300 is a scalar: the replacement character is never used.
    let character = Character(Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}")
    var flags: UInt8 = 0
    if character.isLetter { flags |= letter }
    if character.isUppercase { flags |= uppercase }
    if character.isWhitespace { flags |= whitespace }
    return flags
  }

  /// What `CleaningState.isTitleCase` answers for `text`, computed on the bytes when every
  /// scalar of `text` is below U+0300 and none is CR; nil otherwise (the caller asks the
  /// `Character`s).
  ///
  /// The words are the runs between white space; a word counts when it has more than three
  /// letters, and is capitalised when its first letter is upper case.
  static func isTitleCase(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
    flags.withUnsafeBufferPointer { flags in
      var long = 0
      var capitalised = 0
      var letters = 0
      var firstIsUpper = false
      var index = 0
      let count = text.count
      func endWord() {
        if letters > 3 {
          long += 1
          if firstIsUpper { capitalised += 1 }
        }
        letters = 0
      }
      while index < count {
        let byte = text[index]
        let scalar: Int
        if byte < 0x80 {
          guard byte != 0x0D else { return nil }
          scalar = Int(byte)
          index += 1
        } else {
          // Two-byte sequences C2 80 ... CB BF: U+0080 to U+02FF.
          guard byte >= 0xC2, byte <= 0xCB, index + 1 < count else { return nil }
          let next = text[index + 1]
          guard next & 0xC0 == 0x80 else { return nil }
          scalar = Int(byte & 0x1F) << 6 | Int(next & 0x3F)
          index += 2
        }
        let entry = flags[scalar]
        if entry & whitespace != 0 {
          endWord()
        } else if entry & letter != 0 {
          if letters == 0 { firstIsUpper = entry & uppercase != 0 }
          letters += 1
        }
      }
      endWord()
      return long > 0 && Double(capitalised) >= Settings.menuTitleShare * Double(long)
    }
  }
}
