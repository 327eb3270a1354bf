/// Reads the value of a `when:` directive.
enum ConditionParser {
  /// The condition `text` spells, or nil when it spells none.
  ///
  /// Accepted: `first N lines`, `last N lines`, `first N%`, `last N%` (also `N %`),
  /// `max-words N`, `min-words N`, `max-length N`, the body positions (`in-body`,
  /// `before-body`, `far-before-body`, `after-body`, `far-after-body`, `outside-body`), `body-edge` and the shapes
  /// (`prose`, `not-prose`, `not-sentence`, `junk`, `menu-like`, `in-nav-run`, `in-gallery`,
  /// `in-comment-thread`, `in-teaser-list`, `in-headline-run`, `not-list-item`, `title-case`, `date-stamp`).
  static func parse(_ text: String) -> Condition? {
    if let position = Condition.BodyPosition(rawValue: text) { return .body(position) }
    if text == "body-edge" { return .bodyEdge }
    if let shape = Condition.Shape(rawValue: text) { return .shape(shape) }
    let words = text.split(separator: " ").map(String.init)
    guard let keyword = words.first else { return nil }
    switch keyword {
    case "first", "last":
      let rest = words.dropFirst().joined(separator: " ")
      if let count = number(rest, suffix: " lines") ?? number(rest, suffix: " line") {
        return keyword == "first" ? .firstLines(count) : .lastLines(count)
      }
      if let percent = number(rest, suffix: "%") ?? number(rest, suffix: " %"), percent <= 100 {
        return keyword == "first" ? .firstPercent(percent) : .lastPercent(percent)
      }
      return nil
    case "max-words", "min-words", "max-length":
      guard words.count == 2, let value = Int(words[1]), value >= 0 else { return nil }
      switch keyword {
      case "max-words": return .maxWords(value)
      case "min-words": return .minWords(value)
      default: return .maxLength(value)
      }
    default:
      return nil
    }
  }

  private static func number(_ text: String, suffix: String) -> Int? {
    guard text.hasSuffix(suffix) else { return nil }
    guard let value = Int(text.dropLast(suffix.count)), value >= 0 else { return nil }
    return value
  }
}
