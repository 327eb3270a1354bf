/// The state of cleaning one document, step by step: scan, select packs, zones, lines, output.
///
/// Each step is in its own file (`CleaningRun+…`). The run only reads the document's bytes;
/// every output string is cut from them.
struct CleaningRun {
  /// What the run decided for one line.
  enum Fate {
    case blank
    case body
    case caption(rule: Int, hit: LineHit)
    /// A lone credit whose caption text is line `textLine`.
    case credit(rule: Int, hit: LineHit, textLine: Int)
    /// A body line that became the text of the caption whose credit is on `creditLine`.
    case captionText(creditLine: Int)
    /// The winning meta rule and hit first, then the other meta hits of the line, which may
    /// fill fields the winner does not capture.
    case meta(rule: Int, hits: [LineHit])
    case removed(rule: Int)
  }

  let compiled: CompiledRuleSet
  let bytes: UnsafeBufferPointer<UInt8>
  let options: CleaningOptions
  let lineIndex: LineIndex

  /// Pattern hits per line.
  var hits: [[LineHit]] = []
  /// The 0-based index of each line among the non-blank lines (-1 for blank lines).
  var ordinals: [Int] = []
  var nonBlankCount = 0
  /// The dump's language: given in the options, detected, or nil when unknown.
  var language: String?
  /// Per pack: whether it applies to this document.
  var activePacks: [Bool] = []
  /// Per pack: false when it is known before scanning not to apply (a generic pack of another
  /// language).
  var packMayApply: [Bool] = []
  /// Per line: the highest specificity of a `keep` rule that protects it (-1: none).
  var keepLevel: [Int] = []
  /// Per line: the zone rule that removes it, if any.
  var zoneRule: [Int?] = []
  /// Per line: its fate, and spans to strip (strip-span rule and hit) for body lines.
  var fates: [Fate] = []
  var strips: [[(rule: Int, span: Range<Int>)]] = []

  init(compiled: CompiledRuleSet, bytes: UnsafeBufferPointer<UInt8>, options: CleaningOptions) {
    self.compiled = compiled
    self.bytes = bytes
    self.options = options
    self.lineIndex = LineIndex(bytes)
  }

  /// The content bytes of line `index`.
  func content(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let line = lineIndex.lines[index]
    return UnsafeBufferPointer(rebasing: bytes[line.content])
  }

  /// Runs every step up to the lines' fates, which `assemble` turns into the article.
  mutating func decideFates() {
    prepare()
    scanLines()
    selectPacks()
    resolveZones()
    resolveLines()
  }

  /// Counts the non-blank lines and settles what is known before scanning: the language (so
  /// the generic packs of other languages are off) and each line's position among the
  /// non-blank lines (for the zone conditions).
  mutating func prepare() {
    language = options.language ?? LanguageDetector.detect(bytes)
    ordinals = Array(repeating: -1, count: lineIndex.lines.count)
    for index in lineIndex.lines.indices where !LineIndex.isBlank(content(index)) {
      ordinals[index] = nonBlankCount
      nonBlankCount += 1
    }
    packMayApply = compiled.ruleSet.packs.map { pack in
      guard case .generic(let packLanguage) = pack.scope else { return true }
      guard let language, let packLanguage else { return true }
      return language == packLanguage
    }
  }

  /// Dumps smaller than this are scanned on the calling thread whatever `jobs` says.
  static let parallelThreshold = 1 << 20

  /// Scans every non-blank line once with the compiled matcher, on several threads for a large
  /// dump (each thread takes whole chunks of lines, so the result does not depend on `jobs`).
  /// Patterns whose rule cannot act on a line (pack off, conditions false) are not checked.
  mutating func scanLines() {
    let count = lineIndex.lines.count
    let jobs = max(1, options.jobs)
    let context = ScanContext(
      compiled: compiled, ordinals: ordinals, nonBlankCount: nonBlankCount,
      packMayApply: packMayApply)
    if jobs == 1 || bytes.count < Self.parallelThreshold {
      hits = Self.scan(context, bytes, lineIndex.lines, 0..<count)
    } else {
      let chunkSize = max(256, count / (jobs * 8))
      let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
      let lines = lineIndex.lines
      // The dump outlives every worker: `Parallel.map` returns only when all are done.
      nonisolated(unsafe) let bytes = bytes
      hits = Parallel.map(chunks, jobs: jobs) { range in
        ChunkResult(hits: Self.scan(context, bytes, lines, range))
      }.flatMap(\.hits)
    }
  }

  /// The hits of lines `range` (none for blank lines).
  private static func scan(
    _ context: ScanContext, _ bytes: UnsafeBufferPointer<UInt8>, _ lines: [LineIndex.Line],
    _ range: Range<Int>
  ) -> [[LineHit]] {
    var scanner = LineScanner(context.compiled)
    return range.map { index in
      let ordinal = context.ordinals[index]
      guard ordinal >= 0 else { return [] }
      let text = UnsafeBufferPointer(rebasing: bytes[lines[index].content])
      var words: Int?
      return scanner.scan(text) { pattern in
        context.mayApply(pattern, ordinal: ordinal, line: text, words: &words)
      }
    }
  }
}

/// What a scan knows of the document before it starts, to rule out patterns per line.
///
/// A class: each line's scan captures it, and a struct would retain every array of it (and of
/// the compiled rule set) per line.
final class ScanContext: Sendable {
  let compiled: CompiledRuleSet
  let ordinals: [Int]
  let nonBlankCount: Int
  let packMayApply: [Bool]

  init(compiled: CompiledRuleSet, ordinals: [Int], nonBlankCount: Int, packMayApply: [Bool]) {
    self.compiled = compiled
    self.ordinals = ordinals
    self.nonBlankCount = nonBlankCount
    self.packMayApply = packMayApply
  }

  /// False when pattern `index` cannot act on the line: its rule's pack is off, or one of its
  /// conditions fails there. Detectors always may; block ends follow their pack only (the
  /// engine reads them without the rule's conditions). `words` caches the line's word count.
  func mayApply(
    _ index: Int, ordinal: Int, line: UnsafeBufferPointer<UInt8>, words: inout Int?
  ) -> Bool {
    switch compiled.patterns[index].owner {
    case .detector: return true
    case .blockEnd(let rule): return packMayApply[compiled.rules[rule].pack]
    case .rule(let rule):
      guard packMayApply[compiled.rules[rule].pack] else { return false }
      for condition in compiled.rules[rule].conditions
      where !CleaningRun.holds(
        condition, ordinal: ordinal, nonBlankCount: nonBlankCount, line: line, words: &words)
      {
        return false
      }
      return true
    }
  }
}

/// The hits of one chunk of lines, carried back from a worker thread.
private struct ChunkResult: @unchecked Sendable {
  // `LineHit` holds only value types; the wrapper exists because tuples in it are not
  // declared Sendable.
  var hits: [[LineHit]]
}
