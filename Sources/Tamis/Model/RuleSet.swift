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

  /// The most rules a rule set may hold.
  public static let ruleLimit = 200_000

  /// Builds a rule set from parsed packs, checking what spans files (duplicate ids).
  /// - Throws: `RuleSetError` when two groups share an id or there are too many rules.
  public init(packs: [RulePack]) throws(RuleSetError) {
    var diagnostics: [Diagnostic] = []
    var firstDefinition: [String: SourceLocation] = [:]
    for pack in packs {
      for group in pack.groups {
        if let first = firstDefinition[group.id] {
          diagnostics.append(
            Diagnostic(
              .error, at: group.location, .ruleFile(.duplicateID(id: group.id)),
              notes: [.init(location: first, kind: .firstDefinedHere)]))
        } else {
          firstDefinition[group.id] = group.location
        }
      }
    }
    let ruleCount = packs.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.rules.count } }
    if ruleCount > Self.ruleLimit {
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.tooManyRules(limit: Self.ruleLimit))))
    }
    guard diagnostics.isEmpty else { throw RuleSetError(diagnostics: diagnostics) }
    self.packs = packs
    self.warnings = packs.flatMap(RuleSetLinter.warnings(for:))
  }

  /// Parses one rule file given as a string.
  /// - Parameters:
  ///   - text: the rule file's content.
  ///   - source: the path used in diagnostics and in `Removal.rule`.
  /// - Throws: `RuleSetError` with every error in the text.
  public init(parsing text: String, source: String) throws(RuleSetError) {
    try self.init(parsing: [(path: source, text: text)])
  }

  /// Parses several rule files given as strings, reporting the errors of all of them.
  /// - Throws: `RuleSetError` with every error of every file.
  public init(parsing files: [(path: String, text: String)]) throws(RuleSetError) {
    var packs: [RulePack] = []
    var diagnostics: [Diagnostic] = []
    for file in files {
      let (pack, found) = RuleFileParser.parse(file.text, path: file.path)
      diagnostics += found
      packs.append(pack)
    }
    guard diagnostics.isEmpty else {
      // Cross-file checks still run on the packs that parsed, so all errors come in one round.
      do { _ = try RuleSet(packs: packs) } catch { diagnostics += error.diagnostics }
      throw RuleSetError(diagnostics: diagnostics)
    }
    try self.init(packs: packs)
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
