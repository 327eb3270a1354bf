import Foundation

/// Reads a file descriptor line by line in bounded memory: one buffer of `chunkSize` bytes plus
/// the longest line.
struct LineReader {
  /// How many bytes one `read(2)` asks for.
  static let chunkSize = 1 << 20

  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// The number of lines returned so far.
  private(set) var lineNumber = 0

  /// Reads from an open descriptor; the reader never closes it.
  init(descriptor: Int32) { self.descriptor = descriptor }

  /// The next lines, at most `maxLines` and about `maxBytes`, each without its line end (`\n`
  /// or `\r\n`), with their 1-based numbers; nil at the end of the input.
  ///
  /// With `untilInputWaits`, the batch also closes early, after at least one line, when the
  /// lines read so far are used up and the next `read(2)` would block: a program that writes
  /// one record and waits for its answer gets it, instead of both waiting for each other. A
  /// regular file never blocks, and a pipe that is kept full rarely does, so they still come in
  /// full batches.
  /// - Throws: the `errno` of a failed read.
  mutating func nextBatch(maxLines: Int, maxBytes: Int, untilInputWaits: Bool = false) throws
    -> [(number: Int, bytes: [UInt8])]?
  {
    var lines: [(number: Int, bytes: [UInt8])] = []
    var total = 0
    while lines.count < maxLines, total < maxBytes {
      let mayWait = lines.isEmpty || !untilInputWaits
      guard case .line(let line) = try nextLine(mayWait: mayWait) else { break }
      total += line.count
      lineNumber += 1
      lines.append((lineNumber, line))
    }
    return lines.isEmpty ? nil : lines
  }

  /// What `nextLine` found.
  private enum Next {
    /// A line, without its line end.
    case line([UInt8])
    /// The end of the input.
    case end
    /// No whole line is buffered and reading more would block (only when not `mayWait`).
    case wouldWait
  }

  /// The next line; with `mayWait` false, `.wouldWait` instead of a read that would block.
  private mutating func nextLine(mayWait: Bool) throws -> Next {
    var searchFrom = start
    while true {
      if let newline = Self.firstNewline(in: buffer, from: searchFrom) {
        var end = newline
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = newline + 1
        return .line(line)
      }
      if atEnd {
        guard start < buffer.count else { return .end }
        let line = Array(buffer[start...])
        start = buffer.count
        return .line(line)
      }
      if !mayWait, !inputIsReady() { return .wouldWait }
      // Keep the partial line, drop what was consumed, read more.
      buffer.removeFirst(start)
      searchFrom = buffer.count
      start = 0
      try fill()
    }
  }

  /// The index of the first line feed at or after `start`: `memchr`, which looks at many bytes
  /// per instruction, where a generic search looks at one.
  private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
    guard start < buffer.count else { return nil }
    return buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress,
        let found = memchr(base + start, 0x0A, bytes.count - start)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Whether the next batch would have to wait for the input: no whole line is buffered, the
  /// input has not ended, and a `read(2)` would block.
  func nextBatchWouldWait() -> Bool {
    !atEnd && Self.firstNewline(in: buffer, from: start) == nil && !inputIsReady()
  }

  private func inputIsReady() -> Bool { DescriptorPoll.isReady(descriptor) }

  private mutating func fill() throws {
    let oldCount = buffer.count
    buffer.reserveCapacity(oldCount + Self.chunkSize)
    var readCount = 0
    buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
    while true {
      readCount = buffer.withUnsafeMutableBytes { raw in
        Foundation.read(descriptor, raw.baseAddress.map { $0 + oldCount }, Self.chunkSize)
      }
      if readCount < 0 && errno == EINTR { continue }
      break
    }
    if readCount < 0 {
      buffer.removeLast(Self.chunkSize)
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    buffer.removeLast(Self.chunkSize - readCount)
    if readCount == 0 { atEnd = true }
  }
}
