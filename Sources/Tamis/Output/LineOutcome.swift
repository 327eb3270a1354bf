/// What happened to one input line. Every line has exactly one outcome.
public enum LineOutcome: Sendable, Hashable {
  /// The line is blank: a paragraph separator, not content.
  case blank
  /// The line is in the body as it was.
  case body
  /// The line is in the body with spans cut out; `removals` indexes `CleanedArticle.removals`.
  case stripped(removals: [Int])
  /// The line is a caption; `caption` indexes `CleanedArticle.captions`.
  case caption(Int)
  /// The line was removed; `removal` indexes `CleanedArticle.removals`.
  case removed(Int)
}
