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
  /// Starts like a list item: `1.`, `2)`, `-`, `*`, `•`, `–`, `·`.
  var isListItem = false
  /// Holds code or table punctuation (`{ } ; = │ ─`, or a letter right before `(`): a line of
  /// a program, a formula or a table, which articles hold and menus do not.
  var looksLikeCode = false
  /// Holds CJK sentence punctuation (`。！？，、`).
  var hasCJKPunctuation = false
  /// Separators between items (` | `, ` · `, ` • `).
  var separators = 0
  /// Tokens that are digits, or a time (`14:44`, `9h30`) or a date (`12/03/2024`) shape.
  var numericTokens = 0
  var hasTimeOrDate = false

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
  init(_ text: UnsafeBufferPointer<UInt8>, stopWords stopSet: StopWordSet?) {
    var index = 0
    let count = text.count
    var inToken = false
    var tokenStartsWithLetter = false
    var tokenLetters = 0
    var tokenKey: UInt64 = 0
    var tokenBytes = 0
    var tokenIsDigits = true
    var tokenFirstUpper = false
    var tokenFirstLower = false
    var previous: UInt32 = 0x20

    func finishToken() {
      guard inToken else { return }
      inToken = false
      tokens += 1
      if tokenIsDigits { numericTokens += 1 }
      guard tokenStartsWithLetter else { return }
      words += 1
      if tokenFirstLower { lowerWords += 1 }
      if tokenLetters > 3 {
        longWords += 1
        if tokenFirstUpper { capitalisedLongWords += 1 }
      }
      if let stopSet, tokenBytes <= 8, stopSet.contains(tokenKey) { stopWords += 1 }
    }

    while index < count {
      let (scalar, next) = UTF8Scalars.decode(text, at: index)
      let isCJK = Self.isCJK(scalar)
      let kind = isCJK ? .other : Self.kind(of: scalar)
      if isCJK {
        finishToken()
        tokens += 1
        cjk += 1
      } else if kind == .letter || kind == .digit || (inToken && Self.joinsWord(scalar)) {
        if !inToken {
          inToken = true
          tokenStartsWithLetter = kind == .letter
          tokenLetters = 0
          tokenKey = 0
          tokenBytes = 0
          tokenIsDigits = true
          tokenFirstUpper = false
          tokenFirstLower = false
          if kind == .letter {
            tokenFirstUpper = Self.isUpper(scalar)
            tokenFirstLower = !tokenFirstUpper
          }
        }
        if kind == .letter { tokenLetters += 1 }
        if kind != .digit { tokenIsDigits = false }
        // The word lower-cased (ASCII only) and packed into 8 bytes for the stop-word lookup.
        for offset in index..<next {
          var byte = text[offset]
          if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
          if tokenBytes < 8 { tokenKey |= UInt64(byte) << (8 * UInt64(tokenBytes)) }
          tokenBytes += 1
        }
      } else {
        if scalar == 0x28, inToken, tokenStartsWithLetter { looksLikeCode = true }
        finishToken()
        switch scalar {
        case 0x7B, 0x7D, 0x3B, 0x3D, 0x2500, 0x2502, 0x253C: looksLikeCode = true
        default: break
        }
        if Self.isSeparator(scalar), Whitespace.isSpace(previous), next < count,
          text[next] == 0x20
        {
          separators += 1
        }
        if scalar == 0x3002 || scalar == 0xFF01 || scalar == 0xFF1F || scalar == 0xFF0C
          || scalar == 0x3001
        {
          hasCJKPunctuation = true
        }
        if (scalar == 0x3A || scalar == 0x68) && previous >= 0x30 && previous <= 0x39,
          next < count, text[next] >= 0x30 && text[next] <= 0x39
        {
          hasTimeOrDate = true
        }
        if (scalar == 0x2F || scalar == 0x2E) && previous >= 0x30 && previous <= 0x39, next < count,
          text[next] >= 0x30 && text[next] <= 0x39
        {
          hasTimeOrDate = true
        }
      }
      previous = scalar
      index = next
    }
    finishToken()
    (endsLikeSentence, endsWithColon) = Self.ending(of: text)
    isListItem = Self.startsLikeListItem(text)
  }

  private enum ScalarKind { case letter, digit, other }

  private static func kind(of scalar: UInt32) -> ScalarKind {
    if scalar < 0x80 {
      if scalar >= 0x30 && scalar <= 0x39 { return .digit }
      if (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A { return .letter }
      return .other
    }
    guard let value = Unicode.Scalar(scalar) else { return .other }
    if value.properties.isAlphabetic { return .letter }
    if value.properties.numericType != nil { return .digit }
    return .other
  }

  /// Apostrophes and hyphens inside a word (`l'État`, `well-known`).
  private static func joinsWord(_ scalar: UInt32) -> Bool {
    scalar == 0x27 || scalar == 0x2019 || scalar == 0x2D
  }

  private static func isUpper(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return scalar >= 0x41 && scalar <= 0x5A }
    return Unicode.Scalar(scalar)?.properties.isUppercase ?? false
  }

  /// Han ideographs, kana and the CJK symbols block: scripts written without spaces.
  static func isCJK(_ scalar: UInt32) -> Bool {
    (0x3040...0x30FF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
      || (0x4E00...0x9FFF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
  }

  private static func isSeparator(_ scalar: UInt32) -> Bool {
    scalar == 0x7C || scalar == 0xB7 || scalar == 0x2022
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

  private static func startsLikeListItem(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let line = Whitespace.trimmed(text)
    guard let first = line.first else { return false }
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
      first == 0x2D || first == 0x2A || first == 0x2B || scalar == 0x2022 || scalar == 0x2013
      || scalar == 0xB7
    return bullet && next < line.count && line[next] == 0x20
  }
}

/// The stop words of one language packed for a lookup per word: each word's first 8 bytes,
/// ASCII lower-cased, as a `UInt64`.
struct StopWordSet: Sendable {
  private let keys: Set<UInt64>

  /// The set of `table`'s words.
  init(_ table: StopWords) {
    keys = Set(
      table.words.map { word in
        var key: UInt64 = 0
        for (shift, byte) in word.utf8.prefix(8).enumerated() {
          key |= UInt64(byte) << (8 * UInt64(shift))
        }
        return key
      })
  }

  /// The set of each language's table, built once.
  static let byLanguage: [String: StopWordSet] = Dictionary(
    uniqueKeysWithValues: StopWords.all.map { ($0.language, StopWordSet($0)) })

  /// True when the packed word is a stop word.
  func contains(_ key: UInt64) -> Bool { keys.contains(key) }
}
