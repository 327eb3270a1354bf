/// The region of prose that holds the article, found with context as jusText does: a short
/// line between two paragraphs is body; a run of short lines far from prose is not.
///
/// Three steps over the candidate lines (non-blank lines no per-line rule claims):
/// 1. the *anchor*, the densest stretch of prose: prose lines at most `Settings.coreAnchorGap`
///    non-prose lines apart, each gap line costing `Settings.coreGapCost` tokens; a boundary (a
///    line that starts a zone rule: "Related", "11 Comments") ends a stretch;
/// 2. *reach*: from each end, walk outward adding line weights (prose counts its tokens, menu
///    items and junk cost); the edge moves to the prose line where the sum is highest;
/// 3. *growth*: further out, each prose line or list item before a barrier (a boundary or a
///    navigation run) joins the core.
/// A dump without prose has no core, and nothing that needs one applies.
struct BodyCore: Sendable {
  /// The first and last line of the core, or nil when the dump has no prose.
  let lines: ClosedRange<Int>?
  /// Per line: it belongs to a navigation run (`Settings.navigationRunLines` or more short
  /// lines, most of them menu items or junk, not introduced by a line ending with `:`, not a
  /// list).
  let inNavigationRun: [Bool]
  /// The lines where a zone rule starts (`isZoneStart`).
  private let boundaries: ZoneBoundaries
  /// Per line: it is one of the short lines (at most `Settings.introducedListLines`) right
  /// under a line of the dump's own that ends with `:` ("The rankings were as follows:"), no
  /// paragraph, zone start or phrase-claimed line between: a list the text announces.
  let inIntroducedList: [Bool]
  /// Per line: it belongs to a photo gallery, from its first slide counter to its last
  /// slide's caption (`galleries`).
  let inGallery: [Bool]
  /// Per line: it belongs to a comment thread whose entries open with a numbered header
  /// (`#1 name 2013/12/28 10:28`, `#2 …`), from the first header to the last entry
  /// (`commentThreads`).
  let inCommentThread: [Bool]
  /// Per line: it is one item of a list of other stories' teasers, each cut off by an ellipsis
  /// or followed by its date (`teaserLists`).
  let inTeaserList: [Bool]
  /// Per line: it belongs to a run of headlines well above the core that the core does not
  /// print again (`headlineRuns`); all false without a core.
  let inHeadlineRun: [Bool]
  /// Whether the core holds enough of the dump's prose (`Settings.coreMinimumProseShare`) in
  /// at least `Settings.coreMinimumProseLines` prose lines. A page
  /// of several articles, a live blog or a long gallery has a core that is one story among many:
  /// then the rules that act around the core (`outside-body`…) stay off, and only the guards
  /// apply.
  let isConfident: Bool

  /// The first prose line above the core's first line, or nil when there is none.
  let firstProseAbove: Int?

  /// True when `line` is far before the core (`far-before-body`): above its first line by more
  /// than `Settings.farBeforeLines` non-blank lines, above any prose line, and not the dump's
  /// first line, where scrapers put the page's title (the headline's, read by `Headline`).
  func isFarBefore(_ line: Int, in document: Document) -> Bool {
    guard let lines, line < lines.lowerBound, line < firstProseAbove ?? Int.max,
      !document.isBlank(line), document.ordinals[line] > 0
    else { return false }
    return document.ordinals[lines.lowerBound] - document.ordinals[line] > Settings.farBeforeLines
  }

  /// True for a line where a zone rule starts: boilerplate by its phrase, never guarded as prose.
  func isZoneStart(_ line: Int) -> Bool { boundaries.isZoneStart(line) }

  /// Where a line is with respect to the core.
  func position(of line: Int) -> Condition.BodyPosition? {
    guard let lines else { return nil }
    return Self.position(of: line, in: lines)
  }

  /// Where a line is with respect to the core, when the core is confident (`isConfident`).
  func confidentPosition(of line: Int) -> Condition.BodyPosition? {
    isConfident ? position(of: line) : nil
  }

  private static func position(of line: Int, in lines: ClosedRange<Int>) -> Condition.BodyPosition {
    if line < lines.lowerBound { return .before }
    if line > lines.upperBound { return .after }
    return .inside
  }

