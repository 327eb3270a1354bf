@testable import Tamis

/// `LineShape` as it was measured before its byte loop was rewritten around 8-byte word chunks
/// and a per-line word histogram (issue 14): kept verbatim as the oracle the randomized
/// equivalence test compares the new loop with.
struct LineShapeOracle {
  /// Word tokens (runs of letters and digits); each CJK character counts as one.
  var tokens = 0
  /// CJK characters (Han, kana), which are words of their own in scripts without spaces.
  var cjk = 0
  /// Words that start with a letter.
  var words = 0
  /// Of those, words in the dump's stop-word table.
  var stopWords = 0
  /// Of those, words that start in lower case.
  var lowerWords = 0
  /// Words of more than 3 letters, and how many of them start with a capital.
  var longWords = 0
  var capitalisedLongWords = 0
  /// Ends like a sentence: `. ! ? … 。 ！ ？ : ;`, maybe followed by closing quotes or brackets.
  var endsLikeSentence = false
  /// Ends with `:` (a list or a quote follows).
  var endsWithColon = false
  /// Starts like a list item: `1.`, `2)`, `-`, `*`, `•`, `–`, `·`, or `^` (the back-link that
  /// opens each entry of a wiki's list of references).
  var isListItem = false
  /// Holds code or table punctuation (`{ } ; = │ ─`, or a letter right before `(`), or starts
  /// with a shell or interpreter prompt (`$ hg pull`, `>>> import os`): a line of a program, a
  /// terminal session, a formula or a table, which articles hold and menus do not.
  var looksLikeCode = false
  /// Holds CJK sentence punctuation (`。！？，、`).
  var hasCJKPunctuation = false
  /// Separators between items (` | `, ` · `, ` • `).
  var separators = 0
  /// Tokens made only of digits; and whether digits meet around `:` or `/` (a time such as
  /// `14:44`, a date such as `12/03/2024`), or around two dots in one number (`12.03.2024`).
  /// One dot is a decimal, a version or a section number (`1.8`, `3.2 Local government`).
  var numericTokens = 0
  var hasTimeOrDate = false
  /// Dots between digits met in the number being read (reset by any other mark).
  private var numberDots = 0

  /// Measures `text` (one line's content); `stopWords` holds the packed stop words of the dump's
  /// language (see `StopWordSet`).
  ///
  /// One pass over the bytes: ASCII through a table, other scalars decoded; no allocation.
  init(_ text: UnsafeBufferPointer<UInt8>, stopWords stopSet: StopWordSet?) {
    guard let base = text.baseAddress else { return }
    let count = text.count
    var token = TokenState()
    var index = 0
    var previous: UInt32 = 0x20
    while index < count {
      let byte = base[index]
      let scalar: UInt32
      let next: Int
      let kind: ScalarKind
      if byte == 0x20 {
        // The commonest byte: it only ends a word (and a number's run of dots).
        token.finish(into: &self, stopSet)
        numberDots = 0
        previous = 0x20
        index &+= 1
        continue
      }
      if token.isOpen, Self.isASCIIWordByte(byte) {
        // ASCII letters and digits after an accented letter (`réservé`): one loop, as `add`
        // would take them one by one.
        index = token.extend(base, from: index, count: count)
        previous = UInt32(base[index &- 1])
        continue
      }
      if Self.isASCIIWordByte(byte) {
        // An ASCII word in one tight loop: the common case.
        let word = ASCIIWord(base, from: index, count: count)
        let after = word.end < count ? base[word.end] : 0x20
        if after < 0x80, after != 0x27, after != 0x2D, after != 0x28 {
          // An ASCII mark or space follows: the word ends here, as the scalar path would end it.
          tally(word.token, stopSet)
        } else {
          // A non-ASCII letter, an apostrophe or a hyphen may extend the word, and `(` after a
          // word is code: the scalar path goes on with the word open.
          token.open(word)
        }
        previous = UInt32(base[word.end &- 1])
        index = word.end
        continue
      }
      if byte < 0x80 {
        scalar = UInt32(byte)
        next = index &+ 1
        kind = Self.kind(ofASCII: byte)
      } else {
        (scalar, next) = UTF8Scalars.decode(text, at: index)
        if Self.isCJK(scalar) {
          token.finish(into: &self, stopSet)
          tokens += 1
          cjk += 1
          previous = scalar
          index = next
          continue
        }
        kind = Self.kind(of: scalar)
      }
      switch kind {
      case .upper, .lower, .digit:
        token.add(kind, bytes: base, from: index, to: next)
      case .other where token.isOpen && Self.joinsWord(scalar):
        token.add(.other, bytes: base, from: index, to: next)
      case .other:
        if scalar == 0x28, token.isOpen, token.word.startsWithLetter { looksLikeCode = true }
        token.finish(into: &self, stopSet)
        noteMark(scalar, previous: previous, nextByte: next < count ? base[next] : 0)
      }
      previous = scalar
      index = next
    }
    token.finish(into: &self, stopSet)
    (endsLikeSentence, endsWithColon) = Self.ending(of: text)
    isListItem = Self.startsLikeListItem(text)
    if Self.startsLikePrompt(text) { looksLikeCode = true }
  }

