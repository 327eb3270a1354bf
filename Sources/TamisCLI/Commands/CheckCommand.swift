import Foundation
import Tamis

/// `tamis check [PATH...]`: loads rule files, reports every problem, runs every example.
struct CheckCommand {
  let invocation: Invocation
  let streams: Streams

  /// Exit 0 when all is well, 1 when examples fail (or warnings under `--strict`), 2 on errors.
  func run() throws(WriteError) -> ExitCode {
    let loaded =
      invocation.inputs.isEmpty
      ? RuleLoader.load(defaults: true, paths: [])
      : RuleLoader.load(defaults: false, paths: invocation.inputs)
    let rules: RuleSet
    switch loaded {
    case .success(let set): rules = set
    case .failure(let error):
      try RuleLoader.report(error.diagnostics, to: streams.errors)
      return .usageOrRules
    }
    try RuleLoader.report(rules.warnings, to: streams.errors)
    let checks = ExampleCheck.all(in: rules)
    var failures: [Diagnostic] = []
    for check in checks { failures += check.run() }
    try RuleLoader.report(failures, to: streams.errors)
    let ruleCount = rules.packs.reduce(0) { $0 + $1.rules.count }
    if !invocation.quiet {
      try streams.errors.write(
        "tamis: checked \(rules.packs.count) files, \(ruleCount) rules, \(checks.count) examples: "
          + "\(failures.count) failed, \(rules.warnings.count) warnings\n")
    }
    if !failures.isEmpty || (invocation.strict && !rules.warnings.isEmpty) {
      return .someInputsFailed
    }
    return .success
  }
}