  /// Finds the core of `document` among the `candidates` (line indices, in order); `boundaries`
  /// marks the lines that start a zone, its hard ones those that end the article for good
  /// (what follows a `drop-from` start is never reached into); `headlineFeeds` marks the lines
  /// of the tickers of headlines (`tickers`), whose prose outside the core does not count
  /// against its confidence (empty: none); `teaserLists` the marks of `teaserLists` when the
  /// caller has them (nil: computed here).
  init(
    _ document: Document, candidates: [Int], boundaries: ZoneBoundaries,
    headlineFeeds: [Bool] = [], teaserLists: [Bool]? = nil
  ) {
    let shapes = document.shapes
    let classes = document.classes
    var navigation = [Bool](repeating: false, count: document.lineCount)
    Self.markNavigationRuns(document, candidates, boundaries, into: &navigation)
    self.inNavigationRun = navigation
    self.boundaries = boundaries
    self.inIntroducedList = Self.introducedLists(document, candidates, boundaries)
    self.inGallery = Self.galleries(document)
    var threads = Self.commentThreads(document)
    let labelled = Self.labelledCommentThreads(document, boundaries)
    for line in labelled.indices where labelled[line] { threads[line] = true }
    self.inCommentThread = threads
    self.inTeaserList = teaserLists ?? Self.teaserLists(document)

    func tokens(_ line: Int) -> Double { shapes[line].effectiveTokens }
    func isMenuLike(_ line: Int) -> Bool { shapes[line].isMenuLike }
    func isListItem(_ line: Int) -> Bool { shapes[line].isTextListItem }
    // A line of code, a table row or a line of numbers only (chart data): articles hold runs
    // of them, menus do not.
    func isNeutral(_ line: Int) -> Bool {
      shapes[line].looksLikeCode || shapes[line].isTableRow
        || (shapes[line].tokens > 0 && shapes[line].numericTokens == shapes[line].tokens)
    }
    func weight(_ line: Int) -> Double {
      if boundaries.isSoft(line) { return -Settings.coreBoundaryCost }
      if isListItem(line), classes[line] == .short || classes[line] == .nearProse {
        return 0.5 * tokens(line)
      }
      // Code, formulas and tables cost almost nothing: articles hold them.
      if shapes[line].looksLikeCode || shapes[line].isTableRow, !classes[line].isProseLike {
        return -Settings.coreCodeCost
      }
      switch classes[line] {
      case .prose: return min(tokens(line), Double(Settings.coreProseCap))
      case .nearProse: return 0.5 * tokens(line)
      case .junk: return -Settings.coreJunkCost
      case .short: return isMenuLike(line) ? -Settings.coreMenuCost : 0
      }
    }

    // 1. The anchor.
    var best = 0.0
    var anchor: (start: Int, end: Int)?
    var total = 0.0
    var start = -1
    var gap = 0
    for (k, line) in candidates.enumerated() {
      let boundary = boundaries.isZoneStart(line)
      if classes[line] == .prose, !boundary {
        if start < 0 { start = k }
        total += min(tokens(line), Double(Settings.coreProseCap))
        gap = 0
        if total > best {
          best = total
          anchor = (start, k)
        }
        continue
      }
      if classes[line] == .nearProse, start >= 0, !boundary {
        gap = 0
        continue
      }
      // Code, tables and chart data between paragraphs neither extend the anchor nor break it.
      if start >= 0, !boundary, isNeutral(line) { continue }
      gap += 1
      total -= Settings.coreGapCost
      if boundary || gap > Settings.coreAnchorGap {
        total = 0
        start = -1
        gap = 0
      }
    }
    guard var (first, last) = anchor else {
      self.lines = nil
      self.inHeadlineRun = [Bool](repeating: false, count: document.lineCount)
      self.isConfident = false
      self.firstProseAbove = nil
      return
    }

    // 2. Reach.
    func reach(_ order: [Int], resumes: Bool) -> Int? {
      var sum = 0.0
      var bestSum = 0.0
      var edge: Int?
      var shortRun = 0
      var position = 0
      while position < order.count {
        let k = order[position]
        let line = candidates[k]
        if boundaries.isHard(line) { break }
        // A long run of lines that are neither prose nor list, code or an introduction ends the
        // article: what lies past it (a form, a comment thread) is another part of the page.
        // Unless, below the anchor, paragraphs follow it back to back: then it was a widget set
        // in the article (a gallery, a share row), and the reach goes on with them. (Above the
        // anchor the core's start is found by growth, which crosses code and lists.)
        if classes[line].isProseLike || isListItem(line) || shapes[line].endsWithColon {
          shortRun = 0
        } else if !isNeutral(line) {
          shortRun += 1
          if shortRun >= Settings.coreReachBreakLines {
            guard resumes,
              let resume = Self.paragraphsAfterRun(
                order, from: position + 1, candidates, classes, boundaries)
            else { break }
            for skipped in order[position..<resume] { sum += weight(candidates[skipped]) }
            shortRun = 0
            position = resume
            continue
          }
        }
        sum += weight(line)
        if sum > bestSum, classes[line].isProseLike {
          bestSum = sum
          edge = k
        }
        position += 1
      }
      return edge
    }
    if let edge = reach(Array((last + 1)..<candidates.count), resumes: true) { last = edge }
    if let edge = reach(Array(stride(from: first - 1, through: 0, by: -1)), resumes: false) {
      first = edge
    }

    // 3. Growth.
    // Below the core, a short list item right under a list item of the core is the list's
    // next entry ("- Removed Herobrine" closing a changelog), and joins it.
    func grow(_ order: some Sequence<Int>, from start: Int, continuesLists: Bool) -> Int? {
      var edge: Int?
      var menuRun = 0
      var previous = start
      for k in order {
        let line = candidates[k]
        if boundaries.isZoneStart(line) { break }
        let continuesList =
          continuesLists && shapes[line].isListItem && (edge ?? start) == previous
          && shapes[candidates[previous]].isListItem
        previous = k
        if classes[line] == .prose || isListItem(line) || continuesList {
          edge = k
          menuRun = 0
        } else if classes[line] == .nearProse || shapes[line].isListItem
          || shapes[line].looksLikeCode
        {
          // Short list items and code neither extend the core nor end it.
          menuRun = 0
        } else if isMenuLike(line) || classes[line] == .junk {
          menuRun += 1
          if menuRun >= Settings.navigationRunLines { break }
        } else {
          menuRun = 0
        }
      }
      return edge
    }
    if let edge = grow(
      stride(from: first - 1, through: 0, by: -1), from: first, continuesLists: false)
    {
      first = edge
    }
    if let edge = grow((last + 1)..<candidates.count, from: last, continuesLists: true) {
      last = edge
    }
    self.lines = candidates[first]...candidates[last]
    self.inHeadlineRun = Self.headlineRuns(
      document, candidates, boundaries, core: candidates[first]...candidates[last])
    self.firstProseAbove = candidates[..<first].first { classes[$0] == .prose }
    var prose = 0.0
    var proseInCore = 0.0
    var proseLinesInCore = 0
    for (k, line) in candidates.enumerated() where classes[line].isProseLike {
      let inCore = (first...last).contains(k)
      // A ticker of headlines beside the article is a list of other stories, not a rival.
      if !inCore, !headlineFeeds.isEmpty, headlineFeeds[line] { continue }
      prose += tokens(line)
      if inCore {
        proseInCore += tokens(line)
        if classes[line] == .prose { proseLinesInCore += 1 }
      }
    }
    self.isConfident =
      proseInCore >= prose * Settings.coreMinimumProseShare
      && proseLinesInCore >= Settings.coreMinimumProseLines
  }

