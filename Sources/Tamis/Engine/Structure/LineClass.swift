/// What a line is, read from its shape alone (`LineShape`): the four classes the body-core model
/// works with, after jusText's good / near-good / short / bad.
enum LineClass: Sendable, Hashable {
  /// Running text: a paragraph of the article, a comment, a teaser.
  case prose
  /// A short sentence, or running text too short to be sure of.
  case nearProse
  /// A heading, a menu item, a label, a headline.
  case short
  /// A date, a time, a separator list (`A | B | C`), a ticker item: never prose.
  case junk

  /// True for `prose` and `nearProse`.
  var isProseLike: Bool { self == .prose || self == .nearProse }

  /// The class of a line of `shape`; `hasStopWords` tells whether the dump's language has a
  /// stop-word table (else the lower-case share stands in for the stop-word share).
  init(_ shape: LineShape, hasStopWords: Bool) {
    let tokens = shape.effectiveTokens
    if Self.isJunk(shape) {
      self = .junk
      return
    }
    // Scripts without spaces: CJK characters make most of the line.
    if shape.cjk >= Settings.cjkNearCharacters, Double(shape.cjk) >= Double(shape.tokens) * 0.5 {
      if shape.cjk >= Settings.cjkProseCharacters,
        shape.hasCJKPunctuation
          || shape.cjk >= Settings.cjkClauseCharacters
      {
        self = .prose
      } else {
        self = shape.hasCJKPunctuation ? .nearProse : .short
      }
      return
    }
    let runsOn =
      hasStopWords
      ? shape.stopShare >= Settings.proseStopShare : shape.lowerShare >= Settings.proseLowerShare
    if tokens >= Double(Settings.longProseTokens), shape.endsLikeSentence || runsOn {
      self = .prose
    } else if tokens >= Double(Settings.proseTokens), runsOn,
      shape.endsLikeSentence || tokens >= Double(2 * Settings.proseTokens)
    {
      self = .prose
    } else if tokens >= Double(Settings.nearProseTokens), shape.endsLikeSentence,
      runsOn || shape.lowerShare >= Settings.proseLowerShare
    {
      self = .nearProse
    } else if tokens >= Double(Settings.proseTokens), runsOn, shape.titleShare < 0.5 {
      self = .nearProse
    } else {
      self = .short
    }
  }

  /// A date or time line, a separator list, or a ticker item (`14:44 Headline`).
  private static func isJunk(_ shape: LineShape) -> Bool {
    if shape.tokens == 0 { return shape.cjk == 0 }
    let dateLike =
      (shape.tokens <= 14 && shape.numericTokens * 10 >= shape.tokens * 6)
      || (shape.tokens <= 8 && shape.hasTimeOrDate && !shape.endsLikeSentence)
    // Items of a separator list are short: a paragraph that ends with "• Facebook" is prose.
    let shortItems =
      shape.effectiveTokens
      <= Double((shape.separators + 1) * Settings.separatorItemTokens)
    let separatorList =
      shortItems
      && (shape.separators >= 3 || (shape.separators >= 1 && !shape.endsLikeSentence))
    return dateLike || separatorList
  }
}
