/// Decides each line outside the zones: caption, meta, dropped, or body (maybe with spans
/// stripped), by the precedence documented in `rules/README.md`; then joins lone credits to the
/// line above.
struct LinePass: CleaningPass {
  func apply(to state: inout CleaningState) {
    let compiled = state.compiled
    let count = state.hits.count
    // Appended, not `Array(repeating:count:)`, which copies the fate through its value witness
    // for each line (about 120 instructions a line).
    state.fates = []
    state.fates.reserveCapacity(count)
    state.strips = []
    state.strips.reserveCapacity(count)
    for _ in 0..<count {
      state.fates.append(.body)
      state.strips.append([])
    }
    for line in 0..<count {
      if state.document.isBlank(line) {
        state.fates[line] = .blank
        continue
      }
      if let zone = state.zoneRule[line] {
        state.fates[line] = .removed(rule: zone)
        continue
      }
      var best: (rule: RuleIndex, hit: LineHit)?
      for hit in state.hits[line] {
        // Read in place: `compiled[pattern:]` and `compiled[rule:]` return copies.
        guard case .rule(let index) = compiled.patterns[hit.pattern.value].owner else {
          continue
        }
        let kind = compiled.rules[index.value].rule.action.kind
        guard
          kind == .caption || kind == .credit || kind == .meta || kind == .dropLine
            || kind == .stripSpan
        else { continue }
        guard state.applies(index, toLine: line) else { continue }
        if kind == .stripSpan {
          if let span = hit.span { state.strips[line].append(.init(rule: index, span: span)) }
          continue
        }
        if let current = best, !state.outranks(index, current.rule) { continue }
        best = (index, hit)
      }
      guard let best else {
        // No phrase rule decides the line: a rule on shape alone (`drop-line: any`) may.
        // A loop, not `first(where:)`: that closure's context copied the whole state per line.
        for shapeRule in compiled.anyLineRules where state.applies(shapeRule, toLine: line) {
          state.strips[line] = []
          state.fates[line] = .removed(rule: shapeRule)
          break
        }
        continue
      }
      // A strip-span of a more specific scope keeps the line: it outranks a generic drop.
      let bestSpecificity = compiled[rule: best.rule].specificity
      if state.strips[line].contains(where: {
        compiled[rule: $0.rule].specificity > bestSpecificity
      }) {
        state.strips[line].removeAll { compiled[rule: $0.rule].specificity < bestSpecificity }
        continue
      }
      state.strips[line] = []
      switch compiled[rule: best.rule].rule.action.kind {
      case .caption: state.fates[line] = .caption(rule: best.rule, hit: best.hit)
      case .credit: Self.joinCredit(line, rule: best.rule, hit: best.hit, in: &state)
      case .meta:
        let others = state.hits[line].filter { hit in
          guard case .rule(let index) = compiled[pattern: hit.pattern].owner, index != best.rule
          else { return false }
          return compiled[rule: index].rule.action.kind == .meta
            && state.applies(index, toLine: line)
        }
        state.fates[line] = .meta(rule: best.rule, hits: [best.hit] + others)
      default: state.fates[line] = .removed(rule: best.rule)
      }
    }
  }

  /// A lone credit line joins the line right above it (no blank line between): when that line
  /// is a short body line (at most `Settings.captionWords` words, and with the structure layer
  /// not a paragraph of prose), it becomes the caption's text and the credit line its credit;
  /// otherwise the credit line is removed, and when it is a copyright line (`© …`) it is the
  /// article's, not a photo's: its text goes to `meta.copyright`.
  private static func joinCredit(
    _ line: Int, rule: RuleIndex, hit: LineHit, in state: inout CleaningState
  ) {
    let previous = line - 1
    guard previous >= 0, !state.document.isBlank(previous), case .body = state.fates[previous],
      state.strips[previous].isEmpty,
      state.document.words[previous] <= Settings.captionWords,
      !isParagraph(previous, in: state)
    else {
      state.fates[line] =
        isCopyright(state.document.content(line)) ? .copyright(rule: rule) : .removed(rule: rule)
      return
    }
    state.fates[previous] = .captionText(creditLine: line)
    state.fates[line] = .credit(rule: rule, hit: hit, textLine: previous)
  }

  /// True when the structure layer reads the line as a paragraph of prose: too long a text for
  /// a caption (`Settings.captionProseTokens`).
  private static func isParagraph(_ line: Int, in state: CleaningState) -> Bool {
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
