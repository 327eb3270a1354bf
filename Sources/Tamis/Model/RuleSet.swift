/// A loaded, validated set of rule packs, ready to compile into a `Cleaner`.
///
/// Every initialiser either returns a complete rule set or throws `RuleSetError` with *all* the
/// errors found across every file: nothing is cleaned with a half-loaded rule set.
public struct RuleSet: Sendable, Hashable {
  /// The packs, in load order.
  public private(set) var packs: [RulePack]
  /// Warnings found while loading (a group without `keeps:`, a site pack named after another
  /// host). Loading succeeds with warnings.
  public private(set) var warnings: [Diagnostic]

  /// Builds a rule set from parsed packs, checking what spans files (duplicate ids
  /// and old ids).
  /// - Throws: `RuleSetError` when two groups share an id or there are too many rules.
  public init(packs: [RulePack]) throws(RuleSetError) {
    // Ids and old ids (`aliases:`) share one name space across every file.
    var diagnostics = RuleIDs(packs: packs).diagnostics
    let ruleCount = packs.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.rules.count } }
    if ruleCount > Settings.ruleLimit {
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.tooManyRules(limit: Settings.ruleLimit))))
    }
    guard diagnostics.isEmpty else { throw RuleSetError(diagnostics: diagnostics) }
    self.packs = packs
    self.warnings = packs.flatMap(RuleSetLinter.warnings(for:))
  }

  /// A rule set holding this one's packs followed by `other`'s.
  /// - Throws: `RuleSetError` when the two share a group id.
  public func merged(with other: RuleSet) throws(RuleSetError) -> RuleSet {
    try RuleSet(packs: packs + other.packs)
  }

  /// The rule set with no rules at all.
  public static let empty: RuleSet = RuleSet(uncheckedPacks: [])

  private init(uncheckedPacks: [RulePack]) {
    self.packs = uncheckedPacks
    self.warnings = []
  }
}

/// The errors that stopped a rule set from loading, in file order.
public struct RuleSetError: Error, Sendable, Hashable {
  /// Every error found (and the warnings found alongside them).
  public var diagnostics: [Diagnostic]

  /// Creates an error from its diagnostics.
  public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
