extension CleaningRun {
  /// Decides each line outside the zones: caption, meta, dropped, or body (maybe with spans
  /// stripped), by the precedence documented in `rules/README.md`.
  mutating func resolveLines() {
    let count = hits.count
    fates = Array(repeating: .body, count: count)
    strips = Array(repeating: [], count: count)
    for line in 0..<count {
      if ordinals[line] < 0 {
        fates[line] = .blank
        continue
      }
      if let zone = zoneRule[line] {
        fates[line] = .removed(rule: zone)
        continue
      }
      var best: (rule: Int, hit: LineHit)?
      for hit in hits[line] {
        guard case .rule(let index) = compiled.patterns[hit.pattern].owner else { continue }
        let kind = compiled.rules[index].rule.action.kind
        guard
          kind == .caption || kind == .credit || kind == .meta || kind == .dropLine
            || kind == .stripSpan
        else { continue }
        guard applies(index, toLine: line) else { continue }
        if kind == .stripSpan {
          if let span = hit.span { strips[line].append((index, span)) }
          continue
        }
        if let current = best, !outranks(index, current.rule) { continue }
        best = (index, hit)
      }
      guard let best else { continue }
      // A strip-span of a more specific scope keeps the line: it outranks a generic drop.
      let bestSpecificity = compiled.rules[best.rule].specificity
      if strips[line].contains(where: { compiled.rules[$0.rule].specificity > bestSpecificity }) {
        strips[line].removeAll { compiled.rules[$0.rule].specificity < bestSpecificity }
        continue
      }
      strips[line] = []
      switch compiled.rules[best.rule].rule.action.kind {
      case .caption: fates[line] = .caption(rule: best.rule, hit: best.hit)
      case .credit: joinCredit(line, rule: best.rule, hit: best.hit)
      case .meta:
        let others = hits[line].filter { hit in
          guard case .rule(let index) = compiled.patterns[hit.pattern].owner, index != best.rule
          else { return false }
          return compiled.rules[index].rule.action.kind == .meta && applies(index, toLine: line)
        }
        fates[line] = .meta(rule: best.rule, hits: [best.hit] + others)
      default: fates[line] = .removed(rule: best.rule)
      }
    }
  }

  /// True when rule `a` wins over rule `b` on the same line: more specific scope, then action
  /// precedence, then rule-set order.
  private func outranks(_ a: Int, _ b: Int) -> Bool {
    let ruleA = compiled.rules[a]
    let ruleB = compiled.rules[b]
    if ruleA.specificity != ruleB.specificity { return ruleA.specificity > ruleB.specificity }
    let precedenceA = ruleA.rule.action.kind.linePrecedence
    let precedenceB = ruleB.rule.action.kind.linePrecedence
    if precedenceA != precedenceB { return precedenceA < precedenceB }
    return a < b
  }

  /// The most words the line before a lone credit may have to become its caption.
  static let captionWords = 40

  /// A lone credit line joins the line right above it (no blank line between): when that line
  /// is a short body line, it becomes the caption's text and the credit line its credit;
  /// otherwise the credit line is removed.
  private mutating func joinCredit(_ line: Int, rule: Int, hit: LineHit) {
    // Only the line directly above (no blank line between) can be the caption's text.
    let previous = line - 1
    guard previous >= 0, ordinals[previous] >= 0, case .body = fates[previous],
      strips[previous].isEmpty,
      LineMetrics.words(in: content(previous)) <= Self.captionWords
    else {
      fates[line] = .removed(rule: rule)
      return
    }
    fates[previous] = .captionText(creditLine: line)
    fates[line] = .credit(rule: rule, hit: hit, textLine: previous)
  }
}
