import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Reads whole files and streams with `read(2)` into one array: one copy of the bytes, and
/// none of the extra system calls a `Data` read makes (extended attributes, seeks).
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
        // Never nil: the buffer was just grown by at least 16 KB.
        guard let base = buffer.baseAddress else { return start }
        var offset = start
        while offset < buffer.count {
          let count = systemRead(descriptor, base + offset, buffer.count - offset)
          if count < 0 {
            if errno == EINTR { continue }
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

  private static func error(_ code: Int32) -> POSIXError {
    POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
  }
}
