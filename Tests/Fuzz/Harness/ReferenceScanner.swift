// The line scanner as it was before issue 7 (commit 2d87883, with today's OffsetCollector),
// kept as the reference the `scanner` fuzz target compares the current one with (both must
// report the same hits in the same order) and Tests/Fuzz/bench.sh times it against.

/// Scans lines with a compiled rule set. Holds reusable buffers, so make one per thread.
///
/// The hot path folds a line straight into the automaton without storing the folded text. Only
/// a line on which some key occurs is folded again, into a buffer with source offsets, to check
/// anchors, word boundaries and templates.
struct ReferenceLineScanner {
  let compiled: CompiledRuleSet
  private var folded = OffsetCollector()
  private var candidates: [(pattern: Int, end: Int)] = []
  private var seen: [Bool]
  private var pendingHits: [(offset: Int32, end: Int)] = []
  private var lineLength = 0

  /// Creates a scanner for a compiled rule set.
  init(_ compiled: CompiledRuleSet) {
    self.compiled = compiled
    self.seen = [Bool](repeating: false, count: compiled.patterns.count)
  }

  /// Every pattern that matches `line` (its bytes, without the terminator), in pattern order for
  /// each view. Strip-span patterns report every non-overlapping occurrence, others the first.
  mutating func scan(_ line: UnsafeBufferPointer<UInt8>) -> [LineHit] {
    var hits: [LineHit] = []
    for view in compiled.views {
      scan(line, view: view, into: &hits)
    }
    return hits
  }

  private mutating func scan(
    _ line: UnsafeBufferPointer<UInt8>, view: CompiledRuleSet.View, into hits: inout [LineHit]
  ) {
    lineLength = view.automaton.withFeeder { feeder in
      swap(&feeder.hits, &pendingHits)
      feeder.reset()
      view.folder.fold(line, into: &feeder)
      swap(&feeder.hits, &pendingHits)
      return feeder.position
    }
    guard !pendingHits.isEmpty else { return }
    candidates.removeAll(keepingCapacity: true)
    let foldedLength = lineLength
    for hit in pendingHits {
      view.automaton.reportKeys(endingAt: hit.offset, end: hit.end) { key, end in
        let keyLength = Int(view.automaton.keyLengths[key])
        for pattern in view.patternsOfKey[key] {
          // Anchors can be checked on positions alone: most key occurrences in body text fail
          // here, and the line need not be folded again.
          let compiled = compiled.patterns[Int(pattern)]
          if compiled.keyStartsLine && end != keyLength { continue }
          if compiled.keyEndsLine && end != foldedLength { continue }
          candidates.append((Int(pattern), end))
        }
      }
    }
    guard !candidates.isEmpty else { return }
    folded.reset(forInputCount: line.count)
    view.folder.fold(line, into: &folded)
    var lastSpanEnd: [Int: Int] = [:]
    for (patternIndex, end) in candidates {
      let pattern = compiled.patterns[patternIndex]
      let every = compiled.collectsEveryOccurrence[patternIndex]
      if seen[patternIndex] && !every { continue }
      // A template is matched against the whole line, so one try per line is enough; retrying
      // at every occurrence of its key would make long lines quadratic.
      if !pattern.isLiteral { seen[patternIndex] = true }
      let text = folded.bytes
      var comparisons = 0
      let match: FoldedMatch? =
        pattern.isLiteral
        ? (pattern.acceptsLiteral(in: text, range: (end - pattern.key.count)..<end)
          ? FoldedMatch(
            range: (end - pattern.key.count)..<end, holes: [],
            literals: [(end - pattern.key.count)..<end]) : nil)
        : pattern.matchTemplate(in: text, comparisons: &comparisons)
      guard let match else { continue }
      if every, let previous = lastSpanEnd[patternIndex], match.range.lowerBound < previous {
        continue
      }
      if pattern.options.contains(.exact), !isExact(match, pattern, line) { continue }
      seen[patternIndex] = true
      lastSpanEnd[patternIndex] = match.range.upperBound
      hits.append(
        LineHit(
          pattern: PatternIndex(value: patternIndex), span: sourceRange(match.range),
          holes: match.holes.map { Capture(name: $0.name, range: sourceRange($0.range)) }))
    }
    for (patternIndex, _) in candidates { seen[patternIndex] = false }
  }

  /// Maps a range of folded bytes back to the line's own bytes.
  private func sourceRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else { return 0..<0 }
    return folded.start(range.lowerBound)..<folded.end(range.upperBound - 1)
  }

  private static let zeroWidth: Set<UInt32> = [
    0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
  ]

  /// True when every literal of the match is written in the input exactly as in the pattern.
  private func isExact(
    _ match: FoldedMatch, _ pattern: CompiledPattern, _ line: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for (range, expected) in zip(match.literals, pattern.exactLiterals) {
      let source = sourceRange(range)
      var text = String(decoding: UnsafeBufferPointer(rebasing: line[source]), as: UTF8.self)
      // Zero-width characters are ignored even under `exact`, as folding ignores them.
      text.unicodeScalars.removeAll { Self.zeroWidth.contains($0.value) }
      if Whitespace.trimmed(text) != expected { return false }
    }
    return true
  }
}
