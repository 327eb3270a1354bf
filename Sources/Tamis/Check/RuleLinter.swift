/// Finds rules that load but probably do not do what their author meant, for `tamis check`.
///
/// Every finding is a warning (`Problem.lint`), located at the rule, `detect:` or `site:` line
/// it is about:
///
/// - duplicate rules: the same action and pattern (compared on the folded view) with the same
///   conditions, twice in one scope;
/// - shadowed rules: a rule that another rule always pre-empts (see `RuleLinter+Overlap.swift`
///   for the exact, deliberately conservative test);
/// - rules that fire in none of their group's examples, and `keep` rules that change nothing in
///   their group's examples and `keeps:` lines;
/// - unanchored (`contains`) phrases shorter than `Settings.shortPhraseCharacters` characters or made only of
///   frequent words of the pack's language;
/// - `detect:` patterns that match an example line of another pack;
/// - `site:` hosts whose top-level domain is not a known one.
///
/// Linting runs examples, so it costs about as much as `ExampleCheck`; it is not part of loading.
public struct RuleLinter: Sendable {

  /// One rule with where it sits in the rule set.
  struct Entry {
    /// The position in compiled order (`CompiledRuleSet.ruleOrder`), in which the engine breaks
    /// ties.
    let order: Int
    let pack: Int
    let group: Int
    let rule: Rule
  }

  /// The rule set under lint.
  public let ruleSet: RuleSet
  let entries: [Entry]

  /// Prepares to lint a loaded rule set.
  public init(_ ruleSet: RuleSet) {
    self.ruleSet = ruleSet
    self.entries = CompiledRuleSet.ruleOrder(of: ruleSet).enumerated().map { order, position in
      Entry(
        order: order, pack: position.pack, group: position.group,
        rule: ruleSet.packs[position.pack].groups[position.group].rules[position.rule])
    }
  }

  /// Every warning, in rule-set order of the files, then by line and column.
  public func warnings() -> [Diagnostic] {
    let overlaps = overlapWarnings()
    var found = overlaps.diagnostics
    found += neverFiringWarnings(skipping: overlaps.reported)
    found += keepWarnings()
    found += phraseWarnings()
    found += detectorWarnings()
    found += hostWarnings()
    var packOrder: [String: Int] = [:]
    for (index, pack) in ruleSet.packs.enumerated() where packOrder[pack.path] == nil {
      packOrder[pack.path] = index
    }
    func key(_ diagnostic: Diagnostic) -> (Int, Int, Int) {
      let location = diagnostic.location
      return (
        location.flatMap { packOrder[$0.path] } ?? Int.max, location?.line ?? 0,
        location?.column ?? 0
      )
    }
    return found.enumerated().sorted { a, b in
      let (keyA, keyB) = (key(a.element), key(b.element))
      return keyA != keyB ? keyA < keyB : a.offset < b.offset
    }.map(\.element)
  }

  /// The group a rule entry belongs to.
  func group(of entry: Entry) -> RuleGroup {
    ruleSet.packs[entry.pack].groups[entry.group]
  }
}
