/// A problem with an input document.
public enum InputProblem: Error, Sendable, Hashable {
  /// The document is not valid UTF-8; the byte offset of the first bad byte.
  case invalidUTF8(byteOffset: Int)
  /// The document is not valid UTF-8 but is cleaned anyway (a warning): `count` invalid bytes,
  /// the first at 0-based `byteOffset`; `replaced` when the output shows them as U+FFFD (JSON,
  /// explanations) rather than as they are (a body written as text).
  case invalidUTF8Cleaned(byteOffset: Int, count: Int, replaced: Bool)
  /// The document looks binary (it holds NUL bytes).
  case binary
  /// The document cannot be read.
  case unreadable(reason: String)

  /// The message text.
  public var message: String {
    switch self {
    case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
    case .invalidUTF8Cleaned(let offset, let count, let replaced):
      "invalid UTF-8 at byte \(offset + 1) (\(count) \(count == 1 ? "byte" : "bytes") in all); "
        + (replaced ? "written as U+FFFD" : "kept as they are in the body")
    case .binary: "binary file (NUL bytes); not a text dump"
    case .unreadable(let reason): "cannot read: \(reason)"
    }
  }
}
