extension RuleSet {
  /// The ids of the rule set's groups and their old ids.
  public var ids: RuleIDs { RuleIDs(packs: packs) }

  /// The group a name stands for: by its id, or by one of its old ids (`aliases:`) after a
  /// rename.
  /// - Parameter id: a current or an old id.
  /// - Returns: the group, or nil when no group has that id or old id.
  public func group(id: String) -> RuleGroup? {
    let groups = packs.lazy.flatMap(\.groups)
    return groups.first { $0.id == id } ?? groups.first { $0.aliases.contains { $0.id == id } }
  }
}
