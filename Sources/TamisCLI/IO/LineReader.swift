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
  /// - Throws: the `errno` of a failed read.
  mutating func nextBatch(maxLines: Int, maxBytes: Int) throws
    -> [(number: Int, bytes: [UInt8])]?
  {
    var lines: [(number: Int, bytes: [UInt8])] = []
    var total = 0
    while lines.count < maxLines, total < maxBytes {
      guard let line = try nextLine() else { break }
      total += line.count
      lineNumber += 1
      lines.append((lineNumber, line))
    }
    return lines.isEmpty ? nil : lines
  }

  /// The next line, without its line end; nil at the end of the input.
  private mutating func nextLine() throws -> [UInt8]? {
    var searchFrom = start
    while true {
      if let newline = Self.firstNewline(in: buffer, from: searchFrom) {
        var end = newline
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = newline + 1
        return line
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line
      }
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