  /// True when a zone rule's phrase on line `phraseLine` sits on the wrong side of the core: a
  /// `drop-from` phrase above the core, or a `drop-until` phrase below it. Such a zone would
  /// take the article with it (a "11 Comments" link above the story).
  func isMisplaced(zonePhraseAt phraseLine: Int, cutsForward: Bool) -> Bool {
    guard let lines else { return false }
    return cutsForward ? phraseLine < lines.lowerBound : phraseLine > lines.upperBound
  }

  /// Where the run of short lines that goes on at `order[start]` ends, at most
  /// `Settings.coreResumeExtraLines` further, when
  /// `Settings.coreResumeParagraphs` prose lines follow it back to back (no boundary on the
  /// way); nil otherwise: comments and teasers have a name, a date or a headline between their
  /// paragraphs, an article's paragraphs after a gallery do not.
  private static func paragraphsAfterRun(
    _ order: [Int], from start: Int, _ candidates: [Int], _ classes: [LineClass],
    _ boundaries: ZoneBoundaries
  ) -> Int? {
    var position = start
    while position < order.count, !classes[candidates[order[position]]].isProseLike {
      if boundaries.isZoneStart(candidates[order[position]]) { return nil }
      position += 1
      // A widget is a few lines; a longer run is the page around the article.
      if position - start > Settings.coreResumeExtraLines { return nil }
    }
    let resume = position
    var paragraphs = 0
    while position < order.count, paragraphs < Settings.coreResumeParagraphs {
      let line = candidates[order[position]]
      guard classes[line] == .prose, !boundaries.isZoneStart(line) else { return nil }
      paragraphs += 1
      position += 1
    }
    return paragraphs == Settings.coreResumeParagraphs ? resume : nil
  }

