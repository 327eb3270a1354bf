import Foundation
import Tamis

#if canImport(Glibc)
  import Glibc
  private let systemClose = Glibc.close
#elseif canImport(Darwin)
  import Darwin
  private let systemClose = Darwin.close
#endif

/// A filter input too large to clean as one document, read in sections so that memory stays
/// bounded whatever its size.
///
/// An input of at most `sectionBytes` is cleaned whole, as always. A larger one is checked for
/// NUL bytes first (a binary file is refused before anything is written), then cut into
/// sections of at least `sectionBytes` at blank lines (paragraph breaks), each cleaned as a
/// document of its own. A pipe is spooled to an unlinked temporary file first, so it can be
/// checked and then read again.
struct SectionedInput {
  /// The size above which an input is cleaned in sections.
  static let defaultSectionBytes = 8 << 20

  /// How an operand is read.
  enum Opened {
    /// Small enough to clean whole: its bytes.
    case whole([UInt8])
    /// Large: read it with `nextSection()`.
    case sections(SectionedInput)
  }

  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let sectionBytes: Int
  private var buffer: [UInt8] = []
  private var scan = CutScan()
  private var atEnd = false
  /// The input's byte offset of the next section's first byte.
  private(set) var nextOffset = 0

  /// Opens `operand` (`-` for standard input) and decides how to read it.
  /// - Throws: `InputProblem` when it cannot be read or is binary.
  static func prepare(
    _ operand: String, streams: Streams, sectionBytes: Int = defaultSectionBytes
  ) throws(InputProblem) -> Opened {
    let descriptor: Int32
    if operand == "-" {
      // Tests give standard input as bytes; only the real process has a descriptor for it.
      guard let standardInput = streams.inputDescriptor else {
        return .whole(try InputReader.read(operand, streams: streams).get())
      }
      descriptor = standardInput
    } else {
      descriptor = open(operand, O_RDONLY | O_CLOEXEC)
      // InputReader names the problem (no such file, a link loop).
      guard descriptor >= 0 else {
        return .whole(try InputReader.read(operand, streams: streams).get())
      }
    }
    let owns = operand != "-"
    var info = stat()
    let kind = fstat(descriptor, &info) == 0 ? info.st_mode & S_IFMT : 0
    switch kind {
    case S_IFREG where Int(info.st_size) <= sectionBytes:
      defer { if owns { _ = systemClose(descriptor) } }
      let bytes: [UInt8]
      do {
        bytes = try FileBytes.read(descriptor: descriptor)
      } catch {
        throw .unreadable(reason: InputReader.reason(error))
      }
      try InputReader.validate(bytes).get()
      return .whole(bytes)
    case S_IFREG:
      let input = SectionedInput(descriptor: descriptor, owns: owns, sectionBytes: sectionBytes)
      try input.refuseBinary()
      return .sections(input)
    case S_IFDIR:
      // InputReader says what to do with a folder.
      if owns { _ = systemClose(descriptor) }
      return .whole(try InputReader.read(operand, streams: streams).get())
    default:
      return try spool(descriptor, owns: owns, sectionBytes: sectionBytes)
    }
  }

  private init(descriptor: Int32, owns: Bool, sectionBytes: Int) {
    self.descriptor = descriptor
    self.ownsDescriptor = owns
    self.sectionBytes = sectionBytes
  }

  /// Closes the input's descriptor when this reader opened it (or spooled it).
  func finish() {
    if ownsDescriptor { _ = systemClose(descriptor) }
  }

