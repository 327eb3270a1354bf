import Foundation
import Tamis

/// Reads a JSON Lines input in chunks of whole lines, for the reading thread of
/// `JSONLinesCommand`: it only looks for the last line end of each read and hands the bytes on
/// as they came, one array a chunk; the workers split a chunk into lines (`RecordChunk.lines`).
///
/// A plain search for `\n` finds the record boundaries: a raw line end inside a JSON string is
/// invalid JSON, so it can only end a record (or a malformed line, which is reported as before).
/// Memory holds one chunk plus the longest line.
struct RecordChunkReader {
  private let descriptor: Int32
  /// The bytes after the last line end read so far: the start of the next chunk, never a whole
  /// line.
  private var carry: [UInt8] = []
  private var atEnd = false
  /// How many bytes a chunk asks the input for, after the carried partial line.
  private let chunkBytes: Int

  /// Reads from an open descriptor; the reader never closes it.
  init(descriptor: Int32, chunkBytes: Int = Settings.jsonLinesChunkBytes) {
    self.descriptor = descriptor
    self.chunkBytes = max(1, chunkBytes)
  }

  /// The next chunk of whole lines, nil at the end of the input.
  ///
  /// A chunk closes when it holds `chunkBytes` more bytes, at the end of the input, or, once it
  /// holds a whole line, when the next `read(2)` would block: a program that writes one record
  /// and waits for its answer gets it. A regular file never blocks, so it comes in full chunks.
  /// - Throws: the `errno` of a failed read, as a `POSIXError`.
  mutating func next() throws -> RecordChunk? {
    if atEnd, carry.isEmpty { return nil }
    var capacity = carry.count + chunkBytes
    while true {
      let fill = fillChunk(capacity: capacity)
      if let failure = fill.failure {
        carry = fill.bytes
        throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
      }
      if fill.ended {
        atEnd = true
        carry = []
        return fill.bytes.isEmpty ? nil : RecordChunk(bytes: fill.bytes, end: fill.bytes.count)
      }
      guard let end = fill.linesEnd else {
        // One line longer than the chunk: read on into a buffer twice as large.
        carry = fill.bytes
        capacity = 2 * max(capacity, carry.count)
        continue
      }
      carry = Array(fill.bytes[end...])
      return RecordChunk(bytes: fill.bytes, end: end)
    }
  }

  /// What `fillChunk` read.
  private struct Fill {
    /// The carried bytes and the bytes read after them.
    var bytes: [UInt8]
    /// The index after the last line end in `bytes`, nil when there is none.
    var linesEnd: Int?
    /// Whether the input ended.
    var ended = false
    /// The `errno` of a failed read.
    var failure: Int32?
  }

  /// The carried bytes followed by what the input gives, up to `capacity` bytes in all; stops
  /// early at the end of the input, or when a whole line is in and the input would wait.
  private func fillChunk(capacity: Int) -> Fill {
    var linesEnd: Int?
    var ended = false
    var failure: Int32?
    let carried = carry
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      // The capacity is at least the carried bytes plus one, so the base address exists.
      guard let base = buffer.baseAddress else { return }
      count = carried.count
      carried.withUnsafeBufferPointer { old in
        if let from = old.baseAddress { base.update(from: from, count: old.count) }
      }
      while count < capacity {
        if linesEnd != nil, !inputIsReady() { break }
        let read = Foundation.read(descriptor, base + count, capacity - count)
        if read < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if read == 0 {
          ended = true
          break
        }
        // Backwards: the last line end is within the last record read, a few kilobytes.
        var cursor = count + read
        while cursor > count, base[cursor - 1] != 0x0A { cursor -= 1 }
        if cursor > count { linesEnd = cursor }
        count += read
      }
    }
    return Fill(bytes: bytes, linesEnd: linesEnd, ended: ended, failure: failure)
  }

  /// Whether the next chunk would have to wait for the input: it has not ended and a `read(2)`
  /// would block (the carried bytes are never a whole line).
  func nextWouldWait() -> Bool { !atEnd && !inputIsReady() }

  private func inputIsReady() -> Bool { DescriptorPoll.isReady(descriptor) }
}

/// Whole lines of a JSON Lines input as they were read: one array, handed to a worker as is.
struct RecordChunk: Sendable {
  /// The bytes read; the lines are `bytes[..<end]`, and what follows is the start of the next
  /// chunk's first line.
  let bytes: [UInt8]
  /// The index after the last line's end.
  let end: Int

  /// Calls `body` with each line, without its line end (`\n` or `\r\n`; a last line without a
  /// line end keeps a final `\r`), in order; a line end at the very end makes no empty line.
  func forEachLine(_ body: (ArraySlice<UInt8>) -> Void) {
    var start = 0
    while start < end {
      let newline =
        bytes.withUnsafeBufferPointer { buffer -> Int? in
          guard let base = buffer.baseAddress,
            let found = memchr(base + start, 0x0A, end - start)
          else { return nil }
          return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
      guard let newline else {
        body(bytes[start..<end])
        return
      }
      var lineEnd = newline
      if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      body(bytes[start..<lineEnd])
      start = newline + 1
    }
  }
}
