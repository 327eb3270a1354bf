/// What a rule does to the lines its pattern matches.
public enum Action: Sendable, Hashable {
  /// Remove the matching line.
  case dropLine(Pattern)
  /// Cut the matched text out of the line; the rest of the line stays in the body.
  case stripSpan(Pattern)
  /// Remove the first matching line and every line after it.
  case dropFrom(Pattern)
  /// Remove every line from the start through the first matching line.
  case dropUntil(Pattern)
  /// Remove a line matching `start` through the next line matching `end`.
  case dropBlock(start: Pattern, end: Pattern)
  /// Move the line to the captions; holes `text` and `credit` name its parts.
  case caption(Pattern)
  /// A credit alone on its line (hole `credit`, or the whole line without one): it joins the
  /// line right above it, which becomes a caption, when that line is a short body line;
  /// otherwise the line is removed.
  case credit(Pattern)
  /// Remove the matching line (a list header) and the title-like lines that follow it: short,
  /// without sentence punctuation at the end, blank lines between them allowed.
  case dropRun(Pattern)
  /// Remove the title-like lines after the last line of at least `minimumWords` words: the
  /// footer zone after the last body paragraph. Takes no pattern.
  case dropTail(minimumWords: Int)
  /// Capture the pattern's holes as meta fields and remove the line.
  case meta(Pattern)
  /// Protect the line from the other rules of its scope and of less specific scopes.
  case keep(Pattern)

  /// The kind of the action, without its patterns.
  public var kind: ActionKind {
    switch self {
    case .dropLine: .dropLine
    case .stripSpan: .stripSpan
    case .dropFrom: .dropFrom
    case .dropUntil: .dropUntil
    case .dropBlock: .dropBlock
    case .caption: .caption
    case .credit: .credit
    case .dropRun: .dropRun
    case .dropTail: .dropTail
    case .meta: .meta
    case .keep: .keep
    }
  }

  /// The patterns the action matches lines with (two for a block).
  public var patterns: [Pattern] {
    switch self {
    case .dropLine(let p), .stripSpan(let p), .dropFrom(let p), .dropUntil(let p),
      .caption(let p), .credit(let p), .dropRun(let p), .meta(let p), .keep(let p):
      [p]
    case .dropBlock(let start, let end): [start, end]
    case .dropTail: []
    }
  }
}
