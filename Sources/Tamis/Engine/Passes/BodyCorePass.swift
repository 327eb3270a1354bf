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
    var boundaries: Set<Int> = []
    var hardBoundaries: Set<Int> = []
    for line in 0..<state.document.lineCount where !state.document.isBlank(line) {
      // A learned line is boilerplate by its repetition, as a drop-line's line is by its phrase.
      var claimed = !state.learnedMatch.isEmpty && state.learnedMatch[line] != nil
      for hit in state.hits[line] {
        guard case .rule(let index) = compiled[pattern: hit.pattern].owner,
          !compiled[rule: index].conditions.contains(where: \.needsStructure),
          state.applies(index, toLine: line)
        else { continue }
        switch compiled[rule: index].rule.action.kind {
        case .caption, .credit, .meta, .dropLine: claimed = true
        case .dropRun, .dropBlock, .dropUntil: boundaries.insert(line)
        case .dropFrom: hardBoundaries.insert(line)
        case .stripSpan, .dropTail, .keep: break
        }
      }
      // A zone's first line stays a candidate even when a line rule takes it too: the core
      // must see every boundary.
      if !claimed || boundaries.contains(line) || hardBoundaries.contains(line) {
        candidates.append(line)
      }
    }
    state.body = BodyCore(
      state.document, candidates: candidates, boundaries: boundaries,
      hardBoundaries: hardBoundaries)
  }
}
