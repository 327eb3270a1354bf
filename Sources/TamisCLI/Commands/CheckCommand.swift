import Foundation
import Tamis

/// `tamis check [PATH...]`: loads rule files, reports every problem, lints the rules and runs
/// every example.
///
/// Diagnostics go to stderr in file order (the rule set's), then by line and column: loading
/// warnings, lint warnings (`RuleLinter`) and failing examples mixed, so each file reads top to
/// bottom.
struct CheckCommand {
  let invocation: Invocation
  let streams: Streams

  /// Exit 0 when all is well, 1 when examples fail (or warnings under `--strict`), 2 on errors.
  func run() throws(WriteError) -> ExitCode {
    let loaded =
      invocation.inputs.isEmpty
      ? RuleLoader.load(defaults: true, paths: invocation.userRuleFolders)
      : RuleLoader.load(defaults: false, paths: invocation.inputs)
    let rules: RuleSet
    switch loaded {
    case .success(let set): rules = set
    case .failure(let error):
      try RuleLoader.report(error.diagnostics, to: streams.errors)
      return .usageOrRules
    }
    let warnings = rules.warnings + RuleLinter(rules).warnings()
    let checks = ExampleCheck.all(in: rules)
    var failures: [Diagnostic] = []
    for check in checks { failures += check.run() }
    // `--quiet` hides warnings, except under `--strict`, where they fail the check.
    let shown = invocation.quiet && !invocation.strict ? failures : warnings + failures
    try RuleLoader.report(Self.inFileOrder(shown, rules: rules), to: streams.errors)
    let ruleCount = rules.packs.reduce(0) { $0 + $1.rules.count }
    if !invocation.quiet {
      try streams.errors.write(
        "tamis: checked \(rules.packs.count) files, \(ruleCount) rules, \(checks.count) examples: "
          + "\(failures.count) failed, \(warnings.count) warnings\n")
    }
    if !failures.isEmpty || (invocation.strict && !warnings.isEmpty) {
      return .someInputsFailed
    }
    return .success
  }

  /// The diagnostics sorted by file (in the rule set's order), line and column; ties keep
  /// their order.
  static func inFileOrder(_ diagnostics: [Diagnostic], rules: RuleSet) -> [Diagnostic] {
    var fileOrder: [String: Int] = [:]
    for (index, pack) in rules.packs.enumerated() where fileOrder[pack.path] == nil {
      fileOrder[pack.path] = index
    }
    func key(_ diagnostic: Diagnostic) -> [Int] {
      let location = diagnostic.location
      return [
        location.flatMap { fileOrder[$0.path] } ?? Int.max, location?.line ?? 0,
        location?.column ?? 0,
      ]
    }
    return diagnostics.enumerated().sorted { a, b in
      let (keyA, keyB) = (key(a.element), key(b.element))
      return keyA != keyB ? keyA.lexicographicallyPrecedes(keyB) : a.offset < b.offset
    }.map(\.element)
  }
}
