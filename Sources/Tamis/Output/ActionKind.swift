/// The kinds of actions, as users spell them in rule files and see them in output.
///
/// A plain result value (a `Removal` names its action), so it sits with the output values at the
/// bottom layer; the rule model builds on it.
public enum ActionKind: String, Sendable, Hashable, CaseIterable {
  case dropLine = "drop-line"
  case stripSpan = "strip-span"
  case dropFrom = "drop-from"
  case dropUntil = "drop-until"
  case dropBlock = "drop-block"
  case dropRun = "drop-run"
  case dropTail = "drop-tail"
  case caption = "caption"
  case credit = "credit"
  case meta = "meta"
  case keep = "keep"

  /// The directive spelling, such as `drop-line`.
  public var name: String { rawValue }

  /// Precedence among the per-line actions that match one line: lower wins.
  var linePrecedence: Int {
    switch self {
    case .keep: 0
    case .caption, .credit: 1
    case .meta: 2
    case .dropLine: 3
    case .stripSpan: 4
    case .dropFrom, .dropUntil, .dropBlock, .dropRun, .dropTail: 5
    }
  }
}
