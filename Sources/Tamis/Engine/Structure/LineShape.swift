/// What a line looks like, measured once per line on its own bytes: the features the body-core
/// model reads (`LineClass`, `BodyCore`). Language-independent except the stop-word share, which
/// uses the dump's stop-word table when there is one.
struct LineShape: Sendable {
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
  /// Runs of characters between white space (`Whitespace.isSpace`), as `LineMetrics.words`
  /// counts them, taken in the same walk: the document's word counts when shapes are measured.
  var spacedWords = 0

  /// A token length that treats both kinds of script alike: a CJK character is 0.6 of a word
  /// (a Chinese word is about 1.7 characters).
  var effectiveTokens: Double { Double(tokens - cjk) + Settings.cjkTokenWeight * Double(cjk) }

  /// Reads like a menu item or a headline: very short, or mostly capitalised, with no sentence
  /// end.
  var isMenuLike: Bool {
    !endsLikeSentence
      && (effectiveTokens <= Double(Settings.menuItemTokens)
        || (titleShare >= Settings.menuTitleShare
          && effectiveTokens <= Double(Settings.titleTokens)))
  }

  /// A row of a table of figures (`Herbert Dürr 63 16.6%`): a few words and at least as many
  /// numbers, no date or time, no separators and no sentence end.
  var isTableRow: Bool {
    numericTokens >= Settings.tableRowNumbers && words > 0 && numericTokens >= words
      && tokens <= Settings.tableRowTokens && !hasTimeOrDate && separators == 0
      && !endsLikeSentence
  }

  /// A list item long enough to be text (`1. Preheat the oven`), not a menu entry.
  var isTextListItem: Bool { isListItem && effectiveTokens >= Double(Settings.listItemTokens) }

  /// The share of words in the stop-word table.
  var stopShare: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
  /// The share of words that start in lower case.
  var lowerShare: Double { words == 0 ? 0 : Double(lowerWords) / Double(words) }
  /// The share of long words that start with a capital.
  var titleShare: Double {
    longWords == 0 ? 0 : Double(capitalisedLongWords) / Double(longWords)
  }

  /// Measures `text` (one line's content); `stopWords` holds the packed stop words of the dump's
  /// language (see `StopWordSet`).
  ///
  /// One pass over the bytes, no allocation: ASCII words 8 bytes at a time (`ASCIIWord`), each
  /// finished word counted as one bucket of a per-line histogram (`WordTally`); spaces and ASCII
  /// marks by a byte test; other scalars decoded.
  init(_ text: UnsafeBufferPointer<UInt8>, stopWords stopSet: StopWordSet?) {
    guard text.baseAddress != nil else { return }
    let stops = stopSet ?? StopWordSet.none
    self = withUnsafeTemporaryAllocation(of: Int.self, capacity: WordTally.slots) { counts in
      stops.withProbe { probe in
        Self(measuring: text, WordTally(counts: counts, stopWords: probe))
      }
    }
  }