  /// Marks the lines of the lists a line ending with `:` introduces (`inIntroducedList`), in
  /// one pass: a claimed line (not a candidate), a paragraph of prose or a zone start ends a
  /// list, and so does its `Settings.introducedListLines`-th line.
  private static func introducedLists(
    _ document: Document, _ candidates: [Int], _ boundaries: ZoneBoundaries
  ) -> [Bool] {
    var marks = [Bool](repeating: false, count: document.lineCount)
    var listed: Int?
    var previous = -1
    for line in candidates {
      // A non-blank line between two candidates is one a phrase rule claimed.
      if listed != nil, ((previous + 1)..<line).contains(where: { !document.isBlank($0) }) {
        listed = nil
      }
      previous = line
      if boundaries.isZoneStart(line) || document.classes[line] == .prose {
        listed = document.shapes[line].endsWithColon && !boundaries.isZoneStart(line) ? 0 : nil
        continue
      }
      if document.shapes[line].endsWithColon {
        listed = 0
        continue
      }
      guard let count = listed else { continue }
      if count < Settings.introducedListLines {
        marks[line] = true
        listed = count + 1
      } else {
        listed = nil
      }
    }
    return marks
  }

  /// Marks the chains of numbered headers (a gallery's slide counters, a thread's entry
  /// headers), in one pass. `header` reads a line's number and its series (headers of another
  /// series do not chain); a chain starts at number 1, each next header is 1 to `maximumStep`
  /// above the last, at most `maximumGap` lines below it. A chain of at least `minimumLinks`
  /// headers is marked from its first header to its last one's item, which is taken as long as
  /// the shortest item of the chain.
  private static func numberedChains(
    in document: Document, minimumLinks: Int, maximumStep: Int, maximumGap: Int,
    header: (UnsafeBufferPointer<UInt8>) -> (number: Int, series: Int)?
  ) -> [Bool] {
    var marks = [Bool](repeating: false, count: document.lineCount)
    var chain: [Int] = []
    var series = 0
    var number = 0
    func close() {
      defer { chain = [] }
      guard chain.count >= minimumLinks, let first = chain.first, let last = chain.last else {
        return
      }
      var shortest = Int.max
      for (above, below) in zip(chain, chain.dropFirst()) {
        shortest = min(shortest, below - above)
      }
      let end = min(document.lineCount, last + shortest)
      for line in first..<end { marks[line] = true }
    }
    for line in 0..<document.lineCount where !document.isBlank(line) {
      if let last = chain.last, line - last > maximumGap { close() }
      guard let found = header(document.content(line)) else { continue }
      if !chain.isEmpty, found.series == series,
        (number + 1...number + maximumStep).contains(found.number)
      {
        chain.append(line)
        number = found.number
        continue
      }
      close()
      if found.number == 1 {
        chain = [line]
        series = found.series
        number = 1
      }
    }
    close()
    return marks
  }

  /// Marks the photo galleries, in one pass: `Settings.galleryMinimumSlides` or more slide
  /// counters (`k/N` opening a line: "7/50 City for sale") with the same N, each one more than
  /// the last and at most `Settings.gallerySlideLines` lines below it. A gallery runs from its
  /// first counter to its last counter's slide, as long as its shortest slide: an article's
  /// numbered lines are no fractions, and a date (`12/31`) does not run up by one.
  static func galleries(_ document: Document) -> [Bool] {
    numberedChains(
      in: document, minimumLinks: Settings.galleryMinimumSlides, maximumStep: 1,
      maximumGap: Settings.gallerySlideLines
    ) { text in
      slideCounter(text).map { (number: $0.slide, series: $0.total) }
    }
  }

  /// Marks the comment threads, in one pass: `Settings.commentThreadMinimumEntries` or more
  /// entry headers (`#k` opening a line that also holds a clock time: "#1 Ann 2013/12/28
  /// 10:28"), the first numbered 1, each next number at most `Settings.commentNumberSkip` above
  /// the last (a deleted or private comment keeps its number) and at most
  /// `Settings.commentEntryLines` lines below it. A thread runs from its first header to its
  /// last entry, as long as its shortest: an article's `#1` list has no clock times, a ranking
  /// no run of them.
  static func commentThreads(_ document: Document) -> [Bool] {
    numberedChains(
      in: document, minimumLinks: Settings.commentThreadMinimumEntries,
      maximumStep: Settings.commentNumberSkip, maximumGap: Settings.commentEntryLines
    ) { text in
      entryNumber(text).map { (number: $0, series: 0) }
    }
  }

