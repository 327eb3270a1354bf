/// A problem with an input document.
public enum InputProblem: Error, Sendable, Hashable {
  /// The document is not valid UTF-8; the byte offset of the first bad byte.
  case invalidUTF8(byteOffset: Int)
  /// The document looks binary (it holds NUL bytes).
  case binary
  /// The document cannot be read.
  case unreadable(reason: String)

  /// The message text.
  public var message: String {
    switch self {
    case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
    case .binary: "binary file (NUL bytes); not a text dump"
    case .unreadable(let reason): "cannot read: \(reason)"
    }
  }
}
