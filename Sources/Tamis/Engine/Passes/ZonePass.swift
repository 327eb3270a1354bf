/// Finds the zones that `drop-from`, `drop-until`, `drop-block`, `drop-run` and `drop-tail`
/// rules remove.
///
/// A zone removes every non-blank line in it that a `keep` of the rule's scope does not
/// protect. Where zones overlap, a line goes to the rule listed first in the rule set.
struct ZonePass: CleaningPass {
  func apply(to state: inout CleaningState) {
    let compiled = state.compiled
    let count = state.hits.count
    state.zoneRule = Array(repeating: nil, count: count)
    // First and last line each zone rule fires on, and block starts and ends per rule.
    var firstMatch: [RuleIndex: Int] = [:]
    var blockStarts: [RuleIndex: [Int]] = [:]
    var blockEnds: [RuleIndex: [Int]] = [:]
    var runStarts: [(rule: RuleIndex, line: Int)] = []
    for line in 0..<count {
      for hit in state.hits[line] {
        switch compiled[pattern: hit.pattern].owner {
        case .rule(let index):
          switch compiled[rule: index].rule.action.kind {
          case .dropFrom, .dropUntil:
            if firstMatch[index] == nil, state.applies(index, toLine: line) {
              firstMatch[index] = line
            }
          case .dropBlock:
            if state.applies(index, toLine: line) { blockStarts[index, default: []].append(line) }
          case .dropRun:
            if state.applies(index, toLine: line) { runStarts.append((index, line)) }
          default: break
          }
        case .blockEnd(let index):
          if state.activePacks[compiled[rule: index].pack] {
            blockEnds[index, default: []].append(line)
          }
        case .detector: break
        }
      }
    }
    // Only the rules that matched somewhere, in rule order (where zones overlap, the first wins).
    for index in Set(firstMatch.keys).union(blockStarts.keys).sorted() {
      switch compiled[rule: index].rule.action.kind {
      case .dropFrom:
        if let first = firstMatch[index] { state.markZone(first..<count, rule: index) }
      case .dropUntil:
        if let first = firstMatch[index] { state.markZone(0..<(first + 1), rule: index) }
      case .dropBlock:
        Self.markBlocks(
          in: &state, rule: index, starts: blockStarts[index] ?? [], ends: blockEnds[index] ?? [])
      default: break
      }
    }
    for start in runStarts.sorted(by: { ($0.rule, $0.line) < ($1.rule, $1.line) }) {
      state.markZone(
        start.line..<Self.runEnd(in: state.document, after: start.line), rule: start.rule)
    }
    for index in compiled.dropTailRules {
      guard case .dropTail(let minimumWords) = compiled[rule: index].rule.action,
        state.activePacks[compiled[rule: index].pack]
      else { continue }
      Self.markTail(in: &state, rule: index, minimumWords: minimumWords)
    }
    state.farAfter = Self.farAfter(in: state)
  }

  /// Per line, whether it is far after the core: past the core's end and
  /// `Settings.bodyEdgeLines` more non-blank lines that no zone removes (a newsletter block
  /// between the article and its last paragraph does not count, an author's bio after it does).
  /// A bulleted list entry starts the count again: references, sources and further reading
  /// hang under the article, and the lines right under them are still its end matter (a
  /// numbered one does not: "most read" rankings are numbered, and so are dates like "5.30";
  /// nor does a bare web address: the page's own address is printed under the article).
  private static func farAfter(in state: CleaningState) -> [Bool] {
    guard let core = state.body?.lines else { return [] }
    let document = state.document
    var far = [Bool](repeating: false, count: document.lineCount)
    var seen = 0
    for line in (core.upperBound + 1)..<document.lineCount where !document.isBlank(line) {
      if state.zoneRule[line] == nil {
        if document.shapes[line].isTextListItem,
          Self.startsWithBullet(Whitespace.trimmed(document.content(line)))
        {
          seen = 0
          continue
        }
        seen += 1
      }
      far[line] = seen > Settings.bodyEdgeLines
    }
    return far
  }

  /// True when the line opens with a mark rather than a letter or a digit: `^ `, `- `, `• `.
  private static func startsWithBullet(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = line.first else { return false }
    return first >= 0x80 || !(first &- 0x30 < 10 || (first | 0x20) &- 0x61 < 26)
  }

