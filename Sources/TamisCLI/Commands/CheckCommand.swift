import Foundation
import Tamis

/// `tamis check [PATH...]`: loads rule files, reports every problem, lints the rules and runs
/// every example.
///
/// One run reports everything: the errors of every file, and the lint warnings (`RuleLinter`)
/// and failing examples of every file that loaded without errors, even when another file has
/// some. Diagnostics go to stderr in file order (load order), then by line and column, so each
/// file reads top to bottom.
struct CheckCommand {
  let invocation: Invocation
  let streams: Streams

  /// Exit 2 on a rule-file error, else 1 when examples fail (or warnings under `--strict`), else 0.
  func run() throws(WriteError) -> ExitCode {
    let load =
      invocation.inputs.isEmpty
      ? RuleLoader.loadAll(defaults: true, paths: invocation.userRuleFolders)
      : RuleLoader.loadAll(defaults: false, paths: invocation.inputs)
    let rules = load.rules
    let warnings = rules.warnings + RuleLinter(rules).warnings()
    let checks = ExampleCheck.all(in: rules)
    var failures: [Diagnostic] = []
    for check in checks { failures += check.run() }
    // `--quiet` hides warnings, except under `--strict`, where they fail the check.
    let shown =
      load.errors + (invocation.quiet && !invocation.strict ? failures : warnings + failures)
    try RuleLoader.report(Self.inFileOrder(shown, paths: load.paths), to: streams.errors)
    if !invocation.quiet {
      let ruleCount = rules.packs.reduce(0) { $0 + $1.rules.count }
      var summary =
        "tamis: checked \(RunSummary.counted(load.paths.count, "file")), "
        + "\(RunSummary.counted(ruleCount, "rule")), \(RunSummary.counted(checks.count, "example")): "
        + "\(failures.count) failed, \(RunSummary.counted(warnings.count, "warning"))"
      if !load.errors.isEmpty {
        let skipped = load.paths.count - rules.packs.count
        summary +=
          ", \(RunSummary.counted(load.errors.count, "error"))"
          + (skipped > 0 ? " (\(RunSummary.counted(skipped, "file")) not linted or run)" : "")
      }
      try streams.errors.write(summary + "\n")
    }
    if !load.errors.isEmpty { return .usageOrRules }
    if !failures.isEmpty || (invocation.strict && !warnings.isEmpty) {
      return .someInputsFailed
    }
    return .success
  }

  /// The diagnostics sorted by file (in the order of `paths`), line and column; those without
  /// a location come last. Ties keep their order.
  static func inFileOrder(_ diagnostics: [Diagnostic], paths: [String]) -> [Diagnostic] {
    var fileOrder: [String: Int] = [:]
    for (index, path) in paths.enumerated() where fileOrder[path] == nil {
      fileOrder[path] = index
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
