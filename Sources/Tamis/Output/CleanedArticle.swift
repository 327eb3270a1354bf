/// The result of cleaning one dump: body, captions, meta fields and an account of every removal.
///
/// Invariant: every input line has one `LineOutcome`; each non-blank line is in the body (maybe
/// with stripped spans, each listed in `removals`), in `captions`, or in `removals`.
public struct CleanedArticle: Sendable, Hashable {
  /// The name of the input, for messages (`dump/0042.txt`, `<stdin>`).
  public var source: String
  /// The body: kept lines in input order, paragraphs separated by one blank line, using the
  /// input's own line terminators, without a final terminator.
  public var body: String
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
  public var rawBody: [UInt8]?

  /// The body as the input's own bytes, invalid UTF-8 included: what a text output writes.
  public var bodyBytes: [UInt8] { rawBody ?? Array(body.utf8) }

  /// Creates an article.
  public init(
    source: String, body: String, captions: [Caption], meta: [String: String],
    removals: [Removal], outcomes: [LineOutcome], lineTerminator: String = "\n",
    rawBody: [UInt8]? = nil
  ) {
    self.source = source
    self.body = body
    self.captions = captions
    self.meta = meta
    self.removals = removals
    self.outcomes = outcomes
    self.lineTerminator = lineTerminator
    self.rawBody = rawBody
  }

  /// The body's paragraphs.
  public var paragraphs: [String] {
    body.split(separator: lineTerminator + lineTerminator).map(String.init)
  }
}
