public import Foundation

extension RuleSet {

  /// Loads every `.rules` file under a folder (recursively, in path order), or one file.
  /// - Parameter url: a folder or a single rule file.
  /// - Throws: `RuleSetError` with every error of every file.
  public init(directory url: URL) throws(RuleSetError) {
    try self.init(contentsOf: [url])
  }

  /// Loads rule files and folders, in the order given; folders are read recursively.
  /// - Parameter urls: files and folders. A path is reported as given.
  /// - Throws: `RuleSetError` with every error of every file.
  public init(contentsOf urls: [URL]) throws(RuleSetError) {
    var files: [(path: String, text: String)] = []
    var diagnostics: [Diagnostic] = []
    for url in urls {
      for fileURL in Self.ruleFiles(at: url, diagnostics: &diagnostics) {
        let path = Self.displayPath(fileURL, under: url)
        switch Self.read(fileURL, path: path) {
        case .success(let text): files.append((path, text))
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        }
      }
    }
    let parsed: RuleSet
    do {
      parsed = try RuleSet(parsing: files)
    } catch {
      throw RuleSetError(diagnostics: diagnostics + error.diagnostics)
    }
    if !diagnostics.isEmpty { throw RuleSetError(diagnostics: diagnostics) }
    self = parsed
  }

  private static func ruleFiles(at url: URL, diagnostics: inout [Diagnostic]) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      diagnostics.append(
        Diagnostic(
          .error, at: nil,
          .ruleFile(.unreadable(path: url.relativePath, reason: "no such file or folder"))))
      return []
    }
    guard isDirectory.boolValue else { return [url] }
    let enumerator = FileManager.default.enumerator(
      at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    var found: [URL] = []
    while let next = enumerator?.nextObject() as? URL {
      if next.pathExtension == "rules" { found.append(next) }
    }
    if found.isEmpty {
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.noRuleFiles(path: url.relativePath))))
    }
    return found.sorted { $0.path < $1.path }
  }

  private static func displayPath(_ file: URL, under root: URL) -> String {
    let rootPath = root.standardizedFileURL.path
    let filePath = file.standardizedFileURL.path
    guard filePath.hasPrefix(rootPath + "/") else { return root.relativePath }
    let relative = filePath.dropFirst(rootPath.count + 1)
    return (root.relativePath as NSString).appendingPathComponent(String(relative))
  }

  private static func read(_ url: URL, path: String) -> Result<String, Diagnostic> {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return .failure(
        Diagnostic(
          .error, at: nil,
          .ruleFile(.unreadable(path: path, reason: error.localizedDescription))))
    }
    if data.count > Settings.ruleFileBytes {
      return .failure(
        Diagnostic(
          .error, at: SourceLocation(path: path, line: 1),
          .ruleFile(.fileTooLarge(bytes: data.count, limit: Settings.ruleFileBytes))))
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      return .failure(
        Diagnostic(.error, at: SourceLocation(path: path, line: 1), .ruleFile(.invalidUTF8)))
    }
    return .success(text)
  }
}
