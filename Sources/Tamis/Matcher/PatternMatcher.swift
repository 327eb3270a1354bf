/// Where a pattern matched in a folded line, and what its holes captured (folded offsets).
struct FoldedMatch: Sendable {
  var range: Range<Int>
  var holes: [(name: String, range: Range<Int>)]
  /// Where each literal segment matched, in segment order (checked again under `exact`).
  var literals: [Range<Int>]
}

extension CompiledPattern {
  /// True when the scalar that starts at `index` of a folded view is a letter, a digit or a
  /// combining mark: what a word is made of.
  static func isWordCharacter(_ text: UnsafeBufferPointer<UInt8>, startingAt index: Int) -> Bool {
    let byte = text[index]
    if byte < 0x80 { return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) }
    let (value, _) = UTF8Scalars.decode(text, at: index)
    guard let scalar = Unicode.Scalar(value) else { return false }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  /// True when the scalar that ends just before `index` is a word character.
  static func isWordCharacter(_ text: UnsafeBufferPointer<UInt8>, endingAt index: Int) -> Bool {
    var start = index - 1
    // Step back over UTF-8 continuation bytes to the scalar's first byte.
    while start > 0, text[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
    return isWordCharacter(text, startingAt: start)
  }

  /// Whether an occurrence of the literal at `range` satisfies the anchor and word boundaries.
  func acceptsLiteral(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
    Self.acceptsLiteral(
      in: text, range: range, anchor: anchor, insideWords: options.contains(.insideWords))
  }

  /// `acceptsLiteral(in:range:)` from a pattern's anchor and whether it has the `insideWords`
  /// option (what `PatternFacts` holds).
  static func acceptsLiteral(
    in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, anchor: Pattern.Anchor,
    insideWords: Bool
  ) -> Bool {
    switch anchor {
    case .contains: break
    case .startsWith: if range.lowerBound != 0 { return false }
    case .endsWith: if range.upperBound != text.count { return false }
    case .equals: if range.lowerBound != 0 || range.upperBound != text.count { return false }
    }
    return insideWords
      || (hasBoundary(in: text, before: range.lowerBound)
        && hasBoundary(in: text, after: range.upperBound))
  }

  /// True when a match may start at `start`: no word character runs into the pattern's first.
  func hasBoundary(in text: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
    options.contains(.insideWords) || Self.hasBoundary(in: text, before: start)
  }

  /// True when a match may end at `end`: no word character follows the pattern's last.
  func hasBoundary(in text: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
    options.contains(.insideWords) || Self.hasBoundary(in: text, after: end)
  }

  /// True when no word character runs across `start` (a word boundary there).
  static func hasBoundary(in text: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
    guard start > 0, start < text.count else { return true }
    return
      !(isWordCharacter(text, startingAt: start) && isWordCharacter(text, endingAt: start))
  }

  /// True when no word character runs across `end` (a word boundary there).
  static func hasBoundary(in text: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
    guard end > 0, end < text.count else { return true }
    return
      !(isWordCharacter(text, endingAt: end) && isWordCharacter(text, startingAt: end))
  }

  /// Matches a template (a pattern with holes) against a whole folded line.
  ///
  /// Literals are found leftmost-first, each after the previous one; a hole takes what lies
  /// between, at least one byte (or nothing, before an attached literal), and its kind is
  /// checked afterwards, without backtracking. A leading hole starts at the line start and a
  /// trailing hole ends at the line end. Each search is one linear pass, so the whole match is
  /// linear in the line length.
  /// - Parameter comparisons: incremented by the text bytes the literal searches step over
  ///   (`MatchStatistics.templateComparisons`).
  func matchTemplate(in text: UnsafeBufferPointer<UInt8>, comparisons: inout Int) -> FoldedMatch? {
    let n = text.count
    var limit = n
    var lastIndex = segments.count
    var trailing: Range<Int>?
    var trailingAttached = 0
    if anchor == .endsWith || anchor == .equals,
      case .literal(let last, let attached) = segments.last
    {
      trailingAttached = attached
      let start = n - last.needle.count
      comparisons += last.needle.count
      guard start >= 0, last.occurs(in: text, at: start), hasBoundary(in: text, after: n) else {
        return nil
      }
      limit = start
      lastIndex = segments.count - 1
      trailing = start..<n
    }
    var position = 0
    var openHole: (name: String, kind: Pattern.HoleKind, start: Int)?
    var holes: [(name: String, range: Range<Int>)] = []
    var literals: [Range<Int>] = []
    var matchStart: Int?
    for index in 0..<lastIndex {
      switch segments[index] {
      case .hole(let name, let kind):
        openHole = (name, kind, position)
        if matchStart == nil { matchStart = 0 }
      case .literal(let searcher, let attached):
        let found: Int?
        if index == 0 {
          if anchor == .startsWith || anchor == .equals {
            let fits = searcher.needle.count <= limit
            found = fits && searcher.occurs(in: text, at: 0) ? 0 : nil
            comparisons += searcher.needle.count
          } else {
            found = searcher.firstOccurrence(in: text, from: 0, limit: limit) {
              hasBoundary(in: text, before: $0)
            }
            comparisons += Self.searched(found, searcher, from: 0, limit: limit)
          }
        } else {
          // A hole may be empty when its value is the attached literal that follows it.
          let from = attached > 0 ? position : position + 1
          if options.contains(.splitLast), index == lastIndex - 2, case .hole = segments[index + 1]
          {
            found = searcher.lastOccurrence(in: text, from: from, limit: limit)
            comparisons += max(0, limit - from)
          } else {
            found = searcher.firstOccurrence(in: text, from: from, limit: limit)
            comparisons += Self.searched(found, searcher, from: from, limit: limit)
          }
        }
        guard let start = found else { return nil }
        if let hole = openHole {
          guard hole.start <= start else { return nil }
          let content = Self.holeRange(text, hole.start..<start, kind: hole.kind)
          if attached > 0 {
            let lower = content?.lowerBound ?? Self.trimmedStart(text, hole.start, start)
            if content == nil && lower < start { return nil }
            holes.append((hole.name, lower..<Self.trimmedEnd(text, start + attached)))
          } else {
            guard let content else { return nil }
            holes.append((hole.name, content))
          }
          openHole = nil
        }
        if matchStart == nil { matchStart = start }
        position = start + searcher.needle.count
        literals.append(start..<position)
      }
    }
    var end = position
    if let trailing {
      if let hole = openHole {
        guard hole.start <= trailing.lowerBound else { return nil }
        let content = Self.holeRange(text, hole.start..<trailing.lowerBound, kind: hole.kind)
        if trailingAttached > 0 {
          // The hole may be empty: its value is then the attached literal alone.
          let lower =
            content?.lowerBound ?? Self.trimmedStart(text, hole.start, trailing.lowerBound)
          if content == nil && lower < trailing.lowerBound { return nil }
          holes.append(
            (hole.name, lower..<Self.trimmedEnd(text, trailing.lowerBound + trailingAttached)))
        } else {
          guard let content else { return nil }
          holes.append((hole.name, content))
        }
      } else if trailing.lowerBound != position {
        return nil
      }
      if let first = literals.first, first.upperBound > trailing.lowerBound { return nil }
      end = n
      literals.append(trailing)
    } else if let hole = openHole {
      // A trailing `text` hole runs to the line end; a `word` or `number` hole takes its run.
      let runsToEnd = hole.kind == .text || anchor == .equals || anchor == .endsWith
      let holeEnd = runsToEnd ? n : Self.runEnd(text, from: hole.start, kind: hole.kind)
      guard let range = Self.holeRange(text, hole.start..<holeEnd, kind: hole.kind) else {
        return nil
      }
      holes.append((hole.name, range))
      end = holeEnd
      if !hasBoundary(in: text, after: end) { return nil }
    } else if !hasBoundary(in: text, after: end) {
      return nil
    }
    return FoldedMatch(range: (matchStart ?? 0)..<end, holes: holes, literals: literals)
  }

  /// How many text bytes a forward search from `from` stepped over before it returned `found`.
  private static func searched(
    _ found: Int?, _ searcher: LiteralSearcher, from: Int, limit: Int
  ) -> Int {
    max(0, (found.map { $0 + searcher.needle.count } ?? limit) - from)
  }

  /// `start` moved forward over spaces, up to `limit`.
  private static func trimmedStart(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int)
    -> Int
  {
    var start = start
    while start < limit, text[start] == 0x20 { start += 1 }
    return start
  }

  /// `end` moved back over spaces.
  private static func trimmedEnd(_ text: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
    var end = end
    while end > 0, text[end - 1] == 0x20 { end -= 1 }
    return end
  }

  /// The end of the run of `kind` characters that starts at `start` (after spaces): a word ends
  /// at a space; a number takes digits and the `.`, `,` or space found between two digits.
  private static func runEnd(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, kind: Pattern.HoleKind
  ) -> Int {
    var index = start
    while index < text.count, text[index] == 0x20 { index += 1 }
    func isDigit(_ i: Int) -> Bool { i < text.count && text[i] >= 0x30 && text[i] <= 0x39 }
    while index < text.count {
      let byte = text[index]
      if kind == .word {
        if byte == 0x20 { break }
      } else if !isDigit(index) {
        let separator = byte == 0x2C || byte == 0x2E || byte == 0x20
        if !(separator && isDigit(index - 1) && isDigit(index + 1)) { break }
      }
      index += 1
    }
    return index
  }

  /// The hole's range with spaces trimmed, when it is non-empty and fits its kind.
  private static func holeRange(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, kind: Pattern.HoleKind
  ) -> Range<Int>? {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, text[lower] == 0x20 { lower += 1 }
    while upper > lower, text[upper - 1] == 0x20 { upper -= 1 }
    guard lower < upper else { return nil }
    switch kind {
    case .text:
      return lower..<upper
    case .word:
      for i in lower..<upper where text[i] == 0x20 { return nil }
      return lower..<upper
    case .number:
      // Digits, with `.`, `,` or a space only between two digits.
      func isDigit(_ i: Int) -> Bool { text[i] >= 0x30 && text[i] <= 0x39 }
      for i in lower..<upper where !isDigit(i) {
        let byte = text[i]
        let separator = byte == 0x2C || byte == 0x2E || byte == 0x20
        guard separator, i > lower, i + 1 < upper, isDigit(i - 1), isDigit(i + 1) else {
          return nil
        }
      }
      return lower..<upper
    }
  }
}
