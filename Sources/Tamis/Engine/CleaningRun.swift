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

  /// Dumps smaller than this are scanned on the calling thread whatever `jobs` says.
  static let parallelThreshold = 1 << 20

  /// Scans every non-blank line once with the compiled matcher, on several threads for a large
  /// dump (each thread takes whole chunks of lines, so the result does not depend on `jobs`).
  mutating func scanLines() {
    let count = lineIndex.lines.count
    let jobs = max(1, options.jobs)
    var perLine: [[LineHit]?]
    if jobs == 1 || bytes.count < Self.parallelThreshold {
      perLine = Self.scan(compiled, bytes, lineIndex.lines[...])
    } else {
      let chunkSize = max(256, count / (jobs * 8))
      let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
      let compiled = compiled
      let lines = lineIndex.lines
      // The dump outlives every worker: `Parallel.map` returns only when all are done.
      nonisolated(unsafe) let bytes = bytes
      perLine = Parallel.map(chunks, jobs: jobs) { range in
        ChunkResult(hits: Self.scan(compiled, bytes, lines[range]))
      }.flatMap(\.hits)
    }
    hits = Array(repeating: [], count: count)
    ordinals = Array(repeating: -1, count: count)
    for index in 0..<count {
      guard let lineHits = perLine[index] else { continue }
      ordinals[index] = nonBlankCount
      nonBlankCount += 1
      hits[index] = lineHits
    }
  }

  /// The hits of each line (nil for a blank line).
  private static func scan(
    _ compiled: CompiledRuleSet, _ bytes: UnsafeBufferPointer<UInt8>,
    _ lines: ArraySlice<LineIndex.Line>
  ) -> [[LineHit]?] {
    var scanner = LineScanner(compiled)
    return lines.map { line in
      let text = UnsafeBufferPointer(rebasing: bytes[line.content])
      return LineIndex.isBlank(text) ? nil : scanner.scan(text)
    }
  }
}

/// The hits of one chunk of lines, carried back from a worker thread.
private struct ChunkResult: @unchecked Sendable {
  // `LineHit` holds only value types; the wrapper exists because tuples in it are not
  // declared Sendable.
  var hits: [[LineHit]?]
}
