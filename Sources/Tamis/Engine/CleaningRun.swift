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
    case meta(rule: Int, hit: LineHit)
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

  /// Scans every non-blank line once with the compiled matcher.
  mutating func scanLines() {
    var scanner = LineScanner(compiled)
    let count = lineIndex.lines.count
    hits = Array(repeating: [], count: count)
    ordinals = Array(repeating: -1, count: count)
    for index in 0..<count {
      let text = content(index)
      if LineIndex.isBlank(text) { continue }
      ordinals[index] = nonBlankCount
      nonBlankCount += 1
      hits[index] = scanner.scan(text)
    }
  }
}
