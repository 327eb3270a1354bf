/// A pattern that matched a line, located in the line's own bytes.
struct LineHit: Sendable {
  /// The pattern that matched.
  let pattern: PatternIndex
  /// The matched bytes, as offsets into the line (without its terminator). Only computed for
  /// patterns whose action needs it (templates, strip-span, exact); nil otherwise.
  let span: Range<Int>?
  /// What each hole captured.
  let holes: [Capture]
}

/// What one hole of a template captured on a line.
struct Capture: Sendable, Hashable {
  /// The hole's name (`credit` for `{credit}`).
  let name: String
  /// The captured bytes, as offsets into the line's content, trimmed.
  let range: Range<Int>
}

/// Scans lines with a compiled rule set. Holds reusable buffers, so make one per thread.
///
/// The hot path folds a line straight into the automaton without storing the folded text. Only
/// a line on which some key occurs is folded again, into a buffer with source offsets, to check
/// anchors, word boundaries and templates.
///
/// Cost per line: O(line length + keys visited), and few keys are visited per position. A
/// pattern that needs only its first match is *settled* once it has one (a template once it has
/// been tried: it is matched against the whole line), a key once all its patterns are, and a
/// state once its own key and every key down its `OutputChains.floatingBelow` links are; walks
/// stop at a settled state. Anchored keys are only looked at where they can match, and a chain
/// of literals that need a word boundary is skipped in one step inside a word (`OutputChains`).
/// So overlapping keys ("a", "a a", "a a a"…) cost one visit each per line, not one per key and
/// position. Keys still visited more than once are strip-span keys (each occurrence counts) and
/// unanchored keys whose occurrences fail the word boundary before them; those visits are
/// bounded by the number of distinct key lengths, which the phrase limit bounds.
struct LineScanner {
  let compiled: CompiledRuleSet
  /// `compiled.views[0]` and `[1]` (nil with one view), held here: reading them through the
  /// array of views retained the array and each view once per line.
  private let firstView: CompiledRuleSet.View
  private let secondView: CompiledRuleSet.View?
  private var folded = OffsetCollector()
  /// Per pattern: settled on the current line (no later occurrence can change its hit).
  private var settled: [Bool]
  /// Per view, per key (at `keyBase + key`, `keyBase` the view's index times the key count;
  /// the views share one automaton): every pattern of the key is settled.
  private var settledKeys: [Bool]
  /// Per view, per automaton state (at `stateBase + state`): its own key and every key down its
  /// floating links are.
  private var settledStates: [Bool]
  /// Where the current view's entries start in `settledKeys` and `settledStates`.
  private var keyBase = 0
  private var stateBase = 0
  /// What to clear before the next line (indices into the tables above).
  private var touchedPatterns: [Int] = []
  private var touchedKeys: [Int] = []
  private var touchedStates: [Int] = []
  /// The states of the current walk down an output chain: `walked[0..<walkedCount]` (the
  /// array is reused, never shrunk: emptying an array costs a call per walk).
  private var walked: [Int] = []
  private var walkedCount = 0
  /// Each view's key ends on the current line.
  private let keyEnds = KeyEndStorage()
  private var lineLength = 0
  private var isFolded = false
  private var lastSpanEnd: [Int: Int] = [:]
  /// Operation counts since the scanner was made.
  private(set) var statistics = MatchStatistics()

  /// Creates a scanner for a compiled rule set.
  init(_ compiled: CompiledRuleSet) {
    self.compiled = compiled
    firstView = compiled.views[0]
    secondView = compiled.views.count == 2 ? compiled.views[1] : nil
    let tables = compiled.scannerTables.take() ?? ScannerTables(for: compiled)
    self.settled = tables.settled
    self.settledKeys = tables.settledKeys
    self.settledStates = tables.settledStates
  }

  /// Gives the scanner's tables (all false between lines) back to its rule set's pool, for the
  /// next document's scanner; call it when the scanner is done.
  mutating func recycle() {
    compiled.scannerTables.give(
      ScannerTables(settled: settled, settledKeys: settledKeys, settledStates: settledStates))
    settled = []
    settledKeys = []
    settledStates = []
  }

