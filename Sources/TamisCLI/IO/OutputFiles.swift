import Foundation
import Synchronization

/// Writes every file tamis writes (batch outputs, the captions file), by one set of rules.
///
/// - A path that is a symbolic link is followed to its target (a dangling link creates its
///   target), so the link stays a link.
/// - A regular file, or a path that does not exist yet, is written through a temporary file in
///   the same folder and a rename, so it is never half-written.
/// - Anything else (a device such as `/dev/null`, a FIFO, `/dev/stdout` on a pipe) is written in
///   place: replacing it would destroy it.
/// - A regular file that is one of the protected files (the inputs, the standard output) is
///   refused: tamis never writes over what it reads.
///
/// On SIGINT or SIGTERM, `removeOnInterrupt` removes every temporary file still in flight.
final class OutputFiles: Sendable {
  private let inFlight = Mutex<Set<String>>([])
  private let counter = Atomic<Int>(0)
  /// The files never written over, with the name each is refused under.
  private let protected: [FileID: OutputPathProblem]
  /// Output folders already made, so each is created once per run, not once per file.
  private let madeFolders = Mutex<Set<String>>([])

  /// Creates a writer that refuses to write over `protected` (see `protectedFiles`).
  init(protecting protected: [FileID: OutputPathProblem] = [:]) {
    self.protected = protected
  }

  /// The protection map for `inputs` (paths, `-` for standard input) and standard output:
  /// each regular file among them maps to the problem that names it.
  static func protectedFiles(inputs: [String], streams: Streams) -> [FileID: OutputPathProblem] {
    var protected: [FileID: OutputPathProblem] = [:]
    if let descriptor = streams.outputDescriptor, let id = FileID(descriptor: descriptor) {
      protected[id] = .isOutput
    }
    for input in inputs.reversed() {
      if input == "-" {
        if let descriptor = streams.inputDescriptor, let id = FileID(descriptor: descriptor) {
          protected[id] = .isInput(input: InputReader.standardInputName)
        }
      } else if let id = FileID(path: input) {
        protected[id] = .isInput(input: input)
      }
    }
    return protected
  }

  /// Creates `path` and its parents unless this run already did.
  func makeFolder(_ path: String) throws {
    if madeFolders.withLock({ $0.contains(path) }) { return }
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    madeFolders.withLock { _ = $0.insert(path) }
  }

