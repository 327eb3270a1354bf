/// One dump as every cleaning pass sees it: its bytes, its lines, and what is known of each line
/// before any rule runs (blank or not, its position among the non-blank lines, its words).
///
/// Built once per dump and never changed; the passes read it and record their decisions in
/// `CleaningState`. Not to be confused with the rule model in `Model/`.
struct Document {
  /// The dump's bytes, owned by the caller for the whole cleaning.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The lines as byte ranges.
  let lineIndex: LineIndex
  /// Per line: its 0-based position among the non-blank lines, or -1 for a blank line.
  let ordinals: [Int]
  /// How many lines are not blank.
  let nonBlankCount: Int
  /// Per line: its number of words (`LineMetrics.words`), 0 for a blank line.
  let words: [Int]
  /// The dump's language: given by the caller, detected, or nil when it cannot be told.
  let language: String?
  /// Per line: its shape (`LineShape`), when the structure layer runs; else empty.
  let shapes: [LineShape]
  /// Per line: its class (`LineClass`) from its shape, when the structure layer runs; else
  /// empty.
  let classes: [LineClass]

  /// Reads the lines of `bytes` and settles the dump's language (`language`, or detected);
  /// with `measuresShapes`, measures each line's shape for the body-core model.
  init(bytes: UnsafeBufferPointer<UInt8>, language: String?, measuresShapes: Bool = false) {
    self.bytes = bytes
    let lineIndex = LineIndex(bytes)
    self.lineIndex = lineIndex
    self.language = language ?? LanguageDetector.detect(bytes)
    let stopWords = measuresShapes ? self.language.flatMap { StopWordSet.byLanguage[$0] } : nil
    let shapes =
      measuresShapes ? LineShape.measure(lineIndex.lines, of: bytes, stopWords: stopWords) : []
    var ordinals = [Int](repeating: -1, count: lineIndex.lines.count)
    var words = [Int](repeating: 0, count: lineIndex.lines.count)
    var nonBlankCount = 0
    for (index, line) in lineIndex.lines.enumerated() {
      let content = UnsafeBufferPointer(rebasing: bytes[line.content])
      guard !Whitespace.isBlank(content) else { continue }
      ordinals[index] = nonBlankCount
      // The shape's walk counted the words already (the same count, `LineShapeEquivalenceTests`).
      words[index] = measuresShapes ? shapes[index].spacedWords : LineMetrics.words(in: content)
      nonBlankCount += 1
    }
    self.ordinals = ordinals
    self.words = words
    self.nonBlankCount = nonBlankCount
    self.shapes = shapes
    self.classes = shapes.map { LineClass($0, hasStopWords: stopWords != nil) }
  }

  /// True when the lines' shapes were measured (the structure layer runs).
  var hasShapes: Bool { !shapes.isEmpty || lineCount == 0 }

  /// The number of lines, blank ones included.
  var lineCount: Int { lineIndex.lines.count }

  /// True when line `index` holds only white space.
  func isBlank(_ index: Int) -> Bool { ordinals[index] < 0 }

  /// The content bytes of line `index`, terminator excluded.
  func content(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[lineIndex.lines[index].content])
  }

  /// `\r\n` or `\r` when the dump's first terminated line ends so, else `\n`.
  var terminator: String {
    for line in lineIndex.lines where !line.terminator.isEmpty {
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[line.terminator]), as: UTF8.self)
    }
    return "\n"
  }

  /// True for a short line that does not end like a sentence (no final `.`, `!`, `?`, `:`,
  /// `;`, `…` or closing quote): a headline in a list. At most `Settings.titleWords` words.
  func isTitleLike(_ line: Int) -> Bool {
    guard words[line] <= Settings.titleWords else { return false }
    let text = content(line)
    var last = text.count - 1
    while last >= 0, text[last] == 0x20 || text[last] == 0x09 { last -= 1 }
    guard last >= 0 else { return false }
    switch text[last] {
    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"),
      UInt8(ascii: ";"), UInt8(ascii: "\""):
      return false
    case 0xA6 where last >= 2 && text[last - 2] == 0xE2 && text[last - 1] == 0x80:
      return false  // … U+2026
    case 0xBB where last >= 1 && text[last - 1] == 0xC2:
      return false  // » U+00BB
    case 0x9D where last >= 2 && text[last - 2] == 0xE2 && text[last - 1] == 0x80:
      return false  // ” U+201D
    default:
      return true
    }
  }
}