  /// Every pattern that matches `line` (its bytes, without the terminator), per view in order
  /// of the key's end, then longer key first, then pattern order. Strip-span patterns report
  /// every non-overlapping occurrence, others the first.
  ///
  /// `mayApply(pattern)` lets the caller rule out patterns that cannot act on this line
  /// (a rule of a pack that is off, or whose conditions fail here): they are settled unchecked,
  /// so a common key whose only patterns are ruled out costs no template match and no refold.
  /// It is asked before a pattern is checked at an occurrence whose anchors hold.
  mutating func scan(
    _ line: UnsafeBufferPointer<UInt8>, where mayApply: (PatternIndex) -> Bool = { _ in true }
  ) -> [LineHit] {
    var hits: [LineHit] = []
    // One fold and one walk for both views (they share one automaton).
    let lengths = Self.walk(line, firstView, second: secondView, into: keyEnds)
    lineLength = lengths.first
    checkPending(
      line, view: firstView, index: 0, ends: keyEnds.first, mayApply: mayApply, into: &hits)
    if let secondView {
      lineLength = lengths.second
      checkPending(
        line, view: secondView, index: 1, ends: keyEnds.second, mayApply: mayApply, into: &hits)
    }
    for pattern in touchedPatterns { settled[pattern] = false }
    for key in touchedKeys { settledKeys[key] = false }
    for state in touchedStates { settledStates[state] = false }
    if !touchedPatterns.isEmpty { touchedPatterns.removeAll(keepingCapacity: true) }
    if !touchedKeys.isEmpty { touchedKeys.removeAll(keepingCapacity: true) }
    if !touchedStates.isEmpty { touchedStates.removeAll(keepingCapacity: true) }
    return hits
  }

  /// Folds and walks `line` for `first` and `second`, into `ends`. The automaton is read in
  /// place through the view (reading it through the array of views copied it, retaining each
  /// of its arrays, once per line).
  private static func walk(
    _ line: UnsafeBufferPointer<UInt8>, _ first: CompiledRuleSet.View,
    second: CompiledRuleSet.View?, into ends: KeyEndStorage
  ) -> (first: Int, second: Int) {
    first.automaton.walkFolded(
      line, first: first.folder.table, into: &ends.first, second: second?.folder.table,
      into: &ends.second)
  }

  /// Checks the key ends `ends` of one view, whose fold of `line` is `lineLength` bytes long.
  private mutating func checkPending(
    _ line: UnsafeBufferPointer<UInt8>, view: CompiledRuleSet.View, index viewIndex: Int,
    ends: KeyEndList, mayApply: (PatternIndex) -> Bool, into hits: inout [LineHit]
  ) {
    statistics.automatonSteps += lineLength
    guard ends.count > 0 else { return }
    // `view.automaton` and `view.chains` are read in place: a local copy would retain each of
    // their arrays once per line and view.
    keyBase = viewIndex * view.patternsOfKey.count
    stateBase = viewIndex * view.automaton.stateCount
    isFolded = false
    if !lastSpanEnd.isEmpty { lastSpanEnd.removeAll(keepingCapacity: true) }
    let decoder = view.automaton.codeDecoder
    var skipped = 0
    var hitIndex = 0
    while true {
      // Most key ends are of anchored keys that cannot match where they end: passed over in a
      // loop of their own, which holds its tables in registers.
      hitIndex = view.chains.anchoredEnd.withUnsafeBufferPointer { anchoredEnds in
        Self.nextCandidate(
          in: ends, from: hitIndex, lineLength: lineLength, decoder, anchoredEnds, &skipped)
      }
      guard hitIndex < ends.count else { break }
      defer { hitIndex &+= 1 }
      let end = ends.ends[hitIndex]
      let top = decoder.state(ends.codes[hitIndex])
      let atLineEnd = end == lineLength
      let first = hits.count
      if !settledStates[stateBase + top] {
        if isFolded, !atLineEnd, view.chains.needsEndBoundary[top], followsInsideWord(end) {
          statistics.chainsSkipped += 1
        } else {
          // The state's own key, then the floating keys below it, down to a settled state.
          walkedCount = 0
          var state = top
          while state >= 0, !settledStates[stateBase + state] {
            if walkedCount == walked.count {
              walked.append(state)
            } else {
              walked[walkedCount] = state
            }
            walkedCount += 1
            visitKeys(
              of: state, endingAt: end, line: line, view: view, viewIndex, mayApply, &hits)
            state = Int(view.chains.floatingBelow[state])
          }
          settleWalkedStates(view: view, viewIndex)
        }
      }
      if atLineEnd {
        // Keys anchored at both ends or at the line end alone are looked at only here.
        let floating = hits.count
        var state = view.automaton.outputLink(of: top)
        while state >= 0 {
          if !view.chains.isFloating[state] {
            visitKeys(
              of: state, endingAt: end, line: line, view: view, viewIndex, mayApply, &hits)
          }
          state = view.automaton.outputLink(of: state)
        }
        restoreChainOrder(&hits, first: first, floating: floating, view: view)
      }
    }
    statistics.chainsSkipped += skipped
  }

