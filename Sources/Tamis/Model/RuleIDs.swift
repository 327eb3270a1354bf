/// The ids of a rule set's groups and the old ids (`aliases:`) that still name them.
///
/// Ids and old ids share one name space: each name stands for one group. A name defined a
/// second time, in load order (packs, then groups, each group's id before its aliases), is an
/// error at the second definition, with a note at the first.
public struct RuleIDs: Sendable, Hashable {
  /// The current id of each old id.
  public private(set) var currentIDs: [String: String] = [:]
  /// The id of every group.
  public private(set) var ids: Set<String> = []
  /// One error for each name defined twice: a duplicate id, an id that is another group's old
  /// id, an old id that is an id, or an old id listed twice.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Collects the ids and aliases of `packs`, in order.
  /// - Parameter packs: the packs of a rule set, in load order.
  public init(packs: [RulePack]) {
    // Where each name was first defined, and the group it names.
    var first: [String: (location: SourceLocation, group: String, isAlias: Bool)] = [:]
    for group in packs.lazy.flatMap(\.groups) {
      if let earlier = first[group.id] {
        let problem: RuleFileProblem =
          earlier.isAlias
          ? .idIsAlias(id: group.id, currentID: earlier.group) : .duplicateID(id: group.id)
        report(problem, at: group.location, first: earlier.location)
      } else {
        first[group.id] = (group.location, group.id, false)
        ids.insert(group.id)
      }
      for alias in group.aliases {
        if let earlier = first[alias.id] {
          let problem: RuleFileProblem =
            earlier.isAlias
            ? .duplicateAlias(alias: alias.id, currentID: earlier.group)
            : .aliasIsID(alias: alias.id)
          report(problem, at: alias.location, first: earlier.location)
        } else {
          first[alias.id] = (alias.location, group.id, true)
          currentIDs[alias.id] = group.id
        }
      }
    }
  }

  /// The current id that `name` stands for.
  /// - Parameter name: a group's id or one of its old ids.
  /// - Returns: `name` when it is a group's id, the group's id when it is one of its old ids,
  ///   nil when no group has that name.
  public func currentID(of name: String) -> String? {
    ids.contains(name) ? name : currentIDs[name]
  }

  private mutating func report(
    _ problem: RuleFileProblem, at location: SourceLocation, first: SourceLocation
  ) {
    diagnostics.append(
      Diagnostic(
        .error, at: location, .ruleFile(problem),
        notes: [.init(location: first, kind: .firstDefinedHere)]))
  }
}
