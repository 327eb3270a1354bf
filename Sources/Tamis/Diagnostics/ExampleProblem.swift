/// A rule example that does not give what it says.
public enum ExampleProblem: Sendable, Hashable {
  /// The body differs from the expected one.
  case bodyDiffers(variant: String, expected: [String], actual: [String])
  /// The captions differ from the expected ones.
  case captionsDiffer(variant: String, expected: [String], actual: [String])
  /// A meta field is missing or has another value.
  case metaDiffers(variant: String, key: String, expected: String, actual: String?)
  /// None of the group's rules fired on the example.
  case groupDidNotFire(id: String, variant: String)
  /// A `keeps:` line did not survive.
  case keptLineRemoved(text: String, rule: String)

  /// The message text.
  public var message: String {
    switch self {
    case .bodyDiffers(let variant, let expected, let actual):
      "example body differs (\(variant)): expected \(Self.list(expected)), got \(Self.list(actual))"
    case .captionsDiffer(let variant, let expected, let actual):
      "example captions differ (\(variant)): expected \(Self.list(expected)), got \(Self.list(actual))"
    case .metaDiffers(let variant, let key, let expected, let actual):
      "example meta '\(key)' differs (\(variant)): expected '\(expected)', got "
        + (actual.map { "'\($0)'" } ?? "nothing")
    case .groupDidNotFire(let id, let variant):
      "no rule of '\(id)' fired on this example (\(variant))"
    case .keptLineRemoved(let text, let rule):
      "line '\(text)' should be kept but '\(rule)' removed it"
    }
  }

  private static func list(_ lines: [String]) -> String {
    "[" + lines.map { "'\($0)'" }.joined(separator: ", ") + "]"
  }
}