  /// The index of the first key end of `ends` from `start` on that may match (or `ends.count`),
  /// adding the number passed over to `skipped`: a key end is passed over when only anchored
  /// keys end in its state (`OutputChains.anchoredEnd`), away from the line end and from the
  /// offset where those keys would start the line.
  @inline(__always)
  private static func nextCandidate(
    in ends: KeyEndList, from start: Int, lineLength: Int, _ decoder: ByteAutomaton.CodeDecoder,
    _ anchoredEnds: UnsafeBufferPointer<Int32>, _ skipped: inout Int
  ) -> Int {
    let count = ends.count
    var index = start
    while index < count {
      let end = ends.ends[index]
      let anchoredEnd = Int(anchoredEnds[decoder.state(ends.codes[index])])
      if anchoredEnd < 0 || end == anchoredEnd || end == lineLength { break }
      index &+= 1
    }
    skipped &+= index &- start
    return index
  }

  /// Checks every unsettled pattern of `state`'s own key at one occurrence.
  private mutating func visitKeys(
    of state: Int, endingAt end: Int, line: UnsafeBufferPointer<UInt8>,
    view: CompiledRuleSet.View, _ viewIndex: Int, _ mayApply: (PatternIndex) -> Bool,
    _ hits: inout [LineHit]
  ) {
    for key32 in view.automaton.ownKeys(of: state) {
      let key = Int(key32)
      statistics.keyVisits += 1
      if settledKeys[keyBase + key] { continue }
      var keySettled = true
      let keyLength = Int(view.automaton.keyLengths[key])
      for slot in Int(view.keyPatternStart[key])..<Int(view.keyPatternStart[key + 1]) {
        let patternIndex = Int(view.keyPatterns[slot])
        if settled[patternIndex] { continue }
        // Anchors can be checked on positions alone: most key occurrences in body text fail
        // here, and the line need not be folded again.
        let facts = compiled.patternFacts[patternIndex]
        if (facts.keyStartsLine && end != keyLength) || (facts.keyEndsLine && end != lineLength) {
          keySettled = false
          continue
        }
        if !mayApply(PatternIndex(value: patternIndex)) {
          statistics.patternsRuledOut += 1
          settle(patternIndex)
          continue
        }
        if !isFolded {
          folded.reset(forInputCount: line.count)
          view.folder.fold(line, into: &folded)
          statistics.refoldedBytes += folded.bytes.count
          isFolded = true
        }
        check(patternIndex, endingAt: end, in: line, into: &hits)
        if !settled[patternIndex] { keySettled = false }
      }
      if keySettled {
        settledKeys[keyBase + key] = true
        touchedKeys.append(keyBase + key)
      }
    }
  }

  /// Settles the states of the last walk from the bottom up: a state is settled when its own
  /// keys are and the state below it is (as the one the walk stopped at, if any, is).
  private mutating func settleWalkedStates(view: CompiledRuleSet.View, _ viewIndex: Int) {
    var index = walkedCount
    settling: while index > 0 {
      index -= 1
      let last = walked[index]
      for key in view.automaton.ownKeys(of: last) where !settledKeys[keyBase + Int(key)] {
        break settling
      }
      settledStates[stateBase + last] = true
      touchedStates.append(stateBase + last)
    }
  }

