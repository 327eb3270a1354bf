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
    var packs: [RulePack] = []
    var diagnostics: [Diagnostic] = []
    for file in files {
      let (pack, found) = RuleFileParser.parse(file.text, path: file.path)
      diagnostics += found
      packs.append(pack)
    }
    guard diagnostics.isEmpty else {
      // Cross-file checks still run on the packs that parsed, so all errors come in one round.
      do { _ = try RuleSet(packs: packs) } catch { diagnostics += error.diagnostics }
      throw RuleSetError(diagnostics: diagnostics)
    }
    try self.init(packs: packs)
  }
}
