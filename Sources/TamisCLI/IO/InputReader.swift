import Foundation
import Tamis

/// Reads one input document (a file or stdin) and checks that it is a text dump.
enum InputReader {
  /// The label used for standard input in messages.
  static let standardInputName = "<stdin>"

  /// The document's bytes, or the problem that makes it unusable.
  static func read(_ operand: String, streams: Streams) -> Result<[UInt8], InputProblem> {
    let bytes: [UInt8]
    if operand == "-" {
      bytes = streams.readInput()
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: operand, isDirectory: &isDirectory) else {
        return .failure(.unreadable(reason: "no such file"))
      }
      if isDirectory.boolValue {
        return .failure(.unreadable(reason: "is a folder; use '--out DIR' to clean folders"))
      }
      do {
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: operand)))
      } catch {
        return .failure(.unreadable(reason: Self.reason(error)))
      }
    }
    return validate(bytes).map { bytes }
  }

  /// Checks that `bytes` are UTF-8 text without NUL bytes.
  static func validate(_ bytes: [UInt8]) -> Result<Void, InputProblem> {
    if let problem = bytes.withUnsafeBufferPointer(TextCheck.problem(in:)) {
      return .failure(problem)
    }
    return .success(())
  }

  /// The display name of an operand.
  static func displayName(_ operand: String) -> String {
    operand == "-" ? standardInputName : operand
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue)).lowercased()
    }
    if nsError.code == NSFileReadNoPermissionError { return "permission denied" }
    return nsError.localizedDescription
  }
}
