/// Shortcuts through an automaton's output chains, so a scanner visits few keys per position.
///
/// The keys that end where the automaton stands are its state's own key and those of the states
/// down its output links (longer first). Most are no use at most positions:
/// - a key whose patterns are all anchored at the line start (`starts-with`, `equals`) can only
///   match as the state's own key (only the state itself spells the whole line so far);
/// - one whose patterns are all anchored at the line end only matches at the end;
/// - a literal that needs a word boundary after it cannot end between two word characters.
///
/// So the scanner checks the state's own key, then follows `floatingBelow` (states whose key has
/// an unanchored pattern), and walks the whole chain once, at the line end.
struct OutputChains: Sendable {
  /// Per state: its own key has a pattern anchored at neither end of the line.
  let isFloating: [Bool]
  /// Per state: the next state down its output links that `isFloating`, or -1.
  let floatingBelow: [Int32]
  /// Per state: its own key and every key down `floatingBelow` stand only for literal patterns
  /// that need a word boundary after the key, so none can end between two word characters.
  let needsEndBoundary: [Bool]
  /// Per state whose own keys are all anchored and with no floating state below it: the folded
  /// offset its keys end at when they start the line (their length; 0 when it has no own key),
  /// the only place away from the line end where one of them can match. -1 for the other
  /// states. A start-anchored key that is a common word ("by") occurs all along body text, and
  /// each occurrence is then passed over without a walk.
  let anchoredEnd: [Int32]

  /// Computes the shortcuts of `automaton`, whose key `k` stands for `patternsOfKey[k]`.
  init(_ automaton: ByteAutomaton, patternsOfKey: [[Int32]], patterns: [CompiledPattern]) {
    let states = automaton.stateCount
    var isFloating = [Bool](repeating: false, count: states)
    var ownNeedsBoundary = [Bool](repeating: true, count: states)
    for state in 0..<states {
      for key in automaton.ownKeys(of: state) {
        for index in patternsOfKey[Int(key)] {
          let pattern = patterns[Int(index)]
          if !pattern.keyStartsLine && !pattern.keyEndsLine { isFloating[state] = true }
          if !pattern.isLiteral || pattern.options.contains(.insideWords) {
            ownNeedsBoundary[state] = false
          }
        }
      }
    }
    // Both tables are resolved from the bottom of each chain up, so each state is computed once
    // from the answer of the state below it (a shorter suffix).
    var floatingBelow = [Int32](repeating: -1, count: states)
    var known = [Bool](repeating: false, count: states)
    var pending: [Int] = []
    for state in 0..<states where !known[state] {
      var current = state
      while current >= 0, !known[current] {
        pending.append(current)
        current = automaton.outputLink(of: current)
      }
      while let next = pending.popLast() {
        let link = automaton.outputLink(of: next)
        floatingBelow[next] = link < 0 || isFloating[link] ? Int32(link) : floatingBelow[link]
        known[next] = true
      }
    }
    // 0: not known yet, 1: false, 2: true.
    var answer = [UInt8](repeating: 0, count: states)
    for state in 0..<states where answer[state] == 0 {
      var current = state
      while current >= 0, answer[current] == 0 {
        pending.append(current)
        current = Int(floatingBelow[current])
      }
      var below = current < 0 || answer[current] == 2
      while let next = pending.popLast() {
        below = below && ownNeedsBoundary[next]
        answer[next] = below ? 2 : 1
      }
    }
    self.anchoredEnd = (0..<states).map { state in
      guard !isFloating[state], floatingBelow[state] < 0 else { return -1 }
      // The keys that end in one state all have its depth as their length.
      return automaton.ownKeys(of: state).first.map { automaton.keyLengths[Int($0)] } ?? 0
    }
    self.isFloating = isFloating
    self.floatingBelow = floatingBelow
    self.needsEndBoundary = answer.map { $0 == 2 }
  }
}
