import Foundation
import Tamis

/// Builds the rule set an invocation asks for: the built-in rules, then `--rules` paths.
enum RuleLoader {
  /// The rule set, or every diagnostic that stopped it from loading.
  static func load(defaults: Bool, paths: [String]) -> Result<RuleSet, RuleSetError> {
    do {
      let rules = defaults ? try RuleSet.builtin() : .empty
      guard !paths.isEmpty else { return .success(rules) }
      return .success(try RuleSet(contentsOf: paths.map { URL(fileURLWithPath: $0) }, after: rules))
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
  ///
  /// A problem about a whole file or folder (unreadable, a device, no rule files) has no line:
  /// it is written `path: error: message`, as a compiler names a file it cannot open.
  static func report(_ diagnostics: [Diagnostic], to sink: any ByteSink) throws(WriteError) {
    guard !diagnostics.isEmpty else { return }
    let lines = diagnostics.map { diagnostic in
      if diagnostic.location == nil, case .ruleFile(let problem) = diagnostic.problem,
        let path = problem.path
      {
        return DiagnosticRenderer.render(diagnostic, programName: path)
      }
      return DiagnosticRenderer.render(diagnostic)
    }
    try sink.write(lines.joined(separator: "\n") + "\n")
  }
}
