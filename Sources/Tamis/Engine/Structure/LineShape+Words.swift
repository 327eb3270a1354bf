/// The words of a line as `LineShape` reads them: a word of ASCII and Latin-1 letters (`é`,
/// `ß`: `C3 xx`) 8 bytes at a time, a word with other scalars one scalar at a time, and the
/// per-line histogram that counts them.
extension LineShape {
  /// The word being read, while one is open (`WordToken` says what is counted of it).
  struct TokenState {
    var isOpen = false
    var word = WordToken()

    @inline(__always)
    mutating func add(
      _ kind: ScalarKind, bytes: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) {
      if !isOpen {
        isOpen = true
        word = WordToken(startsWithLetter: kind == .upper || kind == .lower)
        word.firstUpper = kind == .upper
      }
      if kind == .upper || kind == .lower { word.letters &+= 1 }
      if kind != .digit { word.onlyDigits = false }
      for offset in start..<end {
        var byte = bytes[offset]
        if byte &- 0x41 < 26 { byte &+= 0x20 }
        if word.length < 8 { word.key |= UInt64(byte) << (8 &* UInt64(word.length)) }
        word.length &+= 1
      }
    }

    /// Adds the run of ASCII letters and digits and Latin-1 letters (`C3 xx`) from `start` to
    /// the open word, and returns the run's end: the same as `add` for each of its scalars, 8
    /// bytes at a time.
    @inline(__always)
    mutating func extend(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
      var offset = start
      var letterCount = 0
      while true {
        let chunk = ASCIIWord.chunk(bytes, at: offset, count: count)
        let (asciiLetters, letterBits, wordBits) = ASCIIWord.classes(chunk)
        let others = ~wordBits & ASCIIWord.highBits
        let run = others == 0 ? 8 : others.trailingZeroBitCount &>> 3
        let mask: UInt64 = run == 8 ? ~0 : (1 &<< (UInt64(truncatingIfNeeded: run) &<< 3)) &- 1
        letterCount &+= ASCIIWord.count(letterBits & mask)
        if word.length < 8 {
          // Bytes shifted past the key's 8 are dropped, as `add` stops at 8.
          let lowered = (chunk | (asciiLetters &>> 2)) & mask
          word.key |= lowered &<< (UInt64(truncatingIfNeeded: word.length) &<< 3)
        }
        word.length &+= run
        offset &+= run
        if run == 8 {
          if offset >= count { break }
          continue
        }
        // A Latin-1 letter cut by the chunk's end: read on from its first byte.
        guard ASCIIWord.cutsLatinLetter(bytes, at: offset, stop: run, count: count) else { break }
      }
      word.letters &+= letterCount
      if letterCount > 0 { word.onlyDigits = false }
      return offset
    }

    /// Opens the word with `token` (an ASCII run); what follows (an accented letter, an
    /// apostrophe) is added scalar by scalar, as if the whole word had been read that way.
    @inline(__always)
    mutating func open(_ token: WordToken) {
      isOpen = true
      word = token
    }

    @inline(__always)
    mutating func finish(into tally: WordTally) {
      guard isOpen else { return }
      isOpen = false
      tally.add(word)
    }
  }

  /// A finished word: what the counts read of it.
  struct WordToken {
    var startsWithLetter = false
    var firstUpper = false
    var letters = 0
    var onlyDigits = true
    /// Its first 8 bytes, ASCII lower-cased, for the stop-word lookup.
    var key: UInt64 = 0
    /// Its length in bytes.
    var length = 0
  }

  /// The counts of a line's words as a histogram: one bucket per kind of word (a number, a
  /// word, its case, long or not), so that a word costs one increment, plus the stop words and
  /// the CJK characters. The buckets live in the caller's scratch memory.
  struct WordTally {
    /// The buckets: `other` (a token that starts with a digit and holds more), `number`, four
    /// kinds of word (`word` + 1 when it starts with a capital, + 2 when it is long), then the
    /// stop words and the CJK characters.
    static let slots = 8
    static let other = 0
    static let number = 1
    static let word = 2
    static let stopWordSlot = 6
    static let cjkSlot = 7

    let counts: UnsafeMutableBufferPointer<Int>
    let stopWords: StopWordSet.Probe

    /// Empties every bucket.
    @inline(__always)
    func reset() {
      // A fixed number of stores (`initialize(repeating:)` calls `memset` for each line); the
      // buffer's subscript, unchecked in release builds, tests no base address per word.
      for slot in 0..<Self.slots { counts[slot] = 0 }
    }

