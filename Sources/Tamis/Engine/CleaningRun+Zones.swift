extension CleaningRun {
  /// Finds the zones that `drop-from`, `drop-until`, `drop-block` and `drop-run` rules remove.
  ///
  /// A zone removes every non-blank line in it that a `keep` of the rule's scope does not
  /// protect. Where zones overlap, a line goes to the rule listed first in the rule set.
  mutating func resolveZones() {
    let count = hits.count
    zoneRule = Array(repeating: nil, count: count)
    // First line each zone rule fires on, and block ends per line.
    var firstMatch: [Int: Int] = [:]
    var lastMatch: [Int: Int] = [:]
    var blockStarts: [Int: [Int]] = [:]
    var blockEnds: [Int: [Int]] = [:]
    var runStarts: [(rule: Int, line: Int)] = []
    for line in 0..<count {
      for hit in hits[line] {
        switch compiled.patterns[hit.pattern].owner {
        case .rule(let index):
          switch compiled.rules[index].rule.action.kind {
          case .dropFrom, .dropUntil:
            if firstMatch[index] == nil, applies(index, toLine: line) {
              firstMatch[index] = line
            }
            if applies(index, toLine: line) { lastMatch[index] = line }
          case .dropBlock:
            if applies(index, toLine: line) { blockStarts[index, default: []].append(line) }
          case .dropRun:
            if applies(index, toLine: line) { runStarts.append((index, line)) }
          default: break
          }
        case .blockEnd(let index):
          if activePacks[compiled.rules[index].pack] { blockEnds[index, default: []].append(line) }
        case .detector: break
        }
      }
    }
    for index in compiled.rules.indices {
      switch compiled.rules[index].rule.action.kind {
      case .dropFrom:
        if let first = firstMatch[index] { mark(first..<count, rule: index) }
      case .dropUntil:
        if let first = firstMatch[index] { mark(0..<(first + 1), rule: index) }
      case .dropBlock:
        markBlocks(rule: index, starts: blockStarts[index] ?? [], ends: blockEnds[index] ?? [])
      default: break
      }
    }
    for start in runStarts.sorted(by: { ($0.rule, $0.line) < ($1.rule, $1.line) }) {
      mark(start.line..<runEnd(after: start.line), rule: start.rule)
    }
    for index in compiled.rules.indices {
      guard case .dropTail(let minimumWords) = compiled.rules[index].rule.action,
        activePacks[compiled.rules[index].pack]
      else { continue }
      markTail(rule: index, minimumWords: minimumWords)
    }
  }

  /// Marks the title-like lines after the last sentence-like line of at least `minimumWords`
  /// words, each subject to the rule's conditions and `keep`s.
  private mutating func markTail(rule index: Int, minimumWords: Int) {
    // The last body paragraph: a line of at least `minimumWords` words that reads like a
    // sentence (a subheading before a short paragraph is not the end of the body).
    var last = hits.count - 1
    while last >= 0,
      ordinals[last] < 0 || isTitleLike(last)
        || LineMetrics.words(in: content(last)) < minimumWords
    {
      last -= 1
    }
    guard last >= 0 else { return }
    for line in (last + 1)..<hits.count where ordinals[line] >= 0 {
      guard isTitleLike(line), applies(index, toLine: line), !isClaimedByLineRule(line) else {
        continue
      }
      mark(line..<(line + 1), rule: index)
    }
  }

  /// True when a per-line rule (caption, credit, meta, drop-line, strip-span) applies to the
  /// line: the tail is a fallback and leaves such lines to the rules that name them.
  private func isClaimedByLineRule(_ line: Int) -> Bool {
    hits[line].contains { hit in
      guard case .rule(let rule) = compiled.patterns[hit.pattern].owner else { return false }
      switch compiled.rules[rule].rule.action.kind {
      case .caption, .credit, .meta, .dropLine, .stripSpan: return applies(rule, toLine: line)
      default: return false
      }
    }
  }

  /// The line just past the run of title-like lines that follows `header`: non-blank lines of
  /// at most `titleWords` words that do not end like a sentence; blank lines between them do
  /// not end the run.
  private func runEnd(after header: Int) -> Int {
    var end = header + 1
    var line = header + 1
    while line < hits.count {
      if ordinals[line] < 0 {
        line += 1
        continue
      }
      guard isTitleLike(line) else { break }
      line += 1
      end = line
    }
    return end
  }

  /// The most words a line of a `drop-run` list may have.
  static let titleWords = 14

  /// True for a short line that does not end like a sentence (no final `.`, `!`, `?`, `:`,
  /// `;`, `…` or closing quote): a headline in a list.
  func isTitleLike(_ line: Int) -> Bool {
    let text = content(line)
    guard LineMetrics.words(in: text) <= Self.titleWords else { return false }
    var last = text.count - 1
    while last >= 0, text[last] == 0x20 || text[last] == 0x09 { last -= 1 }
    guard last >= 0 else { return false }
    switch text[last] {
    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"),
      UInt8(ascii: ";"), UInt8(ascii: "\""):
      return false
    case 0xA6 where last >= 2 && text[last - 2] == 0xE2 && text[last - 1] == 0x80:
      return false  // … U+2026
    case 0xBB where last >= 1 && text[last - 1] == 0xC2:
      return false  // » U+00BB
    case 0x9D where last >= 2 && text[last - 2] == 0xE2 && text[last - 1] == 0x80:
      return false  // ” U+201D
    default:
      return true
    }
  }

  private mutating func markBlocks(rule index: Int, starts: [Int], ends: [Int]) {
    var endCursor = 0
    var after = -1
    for start in starts where start > after {
      while endCursor < ends.count, ends[endCursor] <= start { endCursor += 1 }
      guard endCursor < ends.count else { return }
      let end = ends[endCursor]
      mark(start..<(end + 1), rule: index)
      after = end
    }
  }

  private mutating func mark(_ lines: Range<Int>, rule index: Int) {
    let specificity = compiled.rules[index].specificity
    for line in lines where ordinals[line] >= 0 && zoneRule[line] == nil {
      if keepLevel[line] >= specificity { continue }
      zoneRule[line] = index
    }
  }
}
