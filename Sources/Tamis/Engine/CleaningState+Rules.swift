extension CleaningState {
  /// True when rule `index` may act on line `line`: its pack is active, its conditions hold,
  /// and no `keep` of its scope or a more specific one protects the line.
  func applies(_ index: RuleIndex, toLine line: Int) -> Bool {
    let rule = compiled[rule: index]
    guard activePacks[rule.pack] else { return false }
    if rule.rule.action.kind != .keep, !keepLevel.isEmpty, keepLevel[line] >= rule.specificity {
      return false
    }
    return rule.conditions.allSatisfy { condition in
      condition.holds(
        ordinal: document.ordinals[line], nonBlankCount: document.nonBlankCount,
        words: document.words[line], text: document.content(line))
    }
  }

  /// True when rule `a` wins over rule `b` on the same line: more specific scope, then action
  /// precedence, then rule-set order.
  func outranks(_ a: RuleIndex, _ b: RuleIndex) -> Bool {
    let ruleA = compiled[rule: a]
    let ruleB = compiled[rule: b]
    if ruleA.specificity != ruleB.specificity { return ruleA.specificity > ruleB.specificity }
    let precedenceA = ruleA.rule.action.kind.linePrecedence
    let precedenceB = ruleB.rule.action.kind.linePrecedence
    if precedenceA != precedenceB { return precedenceA < precedenceB }
    return a < b
  }
}

extension Condition {
  /// Whether the condition holds on a line: the `ordinal`-th of `nonBlankCount` non-blank
  /// lines, with `words` words, whose bytes are `text`.
  func holds(ordinal: Int, nonBlankCount count: Int, words: Int, text: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    switch self {
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
