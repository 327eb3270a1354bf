/// Reads the `[ANCHOR] "PHRASE" [MODIFIER…]` syntax of rule files into `Pattern` values.
struct PatternParser {

  static let anchorNames: [String: Pattern.Anchor] = [
    "contains": .contains, "starts-with": .startsWith, "ends-with": .endsWith, "equals": .equals,
  ]
  static let modifierNames: [String: Pattern.Options] = [
    "any-accent": .anyAccent, "exact": .exact, "inside-words": .insideWords,
    "split-last": .splitLast,
  ]
  static let holeKindNames: [String: Pattern.HoleKind] = [
    "text": .text, "word": .word, "number": .number,
  ]

  /// A problem at a position of the line being parsed.
  struct Failure: Error {
    var problem: RuleFileProblem
    var index: String.Index
  }

  let line: String
  private(set) var index: String.Index

  /// Starts parsing `line` at `start`.
  init(line: String, start: String.Index) {
    self.line = line
    self.index = start
  }

  /// True when only white space is left.
  var isAtEnd: Bool {
    line[index...].allSatisfy(Whitespace.isSpace)
  }

  /// Reads one pattern. With `stopWord`, that word ends the modifiers (for `drop-block … until`).
  mutating func parsePattern(stopWord: String? = nil) throws(Failure) -> Pattern {
    skipSpaces()
    var anchor = Pattern.Anchor.contains
    if index < line.endIndex, line[index] != "\"" {
      let wordStart = index
      let word = readWord()
      if word == "any", stopWord == nil, isAtEnd { return .anyLine }
      guard let known = Self.anchorNames[word] else {
        if word.isEmpty {
          throw Failure(problem: .expectedPhrase(found: String(line[index...])), index: index)
        }
        throw Failure(
          problem: .unknownAnchor(
            word: word, suggestion: Suggestion.nearest(to: word, in: Self.anchorNames.keys.sorted())
          ), index: wordStart)
      }
      anchor = known
      skipSpaces()
    }
    guard index < line.endIndex, line[index] == "\"" else {
      throw Failure(problem: .expectedPhrase(found: String(line[index...])), index: index)
    }
    let parts = try parsePhrase()
    var options: Pattern.Options = []
    while true {
      skipSpaces()
      if index == line.endIndex { break }
      let wordStart = index
      let word = readWord()
      if word.isEmpty {
        throw Failure(
          problem: .unknownModifier(word: String(line[index...]), suggestion: nil), index: index)
      }
      if word == stopWord {
        index = wordStart
        break
      }
      guard let option = Self.modifierNames[word] else {
        throw Failure(
          problem: .unknownModifier(
            word: word,
            suggestion: Suggestion.nearest(to: word, in: Self.modifierNames.keys.sorted())),
          index: wordStart)
      }
      options.insert(option)
    }
    return Pattern(anchor: anchor, parts: parts, options: options)
  }

  /// Consumes `word` if it comes next, returning whether it did.
  mutating func consume(word: String) -> Bool {
    skipSpaces()
    let start = index
    if readWord() == word { return true }
    index = start
    return false
  }

  // MARK: - Phrase

  private mutating func parsePhrase() throws(Failure) -> [Pattern.Part] {
    let quote = index
    if let parts = try plainPhrase(quotedAt: quote) { return parts }
    index = line.index(after: index)
    var parts: [Pattern.Part] = []
    var literal = ""
    var holeNames: Set<String> = []
    var length = 0
    while true {
      guard index < line.endIndex else {
        throw Failure(problem: .unterminatedQuote, index: quote)
      }
      let character = line[index]
      let here = index
      index = line.index(after: index)
      length += 1
      switch character {
      case "\"":
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return try validated(parts, quote: quote, length: length - 1)
      case "\\":
        guard index < line.endIndex else {
          throw Failure(problem: .unterminatedQuote, index: quote)
        }
        let escaped = line[index]
        guard "\"\\{}".contains(escaped) else {
          throw Failure(problem: .invalidEscape(character: String(escaped)), index: here)
        }
        literal.append(escaped)
        index = line.index(after: index)
      case "{" where index < line.endIndex && line[index] == "{":
        literal.append("{")
        index = line.index(after: index)
      case "}" where index < line.endIndex && line[index] == "}":
        literal.append("}")
        index = line.index(after: index)
      case "}":
        throw Failure(problem: .strayClosingBrace, index: here)
      case "{" where index < line.endIndex && line[index] == "+":
        guard literal.isEmpty, case .hole = parts.last else {
          throw Failure(problem: .attachedLiteralWithoutHole, index: here)
        }
        guard let close = line[index...].firstIndex(of: "}") else {
          throw Failure(problem: .unclosedHole, index: here)
        }
        let text = String(line[line.index(after: index)..<close])
        if text.isEmpty { throw Failure(problem: .emptyPhrase, index: here) }
        parts.append(.attachedLiteral(text))
        length += text.count + 2
        index = line.index(after: close)
      case "{":
        if !literal.isEmpty {
          parts.append(.literal(literal))
          literal = ""
        } else if case .hole = parts.last {
          throw Failure(problem: .adjacentHoles, index: here)
        }
        let hole = try parseHole(openedAt: here)
        guard holeNames.insert(hole.name).inserted else {
          throw Failure(problem: .duplicateHoleName(name: hole.name), index: here)
        }
        parts.append(.hole(name: hole.name, kind: hole.kind))
      default:
        literal.append(character)
      }
    }
  }