  /// Notes what a punctuation or space scalar tells: code, separators, CJK punctuation, a time
  /// or a date (`14:44`, `12/03`).
  @inline(__always)
  private mutating func noteMark(_ scalar: UInt32, previous: UInt32, nextByte: UInt8) {
    let digitBefore = previous >= 0x30 && previous <= 0x39
    let digitAfter = nextByte >= 0x30 && nextByte <= 0x39
    switch scalar {
    case 0x7B, 0x7D, 0x3B, 0x3D, 0x2500, 0x2502, 0x253C: looksLikeCode = true
    case 0x7C, 0xB7, 0x2022:
      if Whitespace.isSpace(previous), nextByte == 0x20 { separators += 1 }
    case 0x3002, 0xFF01, 0xFF1F, 0xFF0C, 0x3001: hasCJKPunctuation = true
    case 0x3A, 0x2F:
      if digitBefore, digitAfter { hasTimeOrDate = true }
    case 0x2E where digitBefore && digitAfter:
      numberDots += 1
      if numberDots >= 2 { hasTimeOrDate = true }
      return
    default: break
    }
    numberDots = 0
  }

  /// The word being read, while one is open (`WordToken` says what is counted of it).
  private struct TokenState {
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

    /// Adds the run of ASCII letters and digits from `start` to the open word, and returns the
    /// run's end: the same as `add` for each of its bytes.
    @inline(__always)
    mutating func extend(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
      var end = start
      var letterCount = 0
      while end < count {
        let byte = bytes[end]
        if (byte | 0x20) &- 0x61 < 26 {
          letterCount &+= 1
        } else if byte &- 0x30 >= 10 {
          break
        }
        if word.length < 8 {
          let lower = byte &- 0x41 < 26 ? byte &+ 0x20 : byte
          word.key |= UInt64(lower) << (8 &* UInt64(word.length))
        }
        word.length &+= 1
        end &+= 1
      }
      word.letters &+= letterCount
      if letterCount > 0 { word.onlyDigits = false }
      return end
    }

    /// Opens the word with `run`'s word; what follows (an accented letter, an apostrophe) is
    /// added scalar by scalar, as if the whole word had been read that way.
    @inline(__always)
    mutating func open(_ run: ASCIIWord) {
      isOpen = true
      word = run.token
    }

    @inline(__always)
    mutating func finish(into shape: inout LineShapeOracle, _ stopSet: StopWordSet?) {
      guard isOpen else { return }
      isOpen = false
      shape.tally(word, stopSet)
    }
  }

  /// A finished word: what the counts read of it.
  private struct WordToken {
    var startsWithLetter = false
    var firstUpper = false
    var letters = 0
    var onlyDigits = true
    /// Its first 8 bytes, ASCII lower-cased, for the stop-word lookup.
    var key: UInt64 = 0
    /// Its length in bytes.
    var length = 0
  }

