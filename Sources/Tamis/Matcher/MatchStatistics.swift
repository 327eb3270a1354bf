/// Operation counts of a scan, so tests can check that matching cost grows linearly with the
/// input whatever the rule set (counts, unlike seconds, do not depend on the machine).
struct MatchStatistics: Sendable, Hashable {
  /// Folded bytes fed to the automata: one table step each.
  var automatonSteps = 0
  /// Keys looked at on output chains (each key ending at a position where a hit was recorded).
  var keyVisits = 0
  /// Output chains skipped whole, because a word character follows them or because only
  /// anchored keys end there, away from where they can match (one check each).
  var chainsSkipped = 0
  /// Pattern occurrences checked against anchors, word boundaries and `exact`.
  var candidateChecks = 0
  /// Bytes folded a second time, with their source offsets, on lines that have candidates.
  var refoldedBytes = 0
  /// Patterns the caller ruled out on a line (their rule cannot act there), settled unchecked.
  var patternsRuledOut = 0
  /// Templates matched against a line (at most once per template and line).
  var templateTries = 0
  /// Text bytes the template literal searches stepped over, and bytes they compared in place.
  var templateComparisons = 0

  /// Every count added up: the work done, in units of roughly constant cost.
  var total: Int {
    automatonSteps + keyVisits + chainsSkipped + candidateChecks + patternsRuledOut
      + refoldedBytes + templateTries + templateComparisons
  }
}

extension CompiledRuleSet {
  /// Scans every non-blank line of `bytes` as cleaning does, and counts the work.
  func statistics(scanning bytes: UnsafeBufferPointer<UInt8>) -> MatchStatistics {
    var scanner = LineScanner(self)
    for line in LineIndex(bytes).lines {
      let text = UnsafeBufferPointer(rebasing: bytes[line.content])
      if !Whitespace.isBlank(text) { _ = scanner.scan(text) }
    }
    return scanner.statistics
  }
}
