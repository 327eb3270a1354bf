extension RuleSet {
  /// Parses one rule file given as a string.
  /// - Parameters:
  ///   - text: the rule file's content.
  ///   - source: the path used in diagnostics and in `Removal.rule`.
  /// - Throws: `RuleSetError` with every error in the text.
  public init(parsing text: String, source: String) throws(RuleSetError) {
    try self.init(parsing: [(path: source, text: text)])
  }

  /// Parses several rule files given as strings, reporting the errors of all of them.
  /// - Throws: `RuleSetError` with every error of every file.
  public init(parsing files: [(path: String, text: String)]) throws(RuleSetError) {
    let load = RuleSetLoad(parsing: files)
    guard load.errors.isEmpty else { throw RuleSetError(diagnostics: load.errors) }
    self = load.rules
  }
}
