extension CleaningRun {
  /// Finds the zones that `drop-from`, `drop-until` and `drop-block` rules remove.
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
