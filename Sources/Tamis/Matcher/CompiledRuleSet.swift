/// A rule set compiled for matching: every pattern of every pack folded once and gathered into
/// one automaton per folded view, so each line is scanned once whatever the number of rules.
///
/// Immutable and `Sendable`: build it once and share it between threads.
public struct CompiledRuleSet: Sendable {
  /// One rule with what the engine needs to resolve it, in rule-set order.
  struct CompiledRule: Sendable {
    let rule: Rule
    let pack: Int
    let conditions: [Condition]
    let specificity: Int
    /// The meta fields the rule's group sets when it fires.
    let sets: [MetaAssignment]
  }

  /// One folded view: its folder, the automaton (shared by the views: it holds every view's
  /// keys), and which of this view's patterns each key stands for (none for another view's key).
  ///
  /// A class, so that scanning a line takes one reference to it instead of copying its arrays'
  /// references one by one.
  final class View: Sendable {
    let folder: TextFolder
    let automaton: ByteAutomaton
    /// `patternsOfKey[key]`: indices into `patterns`.
    let patternsOfKey: [[Int32]]
    /// `patternsOfKey` flattened, as a scan reads it: key `k`'s patterns are
    /// `keyPatterns[keyPatternStart[k]..<keyPatternStart[k + 1]]` (reading an inner array
    /// retains and releases it, once per key visit).
    let keyPatternStart: [Int32]
    let keyPatterns: [Int32]
    /// The scanner's shortcuts through the automaton's output chains.
    let chains: OutputChains

    init(
      folder: TextFolder, automaton: ByteAutomaton, patternsOfKey: [[Int32]], chains: OutputChains
    ) {
      self.folder = folder
      self.automaton = automaton
      self.patternsOfKey = patternsOfKey
      var keyPatternStart: [Int32] = []
      keyPatternStart.reserveCapacity(patternsOfKey.count + 1)
      var keyPatterns: [Int32] = []
      for patterns in patternsOfKey {
        keyPatternStart.append(Int32(keyPatterns.count))
        keyPatterns += patterns
      }
      keyPatternStart.append(Int32(keyPatterns.count))
      self.keyPatternStart = keyPatternStart
      self.keyPatterns = keyPatterns
      self.chains = chains
    }
  }

  /// Where one rule sits in a rule set: pack, group in the pack, rule in the group.
  struct RulePosition: Sendable, Hashable {
    let pack: Int
    let group: Int
    let rule: Int
  }

  /// The rules of `ruleSet` in compiled order: the order `rules` holds them in, and the order
  /// in which the engine breaks ties between rules of the same scope and action.
  static func ruleOrder(of ruleSet: RuleSet) -> [RulePosition] {
    var order: [RulePosition] = []
    for (packIndex, pack) in ruleSet.packs.enumerated() {
      for (groupIndex, group) in pack.groups.enumerated() {
        for ruleIndex in group.rules.indices {
          order.append(RulePosition(pack: packIndex, group: groupIndex, rule: ruleIndex))
        }
      }
    }
    return order
  }

  /// The rule set this was compiled from.
  public let ruleSet: RuleSet
  let rules: [CompiledRule]
  let patterns: [CompiledPattern]
  /// The `drop-tail` rules, in rule order: they act without a phrase, so every dump tries them.
  let dropTailRules: [RuleIndex]
  /// The rules whose pattern is `any`: they act on shape (their conditions) alone, in rule order.
  let anyLineRules: [RuleIndex]
  /// Per pattern: the engine needs every occurrence (strip-span) rather than the first.
  let collectsEveryOccurrence: [Bool]
  /// Per pattern: what a scan reads of it at a key occurrence, without copying the pattern.
  let patternFacts: [PatternFacts]
  /// Index 0: the accent-keeping view; index 1, when present: the accent-stripping view. Both
  /// share one automaton.
  let views: [View]
  /// For each group id with `sets:` fields, the index of its first rule (most rule sets have a
  /// handful, and each dump looks them up).
  let firstRuleSettingFields: [String: RuleIndex]
  /// Per pack: its scope, and its path (what `CleaningOptions.forcedPacks` names); every
  /// document's pack selection reads them, and copying each whole `RulePack` per document was a
  /// twentieth of a JSON Lines run.
  let packScopes: [RulePack.Scope]
  let packPaths: [String]
  /// The line scanners' tables of finished scans (`ScannerTables`), shared by every copy.
  let scannerTables = ScannerTablePool()

  /// Compiles a rule set.
  public init(_ ruleSet: RuleSet) {
    self.init(ruleSet, denseStates: ByteAutomaton.defaultDenseStates)
  }

