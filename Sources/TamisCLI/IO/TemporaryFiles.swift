import Foundation
import Synchronization

/// Writes files atomically (a temporary file in the output folder, then a rename) and removes
/// every temporary file still in flight when the process is interrupted.
final class TemporaryFiles: Sendable {
  private let inFlight = Mutex<Set<String>>([])
  private let counter = Atomic<Int>(0)
  private let folder: String

  /// Temporary files go in `folder` (the output folder, so the rename stays on one file system).
  init(folder: String) { self.folder = folder }

  /// Writes `data` to `path` through a temporary file, so `path` is never half-written.
  func write(_ data: Data, to path: String) throws {
    let number = counter.add(1, ordering: .relaxed).oldValue
    let temporary = (folder as NSString).appendingPathComponent(
      ".tamis-\(getpid())-\(number).tmp")
    // The file is created while the lock is held: the interrupt handler takes the lock too,
    // so it either runs before the file exists or sees it listed (and it exits holding the
    // lock, so no file is created after its clean-up).
    let failure = inFlight.withLock { files -> Int32 in
      files.insert(temporary)
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
      guard descriptor >= 0 else { return errno }
      close(descriptor)
      return 0
    }
    defer { inFlight.withLock { _ = $0.remove(temporary) } }
    do {
      if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
      try data.write(to: URL(fileURLWithPath: temporary))
      if rename(temporary, path) != 0 {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
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
