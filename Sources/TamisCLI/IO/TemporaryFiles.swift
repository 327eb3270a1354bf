import Foundation
import Synchronization

/// Writes files atomically (a temporary file in the output folder, then a rename) and removes
/// every temporary file still in flight when the process is interrupted.
final class TemporaryFiles: Sendable {
  private let inFlight = Mutex<Set<String>>([])
  private let counter = Atomic<Int>(0)
  private let folder: String
  /// Output folders already made, so each is created once per run, not once per file.
  private let madeFolders = Mutex<Set<String>>([])

  /// Temporary files go in `folder` (the output folder, so the rename stays on one file system).
  init(folder: String) { self.folder = folder }

  /// Creates `path` and its parents unless this run already did.
  func makeFolder(_ path: String) throws {
    if madeFolders.withLock({ $0.contains(path) }) { return }
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    madeFolders.withLock { _ = $0.insert(path) }
  }

  /// Writes `bytes` to `path` through a temporary file, so `path` is never half-written.
  ///
  /// Plain `write(2)` calls and a rename, without `fsync`: a finished output survives the
  /// process being killed at any point, not a power cut (syncing each small output made a
  /// batch several times slower).
  func write(_ bytes: [UInt8], to path: String) throws {
    let number = counter.add(1, ordering: .relaxed).oldValue
    let temporary = (folder as NSString).appendingPathComponent(
      ".tamis-\(getpid())-\(number).tmp")
    // The file is created while the lock is held: the interrupt handler takes the lock too,
    // so it either runs before the file exists or sees it listed (and it exits holding the
    // lock, so no file is created after its clean-up).
    let opened = inFlight.withLock { files -> (descriptor: Int32, error: Int32) in
      files.insert(temporary)
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      return (descriptor, descriptor >= 0 ? 0 : errno)
    }
    defer { inFlight.withLock { _ = $0.remove(temporary) } }
    do {
      guard opened.descriptor >= 0 else { throw FileBytes.error(opened.error) }
      let written = bytes.withUnsafeBytes { FileBytes.writeAll($0, to: opened.descriptor) }
      let closed = close(opened.descriptor) == 0 ? 0 : errno
      if written != 0 { throw FileBytes.error(written) }
      if closed != 0 { throw FileBytes.error(closed) }
      if rename(temporary, path) != 0 { throw FileBytes.error(errno) }
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// On SIGINT or SIGTERM: remove the temporary files in flight and exit with 128 + signal.
  /// - Returns: the signal sources; keep them alive for as long as the handling should last.
  func removeOnInterrupt() -> [any DispatchSourceSignal] {
    var sources: [any DispatchSourceSignal] = []
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [self] in
        inFlight.withLock { files in
          for path in files { unlink(path) }
          _exit(128 + signalNumber)
        }
      }
      source.resume()
      sources.append(source)
    }
    return sources
  }
}
