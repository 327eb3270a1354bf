import Foundation
import Tamis

/// Builds the rule set an invocation asks for: the built-in rules, then `--rules` paths.
enum RuleLoader {
  /// The rule set, or every diagnostic that stopped it from loading.
  static func load(defaults: Bool, paths: [String]) -> Result<RuleSet, RuleSetError> {
    do {
      var rules = defaults ? try RuleSet.builtin() : .empty
      if !paths.isEmpty {
        let extra = try RuleSet(contentsOf: paths.map { URL(fileURLWithPath: $0) })
        rules = try rules.merged(with: extra)
      }
      return .success(rules)
    } catch {
      return .failure(error)
    }
  }

  /// The rule set an invocation names (the built-in rules unless `--no-default-rules`, then
  /// `--rules`), or nil after writing every diagnostic that stopped it to `sink`.
  static func load(for invocation: Invocation, reportingTo sink: any ByteSink) throws(WriteError)
    -> RuleSet?
  {
    switch load(defaults: invocation.useDefaultRules, paths: invocation.rulePaths) {
    case .success(let rules): return rules
    case .failure(let error):
      try report(error.diagnostics, to: sink)
      return nil
    }
  }

  /// Writes every diagnostic to `sink`, one per line, notes after their diagnostic.
  static func report(_ diagnostics: [Diagnostic], to sink: any ByteSink) throws(WriteError) {
    guard !diagnostics.isEmpty else { return }
    try sink.write(diagnostics.map { DiagnosticRenderer.render($0) }.joined(separator: "\n") + "\n")
  }
}