  /// The `k` of a line that opens with `#k ` (one to four digits) and holds a clock time
  /// (`10:28`: one or two digits, `:`, two digits) after it: a comment's header.
  private static func entryNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    // Most lines open with a printable ASCII byte other than `#`: no need to trim them.
    if let first = text.first, first &- 0x21 < 0x5F, first != 0x23 { return nil }
    let line = Whitespace.trimmed(text)
    guard line.count > 2, line[0] == 0x23 else { return nil }
    var end = 1
    var value = 0
    while end < line.count, end - 1 < 4, line[end] &- 0x30 < 10 {
      value = value * 10 + Int(line[end] &- 0x30)
      end += 1
    }
    guard end > 1, end < line.count, line[end] == 0x20 else { return nil }
    func isDigit(_ index: Int) -> Bool { index < line.count && line[index] &- 0x30 < 10 }
    var index = end + 1
    while index + 2 < line.count {
      if line[index] == 0x3A, isDigit(index - 1), isDigit(index + 1), isDigit(index + 2),
        !isDigit(index + 3)
      {
        return value
      }
      index += 1
    }
    return nil
  }

  /// The `k` and `N` of a line that opens with `k/N` (one to three digits each, N at least
  /// `Settings.galleryMinimumSlides`, k at most N) followed by a space or the line's end.
  private static func slideCounter(_ text: UnsafeBufferPointer<UInt8>) -> (slide: Int, total: Int)?
  {
    // Most lines open with a printable ASCII byte other than a digit: no need to trim them.
    if let first = text.first, first &- 0x21 < 0x5F, !(first &- 0x30 < 10) { return nil }
    let line = Whitespace.trimmed(text)
    func number(from start: Int) -> (value: Int, end: Int)? {
      var end = start
      var value = 0
      while end < line.count, end - start < 3, line[end] &- 0x30 < 10 {
        value = value * 10 + Int(line[end] &- 0x30)
        end += 1
      }
      return end > start ? (value, end) : nil
    }
    guard let slide = number(from: 0), slide.end < line.count, line[slide.end] == 0x2F,
      let total = number(from: slide.end + 1),
      total.end == line.count || line[total.end] == 0x20,
      total.value >= Settings.galleryMinimumSlides, (1...total.value).contains(slide.value)
    else { return nil }
    return (slide.value, total.value)
  }

  /// Marks the navigation runs: `Settings.navigationRunLines` or more candidate lines in a row
  /// that are short or junk and do not end with `:`, three quarters of them menu items or junk, unless a line ending
  /// with `:` introduces them or half of them are list items (a list in the text).
  private static func markNavigationRuns(
    _ document: Document, _ candidates: [Int], _ boundaries: ZoneBoundaries,
    into navigation: inout [Bool]
  ) {
    let shapes = document.shapes
    let classes = document.classes
    var k = 0
    // A line ending with `:` is never part of a run: it introduces what follows.
    func breaksRuns(_ line: Int) -> Bool {
      classes[line].isProseLike || shapes[line].endsWithColon || shapes[line].looksLikeCode
    }
    while k < candidates.count {
      guard !breaksRuns(candidates[k]) else {
        k += 1
        continue
      }
      var end = k
      while end < candidates.count, !breaksRuns(candidates[end]) { end += 1 }
      let run = candidates[k..<end]
      let introduced =
        k > 0 && shapes[candidates[k - 1]].endsWithColon && !boundaries.isSoft(candidates[k - 1])
      let listItems = run.filter { shapes[$0].isListItem }.count
      let menuItems = run.filter { classes[$0] == .junk || shapes[$0].isMenuLike }.count
      if run.count >= Settings.navigationRunLines, menuItems * 4 >= run.count * 3, !introduced,
        listItems * 2 < run.count
      {
        for line in run { navigation[line] = true }
      }
      k = end
    }
  }
}

/// Per line, whether a zone rule starts there (`BodyCore`'s boundaries), in one byte a line: a
/// soft boundary (a `drop-run`, `drop-block` or `drop-until` header, a repeated label, a ticker's
/// stamp) parts the core; a hard one (a `drop-from` start) ends the article for good. An array,
/// not a set: the core asks about most candidate lines, and a set would hash each one.
struct ZoneBoundaries: Sendable {
  private var marks: [UInt8]

  /// No boundary on any of `lineCount` lines.
  init(lineCount: Int) {
    marks = [UInt8](repeating: 0, count: lineCount)
  }

  mutating func markSoft(_ line: Int) { marks[line] |= 1 }
  mutating func markHard(_ line: Int) { marks[line] |= 2 }

  func isSoft(_ line: Int) -> Bool { marks[line] & 1 != 0 }
  func isHard(_ line: Int) -> Bool { marks[line] & 2 != 0 }
  /// True for a soft or a hard boundary.
  func isZoneStart(_ line: Int) -> Bool { marks[line] != 0 }
}
