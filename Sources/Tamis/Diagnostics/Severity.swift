/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
  /// A note attached to another diagnostic.
  case note
  /// Something that works but probably is not what the author meant.
  case warning
  /// Something that stops the rule set from loading.
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  /// Orders notes before warnings before errors.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
