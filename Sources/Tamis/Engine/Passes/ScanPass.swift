/// Scans every non-blank line once with the compiled matcher and records its pattern hits.
///
/// A large dump is scanned on several threads (each takes whole chunks of lines, so the result
/// does not depend on `jobs`). Patterns whose rule cannot act on a line (its pack is off for the
/// dump's language, or a condition fails) are not checked.
struct ScanPass: CleaningPass {
  func apply(to state: inout CleaningState) {
    let document = state.document
    let language = document.language
    state.packMayApply = state.compiled.packScopes.map { scope in
      guard case .generic(let packLanguage) = scope else { return true }
      guard let language, let packLanguage else { return true }
      return language == packLanguage
    }
    let count = document.lineCount
    let jobs = max(1, state.options.jobs)
    let context = ScanContext(
      compiled: state.compiled, ordinals: document.ordinals, words: document.words,
      nonBlankCount: document.nonBlankCount, packMayApply: state.packMayApply)
    let bytes = document.bytes
    let lines = document.lineIndex.lines
    if jobs == 1 || bytes.count < Settings.parallelScanBytes {
      state.hits = Self.scan(context, bytes, lines, 0..<count)
    } else {
      let chunkSize = max(256, count / (jobs * 8))
      let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
      // The dump outlives every worker: `Parallel.map` returns only when all are done.
      nonisolated(unsafe) let bytes = bytes
      state.hits = Parallel.map(chunks, jobs: jobs) { range in
        Self.scan(context, bytes, lines, range)
      }.flatMap { $0 }
    }
  }

  /// The hits of lines `range` (none for blank lines).
  private static func scan(
    _ context: ScanContext, _ bytes: UnsafeBufferPointer<UInt8>, _ lines: [LineIndex.Line],
    _ range: Range<Int>
  ) -> [[LineHit]] {
    var scanner = LineScanner(context.compiled)
    let hits = range.map { index in
      let ordinal = context.ordinals[index]
      guard ordinal >= 0 else { return [LineHit]() }
      let text = UnsafeBufferPointer(rebasing: bytes[lines[index].content])
      return scanner.scan(text) { pattern in
        context.mayApply(pattern, line: index, text: text)
      }
    }
    scanner.recycle()
    return hits
  }
}

/// What a scan knows of the document before it starts, to rule out patterns per line.
///
/// A class: each line's scan captures it, and a struct would retain every array of it (and of
/// the compiled rule set) per line.
final class ScanContext: Sendable {
  let compiled: CompiledRuleSet
  let ordinals: [Int]
  let words: [Int]
  let nonBlankCount: Int
  let packMayApply: [Bool]

  init(
    compiled: CompiledRuleSet, ordinals: [Int], words: [Int], nonBlankCount: Int,
    packMayApply: [Bool]
  ) {
    self.compiled = compiled
    self.ordinals = ordinals
    self.words = words
    self.nonBlankCount = nonBlankCount
    self.packMayApply = packMayApply
  }

  /// False when pattern `index` cannot act on line `line` (whose bytes are `text`): its rule's
  /// pack is off, or one of its conditions fails there (the structure conditions, unknown before
  /// the body core is found, may hold). Detectors always may; block ends follow
  /// their pack only (the engine reads them without the rule's conditions).
  func mayApply(_ index: PatternIndex, line: Int, text: UnsafeBufferPointer<UInt8>) -> Bool {
    // The owner is read from the pattern's facts: reading the pattern copies it.
    switch compiled.patternFacts[index.value].owner {
    case .detector: return true
    case .blockEnd(let rule): return packMayApply[compiled[rule: rule].pack]
    case .rule(let rule):
      guard packMayApply[compiled[rule: rule].pack] else { return false }
      for condition in compiled[rule: rule].conditions
      where condition.holds(
        ordinal: ordinals[line], nonBlankCount: nonBlankCount, words: words[line], text: text)
        == false
      {
        return false
      }
      return true
    }
  }
}
