/// The position of a rule in `CompiledRuleSet.rules`: compiled order, in which the engine breaks
/// ties. A type of its own, so that it is never mixed up with a line or a pattern index.
struct RuleIndex: Hashable, Comparable, Sendable {
  /// The offset into `CompiledRuleSet.rules`.
  let value: Int

  static func < (a: RuleIndex, b: RuleIndex) -> Bool { a.value < b.value }
}

/// The position of a pattern in `CompiledRuleSet.patterns`.
struct PatternIndex: Hashable, Comparable, Sendable {
  /// The offset into `CompiledRuleSet.patterns`.
  let value: Int

  static func < (a: PatternIndex, b: PatternIndex) -> Bool { a.value < b.value }
}

extension CompiledRuleSet {
  /// The compiled rule at `index`.
  subscript(rule index: RuleIndex) -> CompiledRule { rules[index.value] }

  /// The compiled pattern at `index`.
  subscript(pattern index: PatternIndex) -> CompiledPattern { patterns[index.value] }
}
