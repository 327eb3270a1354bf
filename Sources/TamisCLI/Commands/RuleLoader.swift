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

  /// Writes every diagnostic to `sink`, one per line, notes after their diagnostic.
  static func report(_ diagnostics: [Diagnostic], to sink: any ByteSink) throws(WriteError) {
    guard !diagnostics.isEmpty else { return }
    try sink.write(diagnostics.map { DiagnosticRenderer.render($0) }.joined(separator: "\n") + "\n")
  }
}
