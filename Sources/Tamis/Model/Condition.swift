/// A condition that a line must meet for a rule to apply to it.
public enum Condition: Sendable, Hashable {
  /// The line is among the first N non-blank lines of the dump.
  case firstLines(Int)
  /// The line is among the last N non-blank lines of the dump.
  case lastLines(Int)
  /// The line is in the first N percent of the dump's non-blank lines.
  case firstPercent(Int)
  /// The line is in the last N percent of the dump's non-blank lines.
  case lastPercent(Int)
  /// The line has at most N words.
  case maxWords(Int)
  /// The line has at least N words.
  case minWords(Int)
  /// The line has at most N characters (leading and trailing white space excluded).
  case maxLength(Int)
  /// The line is at this position with respect to the body core (`in-body`, `before-body`,
  /// `after-body`, `outside-body`). False in a dump without a core, or with the structure layer
  /// off.
  case body(BodyPosition)
  /// The line is near an edge of the body core: at most `Settings.bodyEdgeLines` non-blank lines
  /// before or after its first line or its last line (`body-edge`), where bylines, datelines
  /// and the headline sit. False in a dump without a core, or with the structure layer off.
  case bodyEdge
  /// The line has this shape (`prose`, `not-prose`, `not-sentence`, `junk`, `menu-like`,
  /// `in-nav-run`). False
  /// with the structure layer off.
  case shape(Shape)

  /// A line's place with respect to the body core.
  public enum BodyPosition: String, Sendable, Hashable, CaseIterable {
    case before = "before-body"
    case inside = "in-body"
    case after = "after-body"
    /// Below the core and more than `Settings.bodyEdgeLines` non-blank lines past its last
    /// line, not counting the lines a zone removes: past the end matter (an author's bio, a
    /// correction) that follows an article.
    case farAfter = "far-after-body"
    /// Above the core, more than `Settings.farBeforeLines` non-blank lines before its first line,
    /// above the dump's first prose line and not the dump's first line (the page's title): the
    /// page's head (menus, lists of other stories), past the headline, the byline and the teaser
    /// that sit right above an article. Prose above the core means the article may start higher
    /// (a chart or a table split it), so nothing below that prose is far.
    case farBefore = "far-before-body"
    case outside = "outside-body"
  }

  /// A line shape that the body-core model recognises.
  public enum Shape: String, Sendable, Hashable, CaseIterable {
    /// Running text or a short sentence.
    case prose = "prose"
    /// Anything else: a heading, a menu item, a label, a date.
    case notProse = "not-prose"
    /// No paragraph (a line too short for one may still read as text: a headline in sentence
    /// case), and not ending like a sentence either: a short sentence ("He declined to
    /// comment.") is spared.
    case notSentence = "not-sentence"
    /// A date or time line, a separator list, a ticker item.
    case junk = "junk"
    /// Very short, or mostly capitalised, with no sentence end.
    case menuLike = "menu-like"
    /// One of a run of short lines that reads as a menu.
    case inNavigationRun = "in-nav-run"
    /// One of the lines of a photo gallery: from the first slide counter (`1/50 Title`) to the
    /// last slide's caption, the counters running up by one (`BodyCore.inGallery`).
    case inGallery = "in-gallery"
    /// One of the lines of a comment thread: from the first numbered entry header (`#1 name
    /// 2013/12/28 10:28`) to the last entry, the numbers running up (`BodyCore.inCommentThread`).
    case inCommentThread = "in-comment-thread"
    /// One of the items of a list of other stories' teasers: at least three lines close
    /// together, each a headline cut off by an ellipsis or followed by its date or time
    /// (`BodyCore.inTeaserList`).
    case inTeaserList = "in-teaser-list"
    /// One of a run of at least six headlines in a row well above the core, none of them
    /// printed again in the core (`BodyCore.inHeadlineRun`).
    case inHeadlineRun = "in-headline-run"
    /// Does not start like a list item (`1.`, `-`, `•`, `^`…): a list's entries, references
    /// included, are spared.
    case notListItem = "not-list-item"
    /// Most of its long words start with a capital (`Settings.menuTitleShare`): a name, a
    /// headline; "By the numbers" is not one. Read on the line's words, so it holds with the
    /// structure layer off too.
    case titleCase = "title-case"
    /// A date or time stamp: no sentence end, and a date or time shape or mostly digits
    /// (`Settings.stampNumericShare` of its tokens).
    case dateStamp = "date-stamp"
  }

  /// True for the conditions that need the body-core model. `title-case` reads the line's own
  /// words and holds with the structure layer off too.
  public var needsStructure: Bool {
    switch self {
    case .shape(.titleCase): false
    case .body, .bodyEdge, .shape: true
    default: false
    }
  }
}