  /// Counts a finished word: a token, a number, a word and its case, a long word, a stop word.
  @inline(__always)
  private mutating func tally(_ word: WordToken, _ stopSet: StopWordSet?) {
    tokens &+= 1
    if word.onlyDigits { numericTokens &+= 1 }
    guard word.startsWithLetter else { return }
    words &+= 1
    if !word.firstUpper { lowerWords &+= 1 }
    if word.letters > 3 {
      longWords &+= 1
      if word.firstUpper { capitalisedLongWords &+= 1 }
    }
    if let stopSet, word.length <= 8, stopSet.contains(word.key) { stopWords &+= 1 }
  }

  /// The run of ASCII letters, digits, and apostrophes or hyphens between them, that starts at
  /// a letter or a digit: its end and the word it makes.
  ///
  /// One pass over the run counts its letters and digits; the stop-word key is then read as one
  /// 8-byte load when the line has 8 bytes from the start, and lower-cased 8 bytes at once.
  private struct ASCIIWord {
    /// The index just past the run.
    let end: Int
    let token: WordToken

    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int) {
      let first = bytes[start]
      let firstIsDigit = first &- 0x30 < 10
      var letterCount = firstIsDigit ? 0 : 1
      var digitCount = firstIsDigit ? 1 : 0
      var end = start &+ 1
      while end < count {
        let byte = bytes[end]
        if (byte | 0x20) &- 0x61 < 26 {
          letterCount &+= 1
          end &+= 1
        } else if byte &- 0x30 < 10 {
          digitCount &+= 1
          end &+= 1
        } else if byte == 0x27 || byte == 0x2D, end &+ 1 < count {
          let after = bytes[end &+ 1]
          if (after | 0x20) &- 0x61 < 26 {
            letterCount &+= 1
          } else if after &- 0x30 < 10 {
            digitCount &+= 1
          } else {
            break
          }
          end &+= 2
        } else {
          break
        }
      }
      let runLength = end &- start
      var key: UInt64 = 0
      if start &+ 8 <= count {
        var word = UInt64(
          littleEndian: UnsafeRawPointer(bytes + start).loadUnaligned(as: UInt64.self))
        if runLength < 8 { word &= (1 &<< (8 &* UInt64(runLength))) &- 1 }
        // Every byte of the run is ASCII, so adding to a byte never carries into the next:
        // the high bit of each byte says `byte >= 0x41`, resp. `byte >= 0x5B`.
        let atLeastA = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & 0x8080_8080_8080_8080
        let pastZ = (word &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        key = word | ((atLeastA & ~pastZ) >> 2)
      } else {
        var offset = start
        while offset < end, offset &- start < 8 {
          var byte = bytes[offset]
          if byte &- 0x41 < 26 { byte &+= 0x20 }
          key |= UInt64(byte) << (8 &* UInt64(offset &- start))
          offset &+= 1
        }
      }
      self.end = end
      token = WordToken(
        startsWithLetter: !firstIsDigit, firstUpper: first &- 0x41 < 26, letters: letterCount,
        onlyDigits: digitCount == runLength, key: key, length: runLength)
    }
  }

  private enum ScalarKind { case upper, lower, digit, other }

