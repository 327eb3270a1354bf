public import Foundation

/// What loading rule files gives, errors or not: every error of every file, and the rule set of
/// the files that loaded cleanly.
///
/// `tamis check` uses it to lint the good files and run their examples in the same run that
/// reports the bad ones, so a rule writer fixes everything in one round. The `RuleSet`
/// initialisers that read files or strings are built on it and throw when `errors` is not empty.
public struct RuleSetLoad: Sendable, Hashable {
  /// The base's packs followed by those of every file without an error of its own.
  ///
  /// A file is left out when it cannot be read, has a parse error, or is where an error across
  /// files points (the second definition of a group id). When `errors` is empty this is the
  /// whole rule set; when the good files still do not make a valid rule set together (too many
  /// rules), it is the base alone.
  public let rules: RuleSet
  /// Every error: files that cannot be read, then each file's parse errors in load order, then
  /// the errors across files and the base (duplicate ids, too many rules).
  public let errors: [Diagnostic]
  /// The path of every pack: the base's, then each file parsed, errors or not, in load order.
  public let paths: [String]

  /// Parses rule files given as strings, after the packs of `base`.
  /// - Parameters:
  ///   - files: each file's path (used in diagnostics and in `Removal.rule`) and content.
  ///   - base: rules loaded before these (the built-in ones), counted in the rule limit.
  public init(parsing files: [(path: String, text: String)], after base: RuleSet = .empty) {
    self.init(files: files, readErrors: [], base: base)
  }

  /// Loads rule files and folders, in the order given, after the packs of `base`; folders are
  /// read recursively, as `RuleSet(contentsOf:after:)` documents.
  /// - Parameters:
  ///   - urls: files and folders. A path is reported as given.
  ///   - base: rules loaded before these (the built-in ones), counted in the rule limit.
  public init(contentsOf urls: [URL], after base: RuleSet = .empty) {
    var files: [(path: String, text: String)] = []
    var readErrors: [Diagnostic] = []
    for url in urls {
      for fileURL in RuleSet.ruleFiles(at: url, diagnostics: &readErrors) {
        let path = RuleSet.displayPath(fileURL, under: url)
        switch RuleSet.read(fileURL, path: path) {
        case .success(let text): files.append((path, text))
        case .failure(let diagnostic): readErrors.append(diagnostic)
        }
      }
    }
    self.init(files: files, readErrors: readErrors, base: base)
  }

  private init(
    files: [(path: String, text: String)], readErrors: [Diagnostic], base: RuleSet
  ) {
    var packs: [RulePack] = []
    var parseErrors: [Diagnostic] = []
    var broken: Set<Int> = []
    for file in files {
      let (pack, found) = RuleFileParser.parse(file.text, path: file.path)
      if !found.isEmpty { broken.insert(packs.count) }
      parseErrors += found
      packs.append(pack)
    }
    // Every parsed pack takes part in the checks across files, broken or not, so a duplicate
    // id is reported in the same round as the parse error next to it.
    let all = base.packs + packs
    var crossErrors: [Diagnostic] = []
    let whole: RuleSet?
    do {
      whole = try RuleSet(packs: all)
    } catch {
      whole = nil
      crossErrors = RuleSet.locatingRuleLimit(in: error.diagnostics) { all }
    }
    errors = readErrors + parseErrors + crossErrors
    paths = all.map(\.path)
    if errors.isEmpty, let whole {
      rules = whole
      return
    }
    let blamed = Set(crossErrors.compactMap { $0.location?.path })
    let good = packs.indices.filter { !broken.contains($0) && !blamed.contains(packs[$0].path) }
    rules = (try? RuleSet(packs: base.packs + good.map { packs[$0] })) ?? base
  }
}