  /// A phrase without escapes, braces or holes (nearly every phrase of a pack), read in one
  /// step on its UTF-8 bytes instead of Character by Character; nil when the phrase needs the
  /// full reading. It gives what the full reading gives: it only applies when the closing quote
  /// is a Character of its own (no combining mark after it, no prepended mark before it).
  private mutating func plainPhrase(quotedAt quote: String.Index) throws(Failure)
    -> [Pattern.Part]?
  {
    let utf8 = line.utf8
    let start = utf8.index(after: quote)
    guard
      let close = utf8[start...].firstIndex(where: {
        $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "{")
          || $0 == UInt8(ascii: "}")
      }), utf8[close] == UInt8(ascii: "\"")
    else { return nil }
    let after = utf8.index(after: close)
    guard after == utf8.endIndex || utf8[after] < 0x80 else { return nil }
    if close > start {
      let before = line.unicodeScalars[line.unicodeScalars.index(before: close)].value
      guard before < 0x0590 || (0x1E00...0x2FFF).contains(before) else { return nil }
    }
    let text = String(line[start..<close])
    index = after
    return try validated(text.isEmpty ? [] : [.literal(text)], quote: quote, length: text.count)
  }

  private mutating func parseHole(openedAt open: String.Index) throws(Failure)
    -> (name: String, kind: Pattern.HoleKind)
  {
    guard let close = line[index...].firstIndex(of: "}") else {
      throw Failure(problem: .unclosedHole, index: open)
    }
    let content = line[index..<close]
    let nameStart = index
    index = line.index(after: close)
    let pieces = content.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(pieces[0])
    guard Self.isKebabName(name) else {
      throw Failure(problem: .invalidHoleName(name: name), index: nameStart)
    }
    guard pieces.count == 2 else { return (name, .text) }
    let kindName = String(pieces[1])
    guard let kind = Self.holeKindNames[kindName] else {
      throw Failure(
        problem: .unknownHoleKind(
          kind: kindName,
          suggestion: Suggestion.nearest(to: kindName, in: Self.holeKindNames.keys.sorted())),
        index: nameStart)
    }
    return (name, kind)
  }

  private func validated(_ parts: [Pattern.Part], quote: String.Index, length: Int)
    throws(Failure) -> [Pattern.Part]
  {
    if parts.isEmpty { throw Failure(problem: .emptyPhrase, index: quote) }
    if length > Settings.phraseCharacters {
      throw Failure(
        problem: .phraseTooLong(length: length, limit: Settings.phraseCharacters), index: quote)
    }
    let hasLiteral = parts.contains { part in
      switch part {
      case .literal(let text), .attachedLiteral(let text):
        return text.contains { !Whitespace.isSpace($0) }
      case .hole: return false
      }
    }
    if !hasLiteral { throw Failure(problem: .patternWithoutLiteral, index: quote) }
    return parts
  }

  // MARK: - Words

  private mutating func skipSpaces() {
    while index < line.endIndex, line[index] == " " || line[index] == "\t" {
      index = line.index(after: index)
    }
  }

  private mutating func readWord() -> String {
    let start = index
    // An ASCII word ended by an ASCII space, a quote or the line end (anchors and modifiers
    // always are) is read on bytes; anything else Character by Character.
    let utf8 = line.utf8
    var end = index
    while end < utf8.endIndex, utf8[end] > 0x20, utf8[end] < 0x7F, utf8[end] != 0x22 {
      end = utf8.index(after: end)
    }
    if end == utf8.endIndex
      || ((utf8[end] == 0x20 || utf8[end] == 0x09 || utf8[end] == 0x22)
        && (utf8.index(after: end) == utf8.endIndex || utf8[utf8.index(after: end)] < 0x80))
    {
      index = end
      return String(line[start..<end])
    }
    while index < line.endIndex, !Whitespace.isSpace(line[index]), line[index] != "\"" {
      index = line.index(after: index)
    }
    return String(line[start..<index])
  }

  /// True for lower-kebab-case names that start with a letter: `credit`, `read-time`.
  static func isKebabName(_ name: String) -> Bool {
    guard let first = name.first, ("a"..."z").contains(first) else { return false }
    return name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