  /// The shape of each of `lines` (content ranges of `bytes`), as `init(_:stopWords:)` measures
  /// it; the histogram's scratch memory and the stop-word probe are set up once for them all.
  static func measure(
    _ lines: [LineIndex.Line], of bytes: UnsafeBufferPointer<UInt8>, stopWords stopSet: StopWordSet?
  ) -> [LineShape] {
    let stops = stopSet ?? StopWordSet.none
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: WordTally.slots) { counts in
      stops.withProbe { probe in
        let tally = WordTally(counts: counts, stopWords: probe)
        var shapes: [LineShape] = []
        shapes.reserveCapacity(lines.count)
        for line in lines {
          shapes.append(Self(measuring: UnsafeBufferPointer(rebasing: bytes[line.content]), tally))
        }
        return shapes
      }
    }
  }

  /// Reads `text` word by word into `tally`, then the counts out of it.
  @inline(__always)
  private init(measuring text: UnsafeBufferPointer<UInt8>, _ tally: WordTally) {
    guard let base = text.baseAddress else { return }
    tally.reset()
    let count = text.count
    var index = 0
    var previous: UInt32 = 0x20
    // 1 when the last scalar read was white space (or none was read): a scalar that is not
    // starts a run of `spacedWords`. Spaces never fall inside a word or a mark, so each is
    // met at this level.
    var afterSpace = 1
    while index < count {
      let byte = base[index]
      if byte == 0x20 {
        // The commonest byte: it only ends a number's run of dots.
        numberDots = 0
        previous = 0x20
        afterSpace = 1
        index &+= 1
        continue
      }
      if let word = ASCIIWord.Short(base, at: index, count: count) {
        // The commonest word: ASCII letters and digits then a space, the line's end or an
        // ASCII mark that cannot extend it; counted as the general path below counts it.
        tally.add(word.token)
        spacedWords &+= afterSpace
        let end = index &+ word.token.length
        if word.stopByte == 0x20 {
          numberDots = 0
          previous = 0x20
          afterSpace = 1
          index = end &+ 1
        } else {
          previous = UInt32(base[end &- 1])
          afterSpace = 0
          index = end
        }
        continue
      }
      if Self.isASCIIWordByte(byte) {
        // Any other word that starts with an ASCII letter or digit.
        spacedWords &+= afterSpace
        (index, previous, afterSpace) = readASCIIWord(text, from: index, tally)
        continue
      }
      let scalar: UInt32
      let next: Int
      if byte < 0x80 {
        scalar = UInt32(byte)
        next = index &+ 1
      } else {
        (scalar, next) = UTF8Scalars.decode(text, at: index)
        if Self.isCJK(scalar) {
          tally.addCJK()
          spacedWords &+= afterSpace
          afterSpace = 0
          previous = scalar
          index = next
          continue
        }
        if Self.kind(of: scalar) != .other {
          // A word that starts with a letter or a digit outside ASCII.
          spacedWords &+= afterSpace
          afterSpace = 0
          (index, previous) = readWord(TokenState(), text, from: index, after: previous, tally)
          continue
        }
      }
      noteMark(scalar, previous: previous, nextByte: next < count ? base[next] : 0)
      // ASCII marks are the common ones: tab to carriage return are their only spaces here
      // (0x20 is read above).
      if scalar < 0x80 ? scalar &- 0x09 < 5 : Whitespace.isSpace(scalar) {
        afterSpace = 1
      } else {
        spacedWords &+= afterSpace
        afterSpace = 0
      }
      previous = scalar
      index = next
    }
    tally.read(into: &self)
    let line = Whitespace.trimmed(text)
    (endsLikeSentence, endsWithColon) = Self.ending(of: line)
    isListItem = Self.startsLikeListItem(line)
    if Self.startsLikePrompt(line) { looksLikeCode = true }
  }

  /// Reads a word that starts with an ASCII letter or digit at `start` (one `ASCIIWord.Short`
  /// does not take), 8 bytes at a time, and counts it. Returns the index of what follows it,
  /// its last scalar, and 1 when it ends at a space (taken with it), else 0.
  ///
  /// Out of line: the loop of `init(measuring:_:)` keeps its registers for the short words.
  @inline(never)
  private mutating func readASCIIWord(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, _ tally: WordTally
  ) -> (Int, UInt32, Int) {
    guard let base = text.baseAddress else { return (text.count, 0x20, 0) }
    let count = text.count
    let word = ASCIIWord(base, from: start, count: count)
    let end = word.end
    let after = end < count ? base[end] : 0x20
    if after == 0x20 {
      // A space or the line's end follows, as after most words: the word and the space.
      tally.add(word.token)
      numberDots = 0
      return (end &+ 1, 0x20, 1)
    }
    if after < 0x80, after != 0x27, after != 0x2D, after != 0x28 {
      // An ASCII mark follows: the word ends here, as the scalar path would end it.
      tally.add(word.token)
      return (end, ASCIIWord.lastScalar(base, before: end), 0)
    }
    // A non-ASCII letter, an apostrophe or a hyphen may extend the word, and `(` after a word
    // is code: the scalar path goes on with the word open.
    var token = TokenState()
    token.open(word.token)
    let (index, last) = readWord(
      token, text, from: end, after: ASCIIWord.lastScalar(base, before: end), tally)
    return (index, last, 0)
  }

  /// Reads a word scalar by scalar from `start` (`token` holds what is read of it already):
  /// letters and digits of any script, and apostrophes and hyphens inside it. Counts it, and
  /// returns the index of what ends it (a space, a mark, a CJK character, the line's end) and
  /// its last scalar.
  @inline(never)
  private mutating func readWord(
    _ token: TokenState, _ text: UnsafeBufferPointer<UInt8>, from start: Int,
    after previous: UInt32, _ tally: WordTally
  ) -> (Int, UInt32) {
    guard let base = text.baseAddress else { return (start, previous) }
    let count = text.count
    var token = token
    var index = start
    var last = previous
    while index < count {
      let byte = base[index]
      if byte == 0x20 { break }
      if token.isOpen, Self.isASCIIWordByte(byte) {
        // ASCII letters and digits after an accented letter (`réservé`): one loop, as `add`
        // would take them one by one.
        index = token.extend(base, from: index, count: count)
        last = ASCIIWord.lastScalar(base, before: index)
        continue
      }
      let scalar: UInt32
      let next: Int
      let kind: ScalarKind
      if byte < 0x80 {
        scalar = UInt32(byte)
        next = index &+ 1
        kind = Self.kind(ofASCII: byte)
      } else {
        (scalar, next) = UTF8Scalars.decode(text, at: index)
        if Self.isCJK(scalar) { break }
        kind = Self.kind(of: scalar)
      }
      if kind == .other, !(token.isOpen && Self.joinsWord(scalar)) {
        if scalar == 0x28, token.isOpen, token.word.startsWithLetter { looksLikeCode = true }
        break
      }
      token.add(kind, bytes: base, from: index, to: next)
      last = scalar
      index = next
    }
    token.finish(into: tally)
    return (index, last)
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

  enum ScalarKind { case upper, lower, digit, other }

  /// An ASCII letter or digit.
  @inline(__always)
  static func isASCIIWordByte(_ byte: UInt8) -> Bool {
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
  @inline(__always)
  static func kind(of scalar: UInt32) -> ScalarKind {
    switch scalar {
    case 0xC0...0xDE where scalar != 0xD7: return .upper
    case 0xDF...0xFF where scalar != 0xF7: return .lower
    case 0x80...0xBF: return kind(ofLatin1Symbol: scalar)
    default: return kind(byProperties: scalar)
    }
  }

  /// The kind of a scalar of U+0080 to U+00BF (the no-break space, `«`, `»`, `·`, `°`…), as
  /// its Unicode properties say (`LineShapeTests` checks each): `ª`, `µ` and `º` are lower-case
  /// letters, `²`, `³`, `¹`, `¼`, `½` and `¾` are numbers, the rest is no letter and no digit.
  @inline(__always)
  private static func kind(ofLatin1Symbol scalar: UInt32) -> ScalarKind {
    let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: scalar &- 0x80)
    if bit & latin1SymbolLetters != 0 { return .lower }
    return bit & latin1SymbolNumbers == 0 ? .other : .digit
  }

  /// Bit k for U+0080 + k: `ª` (U+00AA), `µ` (U+00B5), `º` (U+00BA).
  private static let latin1SymbolLetters: UInt64 = 0x0420_0400_0000_0000
  /// Bit k for U+0080 + k: `²` (U+00B2), `³` (U+00B3), `¹` (U+00B9), `¼` `½` `¾` (U+00BC to BE).
  private static let latin1SymbolNumbers: UInt64 = 0x720C_0000_0000_0000

  /// The kind of a scalar outside the Latin-1 letters.
  @inline(never)
  private static func kind(byProperties scalar: UInt32) -> ScalarKind {
    switch scalar {
    // General punctuation (spaces, dashes, curly quotes, `…`) and currency symbols (`€`): no
    // letter nor digit there, and asking the properties of the commonest marks of real text is
    // slow.
    case generalPunctuation, currencySymbols: return .other
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
  /// The Currency Symbols block, which holds no letter and no digit.
  static let currencySymbols: ClosedRange<UInt32> = 0x20A0...0x20CF

  /// Apostrophes and hyphens inside a word (`l'État`, `well-known`).
  private static func joinsWord(_ scalar: UInt32) -> Bool {
    scalar == 0x27 || scalar == 0x2019 || scalar == 0x2D
  }

  /// Han ideographs, kana and the CJK symbols block: scripts written without spaces.
  static func isCJK(_ scalar: UInt32) -> Bool {
    (0x3040...0x30FF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
      || (0x4E00...0x9FFF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
  }

  /// Whether the line (`trimmed`, without white space around it) ends like a sentence, and
  /// whether it ends with a colon; closing quotes and brackets after the final mark are
  /// skipped, with the space French puts before `»`.
  private static func ending(of trimmed: UnsafeBufferPointer<UInt8>) -> (Bool, Bool) {
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

  /// Whether the line (trimmed) starts with a shell prompt (`$ `) or an interpreter's (`>>> `)
  /// followed by a lower-case command: "$ 5 million" or "$ Dollar" is not a command.
  private static func startsLikePrompt(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
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

  /// Whether the line (trimmed) is a list entry: a bullet (`- `, `* `, `• `, `^ `…) or a number
  /// (`1.`, `2)`) opens it, or it is a bare web address alone on its line (an entry of a list
  /// of sources).
  private static func startsLikeListItem(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
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