  /// An ASCII letter or digit.
  @inline(__always)
  private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
  }

  /// The kind of an ASCII byte.
  @inline(__always)
  private static func kind(ofASCII byte: UInt8) -> ScalarKind {
    if byte &- 0x61 < 26 { return .lower }
    if byte &- 0x41 < 26 { return .upper }
    if byte &- 0x30 < 10 { return .digit }
    return .other
  }

  /// The kind of a non-ASCII scalar: Latin-1 letters by range, the rest by their Unicode
  /// properties.
  private static func kind(of scalar: UInt32) -> ScalarKind {
    switch scalar {
    case 0xC0...0xDE where scalar != 0xD7: return .upper
    case 0xDF...0xFF where scalar != 0xF7: return .lower
    // General punctuation (spaces, dashes, curly quotes, `…`): no letter nor digit there, and
    // asking the properties of the commonest marks of real text is slow.
    case generalPunctuation: return .other
    default: break
    }
    guard let value = Unicode.Scalar(scalar) else { return .other }
    let properties = value.properties
    if properties.isAlphabetic { return properties.isUppercase ? .upper : .lower }
    if properties.numericType != nil { return .digit }
    return .other
  }

  /// The General Punctuation block, which holds no letter and no digit.
  static let generalPunctuation: ClosedRange<UInt32> = 0x2000...0x206F

  /// Apostrophes and hyphens inside a word (`l'État`, `well-known`).
  private static func joinsWord(_ scalar: UInt32) -> Bool {
    scalar == 0x27 || scalar == 0x2019 || scalar == 0x2D
  }

  /// Han ideographs, kana and the CJK symbols block: scripts written without spaces.
  static func isCJK(_ scalar: UInt32) -> Bool {
    (0x3040...0x30FF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
      || (0x4E00...0x9FFF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
  }

  /// Whether the line ends like a sentence, and whether it ends with a colon; closing quotes
  /// and brackets after the final mark are skipped, with the space French puts before `»`.
  private static func ending(of text: UnsafeBufferPointer<UInt8>) -> (Bool, Bool) {
    let trimmed = Whitespace.trimmed(text)
    var end = trimmed.count
    var skippedCloser = false
    while end > 0 {
      var start = end - 1
      while start > 0, end - start < 4, trimmed[start] & 0xC0 == 0x80 { start -= 1 }
      let (scalar, _) = UTF8Scalars.decode(trimmed, at: start)
      switch scalar {
      // Closing quotes of the six languages (German closes with “ and ‘) and brackets.
      case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x203A:
        end = start
        skippedCloser = true
        continue
      case 0x20, 0xA0, 0x2009, 0x202F:
        // The space before a closing guillemet (`promesses. »`); elsewhere a space ends words.
        guard skippedCloser else { return (false, false) }
        end = start
        continue
      case 0x2E, 0x21, 0x3F, 0x2026, 0x3B, 0x3002, 0xFF01, 0xFF1F:
        return (true, false)
      case 0x3A, 0xFF1A:
        return (true, true)
      default:
        return (false, false)
      }
    }
    return (false, false)
  }

  /// Whether the line starts with a shell prompt (`$ `) or an interpreter's (`>>> `) followed by
  /// a lower-case command: "$ 5 million" or "$ Dollar" is not a command.
  private static func startsLikePrompt(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let line = Whitespace.trimmed(text)
    let promptLength: Int
    if line.count >= 3, line[0] == 0x24, line[1] == 0x20 {
      promptLength = 2
    } else if line.count >= 5, line[0] == 0x3E, line[1] == 0x3E, line[2] == 0x3E, line[3] == 0x20 {
      promptLength = 4
    } else {
      return false
    }
    return line[promptLength] &- 0x61 < 26
  }

  /// Whether the line is a list entry: a bullet (`- `, `* `, `• `, `^ `…) or a number (`1.`,
  /// `2)`) opens it, or it is a bare web address alone on its line (an entry of a list of
  /// sources).
  private static func startsLikeListItem(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let line = Whitespace.trimmed(text)
    guard let first = line.first else { return false }
    if isBareAddress(line) { return true }
    var digits = 0
    while digits < line.count, digits < 4, line[digits] >= 0x30 && line[digits] <= 0x39 {
      digits += 1
    }
    if (1...3).contains(digits), digits < line.count, line[digits] == 0x2E || line[digits] == 0x29 {
      return true
    }
    guard line.count >= 2 else { return false }
    let (scalar, next) = UTF8Scalars.decode(line, at: 0)
    let bullet =
      first == 0x2D || first == 0x2A || first == 0x2B || first == 0x5E || scalar == 0x2022
      || scalar == 0x2013 || scalar == 0xB7
    return bullet && next < line.count && line[next] == 0x20
  }

  /// `http://…` or `https://…` with no space.
  private static func isBareAddress(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let scheme: [UInt8] = [0x68, 0x74, 0x74, 0x70]  // "http"
    guard line.count > 8, line.prefix(4).elementsEqual(scheme) else { return false }
    let rest = line[4] == 0x73 ? 5 : 4  // "s"
    guard line[rest] == 0x3A, line[rest + 1] == 0x2F, line[rest + 2] == 0x2F else { return false }
    return !line.contains(0x20)
  }
}
