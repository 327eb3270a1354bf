/// Text that cleaning took out of the body, and the rule that took it.
public struct Removal: Sendable, Hashable {
  /// The 1-based input line number.
  public var line: Int
  /// The removed text: the whole line (trimmed) or the stripped span.
  ///
  /// A whole line's text is cut from the input's bytes when it is first read: most callers
  /// (the text output, JSON Lines without `--explain`) never read it.
  public var text: String {
    get { storage.text }
    set { storage = .string(newValue) }
  }
  /// The id of the rule or group that removed it.
  public var ruleID: String
  /// Where the removing rule's action line starts: `path:line:col` of its directive name.
  public var rule: SourceLocation
  /// What the rule did.
  public var action: ActionKind
  /// Why, for a removal no rule file states (a learned line: "repeated in 412 of 430 documents
  /// of example.com"); nil for a rule of a file, whose `why:` is in the file.
  public var reason: String?
  /// The text, or where to read it.
  private var storage: Text
  /// The position, in the engine's compiled rules, of the rule that removed it, when one did
  /// (not the headline or a learned line): lets the engine read the rule without looking its id
  /// up. Not part of `==` or `hash`.
  var compiledRulePosition: Int?

  /// Creates a removal.
  public init(
    line: Int, text: String, ruleID: String, rule: SourceLocation, action: ActionKind,
    reason: String? = nil
  ) {
    self.init(
      line: line, storage: .string(text), ruleID: ruleID, rule: rule, action: action,
      reason: reason)
  }

  /// Makes the text `range` of `bytes`, decoded as UTF-8 (U+FFFD for an invalid byte) when it
  /// is read.
  mutating func readText(from bytes: SharedBytes, _ range: Range<Int>) {
    storage = .bytes(bytes, range)
  }

  private init(
    line: Int, storage: Text, ruleID: String, rule: SourceLocation, action: ActionKind,
    reason: String?
  ) {
    self.line = line
    self.storage = storage
    self.ruleID = ruleID
    self.rule = rule
    self.action = action
    self.reason = reason
  }

  /// Two removals are equal when every field is, the text compared as a string.
  public static func == (a: Removal, b: Removal) -> Bool {
    a.line == b.line && a.text == b.text && a.ruleID == b.ruleID && a.rule == b.rule
      && a.action == b.action && a.reason == b.reason
  }

  /// Hashes every field, the text as a string.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(line)
    hasher.combine(text)
    hasher.combine(ruleID)
    hasher.combine(rule)
    hasher.combine(action)
    hasher.combine(reason)
  }

  /// A removal's text: a string, or a range of the input's bytes not yet decoded.
  private enum Text: Sendable {
    case string(String)
    case bytes(SharedBytes, Range<Int>)

    var text: String {
      switch self {
      case .string(let text):
        return text
      case .bytes(let shared, let range):
        return shared.bytes.withUnsafeBufferPointer {
          String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
      }
    }
  }
}

/// The removed lines' bytes of one dump, end to end, shared by the removals that read their
/// text from them.
final class SharedBytes: Sendable {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }
}