  /// Where writing `path` would go, or why it may not be written, without writing anything.
  func destination(of path: String) -> Result<Destination, OutputPathProblem> {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return .success(.replace(path)) }
      return .failure(.failed(reason: FileBytes.reason(errno)))
    }
    if info.st_mode & S_IFMT == S_IFLNK {
      guard stat(path, &info) == 0 else {
        guard errno == ENOENT else { return .failure(.failed(reason: FileBytes.reason(errno))) }
        // A dangling link: its (last) target is created.
        return Self.linkTarget(of: path).map { .replace($0) }
      }
      // The followed file, reached through the link itself for anything but a regular file:
      // `/dev/stdout` on a pipe links to `pipe:[…]`, which is no path.
      guard info.st_mode & S_IFMT == S_IFREG else { return destination(kind: info, path: path) }
      guard let resolved = realpath(path, nil) else {
        return .failure(.failed(reason: FileBytes.reason(errno)))
      }
      defer { free(resolved) }
      return destination(kind: info, path: String(cString: resolved))
    }
    return destination(kind: info, path: path)
  }

  /// The destination for an existing file of `info`'s kind at `path` (no link).
  private func destination(kind info: stat, path: String) -> Result<Destination, OutputPathProblem>
  {
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      if let problem = protected[FileID(info)] { return .failure(problem) }
      return .success(.replace(path))
    case S_IFDIR: return .failure(.isFolder)
    default: return .success(.inPlace(path))
    }
  }

  /// How a path is written.
  enum Destination: Equatable {
    /// Through a temporary file next to this path, then a rename onto it.
    case replace(String)
    /// Opened and written where it is (a device or a FIFO).
    case inPlace(String)
  }

  /// Writes `bytes` to `path` by the rules above.
  ///
  /// Plain `write(2)` calls and a rename, without `fsync`: a finished output survives the
  /// process being killed at any point, not a power cut (syncing each small output made a
  /// batch several times slower).
  func write(_ bytes: [UInt8], to path: String) throws(OutputPathProblem) {
    switch destination(of: path) {
    case .failure(let problem): throw problem
    case .success(.inPlace(let target)): try Self.writeInPlace(bytes, to: target)
    case .success(.replace(let target)): try replace(target, with: bytes)
    }
  }

  private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(OutputPathProblem) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .failed(reason: FileBytes.reason(errno)) }
    let written = bytes.withUnsafeBytes { FileBytes.writeAll($0, to: descriptor) }
    let closed = close(descriptor) == 0 ? 0 : errno
    if written != 0 { throw .failed(reason: FileBytes.reason(written)) }
    if closed != 0 { throw .failed(reason: FileBytes.reason(closed)) }
  }

  private func replace(_ path: String, with bytes: [UInt8]) throws(OutputPathProblem) {
    let number = counter.add(1, ordering: .relaxed).oldValue
    let folder = (path as NSString).deletingLastPathComponent
    let temporary = (folder.isEmpty ? "." : folder) + "/.tamis-\(getpid())-\(number).tmp"
    // The file is created while the lock is held: the interrupt handler takes the lock too,
    // so it either runs before the file exists or sees it listed (and it exits holding the
    // lock, so no file is created after its clean-up).
    let opened = inFlight.withLock { files -> (descriptor: Int32, error: Int32) in
      files.insert(temporary)
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      return (descriptor, descriptor >= 0 ? 0 : errno)
    }
    defer { inFlight.withLock { _ = $0.remove(temporary) } }
    var failure: Int32 = opened.error
    if opened.descriptor >= 0 {
      let written = bytes.withUnsafeBytes { FileBytes.writeAll($0, to: opened.descriptor) }
      let closed = close(opened.descriptor) == 0 ? 0 : errno
      failure = written != 0 ? written : closed
      if failure == 0, rename(temporary, path) != 0 { failure = errno }
    }
    if failure != 0 {
      unlink(temporary)
      throw .failed(reason: FileBytes.reason(failure))
    }
  }

  /// The path a dangling symbolic link leads to, following links in turn (at most 40, as the
  /// system does) to the first path that does not exist.
  private static func linkTarget(of path: String) -> Result<String, OutputPathProblem> {
    var current = path
    for _ in 0..<40 {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count >= 0 else { return .failure(.failed(reason: FileBytes.reason(errno))) }
      let destination = String(
        decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current =
        destination.hasPrefix("/")
        ? destination
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(destination)
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else {
        return .success(current)
      }
    }
    return .failure(.failed(reason: FileBytes.reason(ELOOP)))
  }

  /// The absolute path of `path` with every link resolved, also when its last components do
  /// not exist yet: the nearest existing parent is resolved and the rest appended.
  static func resolvedPath(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/")
      ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    var existing = (absolute as NSString).standardizingPath
    var rest: [String] = []
    while true {
      if let resolved = realpath(existing, nil) {
        defer { free(resolved) }
        var result = String(cString: resolved)
        for component in rest.reversed() {
          result = (result as NSString).appendingPathComponent(component)
        }
        return result
      }
      let parent = (existing as NSString).deletingLastPathComponent
      guard parent != existing, !parent.isEmpty else { return absolute }
      rest.append((existing as NSString).lastPathComponent)
      existing = parent
    }
  }

  /// On SIGINT or SIGTERM: remove the temporary files in flight and exit with 128 + signal.
  /// - Returns: the signal sources; keep them alive for as long as the handling should last.
  ///
  /// - Parameter message: what to write on stderr before exiting (such as how far a batch
  ///   got), or nil for nothing; called once, on the signal.
  func removeOnInterrupt(message: (@Sendable () -> String)? = nil) -> [any DispatchSourceSignal] {
    var sources: [any DispatchSourceSignal] = []
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [self] in
        inFlight.withLock { files in
          for path in files { unlink(path) }
          if let text = message?() {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
          }
          _exit(128 + signalNumber)
        }
      }
      source.resume()
      sources.append(source)
    }
    return sources
  }
}

/// A file's identity: its device and inode, the same through every path and link to it.
struct FileID: Hashable, Sendable {
  let device: UInt64
  let inode: UInt64

  /// The identity in a `stat` result.
  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }

  /// The identity of the regular file at `path` (links followed), or nil.
  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    self.init(info)
  }

  /// The identity of the regular file open on `descriptor`, or nil.
  init?(descriptor: Int32) {
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    self.init(info)
  }
}

/// Why tamis does not write an output path.
enum OutputPathProblem: Error, Equatable, Sendable {
  /// The path is one of the inputs (named as the user gave it).
  case isInput(input: String)
  /// The path is the file standard output goes to.
  case isOutput
  /// The path is a folder.
  case isFolder
  /// The system refused (the `errno` text).
  case failed(reason: String)

  /// True for `isInput`, whatever the input.
  var isInput: Bool {
    if case .isInput = self { return true }
    return false
  }

  /// The message text, after `cannot write …: `.
  var message: String {
    switch self {
    case .isInput(let input): "it is the input '\(input)'; choose another path"
    case .isOutput: "it is the output; choose another path"
    case .isFolder: "it is a folder"
    case .failed(let reason): reason
    }
  }
}
