import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
  private let systemWrite = Darwin.write
#endif

/// The command line's file I/O on descriptors: `read(2)` and `write(2)` loops that retry
/// interruptions and short transfers, and the text of an `errno`. Whole reads land in one array:
/// one copy of the bytes, and none of the extra system calls a `Data` read makes (extended
/// attributes, seeks).
enum FileBytes {
  /// The bytes of the file at `path`; throws the `POSIXError` of the failing call.
  static func read(path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw error(errno) }
    defer { close(descriptor) }
    return try read(descriptor: descriptor)
  }

  /// Everything left on `descriptor`, reading in growing chunks from a first guess: the size
  /// of a regular file (standard input redirected from one too), else 64 KB. A file may grow
  /// or shrink while it is read.
  static func read(descriptor: Int32) throws -> [UInt8] {
    var info = stat()
    let hint =
      fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
    var bytes: [UInt8] = []
    var capacity = max(hint + 1, 64 * 1024)
    while true {
      let start = bytes.count
      if capacity - start < 16 * 1024 { capacity *= 2 }
      var failure: Int32 = 0
      var reachedEnd = false
      bytes.append(contentsOf: repeatElement(0, count: capacity - start))
      let filled = bytes.withUnsafeMutableBytes { buffer -> Int in
        var offset = start
        while offset < buffer.count {
          let count = readSome(
            descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]))
          if count < 0 {
            failure = errno
            break
          }
          if count == 0 {
            reachedEnd = true
            break
          }
          offset += count
        }
        return offset
      }
      bytes.removeLast(bytes.count - filled)
      if failure != 0 { throw error(failure) }
      if reachedEnd { return bytes }
    }
  }

  /// One `read(2)` into `buffer`, retried when interrupted: the byte count, 0 at the end, or -1
  /// with `errno` set.
  static func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    while true {
      let count = systemRead(descriptor, base, buffer.count)
      if count < 0, errno == EINTR { continue }
      return count
    }
  }

  /// Writes every byte of `bytes`, retrying short writes and interruptions; returns 0 or the
  /// `errno` of the failing write.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    var offset = 0
    while offset < bytes.count {
      let count = systemWrite(descriptor, base + offset, bytes.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += count
    }
    return 0
  }

  /// The error of a failed call, for `throws`.
  static func error(_ code: Int32) -> POSIXError {
    POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
  }

  /// What the system says of `errno` value `code`, in lower case: "permission denied".
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
