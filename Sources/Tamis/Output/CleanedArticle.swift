/// The result of cleaning one dump: body, captions, meta fields and an account of every removal.
///
/// Invariant: every input line has one `LineOutcome`; each non-blank line is in the body (maybe
/// with stripped spans, each listed in `removals`), in `captions`, or in `removals`.
public struct CleanedArticle: Sendable, Hashable {
  /// The name of the input, for messages (`dump/0042.txt`, `<stdin>`).
  public var source: String
  /// The body: kept lines in input order, paragraphs separated by one blank line, using the
  /// input's own line terminators, without a final terminator.
  ///
  /// Kept as the input's bytes and decoded when read: the text and JSON Lines outputs write the
  /// bytes and never need the string. Setting it replaces the body (and `rawBody` becomes nil).
  public var body: String {
    get { storedBody.text }
    set { storedBody = Body(bytes: Array(newValue.utf8), isValidUTF8: true) }
  }
  /// Photo captions, in input order.
  public var captions: [Caption]
  /// Captured fields (`date`, `author`, `site`, …).
  public var meta: [String: String]
  /// Every line or span removed, in input order, with the rule that removed it.
  public var removals: [Removal]
  /// What happened to each input line, in order.
  public var outcomes: [LineOutcome]
  /// The line terminator the body uses (`\n` unless the input uses `\r\n` or `\r`).
  public var lineTerminator: String
  /// The body's own bytes when they are not valid UTF-8 (`body` shows U+FFFD in place of each
  /// invalid byte); nil when `body` holds them exactly.
  ///
  /// Setting bytes makes them the body (read with U+FFFD as `body`); setting nil keeps the body
  /// as `body` reads it.
  public var rawBody: [UInt8]? {
    get { storedBody.isValidUTF8 ? nil : storedBody.bytes }
    set {
      if let newValue {
        storedBody = Body(bytes: newValue, isValidUTF8: false)
      } else {
        body = storedBody.text
      }
    }
  }
  /// The body's bytes, and whether they are valid UTF-8.
  private var storedBody: Body

  /// The body as the input's own bytes, invalid UTF-8 included: what a text output writes.
  public var bodyBytes: [UInt8] { storedBody.bytes }

  /// Creates an article. With `rawBody`, the body is those bytes and `body` should be what they
  /// read as (U+FFFD for each invalid byte).
  public init(
    source: String, body: String, captions: [Caption], meta: [String: String],
    removals: [Removal], outcomes: [LineOutcome], lineTerminator: String = "\n",
    rawBody: [UInt8]? = nil
  ) {
    self.init(
      source: source, body: Body(bytes: rawBody ?? Array(body.utf8), isValidUTF8: rawBody == nil),
      captions: captions, meta: meta, removals: removals, outcomes: outcomes,
      lineTerminator: lineTerminator)
  }

  /// Creates an article whose body is `bodyBytes`, checked for valid UTF-8 here: what
  /// `Cleaner` builds, without decoding the body into a string.
  init(
    source: String, bodyBytes: [UInt8], captions: [Caption], meta: [String: String],
    removals: [Removal], outcomes: [LineOutcome], lineTerminator: String
  ) {
    let isValid = bodyBytes.withUnsafeBufferPointer(TextCheck.isValidUTF8)
    self.init(
      source: source, body: Body(bytes: bodyBytes, isValidUTF8: isValid), captions: captions,
      meta: meta, removals: removals, outcomes: outcomes, lineTerminator: lineTerminator)
  }

  private init(
    source: String, body: Body, captions: [Caption], meta: [String: String],
    removals: [Removal], outcomes: [LineOutcome], lineTerminator: String
  ) {
    self.source = source
    self.storedBody = body
    self.captions = captions
    self.meta = meta
    self.removals = removals
    self.outcomes = outcomes
    self.lineTerminator = lineTerminator
  }

  /// The body's paragraphs.
  public var paragraphs: [String] {
    body.split(separator: lineTerminator + lineTerminator).map(String.init)
  }

  /// True when the body holds no byte (no line was kept).
  public var isBodyEmpty: Bool { storedBody.bytes.isEmpty }

  /// Appends the body as a JSON string literal, in UTF-8, to `output`: the same text as
  /// `JSONValue.string(body)` renders, written from the body's bytes without decoding them.
  public func appendBodyJSON(to output: inout [UInt8]) {
    guard storedBody.isValidUTF8 else {
      // Invalid bytes are written as U+FFFD, as the string reads them.
      JSONValue.appendString(body, to: &output)
      return
    }
    storedBody.bytes.withUnsafeBufferPointer { JSONValue.appendString(utf8: $0, to: &output) }
  }

  /// The body's bytes. Two bodies are equal when they read as equal strings and hold the same
  /// invalid bytes, as when `body` and `rawBody` were stored apart.
  private struct Body: Sendable, Hashable {
    var bytes: [UInt8]
    /// Whether `bytes` are valid UTF-8 (`body` reads them exactly).
    var isValidUTF8: Bool

    /// The bytes decoded, U+FFFD for each invalid byte.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    static func == (a: Body, b: Body) -> Bool {
      a.text == b.text && (a.isValidUTF8 ? nil : a.bytes) == (b.isValidUTF8 ? nil : b.bytes)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(text)
      hasher.combine(isValidUTF8 ? nil : bytes)
    }
  }
}
