/// A condition that a line must meet for a rule to apply to it.
public enum Condition: Sendable, Hashable {
  /// The line is among the first N non-blank lines of the dump.
  case firstLines(Int)
  /// The line is among the last N non-blank lines of the dump.
  case lastLines(Int)
  /// The line is in the first N percent of the dump's non-blank lines.
  case firstPercent(Int)
  /// The line is in the last N percent of the dump's non-blank lines.
  case lastPercent(Int)
  /// The line has at most N words.
  case maxWords(Int)
  /// The line has at least N words.
  case minWords(Int)
  /// The line has at most N characters (leading and trailing white space excluded).
  case maxLength(Int)
}
