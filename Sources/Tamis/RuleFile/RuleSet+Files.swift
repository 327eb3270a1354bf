public import Foundation

extension RuleSet {

  /// Loads every `.rules` file under a folder (recursively, in path order), or one file.
  /// - Parameter url: a folder or a single rule file.
  /// - Throws: `RuleSetError` with every error of every file.
  public init(directory url: URL) throws(RuleSetError) {
    try self.init(contentsOf: [url])
  }

  /// Loads rule files and folders, in the order given, after the packs of `base`; folders are
  /// read recursively.
  ///
  /// Every problem names its file: a file that cannot be read or is not a rule file (a device,
  /// a folder named `x.rules`) by its path, invalid UTF-8 at the line and column of its first
  /// bad byte, and a rule set over `Settings.ruleLimit` at the first rule past the limit. A leading
  /// byte-order mark is skipped.
  /// - Parameters:
  ///   - urls: files and folders. A path is reported as given.
  ///   - base: rules loaded before these (the built-in ones), counted in the rule limit.
  /// - Throws: `RuleSetError` with every error of every file (`RuleSetLoad` has them all and
  ///   the rules of the files without errors).
  public init(contentsOf urls: [URL], after base: RuleSet = .empty) throws(RuleSetError) {
    let load = RuleSetLoad(contentsOf: urls, after: base)
    guard load.errors.isEmpty else { throw RuleSetError(diagnostics: load.errors) }
    self = load.rules
  }

  // MARK: - Finding the files

  /// The rule files at `url`: the file itself, or the `.rules` files under a folder.
  static func ruleFiles(at url: URL, diagnostics: inout [Diagnostic]) -> [URL] {
    var info = stat()
    guard stat(url.path, &info) == 0 else {
      let reason = errno == ENOENT ? "no such file or folder" : reason(errno)
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.unreadable(path: url.relativePath, reason: reason))))
      return []
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: break
    case S_IFCHR, S_IFBLK:
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: url.relativePath, kind: .device)))
      )
      return []
    case S_IFSOCK:
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: url.relativePath, kind: .socket)))
      )
      return []
    // A regular file or a FIFO (`--rules <(generate)`), read up to the size limit.
    default: return [url]
    }
    var found: [URL] = []
    let known = diagnostics.count
    walk(url, found: &found, diagnostics: &diagnostics, root: url)
    if found.isEmpty, diagnostics.count == known {
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.noRuleFiles(path: url.relativePath))))
    }
    return found.sorted { $0.path < $1.path }
  }

  /// Adds the `.rules` files under `folder` to `found`, recursively; hidden entries are
  /// skipped and links to folders are not followed, so a link loop cannot trap the walk. A
  /// `.rules` entry that is not a readable file of text is reported, never skipped.
  private static func walk(
    _ folder: URL, found: inout [URL], diagnostics: inout [Diagnostic], root: URL
  ) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      let path = displayPath(folder, under: root)
      diagnostics.append(
        Diagnostic(.error, at: nil, .ruleFile(.unreadable(path: path, reason: reason(error)))))
      return
    }
    for name in names.sorted() where !name.hasPrefix(".") {
      let child = folder.appendingPathComponent(name)
      let isRuleFile = name.hasSuffix(".rules")
      let path = displayPath(child, under: root)
      var info = stat()
      guard lstat(child.path, &info) == 0 else { continue }
      var kind = info.st_mode & S_IFMT
      if kind == S_IFLNK {
        guard stat(child.path, &info) == 0 else {
          if isRuleFile {
            diagnostics.append(
              Diagnostic(.error, at: nil, .ruleFile(.unreadable(path: path, reason: reason(errno))))
            )
          }
          continue
        }
        kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { continue }
      }
      switch kind {
      case S_IFDIR where isRuleFile:
        diagnostics.append(
          Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: path, kind: .folder))))
      case S_IFDIR:
        walk(child, found: &found, diagnostics: &diagnostics, root: root)
      case _ where !isRuleFile: continue
      case S_IFCHR, S_IFBLK:
        diagnostics.append(
          Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: path, kind: .device))))
      case S_IFSOCK:
        diagnostics.append(
          Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: path, kind: .socket))))
      default: found.append(child)
      }
    }
  }

  static func displayPath(_ file: URL, under root: URL) -> String {
    let rootPath = root.standardizedFileURL.path
    let filePath = file.standardizedFileURL.path
    guard filePath.hasPrefix(rootPath + "/") else { return root.relativePath }
    let relative = filePath.dropFirst(rootPath.count + 1)
    return (root.relativePath as NSString).appendingPathComponent(String(relative))
  }

  // MARK: - Reading a file

  /// The text of one rule file, without a leading byte-order mark, or the diagnostic that
  /// stops it (unreadable, too large, invalid UTF-8 at its line and column).
  static func read(_ url: URL, path: String) -> Result<String, Diagnostic> {
    var bytes: [UInt8]
    switch readBytes(url.path, limit: Settings.ruleFileBytes) {
    case .success(let read): bytes = read
    case .failure(let error):
      return .failure(
        Diagnostic(.error, at: nil, .ruleFile(.unreadable(path: path, reason: reason(error.code)))))
    }
    if bytes.count > Settings.ruleFileBytes {
      return .failure(
        Diagnostic(
          .error, at: SourceLocation(path: path, line: 1),
          .ruleFile(.fileTooLarge(bytes: bytes.count, limit: Settings.ruleFileBytes))))
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if let invalid = bytes.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:)) {
      return .failure(
        Diagnostic(
          .error, at: location(ofByte: invalid.firstOffset, in: bytes, path: path),
          .ruleFile(.invalidUTF8(byte: bytes[invalid.firstOffset]))))
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// The bytes of the file at `path`, up to one byte past `limit` (so a device or a FIFO
  /// without end stops there), or the `errno` of the failing call.
  private static func readBytes(_ path: String, limit: Int) -> Result<[UInt8], SystemError> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(SystemError(code: errno))
      }
      if count == 0 { break }
      bytes += chunk[..<count]
    }
    return .success(bytes)
  }

  /// The line and Character column of byte `offset`, with lines ended by LF, CRLF or CR as the
  /// lexer ends them.
  private static func location(ofByte offset: Int, in bytes: [UInt8], path: String)
    -> SourceLocation
  {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset {
      if bytes[index] == 0x0A || bytes[index] == 0x0D {
        if bytes[index] == 0x0D, index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
    return SourceLocation(path: path, line: line, column: prefix.count + 1)
  }

  /// A failed system call's `errno`.
  private struct SystemError: Error {
    let code: Int32
  }

  /// What the system says of `errno` value `code`, in lower case: "permission denied".
  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }

  /// The system's reason for a Foundation error, when it carries an `errno`.
  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSPOSIXErrorDomain { return reason(Int32(nsError.code)) }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return reason(Int32(underlying.code))
    }
    return nsError.localizedDescription
  }

  // MARK: - The rule limit

  /// `diagnostics` with an unlocated `tooManyRules` placed at the first rule past the limit in
  /// `packs` (in load order); `packs` is only called when there is one.
  static func locatingRuleLimit(
    in diagnostics: [Diagnostic], packs: () -> [RulePack]
  ) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      guard diagnostic.location == nil,
        case .ruleFile(.tooManyRules(let limit)) = diagnostic.problem
      else { return diagnostic }
      var count = 0
      for pack in packs() {
        for group in pack.groups {
          guard count + group.rules.count > limit else {
            count += group.rules.count
            continue
          }
          var located = diagnostic
          located.location = group.rules[limit - count].location
          return located
        }
      }
      return diagnostic
    }
  }
}