  /// Marks the title-like lines after the last sentence-like line of at least `minimumWords`
  /// words, each subject to the rule's conditions and `keep`s.
  private static func markTail(
    in state: inout CleaningState, rule index: RuleIndex, minimumWords: Int
  ) {
    let document = state.document
    // The last body paragraph: a line of at least `minimumWords` words that reads like a
    // sentence (a subheading before a short paragraph is not the end of the body), and not a
    // line its site repeats (a learned newsletter pitch is not the article's last paragraph:
    // the tail must fall where it falls without it).
    var last = document.lineCount - 1
    while last >= 0,
      document.isBlank(last) || document.isTitleLike(last) || document.words[last] < minimumWords
        || state.isLearned(last)
    {
      last -= 1
    }
    guard last >= 0 else { return }
    // The tail starts after the core's last prose line, never before it: a core's paragraphs
    // may be unpunctuated (a CJK article) and still the article's. Its short lines after that
    // (a teaser list the core's reach took in) are the tail's.
    if let core = state.body?.lines, document.hasShapes,
      let lastProse = core.reversed().first(where: { document.classes[$0] == .prose })
    {
      last = max(last, lastProse)
    }
    // A list item right under a list item that stays is the list's next entry, however short
    // ("- Removed Herobrine" closing a changelog): a list of other stories starts under a
    // paragraph or a header, never inside the article's own list. (Shapes are read with the
    // structure layer only.)
    func isListItem(_ line: Int) -> Bool {
      document.hasShapes && document.shapes[line].isListItem
    }
    func stands(_ line: Int) -> Bool {
      state.zoneRule[line] == nil && !isClaimedByLineRule(line, in: state)
    }
    var underStandingItem = isListItem(last) && stands(last)
    for line in (last + 1)..<document.lineCount where !document.isBlank(line) {
      let isItem = isListItem(line)
      if document.isTitleLike(line), state.applies(index, toLine: line),
        !isClaimedByLineRule(line, in: state), !(isItem && underStandingItem)
      {
        state.markZone(line..<(line + 1), rule: index)
      }
      underStandingItem = isItem && stands(line)
    }
  }

  /// True when a per-line rule (caption, credit, meta, drop-line, strip-span) applies to the
  /// line: the tail is a fallback and leaves such lines to the rules that name them.
  private static func isClaimedByLineRule(_ line: Int, in state: CleaningState) -> Bool {
    state.hits[line].contains { hit in
      guard case .rule(let rule) = state.compiled[pattern: hit.pattern].owner else { return false }
      switch state.compiled[rule: rule].rule.action.kind {
      case .caption, .credit, .meta, .dropLine, .stripSpan: return state.applies(rule, toLine: line)
      default: return false
      }
    }
  }

  /// The line just past the run of title-like lines that follows `header`; blank lines between
  /// them do not end the run.
  private static func runEnd(in document: Document, after header: Int) -> Int {
    var end = header + 1
    var line = header + 1
    while line < document.lineCount {
      if document.isBlank(line) {
        line += 1
        continue
      }
      guard document.isTitleLike(line) else { break }
      line += 1
      end = line
    }
    return end
  }

  private static func markBlocks(
    in state: inout CleaningState, rule index: RuleIndex, starts: [Int], ends: [Int]
  ) {
    var endCursor = 0
    var after = -1
    for start in starts where start > after {
      while endCursor < ends.count, ends[endCursor] <= start { endCursor += 1 }
      guard endCursor < ends.count else { return }
      let end = ends[endCursor]
      state.markZone(start..<(end + 1), rule: index)
      after = end
    }
  }
}

extension CleaningState {
  /// Gives the non-blank lines of `lines` that no zone holds yet to zone rule `index`, except
  /// those a `keep` of its scope or a more specific one protects.
  mutating func markZone(_ lines: Range<Int>, rule index: RuleIndex) {
    let specificity = compiled[rule: index].specificity
    let kind = compiled[rule: index].rule.action.kind
    // A `drop-from` starts at its phrase, a `drop-until` ends at it.
    let misplaced: Bool
    switch kind {
    case .dropFrom:
      misplaced = body?.isMisplaced(zonePhraseAt: lines.lowerBound, cutsForward: true) ?? false
    case .dropUntil:
      misplaced = body?.isMisplaced(zonePhraseAt: lines.upperBound - 1, cutsForward: false) ?? false
    default: misplaced = false
    }
    for line in lines where !document.isBlank(line) && zoneRule[line] == nil {
      if keepLevel[line] >= specificity || isGuarded(line, from: kind, misplaced: misplaced) {
        continue
      }
      zoneRule[line] = index
    }
  }

  /// True for a line of the body core that a zone may not remove: its prose (at least
  /// `Settings.guardedProseTokens` tokens) from a `drop-from` or `drop-until` whose phrase sits
  /// on the wrong side of the article (`misplaced`, see `BodyCore.isMisplaced`); its list items
  /// and the lines of a list its text announces with a `:` (`BodyCore.inIntroducedList`) from
  /// `drop-run` and `drop-tail`, which are steps, rankings or dates of the article rather than a
  /// list of other stories.
  func isGuarded(_ line: Int, from kind: ActionKind, misplaced: Bool) -> Bool {
    guard let body, body.position(of: line) == .inside, !body.isZoneStart(line) else {
      return false
    }
    let shape = document.shapes[line]
    switch kind {
    case .dropFrom, .dropUntil:
      return misplaced && document.classes[line].isProseLike
        && shape.effectiveTokens >= Double(Settings.guardedProseTokens)
    case .dropRun, .dropTail:
      return shape.isTextListItem || body.inIntroducedList[line]
    default:
      // A block has a phrase at both ends: what lies between is the block's.
      return false
    }
  }
}
