extension CleaningState {
  /// True when rule `index` may act on line `line`: its pack is active, its conditions hold,
  /// and no `keep` of its scope or a more specific one protects the line.
  ///
  /// Reads the rule's fields in place: a copy of the whole compiled rule would retain and
  /// release each of its strings and arrays, for every hit of every document.
  func applies(_ index: RuleIndex, toLine line: Int) -> Bool {
    // Not `let rules = compiled.rules`: that local copy is a retain and a release per call.
    let position = index.value
    guard activePacks[compiled.rules[position].pack] else { return false }
    if compiled.rules[position].rule.action.kind != .keep, !keepLevel.isEmpty,
      keepLevel[line] >= compiled.rules[position].specificity
    {
      return false
    }
    // A loop over positions, not `allSatisfy` with a closure: the closure's context held a copy
    // of the whole state (a memcpy of its hundreds of bytes on every call).
    let count = compiled.rules[position].conditions.count
    var condition = 0
    while condition < count {
      guard holds(compiled.rules[position].conditions[condition], onLine: line) else {
        return false
      }
      condition += 1
    }
    return true
  }

  /// Raises `keepLevel` on every line a `keep` rule applies to, to the rule's specificity; with
  /// `structureOnly`, only the `keep` rules with a body or shape condition, which can only be
  /// read once the core is known.
  mutating func raiseKeepLevels(structureOnly: Bool) {
    let rules = compiled.rules
    for (line, lineHits) in hits.enumerated() {
      for hit in lineHits {
        guard case .rule(let index) = compiled[pattern: hit.pattern].owner else { continue }
        let position = index.value
        guard rules[position].rule.action.kind == .keep,
          !structureOnly || rules[position].conditions.contains(where: \.needsStructure),
          applies(index, toLine: line)
        else { continue }
        keepLevel[line] = max(keepLevel[line], rules[position].specificity)
      }
    }
  }

  /// Whether `condition` holds on line `line`, the structure conditions included.
  func holds(_ condition: Condition, onLine line: Int) -> Bool {
    switch condition {
    case .body(let wanted):
      guard let position = body?.confidentPosition(of: line) else { return false }
      if wanted == .farAfter { return position == .after && !farAfter.isEmpty && farAfter[line] }
      if wanted == .farBefore { return body?.isFarBefore(line, in: document) ?? false }
      return position == wanted || (wanted == .outside && position != .inside)
    case .bodyEdge:
      return isNearBodyEdge(line)
    case .shape(.titleCase):
      return Self.isTitleCase(document.content(line))
    case .shape(let shape):
      guard document.hasShapes, !document.isBlank(line) else { return false }
      let lineClass = document.classes[line]
      switch shape {
      case .prose: return lineClass.isProseLike
      case .notProse: return !lineClass.isProseLike
      case .notSentence:
        return lineClass != .prose && !document.shapes[line].endsLikeSentence
      case .junk: return lineClass == .junk
      case .menuLike: return document.shapes[line].isMenuLike
      case .inNavigationRun: return body?.inNavigationRun[line] ?? false
      case .inGallery: return body?.inGallery[line] ?? false
      case .inCommentThread: return body?.inCommentThread[line] ?? false
      case .inTeaserList: return body?.inTeaserList[line] ?? false
      case .inHeadlineRun:
        return body?.isConfident == true && body?.inHeadlineRun[line] == true
      case .notListItem: return !document.shapes[line].isListItem
      case .titleCase: return Self.isTitleCase(document.content(line))
      case .dateStamp:
        return Self.isDateStamp(document.shapes[line], Whitespace.trimmed(document.content(line)))
      }
    default:
      return condition.holds(
        ordinal: document.ordinals[line], nonBlankCount: document.nonBlankCount,
        words: document.words[line], text: document.content(line)) ?? false
    }
  }

  /// True when at least `Settings.menuTitleShare` of the line's words of more than three
  /// letters start with a capital (as `LineShape.titleShare`, read on the line alone).
  /// On bytes when every scalar is below U+0300 (`LatinCharacters`), else by `Character`.
  static func isTitleCase(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    LatinCharacters.isTitleCase(text) ?? isTitleCaseByCharacters(text)
  }

