/// Decides each line outside the zones: caption, meta, dropped, or body (maybe with spans
/// stripped), by the precedence documented in `rules/README.md`; then joins lone credits to the
/// line above.
struct LinePass: CleaningPass {
  func apply(to state: inout CleaningState) {
    let (fates, strips) = Self.decide(state)
    state.fates = fates
    state.strips = strips
  }

  /// Each line's fate and strips. Reads the state without changing it (the decisions go to
  /// local arrays): each rule check then reads the state in place, where checks made while the
  /// state was being written copied it whole (a memcpy per check).
  private static func decide(_ state: borrowing CleaningState)
    -> (fates: [CleaningState.Fate], strips: [[CleaningState.Strip]])
  {
    let count = state.hits.count
    var fates: [CleaningState.Fate] = []
    fates.reserveCapacity(count)
    var strips: [[CleaningState.Strip]] = []
    strips.reserveCapacity(count)
    for line in 0..<count {
      if state.document.isBlank(line) {
        fates.append(.blank)
        strips.append([])
        continue
      }
      if let zone = state.zoneRule[line] {
        fates.append(.removed(rule: zone))
        strips.append([])
        continue
      }
      var lineStrips: [CleaningState.Strip] = []
      var best: (rule: RuleIndex, hit: LineHit)?
      for hit in state.hits[line] {
        // Read in place: `compiled[pattern:]` and `compiled[rule:]` return copies.
        guard case .rule(let index) = state.compiled.patterns[hit.pattern.value].owner else {
          continue
        }
        let kind = state.compiled.rules[index.value].rule.action.kind
        guard
          kind == .caption || kind == .credit || kind == .meta || kind == .dropLine
            || kind == .stripSpan
        else { continue }
        guard state.applies(index, toLine: line) else { continue }
        if kind == .stripSpan {
          if let span = hit.span { lineStrips.append(.init(rule: index, span: span)) }
          continue
        }
        if let current = best, !state.outranks(index, current.rule) { continue }
        best = (index, hit)
      }
      guard let best else {
        // No phrase rule decides the line: a rule on shape alone (`drop-line: any`) may.
        var fate = CleaningState.Fate.body
        for shapeRule in state.compiled.anyLineRules where state.applies(shapeRule, toLine: line) {
          lineStrips = []
          fate = .removed(rule: shapeRule)
          break
        }
        fates.append(fate)
        strips.append(lineStrips)
        continue
      }
      // A strip-span of a more specific scope keeps the line: it outranks a generic drop.
      let bestSpecificity = state.compiled.rules[best.rule.value].specificity
      if lineStrips.contains(where: {
        state.compiled.rules[$0.rule.value].specificity > bestSpecificity
      }) {
        lineStrips.removeAll {
          state.compiled.rules[$0.rule.value].specificity < bestSpecificity
        }
        fates.append(.body)
        strips.append(lineStrips)
        continue
      }
      strips.append([])
      switch state.compiled.rules[best.rule.value].rule.action.kind {
      case .caption: fates.append(.caption(rule: best.rule, hit: best.hit))
      case .credit:
        fates.append(.body)
        joinCredit(line, rule: best.rule, hit: best.hit, in: state, &fates, strips)
      case .meta:
        let others = state.hits[line].filter { hit in
          guard case .rule(let index) = state.compiled.patterns[hit.pattern.value].owner,
            index != best.rule
          else { return false }
          return state.compiled.rules[index.value].rule.action.kind == .meta
            && state.applies(index, toLine: line)
        }
        fates.append(.meta(rule: best.rule, hits: [best.hit] + others))
      default: fates.append(.removed(rule: best.rule))
      }
    }
    return (fates, strips)
  }

  /// A lone credit line joins the line right above it (no blank line between): when that line
  /// is a short body line (at most `Settings.captionWords` words, and with the structure layer
  /// not a paragraph of prose), it becomes the caption's text and the credit line its credit;
  /// otherwise the credit line is removed, and when it is a copyright line (`© …`) it is the
  /// article's, not a photo's: its text goes to `meta.copyright`.
  private static func joinCredit(
    _ line: Int, rule: RuleIndex, hit: LineHit, in state: borrowing CleaningState,
    _ fates: inout [CleaningState.Fate], _ strips: [[CleaningState.Strip]]
  ) {
    let previous = line - 1
    guard previous >= 0, !state.document.isBlank(previous), case .body = fates[previous],
      strips[previous].isEmpty,
      state.document.words[previous] <= Settings.captionWords,
      !isParagraph(previous, in: state)
    else {
      fates[line] =
        isCopyright(state.document.content(line)) ? .copyright(rule: rule) : .removed(rule: rule)
      return
    }
    fates[previous] = .captionText(creditLine: line)
    fates[line] = .credit(rule: rule, hit: hit, textLine: previous)
  }

  /// True when the structure layer reads the line as a paragraph of prose: too long a text for
  /// a caption (`Settings.captionProseTokens`).
  private static func isParagraph(_ line: Int, in state: borrowing CleaningState) -> Bool {
    guard state.options.structure, state.document.hasShapes else { return false }
    return state.document.classes[line] == .prose
      && state.document.shapes[line].effectiveTokens >= Double(Settings.captionProseTokens)
  }

  /// True for a line that starts with `©`, `(c)` or `Copyright`.
  private static func isCopyright(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let line = Whitespace.trimmed(text)
    if line.starts(with: [0xC2, 0xA9]) { return true }  // ©
    let prefix = String(decoding: line.prefix(9), as: UTF8.self).lowercased()
    return prefix.hasPrefix("(c) ") || prefix == "copyright"
  }
}
