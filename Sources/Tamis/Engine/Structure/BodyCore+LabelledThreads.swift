extension BodyCore {
  /// Marks the comment threads whose entries open with an unnumbered header that holds a clock
  /// time ("Ann · March 10, 2017 at 12:20 AM") and end with a repeated label ("Reply"), in one
  /// pass over the headers.
  ///
  /// A thread is `Settings.commentThreadMinimumEntries` or more headers, each at most
  /// `Settings.commentEntryLines` lines below the last, with a soft boundary (a repeated label
  /// or a zone's first line) between at least half of the pairs: an article's schedule or a live
  /// page's time stamps hold no "Reply" under each entry. It runs from its first header to its
  /// last entry's end: the next boundary, soft or hard (a comment form's first line), when one comes
  /// within `Settings.commentLastEntrySpan` times the longest entry, else as long as the
  /// shortest entry.
  static func labelledCommentThreads(
    _ document: Document, _ boundaries: ZoneBoundaries
  ) -> [Bool] {
    var marks = [Bool](repeating: false, count: document.lineCount)
    var chain: [Int] = []
    var labelledGaps = 0
    var labelSeen = false
    func close() {
      defer {
        chain = []
        labelledGaps = 0
      }
      guard chain.count >= Settings.commentThreadMinimumEntries,
        labelledGaps * 2 >= chain.count - 1,
        let first = chain.first, let last = chain.last
      else { return }
      var shortest = Int.max
      var longest = 0
      for (above, below) in zip(chain, chain.dropFirst()) {
        shortest = min(shortest, below - above)
        longest = max(longest, below - above)
      }
      let reach = min(document.lineCount, last + 1 + Settings.commentLastEntrySpan * longest)
      var end = min(document.lineCount, last + shortest)
      if let stop = ((last + 1)..<reach).first(where: { boundaries.isZoneStart($0) }) {
        end = boundaries.isHard(stop) ? stop : stop + 1
      }
      for line in first..<end { marks[line] = true }
    }
    for line in 0..<document.lineCount where !document.isBlank(line) {
      if let last = chain.last, line - last > Settings.commentEntryLines { close() }
      guard isEntryHeader(line, in: document) else {
        if boundaries.isSoft(line) { labelSeen = true }
        continue
      }
      if !chain.isEmpty, labelSeen { labelledGaps += 1 }
      chain.append(line)
      labelSeen = false
    }
    close()
    return marks
  }

  /// True for a short line that holds a clock time and does not end like a sentence: a
  /// comment's header ("Ann · March 10, 2017 at 12:20 AM"), a ticker's time stamp.
  private static func isEntryHeader(_ line: Int, in document: Document) -> Bool {
    guard document.hasShapes, document.words[line] <= Settings.commentHeaderWords,
      document.shapes[line].hasTimeOrDate, !document.shapes[line].endsLikeSentence
    else { return false }
    return holdsClockTime(Whitespace.trimmed(document.content(line)))
  }

  /// True when the text holds a clock time: one or two digits, `:`, two digits, and no digit
  /// right after them (`12:20`, not `3:1234`).
  static func holdsClockTime(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    func isDigit(_ index: Int) -> Bool {
      index >= 0 && index < line.count && line[index] &- 0x30 < 10
    }
    var index = 1
    while index + 2 < line.count {
      if line[index] == 0x3A, isDigit(index - 1), isDigit(index + 1), isDigit(index + 2),
        !isDigit(index + 3), !(isDigit(index - 1) && isDigit(index - 2) && isDigit(index - 3))
      {
        return true
      }
      index += 1
    }
    return false
  }
}