  /// `isTitleCase` asked of each `Character`: the definition the byte path must agree with.
  static func isTitleCaseByCharacters(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var long = 0
    var capitalised = 0
    for word in String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace) {
      guard let first = word.first(where: \.isLetter), word.filter(\.isLetter).count > 3 else {
        continue
      }
      long += 1
      if first.isUppercase { capitalised += 1 }
    }
    return long > 0 && Double(capitalised) >= Settings.menuTitleShare * Double(long)
  }

  /// True when `line` is at most `Settings.bodyEdgeLines` non-blank lines from the first or the
  /// last line of the body core (on either side of it); false without a core.
  func isNearBodyEdge(_ line: Int) -> Bool {
    guard let core = body?.lines, !document.isBlank(line) else { return false }
    let ordinal = document.ordinals[line]
    let reach = Settings.bodyEdgeLines
    return abs(ordinal - document.ordinals[core.lowerBound]) <= reach
      || abs(ordinal - document.ordinals[core.upperBound]) <= reach
  }

  /// True for a line that reads as a date or time stamp: no sentence end, not long, a year
  /// (1900 to 2099) or a clock time (`14:05`), and a date or time shape or mostly digits. A
  /// size ("71.1 MB"), a rank ("9.") or a price is no stamp.
  static func isDateStamp(_ shape: LineShape, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !shape.endsLikeSentence, shape.tokens > 0, shape.tokens <= Settings.stampTokens,
      hasYearOrClock(text)
    else { return false }
    let numericShare = Double(shape.numericTokens) / Double(shape.tokens)
    return shape.hasTimeOrDate || numericShare >= Settings.stampNumericShare
  }

  /// True when `text` holds a run of exactly four digits from 1900 to 2099, or a digit, `:` and
  /// two digits.
  private static func hasYearOrClock(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    func isDigit(_ index: Int) -> Bool {
      index >= 0 && index < text.count && text[index] &- 0x30 < 10
    }
    var index = 0
    while index < text.count {
      guard isDigit(index) else {
        index += 1
        continue
      }
      var end = index
      while isDigit(end) { end += 1 }
      if end - index == 4 {
        let century = (text[index] &- 0x30) * 10 + (text[index + 1] &- 0x30)
        if century == 19 || century == 20 { return true }
      }
      if end < text.count, text[end] == UInt8(ascii: ":"), isDigit(end + 1), isDigit(end + 2) {
        return true
      }
      index = end
    }
    return false
  }

  /// True when rule `a` wins over rule `b` on the same line: more specific scope, then action
  /// precedence, then rule-set order.
  func outranks(_ a: RuleIndex, _ b: RuleIndex) -> Bool {
    // The rules' fields in place, as in `applies`.
    let rules = compiled.rules
    let specificityA = rules[a.value].specificity
    let specificityB = rules[b.value].specificity
    if specificityA != specificityB { return specificityA > specificityB }
    let precedenceA = rules[a.value].rule.action.kind.linePrecedence
    let precedenceB = rules[b.value].rule.action.kind.linePrecedence
    if precedenceA != precedenceB { return precedenceA < precedenceB }
    return a < b
  }
}

extension Condition {
  /// Whether the condition holds on a line: the `ordinal`-th of `nonBlankCount` non-blank
  /// lines, with `words` words, whose bytes are `text`; nil for the structure conditions, which
  /// only the engine can decide once the body core is known (`CleaningState.holds`).
  func holds(ordinal: Int, nonBlankCount count: Int, words: Int, text: UnsafeBufferPointer<UInt8>)
    -> Bool?
  {
    switch self {
    case .body, .bodyEdge, .shape: return nil
    case .firstLines(let n): return ordinal < n
    case .lastLines(let n): return count - ordinal <= n
    case .firstPercent(let p): return ordinal * 100 < count * p
    case .lastPercent(let p): return (count - 1 - ordinal) * 100 < count * p
    case .maxWords(let n): return words <= n
    case .minWords(let n): return words >= n
    case .maxLength(let n): return LineMetrics.characters(in: text) <= n
    }
  }
}
