extension BodyCore {
  /// Marks the runs of headlines well above the core, in one pass over the candidates: at least
  /// `Settings.headlineRunLines` candidate lines in a row that read as headlines (no date, no
  /// list item, table row or code, no `:` at the end, 2 to `Settings.headlineRunWords` words, at
  /// most one number, and either in title case or neither prose nor ending like a sentence),
  /// the whole run more than `Settings.farBeforeLines` non-blank lines above the core's first
  /// line. A one-word kicker ("Opinion") or a zone's first line ("Top Stories") between two
  /// headlines neither counts nor ends the run. A run holding a line that the core prints again is the article's table of
  /// contents (its entries come back as the core's subheadings) and is not marked.
  ///
  /// A page's head lists other stories' headlines one under the other; a teaser's sentence
  /// between such lists does not make them the article's, as it does for `far-before-body`.
  static func headlineRuns(
    _ document: Document, _ candidates: [Int], _ boundaries: ZoneBoundaries,
    core: ClosedRange<Int>
  ) -> [Bool] {
    let shapes = document.shapes
    let classes = document.classes
    let limit = document.ordinals[core.lowerBound] - Settings.farBeforeLines
    func isHeadline(_ line: Int) -> Bool {
      let shape = shapes[line]
      // A title-case line is a headline even when it ends like a sentence ("… Will That Last?").
      let titled = shape.titleShare >= Settings.menuTitleShare
      // A line ending with `:` introduces what follows ("'GMA' Cookie Search:"): no headline.
      return classes[line] != .junk && !shape.endsWithColon
        && (titled || (classes[line] != .prose && !shape.endsLikeSentence))
        && !shape.isListItem && !shape.isTableRow && !shape.looksLikeCode
        && (2...Settings.headlineRunWords).contains(shape.words) && shape.numericTokens <= 1
    }
    var runs: [[Int]] = []
    var run: [Int] = []
    func close() {
      if run.count >= Settings.headlineRunLines { runs.append(run) }
      run = []
    }
    for line in candidates {
      if document.ordinals[line] >= limit { break }
      if isHeadline(line), !boundaries.isZoneStart(line) {
        run.append(line)
      } else if !run.isEmpty,
        boundaries.isZoneStart(line) || (shapes[line].words <= 1 && classes[line] == .short)
      {
        // A one-word kicker ("Breakingviews") or a zone's first line ("Top Stories",
        // "Advertisement") between headlines neither counts nor ends the run.
        continue
      } else {
        close()
      }
    }
    close()
    var marks = [Bool](repeating: false, count: document.lineCount)
    guard !runs.isEmpty else { return marks }
    func key(_ line: Int) -> UInt64 {
      var hasher = LineHasher()
      for byte in Whitespace.trimmed(document.content(line)) { hasher.add(byte) }
      return hasher.finalised
    }
    var inCore = Set<UInt64>()
    for line in core where !document.isBlank(line) { inCore.insert(key(line)) }
    for run in runs where !run.contains(where: { inCore.contains(key($0)) }) {
      for line in run { marks[line] = true }
    }
    return marks
  }
}
