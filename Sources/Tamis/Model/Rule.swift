/// One action line of a rule file: an action, and the group it belongs to.
public struct Rule: Sendable, Hashable {
  /// The id of the rule or group that holds this action line.
  public var id: String
  /// What the rule does.
  public var action: Action
  /// Where the action line is.
  public var location: SourceLocation

  /// Creates a rule.
  public init(id: String, action: Action, location: SourceLocation) {
    self.id = id
    self.action = action
    self.location = location
  }
}
