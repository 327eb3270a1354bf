import Foundation
import Tamis

/// Reads one input document (a file or stdin) and checks that it is a text dump.
///
/// A binary document (NUL bytes) is refused. Invalid UTF-8 is not: the document is cleaned,
/// with the warning `invalidUTF8Warning` gives (the policy is in README.md, "Bad input").
enum InputReader {
  /// The label used for standard input in messages.
  static let standardInputName = "<stdin>"

  /// The document's bytes, or the problem that makes it unusable (unreadable, or binary).
  static func read(_ operand: String, streams: Streams) -> Result<[UInt8], InputProblem> {
    let bytes: [UInt8]
    if operand == "-" {
      do {
        bytes = try streams.readInput()
      } catch {
        return .failure(.unreadable(reason: Self.reason(error)))
      }
    } else {
      // stat(2) rather than fileExists, so a link loop or a bad permission is named as such.
      var info = stat()
      guard stat(operand, &info) == 0 else {
        let code = errno
        let reason = code == ENOENT ? "no such file" : FileBytes.reason(code)
        return .failure(.unreadable(reason: reason))
      }
      if info.st_mode & S_IFMT == S_IFDIR {
        return .failure(.unreadable(reason: "is a folder; use '--out DIR' to clean folders"))
      }
      do {
        bytes = try FileBytes.read(path: operand)
      } catch {
        return .failure(.unreadable(reason: Self.reason(error)))
      }
    }
    return validate(bytes).map { bytes }
  }

  /// Checks that `bytes` are text: no NUL bytes (invalid UTF-8 is allowed).
  static func validate(_ bytes: [UInt8]) -> Result<Void, InputProblem> {
    bytes.withUnsafeBufferPointer(TextCheck.isBinary) ? .failure(.binary) : .success(())
  }

  /// The warning line for a document that is not valid UTF-8 (`NAME: warning: …`), or nil.
  /// - Parameters:
  ///   - bytes: the document.
  ///   - name: the document's display name.
  ///   - replaced: true when the output shows invalid bytes as U+FFFD (JSON, explanations);
  ///     false when it writes the body's bytes as they are.
  static func invalidUTF8Warning(_ bytes: [UInt8], name: String, replaced: Bool) -> String? {
    guard let invalid = bytes.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:)) else {
      return nil
    }
    return invalidUTF8Warning(
      firstOffset: invalid.firstOffset, count: invalid.count, name: name, replaced: replaced)
  }

  /// The same warning for `count` invalid bytes, the first at byte offset `firstOffset` (a
  /// document read in sections adds them up).
  static func invalidUTF8Warning(firstOffset: Int, count: Int, name: String, replaced: Bool)
    -> String
  {
    let problem = InputProblem.invalidUTF8Cleaned(
      byteOffset: firstOffset, count: count, replaced: replaced)
    return DiagnosticRenderer.render(
      Diagnostic(.warning, at: nil, .input(problem)), programName: name) + "\n"
  }

  /// The display name of an operand.
  static func displayName(_ operand: String) -> String {
    operand == "-" ? standardInputName : operand
  }

  /// Why a file operation failed, as the system says it (`no space left on device`).
  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSPOSIXErrorDomain {
      return FileBytes.reason(Int32(nsError.code))
    }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return FileBytes.reason(code.rawValue)
    }
    if nsError.code == NSFileReadNoPermissionError { return "permission denied" }
    if nsError.code == NSFileWriteOutOfSpaceError { return "no space left on device" }
    return nsError.localizedDescription
  }
}
