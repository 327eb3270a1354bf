extension RuleSet {
  /// The rules shipped in the package's `rules/` folder, compiled into the library at build time.
  ///
  /// Paths are relative to the package root (`rules/sites/numerama.com.rules`).
  /// - Throws: `RuleSetError` only if the shipped rules are broken, which the tests rule out.
  public static func builtin() throws(RuleSetError) -> RuleSet {
    try RuleSet(parsing: BuiltinRuleFiles.files.map { (path: $0.path, text: $0.text) })
  }

  /// The shipped rule files as (path, text) pairs, for tools that show or check them.
  public static var builtinFiles: [(path: String, text: String)] {
    BuiltinRuleFiles.files.map { (path: $0.path, text: $0.text) }
  }
}
