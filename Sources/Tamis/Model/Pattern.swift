/// A phrase to look for in a line: literal text and named holes, an anchor and options.
///
/// Patterns are matched on the folded view of a line (see `TextFolder`), so the literal parts
/// here are the rule author's own spelling; the matcher folds them once at compile time.
public struct Pattern: Sendable, Hashable {
  /// Where in the line the phrase must sit.
  public enum Anchor: Sendable, Hashable, CaseIterable {
    /// Anywhere in the line.
    case contains
    /// At the start of the line (after leading white space).
    case startsWith
    /// At the end of the line (before trailing white space).
    case endsWith
    /// The whole line.
    case equals
  }

  /// How strictly the phrase is compared with the text.
  public struct Options: OptionSet, Sendable, Hashable {
    /// The raw bit set.
    public let rawValue: UInt8
    /// Creates options from their raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Accents are ignored: `resume` matches `Résumé`.
    public static let anyAccent = Options(rawValue: 1 << 0)
    /// Case and typography must match exactly.
    public static let exact = Options(rawValue: 1 << 1)
    /// The phrase may start or end inside a word.
    public static let insideWords = Options(rawValue: 1 << 2)
    /// The literal just before the final hole is found rightmost, not leftmost: in
    /// `"{text}{+.} {credit}"` the credit is what follows the last `. `.
    public static let splitLast = Options(rawValue: 1 << 3)
  }

  /// What a hole accepts.
  public enum HoleKind: Sendable, Hashable, CaseIterable {
    /// One or more characters of any kind.
    case text
    /// One or more characters without white space.
    case word
    /// Digits, with `.`, `,` or spaces between them.
    case number
  }

  /// One piece of a pattern.
  public enum Part: Sendable, Hashable {
    /// Text that must appear as written (after folding).
    case literal(String)
    /// A named gap whose content is captured.
    case hole(name: String, kind: HoleKind)
    /// Literal text written `{+ / AFP}` right after a hole: it must appear as written and it is
    /// also part of that hole's value (a credit that ends with its agency).
    case attachedLiteral(String)
  }

  /// Where the phrase must sit in the line.
  public var anchor: Anchor
  /// The literal pieces and holes, in order; two holes are never adjacent.
  public var parts: [Part]
  /// Comparison options.
  public var options: Options

  /// Creates a pattern.
  public init(anchor: Anchor, parts: [Part], options: Options = []) {
    self.anchor = anchor
    self.parts = parts
    self.options = options
  }

  /// The names of the pattern's holes, in order.
  public var holeNames: [String] {
    parts.compactMap { part in
      if case .hole(let name, _) = part { return name }
      return nil
    }
  }

  /// The pattern that matches every line: a rule with it acts on its conditions alone (`when:
  /// outside-body, not-prose`), on shape instead of a phrase. Spelt `any`.
  public static let anyLine = Pattern(anchor: .contains, parts: [])

  /// True for `anyLine`: no phrase at all.
  public var isAnyLine: Bool { parts.isEmpty }

  /// True when the pattern has at least one hole.
  public var isTemplate: Bool { !holeNames.isEmpty }
}