  /// A pipe: read up to `sectionBytes`; if it ends there, it is cleaned whole, else all of it
  /// goes to an unlinked temporary file, checked for NUL bytes on the way.
  private static func spool(_ descriptor: Int32, owns: Bool, sectionBytes: Int)
    throws(InputProblem) -> Opened
  {
    defer { if owns { _ = systemClose(descriptor) } }
    var head: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while head.count <= sectionBytes {
      let count = try readChunk(descriptor, into: &chunk)
      if count == 0 {
        try InputReader.validate(head).get()
        return .whole(head)
      }
      head += chunk[..<count]
    }
    let folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    var template = Array((folder + "/tamis-spool-XXXXXX").utf8CString)
    let spool = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard spool >= 0 else {
      throw .unreadable(reason: "cannot spool standard input: \(FileBytes.reason(errno))")
    }
    // Unlinked at once: the spool disappears with the process, however it ends.
    template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
    do throws(InputProblem) {
      try write(head[...], toSpool: spool)
      var binary = head.withUnsafeBufferPointer(TextCheck.isBinary)
      while true {
        let count = try readChunk(descriptor, into: &chunk)
        if count == 0 { break }
        binary = binary || chunk[..<count].withUnsafeBufferPointer(TextCheck.isBinary)
        try write(chunk[..<count], toSpool: spool)
      }
      if binary { throw InputProblem.binary }
    } catch {
      _ = systemClose(spool)
      throw error
    }
    lseek(spool, 0, SEEK_SET)
    return .sections(SectionedInput(descriptor: spool, owns: true, sectionBytes: sectionBytes))
  }

  private static func write(_ bytes: ArraySlice<UInt8>, toSpool spool: Int32)
    throws(InputProblem)
  {
    let failure = bytes.withUnsafeBytes { FileBytes.writeAll($0, to: spool) }
    guard failure == 0 else {
      throw .unreadable(reason: "cannot spool standard input: \(FileBytes.reason(failure))")
    }
  }

  /// Reads the whole input once for NUL bytes, then rewinds it.
  private func refuseBinary() throws(InputProblem) {
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = try Self.readChunk(descriptor, into: &chunk)
      if count == 0 { break }
      if chunk[..<count].withUnsafeBufferPointer(TextCheck.isBinary) {
        finish()
        throw .binary
      }
    }
    lseek(descriptor, 0, SEEK_SET)
  }

  /// The next section: at least `sectionBytes` bytes ending at a blank line (or at a line end
  /// when no blank line comes within four sections' worth, or at the end of the input); nil
  /// after the last one.
  mutating func nextSection() throws(InputProblem) -> [UInt8]? {
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while !atEnd {
      if let cut = Self.cut(
        buffer, minimum: sectionBytes, lineLimit: 4 * sectionBytes, scan: &scan)
      {
        let section = Array(buffer[..<cut])
        buffer.removeFirst(cut)
        scan = CutScan()
        nextOffset += section.count
        return section
      }
      let count = try Self.readChunk(descriptor, into: &chunk)
      if count == 0 { atEnd = true } else { buffer += chunk[..<count] }
    }
    guard !buffer.isEmpty else { return nil }
    let section = buffer
    buffer = []
    nextOffset += section.count
    return section
  }

  /// How far `cut` has looked into the buffer, so each byte is looked at about once however
  /// the input arrives (a 100 MB line without a line end comes in 100 reads).
  struct CutScan {
    /// Where to go on looking for a line end.
    var position = 0
    /// Just past the last line end seen, if any.
    var lastLineEnd: Int?
  }

  /// Where to cut `bytes`: just past the first blank line whose first line end is at or after
  /// `minimum`, or past the last line end once `lineLimit` bytes are buffered; nil to read more
  /// first. `scan` carries what earlier calls on the same (growing) buffer have seen.
  static func cut(_ bytes: [UInt8], minimum: Int, lineLimit: Int, scan: inout CutScan) -> Int? {
    var index = scan.position
    var undecided = false
    while let newline = bytes[index...].firstIndex(of: 0x0A) {
      scan.lastLineEnd = newline + 1
      // A blank line: only spaces, tabs or a CR between this line end and the next.
      var next = newline + 1
      while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D {
        next += 1
      }
      if next == bytes.count {
        // Not known yet whether a blank line follows: look again from here.
        index = newline
        undecided = true
        break
      }
      if newline >= minimum, bytes[next] == 0x0A { return next + 1 }
      index = newline + 1
    }
    scan.position = undecided ? index : bytes.count
    guard bytes.count >= lineLimit, let last = scan.lastLineEnd else { return nil }
    return last
  }

  /// One read into `chunk`: the byte count, 0 at the end.
  private static func readChunk(_ descriptor: Int32, into chunk: inout [UInt8])
    throws(InputProblem) -> Int
  {
    let count = chunk.withUnsafeMutableBytes { FileBytes.readSome(descriptor, into: $0) }
    guard count >= 0 else { throw .unreadable(reason: FileBytes.reason(errno)) }
    return count
  }
}
