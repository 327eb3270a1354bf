extension BodyCore {
  /// The news tickers among `candidates`, in one pass: lines that open with a clock time
  /// ("14:44 Headline", "9h05", "2:35 PM") that runs down from stamp to stamp, newest first, at
  /// least `Settings.tickerMinimumEntries` of them, each at most `Settings.tickerEntryLines`
  /// candidate lines below the last.
  ///
  /// A feed beside the article prints its newest item first; an article's own timeline or a
  /// schedule runs up ("9:00 Doors open", "10:30 Keynote"), so it is never a ticker. Each stamp
  /// (`stamps`) parts the core like a repeated label ("Reply"): the core's reach does not cross
  /// a ticker for its one-paragraph items, and a live page, whose entries are paragraphs, is its
  /// own core. A ticker whose items are mostly headlines (the stamp and a title on one line, the
  /// next stamp right under it) is a list of other stories (`headlineFeeds`, from its first
  /// stamp to its last): its few paragraphs do not make the article one story among many.
  /// `headlineFeeds` is empty when the dump holds no such ticker (most dumps).
  static func tickers(_ document: Document, _ candidates: [Int]) -> (
    stamps: [Int], headlineFeeds: [Bool]
  ) {
    var stamps: [Int] = []
    var feeds: [Bool] = []
    var chain: [Int] = []
    var headlines = 0
    var lastTime = 0
    var lastPosition = 0
    func close() {
      defer {
        chain = []
        headlines = 0
      }
      guard chain.count >= Settings.tickerMinimumEntries, let first = chain.first,
        let last = chain.last
      else { return }
      stamps.append(contentsOf: chain)
      if headlines * 2 >= chain.count - 1 {
        if feeds.isEmpty { feeds = [Bool](repeating: false, count: document.lineCount) }
        for line in first...last { feeds[line] = true }
      }
    }
    for (position, line) in candidates.enumerated() {
      if !chain.isEmpty, position - lastPosition > Settings.tickerEntryLines { close() }
      let content = document.content(line)
      // Most lines open with a printable ASCII byte other than a digit: no need to trim them.
      if let first = content.first, first &- 0x21 < 0x5F, !(first &- 0x30 < 10) { continue }
      let text = Whitespace.trimmed(content)
      guard let time = openingClockTime(text) else { continue }
      if !chain.isEmpty, time > lastTime { close() }
      // The item above was a headline: its stamp held words and this stamp came right under it.
      if let above = chain.last, position == lastPosition + 1, document.words[above] > 1 {
        headlines += 1
      }
      chain.append(line)
      lastTime = time
      lastPosition = position
    }
    close()
    return (stamps, feeds)
  }

  /// The minutes since midnight of the clock time that opens the line: one or two digits, `:`
  /// or `h`, two digits, then the line's end or a space; an `AM`/`PM` (or `a.m.`/`p.m.`) after
  /// it counts. Nil for any other line, and for an hour past 23 or a minute past 59.
  static func openingClockTime(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    func digit(_ index: Int) -> Int? {
      guard index < line.count, line[index] &- 0x30 < 10 else { return nil }
      return Int(line[index] &- 0x30)
    }
    guard let first = digit(0) else { return nil }
    var hour = first
    var index = 1
    if let second = digit(1) {
      hour = hour * 10 + second
      index = 2
    }
    guard index < line.count, line[index] == UInt8(ascii: ":") || line[index] == UInt8(ascii: "h"),
      let tens = digit(index + 1), let units = digit(index + 2)
    else { return nil }
    let end = index + 3
    guard end == line.count || line[end] == 0x20 else { return nil }
    let minute = tens * 10 + units
    guard hour < 24, minute < 60 else { return nil }
    // "2:35 PM": the half of the day follows the stamp.
    if end + 1 < line.count, hour <= 12 {
      let mark = line[end + 1] | 0x20
      let next = end + 2 < line.count ? line[end + 2] | 0x20 : 0
      let isHalf = next == UInt8(ascii: "m") || next == UInt8(ascii: ".")
      if mark == UInt8(ascii: "p"), isHalf, hour < 12 { hour += 12 }
      if mark == UInt8(ascii: "a"), isHalf, hour == 12 { hour = 0 }
    }
    return hour * 60 + minute
  }
}