    /// Counts a finished word: a token, a number, a word and its case, a long word, a stop word.
    @inline(__always)
    func add(_ word: WordToken) {
      guard word.startsWithLetter else {
        counts[word.onlyDigits ? Self.number : Self.other] &+= 1
        return
      }
      let kind = Self.word &+ (word.firstUpper ? 1 : 0) &+ (word.letters > 3 ? 2 : 0)
      counts[kind] &+= 1
      if word.length <= 8, stopWords.contains(word.key) { counts[Self.stopWordSlot] &+= 1 }
    }

    /// Counts a CJK character, a token of its own.
    @inline(__always)
    func addCJK() {
      counts[Self.cjkSlot] &+= 1
    }

    /// Sets the word counts of `shape` from the buckets.
    @inline(__always)
    func read(into shape: inout LineShape) {
      let lowerShort = counts[Self.word]
      let upperShort = counts[Self.word &+ 1]
      let lowerLong = counts[Self.word &+ 2]
      let upperLong = counts[Self.word &+ 3]
      let cjk = counts[Self.cjkSlot]
      shape.words = lowerShort &+ upperShort &+ lowerLong &+ upperLong
      shape.numericTokens = counts[Self.number]
      shape.tokens = shape.words &+ counts[Self.other] &+ shape.numericTokens &+ cjk
      shape.cjk = cjk
      shape.lowerWords = lowerShort &+ lowerLong
      shape.longWords = lowerLong &+ upperLong
      shape.capitalisedLongWords = upperLong
      shape.stopWords = counts[Self.stopWordSlot]
    }
  }

  /// The run of ASCII letters and digits, Latin-1 letters (`C3 xx`: `é`, `ß`), and apostrophes
  /// or hyphens between ASCII ones, that starts at an ASCII letter or digit: its end and the
  /// word it makes.
  ///
  /// Reads the run 8 bytes at a time: each byte is classed (letter, digit, other) by a few
  /// operations on the whole 8-byte chunk, the run ends at the chunk's first other byte (a
  /// `C3` whose second byte is in the next chunk ends it too: the scalar path goes on), and
  /// the chunk that starts the run, ASCII lower-cased at once, is the stop-word key.
  struct ASCIIWord {
    /// The index just past the run.
    let end: Int
    let token: WordToken

    fileprivate static let highBits: UInt64 = 0x8080_8080_8080_8080
    fileprivate static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int) {
      let first = bytes[start]
      var offset = start
      var chunk = Self.chunk(bytes, at: start, count: count)
      let asciiLetters: UInt64
      var (letterBits, wordBits): (UInt64, UInt64)
      (asciiLetters, letterBits, wordBits) = Self.classes(chunk)
      let key = chunk | (asciiLetters >> 2)
      let firstOthers = ~wordBits & Self.highBits
      if firstOthers != 0 {
        // The commonest case: the run ends inside its first chunk, not at an apostrophe or a
        // hyphen nor at a Latin-1 letter cut by the chunk's end, so the chunk says all.
        let stop = firstOthers.trailingZeroBitCount &>> 3
        let shift = UInt64(truncatingIfNeeded: stop) &<< 3
        let stopByte = UInt8(truncatingIfNeeded: chunk &>> shift)
        if stopByte != 0x27, stopByte != 0x2D, stopByte != 0xC3 {
          let runMask = (1 &<< shift) &- 1
          let letters = Self.count(letterBits & runMask)
          end = start &+ stop
          token = WordToken(
            startsWithLetter: first &- 0x30 >= 10, firstUpper: first &- 0x41 < 26,
            letters: letters, onlyDigits: letters == 0, key: key & runMask, length: stop)
          return
        }
      }
      var letters = 0
      var joined = false
      var end: Int
      while true {
        let others = ~wordBits & Self.highBits
        if others == 0 {
          letters &+= Self.count(letterBits)
          offset &+= 8
          if offset >= count {
            end = count
            break
          }
        } else {
          let stop = others.trailingZeroBitCount &>> 3
          letters &+= Self.count(letterBits & ((1 &<< (UInt64(stop) &<< 3)) &- 1))
          end = offset &+ stop
          if Self.cutsLatinLetter(bytes, at: end, stop: stop, count: count) {
            // Read on from the letter's first byte.
            offset = end
            chunk = Self.chunk(bytes, at: offset, count: count)
            (_, letterBits, wordBits) = Self.classes(chunk)
            continue
          }
          // An apostrophe or a hyphen between two letters or digits (`l'an`, `well-known`).
          guard end &+ 1 < count, bytes[end] == 0x27 || bytes[end] == 0x2D else { break }
          let after = bytes[end &+ 1]
          guard LineShape.isASCIIWordByte(after) else { break }
          if (after | 0x20) &- 0x61 < 26 { letters &+= 1 }
          joined = true
          offset = end &+ 2
          if offset >= count {
            end = count
            break
          }
        }
        chunk = Self.chunk(bytes, at: offset, count: count)
        (_, letterBits, wordBits) = Self.classes(chunk)
      }
      let length = end &- start
      self.end = end
      token = WordToken(
        startsWithLetter: first &- 0x30 >= 10, firstUpper: first &- 0x41 < 26, letters: letters,
        onlyDigits: letters == 0 && !joined,
        key: length < 8 ? key & ((1 &<< (UInt64(length) &<< 3)) &- 1) : key, length: length)
    }

