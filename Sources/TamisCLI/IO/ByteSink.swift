import Foundation
import Synchronization

/// Where the CLI writes bytes: a file descriptor in the real tool, memory in tests.
protocol ByteSink: Sendable {
  /// Writes all of `bytes`, in one piece with respect to other writers of this sink.
  /// - Throws: `WriteError.brokenPipe` when the reader has gone away.
  func write(_ bytes: [UInt8]) throws(WriteError)
}

extension ByteSink {
  /// Writes a string's UTF-8 bytes.
  func write(_ text: String) throws(WriteError) { try write(Array(text.utf8)) }
}

/// Why a write failed.
enum WriteError: Error, Equatable {
  /// The reader closed the pipe (EPIPE): not an error for a filter, just a reason to stop.
  case brokenPipe
  /// Any other failure, with the `errno` text.
  case failed(reason: String)

  /// The message text (`no space left on device`).
  var message: String {
    switch self {
    case .brokenPipe: "broken pipe"
    case .failed(let reason): reason
    }
  }
}

/// Writes to a file descriptor (stdout, stderr), holding a lock so documents never interleave.
final class FileDescriptorSink: ByteSink {
  private let descriptor: Int32
  private let lock = Mutex(())

  /// Wraps an open descriptor; the sink never closes it.
  init(descriptor: Int32) { self.descriptor = descriptor }

  func write(_ bytes: [UInt8]) throws(WriteError) {
    let result: WriteError? = lock.withLock { _ in
      bytes.withUnsafeBytes { buffer -> WriteError? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
          let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            if errno == EPIPE { return .brokenPipe }
            return .failed(reason: FileBytes.reason(errno))
          }
          offset += written
        }
        return nil
      }
    }
    if let result { throw result }
  }
}

/// Collects everything written, for in-process tests.
final class MemorySink: ByteSink {
  private let storage = Mutex<[UInt8]>([])

  /// Creates an empty sink.
  init() {}

  func write(_ bytes: [UInt8]) throws(WriteError) {
    storage.withLock { $0 += bytes }
  }

  /// Everything written so far, decoded as UTF-8.
  var text: String { storage.withLock { String(decoding: $0, as: UTF8.self) } }

  /// Everything written so far, as bytes.
  var bytes: [UInt8] { storage.withLock { $0 } }
}
