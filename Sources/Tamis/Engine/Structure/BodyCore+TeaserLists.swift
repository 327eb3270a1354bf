extension BodyCore {
  /// Marks the lists of other stories' teasers, in one pass over the non-blank lines: at least
  /// `Settings.teaserListMinimumItems` teaser items, each at most `Settings.teaserListGap`
  /// non-blank lines below the last. An item is a headline cut off by an ellipsis glued to its
  /// last word ("23 things every cyclist learns in the…", at most
  /// `Settings.teaserEllipsisWords` words), or a headline followed by its date or time stamp
  /// ("Rates rise again Reuters 3/9 15:47", "Yahoo's sale ends an era JULY 24, 2016"), in any
  /// language and script.
  ///
  /// An article's sentences end with their own full stop, not with a cut-off word or a bare
  /// date; one or two such lines may be a quote trailing off or a dated note, three close
  /// together are a list of links. Only the items are marked: the list's header and its
  /// summaries are left to the other rules.
  static func teaserLists(_ document: Document) -> [Bool] {
    var marks = [Bool](repeating: false, count: document.lineCount)
    var run: [Int] = []
    func close() {
      defer { run = [] }
      guard run.count >= Settings.teaserListMinimumItems else { return }
      for line in run { marks[line] = true }
    }
    for line in 0..<document.lineCount where !document.isBlank(line) {
      guard isTeaserItem(document.content(line), words: document.words[line]) else { continue }
      if let last = run.last,
        document.ordinals[line] - document.ordinals[last] > Settings.teaserListGap
      {
        close()
      }
      run.append(line)
    }
    close()
    return marks
  }

  /// True for a line that reads as one teaser of a list: a headline cut off by an ellipsis
  /// glued to its last word, or a headline and a trailing date or time stamp.
  static func isTeaserItem(_ content: UnsafeBufferPointer<UInt8>, words: Int) -> Bool {
    // Most lines end with a letter or a full stop: only an ellipsis, a digit, a parenthesis or
    // an `am`/`pm` can end an item.
    guard let end = content.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else {
      return false
    }
    let possible =
      end == 0xA6 || end == UInt8(ascii: ".") || end &- 0x30 < 10 || end == UInt8(ascii: ")")
      || end | 0x20 == UInt8(ascii: "m")
    guard possible else { return false }
    let text = Whitespace.trimmed(content)
    if let cut = ellipsisStart(text) {
      return cut > 0 && text[cut - 1] != 0x20 && text[cut - 1] != UInt8(ascii: ".")
        && words <= Settings.teaserEllipsisWords
    }
    // Most sentences end with a full stop or an `m` ("them"): only a meridiem ends a stamp so.
    if end == UInt8(ascii: ".") || end | 0x20 == UInt8(ascii: "m"), !endsWithMeridiem(text) {
      return false
    }
    guard words <= Settings.teaserDatedWords, let stamp = trailingStampStart(text) else {
      return false
    }
    var headWords = 0
    var wide = 0
    var inWord = false
    for byte in text[..<stamp] {
      if byte >= 0x80 { wide += 1 }
      if byte == 0x20 || byte == 0x09 {
        inWord = false
      } else if !inWord {
        inWord = true
        headWords += 1
      }
    }
    return headWords >= Settings.teaserHeadWords || wide >= Settings.teaserHeadWideBytes
  }

  /// True for a teaser item that ends with its date rather than an ellipsis.
  static func isDatedTeaser(_ document: Document, _ line: Int) -> Bool {
    ellipsisStart(Whitespace.trimmed(document.content(line))) == nil
  }

  /// Where the ellipsis that ends `text` starts: `…` or three dots or more; nil when the line
  /// ends otherwise.
  private static func ellipsisStart(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = text.count
    if count >= 3, text[count - 3] == 0xE2, text[count - 2] == 0x80, text[count - 1] == 0xA6 {
      return count - 3
    }
    var start = count
    while start > 0, text[start - 1] == UInt8(ascii: ".") { start -= 1 }
    return count - start >= 3 ? start : nil
  }

  /// Where the date or time stamp that ends `text` starts, or nil: a clock time (`15:47`,
  /// `8:00am`, `7:11 PM`) after an optional numeric date (`3/9(木) 18:01`, `2016-07-26`); a
  /// numeric date alone; or a date with the month's name (`JULY 24, 2016`, `24 juillet 2016`,
  /// `24. Juli 2016`).
  static func trailingStampStart(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    // The last four words, as byte ranges, last word last.
    var tokens: [Range<Int>] = []
    var end = text.count
    while end > 0, tokens.count < 4 {
      var start = end
      while start > 0, text[start - 1] != 0x20 { start -= 1 }
      if start < end { tokens.insert(start..<end, at: 0) }
      end = start
      while end > 0, text[end - 1] == 0x20 { end -= 1 }
    }
    guard var index = tokens.indices.last else { return nil }
    func word(_ at: Int) -> UnsafeBufferPointer<UInt8>.SubSequence { text[tokens[at]] }
    if isMeridiem(word(index)[...]) {
      guard index > 0, isClock(word(index - 1), meridiem: false) else { return nil }
      index -= 1
    }
    if isClock(word(index), meridiem: true) {
      if index > 0, isNumericDate(word(index - 1)) { return tokens[index - 1].lowerBound }
      return tokens[index].lowerBound
    }
    if isNumericDate(word(index)) { return tokens[index].lowerBound }
    guard index >= 2, isYear(word(index)) else { return nil }
    let middle = word(index - 1)
    let first = word(index - 2)
    // "JULY 24, 2016": a month's name, the day and a comma.
    if isLetters(first, dot: true), middle.count >= 2, middle.last == UInt8(ascii: ","),
      isDigits(middle.dropLast(), upTo: 2)
    {
      return tokens[index - 2].lowerBound
    }
    // "24 juillet 2016", "24. Juli 2016": the day, then the month's name.
    let day = first.last == UInt8(ascii: ".") ? first.dropLast() : first
    if isDigits(day, upTo: 2), isLetters(middle, dot: true) { return tokens[index - 2].lowerBound }
    return nil
  }

  private static func isDigits(_ word: UnsafeBufferPointer<UInt8>.SubSequence, upTo most: Int)
    -> Bool
  {
    !word.isEmpty && word.count <= most && word.allSatisfy { $0 &- 0x30 < 10 }
  }

  /// A year from 1900 to 2099.
  private static func isYear(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
    guard isDigits(word, upTo: 4), word.count == 4 else { return false }
    let century = word.prefix(2)
    return century.elementsEqual("19".utf8) || century.elementsEqual("20".utf8)
  }

  /// A word of letters (any script: bytes from 0x80 count as letters), with a final `.` when
  /// `dot` ("Sept.").
  private static func isLetters(_ word: UnsafeBufferPointer<UInt8>.SubSequence, dot: Bool) -> Bool {
    let body = dot && word.last == UInt8(ascii: ".") ? word.dropLast() : word
    return !body.isEmpty
      && body.allSatisfy { $0 >= 0x80 || ($0 | 0x20) &- UInt8(ascii: "a") < 26 }
  }

  /// True when `text` ends with `am`, `pm`, `a.m.` or `p.m.`, in any case, glued to what comes
  /// before or not: the cheap test before `trailingStampStart` reads the last words.
  private static func endsWithMeridiem(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = text.count
    func lower(_ back: Int) -> UInt8 { text[count - back] | 0x20 }
    func isAOrP(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "a") || byte == UInt8(ascii: "p") }
    if count >= 2, lower(1) == UInt8(ascii: "m"), isAOrP(lower(2)) { return true }
    return count >= 4 && text[count - 1] == UInt8(ascii: ".") && lower(2) == UInt8(ascii: "m")
      && text[count - 3] == UInt8(ascii: ".") && isAOrP(lower(4))
  }

  /// `am`, `pm`, `a.m.` or `p.m.`, in any case.
  private static func isMeridiem(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
    let lower = word.map { $0 | 0x20 }
    guard let first = lower.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "p")
    else { return false }
    return lower.dropFirst().elementsEqual("m".utf8) || lower.dropFirst().elementsEqual(".m.".utf8)
  }

  /// A clock time: one or two digits, `:`, two digits, and with `meridiem` an `am`/`pm` glued
  /// to it (`8:00am`).
  private static func isClock(_ word: UnsafeBufferPointer<UInt8>.SubSequence, meridiem: Bool)
    -> Bool
  {
    guard let colon = word.firstIndex(of: UInt8(ascii: ":")) else { return false }
    let hour = word[word.startIndex..<colon]
    let rest = word[(colon + 1)...]
    guard isDigits(hour, upTo: 2), rest.count >= 2, isDigits(rest.prefix(2), upTo: 2) else {
      return false
    }
    let tail = rest.dropFirst(2)
    return tail.isEmpty || (meridiem && isMeridiem(tail))
  }

  /// A numeric date: two or three groups of one to four digits parted by `/`, `.` or `-`,
  /// and the weekday in parentheses after it (`3/9(木)`).
  private static func isNumericDate(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
    var date = word
    if date.last == UInt8(ascii: ")"), let open = date.firstIndex(of: UInt8(ascii: "(")),
      date.endIndex - open <= 12
    {
      date = date[date.startIndex..<open]
    }
    let groups = date.split(
      omittingEmptySubsequences: false,
      whereSeparator: {
        $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
      })
    return (2...3).contains(groups.count) && groups.allSatisfy { isDigits($0, upTo: 4) }
  }
}