  /// Compiles a rule set whose automata give a full transition row to `denseStates` states
  /// (tests lower it so that scans take the sparse path).
  init(_ ruleSet: RuleSet, denseStates: Int) {
    self.ruleSet = ruleSet
    self.packScopes = ruleSet.packs.map(\.scope)
    self.packPaths = ruleSet.packs.map(\.path)
    var rules: [CompiledRule] = []
    var patterns: [(Pattern, CompiledPattern.Owner)] = []
    let order = Self.ruleOrder(of: ruleSet)
    var anyLineRules: [RuleIndex] = []
    var next = 0
    for (packIndex, pack) in ruleSet.packs.enumerated() {
      for detector in pack.detectors { patterns.append((detector, .detector(pack: packIndex))) }
      while next < order.count, order[next].pack == packIndex {
        let group = pack.groups[order[next].group]
        let rule = group.rules[order[next].rule]
        next += 1
        let index = RuleIndex(value: rules.count)
        rules.append(
          CompiledRule(
            rule: rule, pack: packIndex, conditions: group.conditions,
            specificity: pack.scope.specificity, sets: group.sets))
        switch rule.action {
        case .dropBlock(let start, let end):
          patterns.append((start, .rule(index)))
          patterns.append((end, .blockEnd(index)))
        default:
          guard let pattern = rule.action.patterns.first else { break }
          // A rule on shape alone has no phrase for the automaton: the engine tries it on every
          // line its conditions allow.
          if pattern.isAnyLine {
            anyLineRules.append(index)
          } else {
            patterns.append((pattern, .rule(index)))
          }
        }
      }
    }
    let keeping = TextFolder(stripAccents: false)
    let stripping = TextFolder(stripAccents: true)
    let compiled = patterns.map { pattern, owner in
      CompiledPattern(
        pattern, owner: owner,
        folder: pattern.options.contains(.anyAccent) ? stripping : keeping)
    }
    self.rules = rules
    self.anyLineRules = anyLineRules
    self.dropTailRules = rules.indices.filter { rules[$0].rule.action.kind == .dropTail }
      .map(RuleIndex.init(value:))
    var firstRuleSettingFields: [String: RuleIndex] = [:]
    for (index, rule) in rules.enumerated() where !rule.sets.isEmpty {
      if firstRuleSettingFields[rule.rule.id] == nil {
        firstRuleSettingFields[rule.rule.id] = RuleIndex(value: index)
      }
    }
    self.firstRuleSettingFields = firstRuleSettingFields
    self.patterns = compiled
    self.collectsEveryOccurrence = compiled.map { pattern in
      if case .rule(let index) = pattern.owner {
        return rules[index.value].rule.action.kind == .stripSpan
      }
      return false
    }
    self.patternFacts = zip(compiled, collectsEveryOccurrence).map {
      PatternFacts($0, collectsEveryOccurrence: $1)
    }
    let skeletonViews = compiled.contains(where: \.usesSkeleton) ? [false, true] : [false]
    self.views = Self.views(
      for: compiled, skeleton: skeletonViews, folders: [keeping, stripping],
      denseStates: denseStates)
  }

  /// The views of `patterns`: one automaton over the keys of every view (a key of each view is
  /// a key of its own, even when two views spell it alike), so that a line whose folds agree
  /// is walked once for all views (`ByteAutomaton.walkFolded`). Each view stands only for its
  /// own keys: the other view's keys have no pattern in its `patternsOfKey`.
  private static func views(
    for patterns: [CompiledPattern], skeleton views: [Bool], folders: [TextFolder],
    denseStates: Int
  ) -> [View] {
    var keys: [[UInt8]] = []
    var patternsOfKey: [[Int32]] = []
    var viewOfKey: [Int] = []
    for (viewIndex, skeleton) in views.enumerated() {
      var keyIndex: [[UInt8]: Int] = [:]
      for (index, pattern) in patterns.enumerated() where pattern.usesSkeleton == skeleton {
        let key = pattern.key
        let slot: Int
        if let existing = keyIndex[key] {
          slot = existing
        } else {
          slot = keys.count
          keyIndex[key] = slot
          keys.append(key)
          patternsOfKey.append([])
          viewOfKey.append(viewIndex)
        }
        patternsOfKey[slot].append(Int32(index))
      }
    }
    let automaton = ByteAutomaton(keys: keys, denseStates: denseStates)
    return views.indices.map { viewIndex in
      let own = zip(patternsOfKey, viewOfKey).map { $1 == viewIndex ? $0 : [] }
      return View(
        folder: folders[viewIndex], automaton: automaton, patternsOfKey: own,
        chains: OutputChains(automaton, patternsOfKey: own, patterns: patterns))
    }
  }
}
