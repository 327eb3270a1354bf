/// A place in a named text: a rule file, a dump or a JSON Lines stream.
///
/// `line` and `column` are 1-based. A column counts Characters (extended grapheme clusters) from
/// the start of the line, so `é` written as `e` + U+0301 or an emoji is one column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The path as the user named it (or a label such as `<stdin>`).
  public var path: String
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column in Characters, when the problem has a precise column.
  public var column: Int?

  /// Creates a location.
  public init(path: String, line: Int, column: Int? = nil) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `path:line:col` or `path:line`.
  public var description: String {
    if let column { return "\(path):\(line):\(column)" }
    return "\(path):\(line)"
  }
}
