import Foundation
import Synchronization
import Testing

/// A `tamis` process spawned from the built binary, with its output streams read on background
/// threads (so a large output never blocks it) until it exits.
final class Subprocess {
  let process: Process
  /// Bytes read from one stream.
  private final class Collected: Sendable {
    let data = Mutex(Data())
  }
  private let outputData = Collected()
  private let errorData = Collected()
  private let readers = DispatchGroup()
  /// The read end of stdout, when the caller reads it itself (`readsOutput: false`).
  let outputPipe: Pipe?

  /// Starts `tamis arguments…`; stdout goes to `output` when given, else to a pipe.
  init(
    _ arguments: [String], output: FileHandle? = nil, readsOutput: Bool = true,
    directory: URL? = nil
  ) throws {
    let process = Process()
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("tamis")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = FileHandle.nullDevice
    let errorPipe = Pipe()
    process.standardError = errorPipe
    var outputPipe: Pipe?
    if let output {
      process.standardOutput = output
    } else {
      let pipe = Pipe()
      process.standardOutput = pipe
      outputPipe = pipe
    }
    self.process = process
    self.outputPipe = readsOutput ? nil : outputPipe
    try process.run()
    Self.drain(errorPipe.fileHandleForReading, into: errorData, group: readers)
    if readsOutput, let outputPipe {
      Self.drain(outputPipe.fileHandleForReading, into: outputData, group: readers)
    }
  }

  private static func drain(_ handle: FileHandle, into storage: Collected, group: DispatchGroup) {
    nonisolated(unsafe) let handle = handle
    DispatchQueue.global().async(group: group) {
      let data = handle.readDataToEndOfFile()
      storage.data.withLock { $0 = data }
    }
  }

  /// Waits for the process and its streams; returns the exit status (128 + N for a signal).
  @discardableResult
  func wait() -> Int32 {
    readers.wait()
    process.waitUntilExit()
    let status = process.terminationStatus
    return process.terminationReason == .uncaughtSignal ? 128 + status : status
  }

  var output: Data { outputData.data.withLock { $0 } }
  var errors: String { errorData.data.withLock { String(decoding: $0, as: UTF8.self) } }

  /// Polls `condition` every 10 ms for up to `seconds`; true when it held.
  static func poll(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(10_000)
    }
    return condition()
  }
}
