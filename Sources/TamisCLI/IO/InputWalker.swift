import Foundation

/// Finds the documents under the inputs of a batch run and where their outputs go.
///
/// Folders are walked recursively in path order; hidden files and folders are skipped, and
/// symbolic links to folders are not followed, so a link loop cannot trap the walk.
enum InputWalker {
  /// One document to clean.
  struct Document: Sendable {
    /// The path to read, as the user would write it.
    var path: String
    /// The path under the output folder, without extension change: `a/b/x.txt`.
    var relativePath: String
    /// Set when this is a folder of the tree that could not be listed (its `errno`): it is
    /// reported as a failed input, so no part of the tree is skipped silently.
    var unlistableFolderError: Int32? = nil
    /// The file's identity (nil for an unlistable folder), so no output is written over it.
    var fileID: FileID? = nil
  }

  /// Every document under `inputs`, in order, or the problem that stops the run.
  static func documents(in inputs: [String]) -> Result<[Document], BatchProblem> {
    var documents: [Document] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        return .failure(.missingInput(path: input))
      }
      let base = mirrored(input)
      guard isDirectory.boolValue else {
        documents.append(Document(path: input, relativePath: base, fileID: FileID(path: input)))
        continue
      }
      var found: [Document] = []
      for (relative, error, fileID) in files(under: input) {
        found.append(
          Document(
            path: relative.isEmpty ? input : (input as NSString).appendingPathComponent(relative),
            relativePath: base.isEmpty ? relative : base + "/" + relative,
            unlistableFolderError: error, fileID: fileID))
      }
      documents += found.sorted { $0.relativePath < $1.relativePath }
    }
    return .success(documents)
  }

  /// The files under `folder`, as paths relative to it: regular files and links to regular
  /// files; hidden entries are skipped and links to folders are not followed. A folder that
  /// cannot be listed comes back with the `errno` of `opendir`.
  ///
  /// `readdir` and `lstat` rather than `FileManager`'s enumerator, whose attribute lookups read
  /// the user and group databases for every file (five extra opens per document).
  private static func files(under folder: String) -> [(
    relative: String, error: Int32?, fileID: FileID?
  )] {
    var found: [(relative: String, error: Int32?, fileID: FileID?)] = []
    var pending: [(path: String, relative: String)] = [(folder, "")]
    while let (path, relative) = pending.popLast() {
      guard let directory = opendir(path) else {
        found.append((relative, errno, nil))
        continue
      }
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
          String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        if !name.hasPrefix(".") { names.append(name) }
      }
      closedir(directory)
      for name in names {
        let child = path + "/" + name
        let childRelative = relative.isEmpty ? name : relative + "/" + name
        var info = stat()
        guard lstat(child, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: pending.append((child, childRelative))
        case S_IFREG: found.append((childRelative, nil, FileID(info)))
        case S_IFLNK:
          var target = stat()
          if stat(child, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
            found.append((childRelative, nil, FileID(target)))
          }
        default: continue
        }
      }
    }
    return found
  }

  /// The part of an input path mirrored under the output folder: its last component, so
  /// `tamis /data/crawl --out OUT` writes `OUT/crawl/…` and `tamis a --out OUT` writes `OUT/a/…`.
  static func mirrored(_ input: String) -> String {
    let components = input.split(separator: "/").filter { $0 != "." && $0 != ".." && !$0.isEmpty }
    return components.last.map(String.init) ?? ""
  }

  /// True when `inner` is `outer` or inside it, comparing resolved absolute paths; a path that
  /// does not exist yet is resolved from its nearest existing parent, so an output folder to be
  /// made under a link into an input counts as inside it.
  static func isInside(_ inner: String, _ outer: String) -> Bool {
    let innerPath = OutputFiles.resolvedPath(inner)
    let outerPath = OutputFiles.resolvedPath(outer)
    return innerPath == outerPath || innerPath.hasPrefix(outerPath + "/")
  }
}

/// Problems that stop a batch run before it starts.
enum BatchProblem: Error, Equatable {
  case missingInput(path: String)
  case outputInsideInput(output: String, input: String)
  case inputInsideOutput(input: String, output: String)
  case cannotCreateOutput(path: String, reason: String)
  /// Several inputs would be written to one output (the first output they share).
  case outputClash(inputs: [String], output: String)
  /// More clashes than are listed one by one.
  case moreClashes(count: Int)

  /// The message text.
  var message: String {
    switch self {
    case .missingInput(let path): "no such file or folder '\(path)'"
    case .outputInsideInput(let output, let input):
      "output folder '\(output)' is inside input folder '\(input)'; choose a folder outside it"
    case .inputInsideOutput(let input, let output):
      "input '\(input)' is inside output folder '\(output)'; choose another output folder"
    case .cannotCreateOutput(let path, let reason): "cannot create '\(path)': \(reason)"
    case .outputClash(let inputs, let output):
      "inputs \(Self.list(inputs)) would \(inputs.count == 2 ? "both" : "all") be written to "
        + "'\(output)'; "
        + "clean them into separate output folders"
    case .moreClashes(let count):
      "and \(count) more outputs that several inputs would write"
    }
  }

  /// `'a' and 'b'`, `'a', 'b' and 'c'`.
  private static func list(_ values: [String]) -> String {
    let quoted = values.map { "'\($0)'" }
    guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " and " + last
  }
}
