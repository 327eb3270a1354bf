/// A `rule:` or `group:` block: one or more rules that share a reason, conditions and examples.
public struct RuleGroup: Sendable, Hashable {
  /// The stable, unique id (`fr-lire-aussi`).
  public var id: String
  /// The group's old ids (`aliases:`), which still name it after a rename.
  public var aliases: [RuleAlias]
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
  /// Meta fields set when a rule of the group fires (`sets: paywalled = true`).
  public var sets: [MetaAssignment]
  /// Where the `rule:` or `group:` header is.
  public var location: SourceLocation

  /// Creates an empty group at a location.
  public init(id: String, isSingleRule: Bool, location: SourceLocation) {
    self.id = id
    self.isSingleRule = isSingleRule
    self.aliases = []
    self.why = nil
    self.conditions = []
    self.rules = []
    self.examples = []
    self.keeps = []
    self.sets = []
    self.location = location
  }
}

/// An old id of a group, from an `aliases:` directive: it names the group as its id does, and no
/// other group may take it.
public struct RuleAlias: Sendable, Hashable {
  /// The old id.
  public var id: String
  /// Where the old id is written on the `aliases:` line.
  public var location: SourceLocation

  /// Creates an alias.
  public init(id: String, location: SourceLocation) {
    self.id = id
    self.location = location
  }
}

/// A meta field that a group sets when one of its rules fires: `sets: KEY = VALUE`, where VALUE
/// may name the firing rule's holes (`sets: paywall-missing = {n} %`).
public struct MetaAssignment: Sendable, Hashable {
  /// The meta key.
  public var key: String
  /// The value, with `{hole}` references to the firing rule's captures.
  public var template: String

  /// Creates an assignment.
  public init(key: String, template: String) {
    self.key = key
    self.template = template
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
