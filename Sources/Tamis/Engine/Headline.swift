/// The line that reads as the article's headline, found on the decided fates before assembly.
///
/// It is the first body line, or else a line above it that a rule on shape alone removed (the
/// title above the body core), when it is short (`Settings.headlineMinimumWords` to `Settings.headlineWords`
/// words), does not end like a sentence (`.`, `:`, `;`, `,`, `…`; a question or an exclamation
/// may), is mostly letters (`Settings.headlineLetterShare`: not a date or a counter) and a longer
/// body line follows it. It names `meta.title`; unless `CleaningOptions.keepTitle`, a headline
/// still in the body leaves it, accounted for as a removal with the id `meta-title`.
struct Headline {
  /// The 0-based line.
  let line: Int
  /// Whether the line leaves the body for `meta.title` (false when a rule removed it already,
  /// or when the caller keeps the title).
  let leavesBody: Bool

  /// The id of the removal that moves the headline to `meta.title`.
  static let ruleID = "meta-title"
  /// The location shown for that removal: no rule file holds it.
  static let location = SourceLocation(path: "<headline>", line: 1)

  /// The headline of `state`, or nil when no line reads as one: the first body line when it
  /// does, else a line above it that a rule on shape alone removed (a kicker such as "Z+;
  /// Wohnungsbau" above a body headline is passed over).
  init?(_ state: borrowing CleaningState) {
    let fates = state.fates
    let shapeRules = Set(state.compiled.anyLineRules)
    guard
      let firstBody = fates.firstIndex(where: {
        if case .body = $0 { return true }
        return false
      })
    else { return nil }
    if Self.readsAsHeadline(firstBody, in: state) {
      line = firstBody
      leavesBody = !state.options.keepTitle && state.strips[firstBody].isEmpty
      return
    }
    let removedByShape = fates[..<firstBody].indices.first { line in
      if case .removed(let rule) = fates[line], shapeRules.contains(rule) {
        return Self.readsAsHeadline(line, in: state)
      }
      return false
    }
    guard let removedByShape else { return nil }
    line = removedByShape
    leavesBody = false
  }

  /// True when `line` reads as a headline: its word count, no sentence end, mostly letters, and
  /// a longer body line after it.
  private static func readsAsHeadline(_ line: Int, in state: CleaningState) -> Bool {
    let document = state.document
    let words = document.words[line]
    let text = Whitespace.trimmed(document.content(line))
    guard (Settings.headlineMinimumWords...Settings.headlineWords).contains(words),
      readsAsHeadline(text)
    else { return false }
    if !document.shapes.isEmpty, document.shapes[line].endsLikeSentence {
      // A question or an exclamation may end a headline; a full stop or a colon may not.
      guard let last = text.last, last == UInt8(ascii: "?") || last == UInt8(ascii: "!") else {
        return false
      }
    }
    let fates = state.fates
    return fates[(line + 1)...].indices.contains { next in
      if case .body = fates[next] { return document.words[next] > words }
      return false
    }
  }

  /// True for a line without a sentence end (`.`, `:`, `;`, `,`, `…`), not a breadcrumb trail
  /// (` > `, ` › `), whose non-space characters are mostly letters.
  private static func readsAsHeadline(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let last = text.last else { return false }
    let endsLikeSentence =
      [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ",")].contains(last)
      || (last == 0xA6 && text.count >= 3 && text[text.count - 3] == 0xE2)  // … U+2026
    guard !endsLikeSentence else { return false }
    let characters = HeadlineCharacters(bytes: text) ?? HeadlineCharacters(decoding: text)
    // A breadcrumb trail ("Home > News > World") names the section, not the article.
    guard !characters.isBreadcrumb else { return false }
    return characters.visible > 0
      && Double(characters.letters) >= Settings.headlineLetterShare * Double(characters.visible)
  }
}