  /// Puts the hits found at the line end back in output-chain order (longer key first), as one
  /// walk down the whole chain would have found them: `hits[first..<floating]` came from the
  /// floating walk and `hits[floating...]` from the anchored keys, each already in that order.
  private func restoreChainOrder(
    _ hits: inout [LineHit], first: Int, floating: Int, view: CompiledRuleSet.View
  ) {
    guard floating > first, floating < hits.count else { return }
    func length(_ hit: LineHit) -> Int { compiled[pattern: hit.pattern].key.count }
    var merged: [LineHit] = []
    var left = first
    var right = floating
    while left < floating || right < hits.count {
      if right == hits.count || (left < floating && length(hits[left]) >= length(hits[right])) {
        merged.append(hits[left])
        left += 1
      } else {
        merged.append(hits[right])
        right += 1
      }
    }
    hits.replaceSubrange(first..<hits.count, with: merged)
  }

  /// True when folded offset `end` falls between two word characters, so a literal that needs a
  /// word boundary there cannot end there.
  private func followsInsideWord(_ end: Int) -> Bool {
    let text = folded.bytes
    return CompiledPattern.isWordCharacter(text, endingAt: end)
      && CompiledPattern.isWordCharacter(text, startingAt: end)
  }

  /// Checks one occurrence of a pattern's key (ending at folded offset `end`), appends the hit
  /// when the pattern matches, and settles the pattern when no later occurrence can matter.
  private mutating func check(
    _ patternIndex: Int, endingAt end: Int, in line: UnsafeBufferPointer<UInt8>,
    into hits: inout [LineHit]
  ) {
    // The pattern itself is read only for a template or under `exact`: reading it copies it.
    let facts = compiled.patternFacts[patternIndex]
    let every = facts.collectsEveryOccurrence
    statistics.candidateChecks += 1
    // A template is matched against the whole line and gives the same answer at every
    // occurrence of its key, so it is tried once per line, strip-span or not (retrying it at
    // every occurrence made long lines quadratic).
    if !facts.isLiteral {
      settle(patternIndex)
      statistics.templateTries += 1
    }
    var comparisons = 0
    let text = folded.bytes
    let match: FoldedMatch?
    if facts.isLiteral {
      let range = (end - facts.keyLength)..<end
      match =
        CompiledPattern.acceptsLiteral(
          in: text, range: range, anchor: facts.anchor, insideWords: facts.insideWords)
        // The literal ranges are read only under `exact` (an array per hit otherwise).
        ? FoldedMatch(range: range, holes: [], literals: facts.isExact ? [range] : [])
        : nil
    } else {
      match = compiled.patterns[patternIndex].matchTemplate(in: text, comparisons: &comparisons)
    }
    statistics.templateComparisons += comparisons
    guard let match else { return }
    if every, let previous = lastSpanEnd[patternIndex], match.range.lowerBound < previous {
      return
    }
    if facts.isExact, !isExact(match, compiled.patterns[patternIndex], line) { return }
    if !every { settle(patternIndex) }
    // Only strip-span patterns read it back (a dictionary write per hit otherwise).
    if every { lastSpanEnd[patternIndex] = match.range.upperBound }
    hits.append(
      LineHit(
        pattern: PatternIndex(value: patternIndex), span: sourceRange(match.range),
        holes: match.holes.isEmpty
          ? [] : match.holes.map { Capture(name: $0.name, range: sourceRange($0.range)) }))
  }

  private mutating func settle(_ patternIndex: Int) {
    guard !settled[patternIndex] else { return }
    settled[patternIndex] = true
    touchedPatterns.append(patternIndex)
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
      let bytes = UnsafeBufferPointer(rebasing: line[source])
      // ASCII on both sides (nearly always): no zero-width character to drop, and the trim
      // and the comparison of the two strings are those of their bytes, so no string is built.
      // (A non-ASCII literal can equal ASCII text as a string: U+212A KELVIN SIGN is "K".)
      if bytes.allSatisfy({ $0 < 0x80 }), expected.utf8.allSatisfy({ $0 < 0x80 }) {
        let trimmed = Whitespace.trimmed(bytes)
        let equal =
          expected.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(trimmed) }
          ?? trimmed.elementsEqual(expected.utf8)
        if !equal { return false }
        continue
      }
      var text = String(decoding: bytes, as: UTF8.self)
      // Zero-width characters are ignored even under `exact`, as folding ignores them.
      text.unicodeScalars.removeAll { Self.zeroWidth.contains($0.value) }
      if Whitespace.trimmed(text) != expected { return false }
    }
    return true
  }
}
