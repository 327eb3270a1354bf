/// Removes the learned lines (`LearnedMatchPass`) that the rules left in the body, except those
/// the article owns:
///
/// - the prose of the body core (prose-like, at least `Settings.guardedProseTokens` tokens, as
///   the zone guards read it): a standing disclaimer inside the article stays, however often its
///   site repeats it;
/// - a line inside the core that its site prints in a menu or a footer, not between paragraphs
///   (`LearnedLines.Entry.isInline` false): the menu item "Climate" found inside the article is
///   its section heading;
/// - a line inside the core that the same document also holds outside it: the copy outside is
///   the boilerplate, the one inside the article's;
/// - a short menu-like line (not `isInline`) anywhere between two lines the article keeps, the
///   next one longer than a menu item (a paragraph, a caption, a list item): the section heading
///   "Climate" of a long article whose core ends before it (a gallery or a list ended the core's
///   reach), or "Travel" above a list of links, not its site's menu item.
///
/// A learned line that a `credit` rule joined to a caption is boilerplate all the same: the
/// caption is undone, the learned lines of the pair removed, and a credit line that is not
/// learned is removed by its own rule. Other decisions of the rules (a meta line, a removal)
/// stand. With the structure layer off there is no core, and every learned line in the body goes.
struct LearnedLinePass: CleaningPass {
  func apply(to state: inout CleaningState) {
    guard !state.learnedMatch.isEmpty else { return }
    let ownedByArticle = Self.articleLines(in: state)
    func learnedFate(_ line: Int) -> CleaningState.Fate? {
      guard let entry = state.learnedMatch[line], !ownedByArticle.contains(line) else {
        return nil
      }
      return .learned(entry)
    }
    for line in state.learnedMatch.indices where state.learnedMatch[line] != nil {
      switch state.fates[line] {
      case .body:
        guard let fate = learnedFate(line) else { continue }
        state.strips[line] = []
        state.fates[line] = fate
      case .captionText(let creditLine):
        guard let fate = learnedFate(line),
          case .credit(let rule, _, _) = state.fates[creditLine]
        else { continue }
        state.fates[line] = fate
        state.fates[creditLine] = learnedFate(creditLine) ?? .removed(rule: rule)
      case .credit(_, _, let textLine):
        guard let fate = learnedFate(line) else { continue }
        state.fates[line] = fate
        state.fates[textLine] = learnedFate(textLine) ?? .body
      default:
        continue
      }
    }
  }

  /// The learned lines the article owns: prose of the core, and lines inside the core that the
  /// document also holds outside it.
  private static func articleLines(in state: CleaningState) -> Set<Int> {
    guard state.document.hasShapes, let body = state.body, body.lines != nil else { return [] }
    var inside: [Int] = []
    var outsideRanks: Set<Int32> = []
    for (line, match) in state.learnedMatch.enumerated() {
      guard let entry = match else { continue }
      if body.position(of: line) == .inside {
        inside.append(line)
      } else {
        outsideRanks.insert(entry.rank)
      }
    }
    var owned: Set<Int> = []
    for (line, match) in state.learnedMatch.enumerated() {
      guard let entry = match, !entry.isInline, isSectionHeading(line, in: state) else { continue }
      owned.insert(line)
    }
    for line in inside {
      let isProse =
        state.document.classes[line].isProseLike
        && state.document.shapes[line].effectiveTokens >= Double(Settings.guardedProseTokens)
      guard let entry = state.learnedMatch[line] else { continue }
      if isProse || !entry.isInline || outsideRanks.contains(entry.rank) {
        owned.insert(line)
      }
    }
    return owned
  }

  /// A short line (a menu item's length, no separators, no sentence end) between two lines the
  /// rules keep in the body (neither learned), the next one longer than a menu item: the place of
  /// a section heading above its paragraph, picture caption or list of links, never of a menu,
  /// whose items follow and precede other menu items, nor of a promo, which is a sentence.
  private static func isSectionHeading(_ line: Int, in state: CleaningState) -> Bool {
    let document = state.document
    let shape = document.shapes[line]
    guard shape.effectiveTokens <= Double(Settings.menuItemTokens), shape.separators == 0,
      !shape.endsLikeSentence,
      let previous = nonBlank(from: line - 1, step: -1, in: document),
      let next = nonBlank(from: line + 1, step: 1, in: document),
      state.learnedMatch[previous] == nil, case .body = state.fates[previous]
    else { return false }
    guard state.learnedMatch[next] == nil, case .body = state.fates[next] else { return false }
    return document.shapes[next].effectiveTokens > Double(Settings.menuItemTokens)
  }

  /// The nearest non-blank line from `start` going by `step`, if any.
  private static func nonBlank(from start: Int, step: Int, in document: Document) -> Int? {
    var line = start
    while line >= 0, line < document.lineCount {
      if !document.isBlank(line) { return line }
      line += step
    }
    return nil
  }
}
