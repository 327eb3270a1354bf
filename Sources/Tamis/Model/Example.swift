/// An input and what cleaning it must give, written inside a rule file.
public struct Example: Sendable, Hashable {
  /// What the example shows.
  public var description: String
  /// Where the `example:` line is.
  public var location: SourceLocation
  /// The input lines (empty strings are blank lines).
  public var input: [String]
  /// The expected body lines, in order; an empty string is a paragraph break.
  ///
  /// Blank lines are compared only when the example writes one (`body:` alone).
  public var body: [String]
  /// The expected captions, in order.
  public var captions: [Caption]
  /// Meta fields the result must contain.
  public var meta: [String: String]

  /// Creates an example with no lines yet.
  public init(description: String, location: SourceLocation) {
    self.description = description
    self.location = location
    self.input = []
    self.body = []
    self.captions = []
    self.meta = [:]
  }

  /// The input as one document, lines separated by `\n`.
  public var inputText: String { input.joined(separator: "\n") + "\n" }
}
