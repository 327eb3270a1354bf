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

  /// Every error of the built-in rules (when `defaults`) and of `paths`, with the rule set of
  /// the files that loaded cleanly: what `tamis check` lints and runs the examples of.
  static func loadAll(defaults: Bool, paths: [String]) -> RuleSetLoad {
    var base = RuleSet.empty
    if defaults {
      do {
        base = try RuleSet.builtin()
      } catch {
        // Only a build with broken built-in rules gets here (`swift test` proves them): report
        // their errors rather than check the user's rules against a part of them.
        return RuleSetLoad(parsing: RuleSet.builtinFiles)
      }
    }
    return RuleSetLoad(contentsOf: paths.map { URL(fileURLWithPath: $0) }, after: base)
  }

  /// The rule set an invocation names (the built-in rules unless `--no-default-rules`, then
  /// `--rules`), or nil after writing every diagnostic that stopped it to `sink`.
  static func load(for invocation: Invocation, reportingTo sink: any ByteSink) throws(WriteError)
    -> RuleSet?
  {
    switch load(defaults: invocation.useDefaultRules, paths: invocation.addedRulePaths) {
    case .success(let rules): return rules
    case .failure(let error):
      try report(error.diagnostics, to: sink)
      return nil
    }
  }

  /// The rule set an invocation names, with its `--lang` and `--site` checked against it
  /// (`RuleScope`), or nil after writing what stopped it to `streams.errors`.
  ///
  /// An unknown language stops the run (exit 2); a site no pack covers is a warning.
  static func load(for invocation: Invocation, streams: Streams) throws(WriteError) -> RuleSet? {
    guard let rules = try load(for: invocation, reportingTo: streams.errors) else { return nil }
    if let language = invocation.language,
      let problem = RuleScope.languageProblem(language, in: rules)
    {
      try streams.errors.write("tamis: error: \(problem.message)\n")
      return nil
    }
    if let site = invocation.site, let problem = RuleScope.siteProblem(site, in: rules) {
      try streams.warn("tamis: warning: \(problem.message)\n")
    }
    return rules
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
