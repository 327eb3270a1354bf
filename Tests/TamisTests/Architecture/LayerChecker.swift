import Foundation

/// A file of a lower layer that names a type declared by a higher layer.
struct LayerViolation: Equatable, CustomStringConvertible {
  /// The file's path under the checked folder (`Model/RuleSet.swift`).
  var file: String
  /// The 1-based line where the name stands.
  var line: Int
  /// The layer of the file.
  var layer: String
  /// The name of the upper layer's type.
  var typeName: String
  /// The layer that declares the type.
  var upperLayer: String

  /// `file:line: 'Lower' names 'UpperType' of layer 'Upper'`.
  var description: String {
    "\(file):\(line): '\(layer)' names '\(typeName)' of layer '\(upperLayer)'"
  }
}

/// Reads a tree shaped like `Sources/Tamis` (one folder per layer) and finds every place where a
/// file names a type that a higher layer declares.
///
/// Each layer's types are derived from its own folder: the names after `struct`, `enum`,
/// `class`, `protocol`, `actor` and `typealias` at the top level of its files, except `private`
/// and `fileprivate` ones, which no other file can see. A use is an identifier token outside
/// comments and string literals (interpolated code counts). A name that the file's own tier or
/// a lower one also declares, at any depth, is taken to mean that declaration.
struct LayerChecker {
  /// One Swift file of the tree.
  struct SourceFile {
    /// The path under the root (`Model/RuleSet.swift`).
    var path: String
    /// The folder directly under the root.
    var layer: String
    /// The file's code tokens.
    var tokens: [SwiftTokens.Token]
  }

  /// The direction table the tree is held to.
  let table: LayerTable
  /// Every Swift file, by path.
  let files: [SourceFile]

  /// Reads every `.swift` file under `root`.
  /// - Throws: when the folder cannot be read.
  init(root: URL, table: LayerTable) throws {
    self.table = table
    let manager = FileManager.default
    var files: [SourceFile] = []
    let rootPath = root.standardizedFileURL.path
    let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let path = String(url.standardizedFileURL.path.dropFirst(rootPath.count + 1))
      let components = path.split(separator: "/")
      let layer = components.count > 1 ? String(components[0]) : ""
      let text = try String(contentsOf: url, encoding: .utf8)
      files.append(SourceFile(path: path, layer: layer, tokens: SwiftTokens(text).tokens))
    }
    self.files = files.sorted { $0.path < $1.path }
  }

  /// The folders that hold Swift files but that the table does not name (`""`: the root
  /// itself), sorted.
  var unknownLayers: [String] {
    Set(files.map(\.layer).filter { table.tier(of: $0) == nil }).sorted()
  }

  /// The top-level type names each layer declares and other files can see.
  var declaredTypes: [String: Set<String>] {
    files.reduce(into: [:]) { result, file in
      result[file.layer, default: []].formUnion(
        Self.declarations(in: file.tokens).filter { $0.isTopLevel && !$0.isPrivate }.map(\.name))
    }
  }

  /// Every place where a file names a type of a higher layer, in file and line order; a name
  /// used twice on one line is reported once.
  var violations: [LayerViolation] {
    let exported = declaredTypes
    var allNames: [String: Set<String>] = [:]
    for file in files {
      allNames[file.layer, default: []].formUnion(Self.declarations(in: file.tokens).map(\.name))
    }
    var result: [LayerViolation] = []
    for file in files {
      guard let tier = table.tier(of: file.layer) else { continue }
      let visible = allNames.filter { (table.tier(of: $0.key) ?? .max) <= tier }
        .values.reduce(into: Set<String>()) { $0.formUnion($1) }
      let upper = exported.filter { (table.tier(of: $0.key) ?? -1) > tier }
      var seen: Set<String> = []
      for token in file.tokens where token.isIdentifier && !visible.contains(token.text) {
        for (layer, names) in upper.sorted(by: { $0.key < $1.key })
        where names.contains(token.text) && seen.insert("\(token.line) \(token.text)").inserted {
          result.append(
            LayerViolation(
              file: file.path, line: token.line, layer: file.layer, typeName: token.text,
              upperLayer: layer))
        }
      }
    }
    return result
  }

  // MARK: - Declarations

  /// A type declared in a file.
  struct Declaration: Equatable {
    /// The type's name.
    var name: String
    /// Whether it stands outside every brace (not nested, not in an extension).
    var isTopLevel: Bool
    /// Whether it is `private` or `fileprivate`.
    var isPrivate: Bool
  }

  private static let typeKeywords: Set<String> = [
    "struct", "enum", "class", "protocol", "actor", "typealias", "associatedtype",
  ]
  private static let modifiers: Set<String> = [
    "public", "package", "internal", "fileprivate", "private", "open", "final", "indirect",
    "nonisolated",
  ]
  /// Words that follow `class` when it is a modifier (`class func`) rather than a declaration.
  private static let notTypeNames: Set<String> = [
    "func", "var", "let", "init", "deinit", "subscript", "override", "static", "final",
  ]

  /// The types declared in a file's tokens, in order.
  static func declarations(in tokens: [SwiftTokens.Token]) -> [Declaration] {
    var result: [Declaration] = []
    var depth = 0
    for (index, token) in tokens.enumerated() {
      if !token.isIdentifier {
        if token.text == "{" { depth += 1 }
        if token.text == "}" { depth = max(0, depth - 1) }
        continue
      }
      guard typeKeywords.contains(token.text), index + 1 < tokens.count,
        index == 0 || tokens[index - 1].text != ".",
        tokens[index + 1].isIdentifier, !notTypeNames.contains(tokens[index + 1].text)
      else { continue }
      var isPrivate = false
      var back = index - 1
      while back >= 0 {
        let previous = tokens[back]
        if previous.isIdentifier, modifiers.contains(previous.text) {
          if previous.text == "private" || previous.text == "fileprivate" { isPrivate = true }
          back -= 1
        } else if previous.isIdentifier, back >= 1, tokens[back - 1].text == "@" {
          back -= 2
        } else {
          break
        }
      }
      result.append(
        Declaration(name: tokens[index + 1].text, isTopLevel: depth == 0, isPrivate: isPrivate))
    }
    return result
  }
}
