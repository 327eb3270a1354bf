/// Finds the body core (`BodyCore`) when the structure layer runs.
///
/// Its candidates are the non-blank lines that no per-line rule (caption, credit, meta,
/// drop-line) takes on a phrase; its boundaries are the lines where a zone rule starts
/// (`drop-run` and `drop-block` headers: "Related"), and its hard boundaries those where a
/// `drop-from` starts ("11 Comments"): the core never reaches past one.
struct BodyCorePass: CleaningPass {
  func apply(to state: inout CleaningState) {
    guard state.options.structure, state.document.hasShapes else { return }
    let compiled = state.compiled
    var candidates: [Int] = []
    var boundaries = ZoneBoundaries(lineCount: state.document.lineCount)
    for line in 0..<state.document.lineCount where !state.document.isBlank(line) {
      // A learned line is boilerplate by its repetition, as a drop-line's line is by its phrase.
      var claimed = state.isLearned(line)
      for hit in state.hits[line] {
        guard case .rule(let index) = compiled[pattern: hit.pattern].owner else { continue }
        let kind = compiled[rule: index].rule.action.kind
        // Reading the rule's conditions costs more than its kind: skip the hits that would
        // change nothing (a rule that marks no boundary, a claim on a line already claimed).
        switch kind {
        case .stripSpan, .dropTail, .keep: continue
        case .caption, .credit, .meta, .dropLine: if claimed { continue }
        case .dropRun, .dropBlock, .dropUntil, .dropFrom: break
        }
        guard !compiled[rule: index].conditions.contains(where: \.needsStructure),
          state.applies(index, toLine: line)
        else { continue }
        switch kind {
        case .caption, .credit, .meta, .dropLine: claimed = true
        case .dropRun, .dropBlock, .dropUntil: boundaries.markSoft(line)
        case .dropFrom: boundaries.markHard(line)
        case .stripSpan, .dropTail, .keep: break
        }
      }
      // A zone's first line stays a candidate even when a line rule takes it too: the core
      // must see every boundary.
      if !claimed || boundaries.isZoneStart(line) {
        candidates.append(line)
      }
    }
    // Without prose there is no core to part: skip the count (a dump of menu lines only).
    var feeds: [Bool] = []
    let teasers = BodyCore.teaserLists(state.document)
    if candidates.contains(where: { state.document.classes[$0] == .prose }) {
      // A dated headline that reads as running text ("Rates rise again, and banks follow
      // Reuters 3/9 15:47") would pull the core over its list: each one parts the core like a
      // ticker's stamp. A teaser cut off by an ellipsis does not: readers' comments trail off
      // too, and a thread's end is found otherwise.
      for line in candidates
      where teasers[line] && state.document.classes[line].isProseLike
        && BodyCore.isDatedTeaser(state.document, line)
      {
        boundaries.markSoft(line)
      }
      for line in Self.repeatedLabels(in: state.document, candidates) { boundaries.markSoft(line) }
      let tickers = BodyCore.tickers(state.document, candidates)
      for line in tickers.stamps { boundaries.markSoft(line) }
      feeds = tickers.headlineFeeds
    }
    state.body = BodyCore(
      state.document, candidates: candidates, boundaries: boundaries, headlineFeeds: feeds,
      teaserLists: teasers)
    // The `keep` rules with a body or shape condition ("after-body") could not be read before
    // the core was found; the zones and the line rules, which come next, respect them.
    guard !state.keepLevel.isEmpty else { return }
    state.raiseKeepLevels(structureOnly: true)
  }

  /// The short lines of words (no code, no list item, no table row) whose text comes back at
  /// least `Settings.repeatedLabelCount` times among the candidates: the "Reply" of each
  /// comment, the "Read more" of each teaser. Items repeat, an article's own lines do not; each
  /// one parts the items like a zone's first line.
  private static func repeatedLabels(in document: Document, _ candidates: [Int]) -> [Int] {
    var counts: [UInt64: Int] = [:]
    var keyed: [(line: Int, key: UInt64)] = []
    for line in candidates {
      let shape = document.shapes[line]
      let lineClass = document.classes[line]
      guard lineClass == .short || lineClass == .junk, shape.words > 0, !shape.looksLikeCode,
        !shape.isListItem, !shape.isTableRow
      else { continue }
      var hasher = LineHasher()
      for byte in Whitespace.trimmed(document.content(line)) { hasher.add(byte) }
      let key = hasher.finalised
      counts[key, default: 0] += 1
      keyed.append((line, key))
    }
    return keyed.filter { counts[$0.key, default: 0] >= Settings.repeatedLabelCount }.map(\.line)
  }
}
