#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// The lines of a document as byte ranges, with their terminators (`\n`, `\r\n` or `\r`).
public struct LineIndex: Sendable, Hashable {
  /// One line: where its content is and where the line, terminator included, ends.
  public struct Line: Sendable, Hashable {
    /// The byte offset of the first byte of the line.
    public var start: Int
    /// The byte offset just past the content (the terminator starts here).
    public var contentEnd: Int
    /// The byte offset just past the terminator.
    public var end: Int

    /// The content's byte range, terminator excluded.
    public var content: Range<Int> { start..<contentEnd }
    /// The terminator's byte range (empty for a last line without one).
    public var terminator: Range<Int> { contentEnd..<end }
  }

  /// The lines, in order. A final line without a terminator is included when non-empty.
  public private(set) var lines: [Line]

  /// Splits `bytes` into lines.
  public init(_ bytes: UnsafeBufferPointer<UInt8>) {
    if let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil {
      self.lines = Self.newlineOnly(base, count: bytes.count)
      return
    }
    var lines: [Line] = []
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == 0x0A {
        lines.append(Line(start: start, contentEnd: index, end: index + 1))
        index += 1
        start = index
      } else if byte == 0x0D {
        let end = index + 1 < count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
        lines.append(Line(start: start, contentEnd: index, end: end))
        index = end
        start = index
      } else {
        index += 1
      }
    }
    if start < count { lines.append(Line(start: start, contentEnd: count, end: count)) }
    self.lines = lines
  }

  /// Splits text that has no `\r` with `memchr`, the common case.
  private static func newlineOnly(_ base: UnsafePointer<UInt8>, count: Int) -> [Line] {
    var lines: [Line] = []
    var start = 0
    while start < count {
      guard let found = memchr(base + start, 0x0A, count - start) else { break }
      let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      lines.append(Line(start: start, contentEnd: index, end: index + 1))
      start = index + 1
    }
    if start < count { lines.append(Line(start: start, contentEnd: count, end: count)) }
    return lines
  }
}
