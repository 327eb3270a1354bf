/// Checks that rule packs follow the conventions that keep them trustworthy.
///
/// These are warnings, not errors: a user's own rule file may skip examples. The shipped rules
/// must be warning-free, and the test suite checks that.
enum RuleSetLinter {
  /// The warnings for one pack.
  static func warnings(for pack: RulePack) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for group in pack.groups {
      if group.why == nil {
        warnings.append(
          Diagnostic(.warning, at: group.location, .ruleFile(.missingWhy(id: group.id))))
      }
      if group.examples.isEmpty {
        warnings.append(
          Diagnostic(.warning, at: group.location, .ruleFile(.missingExample(id: group.id))))
      }
      if group.keeps.isEmpty {
        warnings.append(
          Diagnostic(.warning, at: group.location, .ruleFile(.missingKeeps(id: group.id))))
      }
    }
    if case .site(let hosts) = pack.scope, let fileName = pack.path.split(separator: "/").last,
      fileName.hasSuffix(".rules")
    {
      let stem = String(fileName.dropLast(".rules".count))
      if !hosts.contains(stem), let first = hosts.first {
        warnings.append(
          Diagnostic(
            .warning, at: SourceLocation(path: pack.path, line: 1),
            .ruleFile(.siteDoesNotMatchFileName(site: first, fileName: String(fileName)))))
      }
    }
    return warnings
  }
}
