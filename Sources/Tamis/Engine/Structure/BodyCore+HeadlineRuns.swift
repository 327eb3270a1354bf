extension BodyCore {
  /// Marks the runs of headlines well above the core, in one pass over the candidates: at least
  /// `Settings.headlineRunLines` candidate lines in a row that read as headlines (no prose, no
  /// date, no sentence end, no list item, 2 to `Settings.headlineRunWords` words, at most one
  /// number), the whole run more than `Settings.farBeforeLines` non-blank lines above the core's
  /// first line. A run holding a line that the core prints again is the article's table of
  /// contents (its entries come back as the core's subheadings) and is not marked.
  ///
  /// A page's head lists other stories' headlines one under the other; a teaser's sentence
  /// between such lists does not make them the article's, as it does for `far-before-body`.
  static func headlineRuns(
    _ document: Document, _ candidates: [Int], core: ClosedRange<Int>
  ) -> [Bool] {
    let shapes = document.shapes
    let classes = document.classes
    let limit = document.ordinals[core.lowerBound] - Settings.farBeforeLines
    func isHeadline(_ line: Int) -> Bool {
      let shape = shapes[line]
      return classes[line] != .prose && classes[line] != .junk && !shape.endsLikeSentence
        && !shape.isListItem && !shape.isTableRow && !shape.looksLikeCode
        && (2...Settings.headlineRunWords).contains(shape.words) && shape.numericTokens <= 1
    }
    var runs: [Range<Int>] = []
    var start = -1
    for (k, line) in candidates.enumerated() {
      if document.ordinals[line] >= limit {
        if start >= 0, k - start >= Settings.headlineRunLines { runs.append(start..<k) }
        start = -1
        break
      }
      if isHeadline(line) {
        if start < 0 { start = k }
      } else {
        if start >= 0, k - start >= Settings.headlineRunLines { runs.append(start..<k) }
        start = -1
      }
    }
    if start >= 0, candidates.count - start >= Settings.headlineRunLines {
      runs.append(start..<candidates.count)
    }
    var marks = [Bool](repeating: false, count: document.lineCount)
    guard !runs.isEmpty else { return marks }
    func key(_ line: Int) -> UInt64 {
      var hasher = LineHasher()
      for byte in Whitespace.trimmed(document.content(line)) { hasher.add(byte) }
      return hasher.finalised
    }
    var inCore = Set<UInt64>()
    for line in core where !document.isBlank(line) { inCore.insert(key(line)) }
    for run in runs {
      let lines = candidates[run]
      guard !lines.contains(where: { inCore.contains(key($0)) }) else { continue }
      for line in lines { marks[line] = true }
    }
    return marks
  }
}
