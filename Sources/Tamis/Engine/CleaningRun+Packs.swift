extension CleaningRun {
  /// Decides which packs apply: generic packs by language (given, or detected), site packs by host, detector or
  /// force; then which lines `keep` rules protect.
  mutating func selectPacks() {
    let packs = compiled.ruleSet.packs
    activePacks = packs.map { pack in
      switch pack.scope {
      case .generic(let packLanguage):
        guard let wanted = language, let packLanguage else { return true }
        return wanted == packLanguage
      case .site(let hosts):
        if options.forcedPacks.contains(pack.path) { return true }
        guard let site = options.site?.lowercased() else { return false }
        return hosts.contains { site == $0 || site.hasSuffix("." + $0) }
      }
    }
    for lineHits in hits {
      for hit in lineHits {
        if case .detector(let pack) = compiled.patterns[hit.pattern].owner {
          activePacks[pack] = true
        }
      }
    }
    keepLevel = Array(repeating: -1, count: hits.count)
    for (line, lineHits) in hits.enumerated() {
      for hit in lineHits {
        guard case .rule(let index) = compiled.patterns[hit.pattern].owner else { continue }
        let rule = compiled.rules[index]
        if rule.rule.action.kind == .keep, applies(index, toLine: line) {
          keepLevel[line] = max(keepLevel[line], rule.specificity)
        }
      }
    }
  }

  /// True when rule `index` may act on line `line`: its pack is active, its conditions hold,
  /// and no `keep` of its scope or a more specific one protects the line.
  func applies(_ index: Int, toLine line: Int) -> Bool {
    let rule = compiled.rules[index]
    guard activePacks[rule.pack] else { return false }
    if rule.rule.action.kind != .keep, !keepLevel.isEmpty, keepLevel[line] >= rule.specificity {
      return false
    }
    return rule.conditions.allSatisfy { holds($0, onLine: line) }
  }

  private func holds(_ condition: Condition, onLine line: Int) -> Bool {
    var words: Int?
    return Self.holds(
      condition, ordinal: ordinals[line], nonBlankCount: nonBlankCount, line: content(line),
      words: &words)
  }

  /// Whether `condition` holds on a line: the `ordinal`-th of `nonBlankCount` non-blank lines,
  /// whose bytes are `line`. `words` caches the line's word count between calls.
  static func holds(
    _ condition: Condition, ordinal: Int, nonBlankCount count: Int,
    line: UnsafeBufferPointer<UInt8>, words: inout Int?
  ) -> Bool {
    func lineWords() -> Int {
      if let words { return words }
      let counted = LineMetrics.words(in: line)
      words = counted
      return counted
    }
    switch condition {
    case .firstLines(let n): return ordinal < n
    case .lastLines(let n): return count - ordinal <= n
    case .firstPercent(let p): return ordinal * 100 < count * p
    case .lastPercent(let p): return (count - 1 - ordinal) * 100 < count * p
    case .maxWords(let n): return lineWords() <= n
    case .minWords(let n): return lineWords() >= n
    case .maxLength(let n): return LineMetrics.characters(in: line) <= n
    }
  }
}
