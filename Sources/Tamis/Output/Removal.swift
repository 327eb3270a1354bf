/// Text that cleaning took out of the body, and the rule that took it.
public struct Removal: Sendable, Hashable {
  /// The 1-based input line number.
  public var line: Int
  /// The removed text: the whole line (trimmed) or the stripped span.
  public var text: String
  /// The id of the rule or group that removed it.
  public var ruleID: String
  /// Where the removing rule's action line starts: `path:line:col` of its directive name.
  public var rule: SourceLocation
  /// What the rule did.
  public var action: ActionKind
  /// Why, for a removal no rule file states (a learned line: "repeated in 412 of 430 documents
  /// of example.com"); nil for a rule of a file, whose `why:` is in the file.
  public var reason: String?

  /// Creates a removal.
  public init(
    line: Int, text: String, ruleID: String, rule: SourceLocation, action: ActionKind,
    reason: String? = nil
  ) {
    self.line = line
    self.text = text
    self.ruleID = ruleID
    self.rule = rule
    self.action = action
    self.reason = reason
  }
}