    /// The 8 bytes from `offset`, the first in the lowest byte; bytes past `count` read as 0
    /// (which is no letter and no digit, so it ends a run).
    @inline(__always)
    fileprivate static func chunk(_ bytes: UnsafePointer<UInt8>, at offset: Int, count: Int)
      -> UInt64
    {
      if offset &+ 8 <= count {
        return UInt64(
          littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
      }
      if count >= 8 {
        // The line's last 8 bytes, shifted so that `offset` comes first.
        let last = UInt64(
          littleEndian: UnsafeRawPointer(bytes + (count &- 8)).loadUnaligned(as: UInt64.self))
        return last &>> (UInt64(offset &+ 8 &- count) &<< 3)
      }
      var value: UInt64 = 0
      var index = offset
      while index < count {
        value |= UInt64(bytes[index]) &<< (UInt64(index &- offset) &<< 3)
        index &+= 1
      }
      return value
    }

    /// The classes of the bytes of `chunk`, as the high bit of each byte: the ASCII letters;
    /// the letters, each counted once (the ASCII letters and the first byte of each two-byte
    /// Latin-1 letter, `C3 80` to `C3 BF` but `×` and `÷`, whose second byte is in the chunk
    /// too); and the bytes of words (those letters' two bytes, ASCII letters and digits).
    /// Adding to a byte of at most 0x7F never carries into the next.
    @inline(__always)
    fileprivate static func classes(_ chunk: UInt64) -> (
      asciiLetters: UInt64, letters: UInt64, words: UInt64
    ) {
      let high = chunk & highBits
      let ascii = ~chunk & highBits
      let low = chunk & lowBits
      let folded = low | 0x2020_2020_2020_2020
      // `folded` >= "a" and not > "z"; `low` >= "0" and not > "9".
      let letters =
        (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ascii
      let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ascii
      guard high != 0 else { return (letters, letters, letters | digits) }
      // A `C3` byte followed by a continuation byte (`10xx xxxx`) other than `97` (`×`) and
      // `B7` (`÷`): a letter of U+00C0 to U+00FF, as `kind(of:)` reads them.
      let leads = zeroBytes(chunk ^ 0xC3C3_C3C3_C3C3_C3C3)
      guard leads != 0 else { return (letters, letters, letters | digits) }
      let continuations = high & ~(chunk &<< 1)
      let signs = zeroBytes((chunk & 0xDFDF_DFDF_DFDF_DFDF) ^ 0x9797_9797_9797_9797)
      let latin = leads & ((continuations & ~signs) &>> 8)
      return (letters, letters | latin, letters | digits | latin | (latin &<< 8))
    }

    /// True when the run stopped (at `stop`, the index in its chunk, and `end` in the line) at
    /// the `C3` in a chunk's last byte, which `classes` cannot pair with the byte after it:
    /// a Latin-1 letter may go on in the next chunk.
    @inline(__always)
    static func cutsLatinLetter(
      _ bytes: UnsafePointer<UInt8>, at end: Int, stop: Int, count: Int
    ) -> Bool {
      stop == 7 && end &+ 1 < count && bytes[end] == 0xC3
    }

    /// The high bit of each byte of `value` that is 0 (exact for every byte value).
    @inline(__always)
    fileprivate static func zeroBytes(_ value: UInt64) -> UInt64 {
      ~(((value & lowBits) &+ lowBits) | value) & highBits
    }

    /// A word of ASCII letters and digits shorter than 16 bytes that ends at a space, at the
    /// line's end or at an ASCII mark that cannot extend it (not `'`, `-` nor `(`): what
    /// `ASCIIWord` and the scalar path read of it, found with the ASCII classes alone (a
    /// Latin-1 letter or any other non-ASCII byte before its end makes it no such word).
    struct Short {
      let token: WordToken
      /// The byte that ends the word: a space at the line's end.
      let stopByte: UInt8

      /// The word that starts at `start`, or nil when no such word starts there.
      @inline(__always)
      init?(_ bytes: UnsafePointer<UInt8>, at start: Int, count: Int) {
        let chunk = ASCIIWord.chunk(bytes, at: start, count: count)
        let (letters, others) = Self.classes(chunk)
        // The high bit of the first byte that is no ASCII letter or digit; above 0x80 when
        // the chunk's first byte is one.
        let firstOther = others & (0 &- others)
        var stopByte: UInt8
        let letterCount: Int
        let length: Int
        let key: UInt64
        if firstOther > 0x80 {
          guard firstOther & chunk == 0 else { return nil }
          let shift = UInt64(truncatingIfNeeded: firstOther.trailingZeroBitCount &- 7)
          let runMask = (1 &<< shift) &- 1
          stopByte = UInt8(truncatingIfNeeded: chunk &>> shift)
          letterCount = ASCIIWord.count(letters & runMask)
          key = (chunk | (letters &>> 2)) & runMask
          length = Int(truncatingIfNeeded: shift &>> 3)
        } else {
          // Eight letters or digits: the word may end in the next chunk.
          guard others == 0, start &+ 8 < count else { return nil }
          let next = ASCIIWord.chunk(bytes, at: start &+ 8, count: count)
          let (nextLetters, nextOthers) = Self.classes(next)
          let nextOther = nextOthers & (0 &- nextOthers)
          guard nextOther != 0, nextOther & next == 0 else { return nil }
          let shift = UInt64(truncatingIfNeeded: nextOther.trailingZeroBitCount &- 7)
          stopByte = UInt8(truncatingIfNeeded: next &>> shift)
          letterCount =
            ASCIIWord.count(letters) &+ ASCIIWord.count(nextLetters & ((1 &<< shift) &- 1))
          key = chunk | (letters &>> 2)
          length = 8 &+ Int(truncatingIfNeeded: shift &>> 3)
        }
        if start &+ length == count {
          // The padding after the line's last byte: the line's end, read as a space.
          stopByte = 0x20
        } else if stopByte == 0x27 || stopByte == 0x2D || stopByte == 0x28 {
          return nil
        }
        let first = UInt8(truncatingIfNeeded: chunk)
        self.stopByte = stopByte
        token = WordToken(
          startsWithLetter: first &- 0x30 >= 10, firstUpper: first &- 0x41 < 26,
          letters: letterCount, onlyDigits: letterCount == 0, key: key, length: length)
      }

      /// The ASCII letters of `chunk` and its bytes that are no ASCII letter nor digit, as the
      /// high bit of each byte.
      @inline(__always)
      private static func classes(_ chunk: UInt64) -> (letters: UInt64, others: UInt64) {
        let ascii = ~chunk & ASCIIWord.highBits
        let low = chunk & ASCIIWord.lowBits
        let folded = low | 0x2020_2020_2020_2020
        let letters =
          (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ascii
        let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ascii
        return (letters, ~(letters | digits) & ASCIIWord.highBits)
      }
    }

    /// The last scalar of a run `ASCIIWord` or `TokenState.extend` read, which ends at `end`:
    /// an ASCII byte, or the second byte of a two-byte Latin-1 letter (`C3 xx`).
    @inline(__always)
    static func lastScalar(_ bytes: UnsafePointer<UInt8>, before end: Int) -> UInt32 {
      let byte = UInt32(bytes[end &- 1])
      return byte < 0x80 ? byte : 0xC0 | (byte & 0x3F)
    }

    /// The number of high bits set in `bits` (which has no other bit set).
    @inline(__always)
    fileprivate static func count(_ bits: UInt64) -> Int {
      Int(truncatingIfNeeded: ((bits &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }
  }
}
