/// A `rule:` or `group:` block: one or more rules that share a reason, conditions and examples.
public struct RuleGroup: Sendable, Hashable {
  /// The stable, unique id (`fr-lire-aussi`).
  public var id: String
  /// True for a `rule:` block, which must hold exactly one action.
  public var isSingleRule: Bool
  /// Why the text these rules remove is boilerplate.
  public var why: String?
  /// Conditions every rule of the group requires.
  public var conditions: [Condition]
  /// The action lines.
  public var rules: [Rule]
  /// Inputs where the group must fire, with what they must give.
  public var examples: [Example]
  /// Look-alike lines the group must leave in the body.
  public var keeps: [KeptLine]
  /// Where the `rule:` or `group:` header is.
  public var location: SourceLocation

  /// Creates an empty group at a location.
  public init(id: String, isSingleRule: Bool, location: SourceLocation) {
    self.id = id
    self.isSingleRule = isSingleRule
    self.why = nil
    self.conditions = []
    self.rules = []
    self.examples = []
    self.keeps = []
    self.location = location
  }
}

/// A line that a group must leave in the body, from a `keeps:` directive.
public struct KeptLine: Sendable, Hashable {
  /// The line's text.
  public var text: String
  /// Where the `keeps:` directive is.
  public var location: SourceLocation

  /// Creates a kept line.
  public init(text: String, location: SourceLocation) {
    self.text = text
    self.location = location
  }
}
