/// Writes what was learned for one site as a site pack (`HOST.rules`) that `tamis check
/// --strict` passes and `--rules` loads: one rule per learned line, with the id the removals
/// were credited to (`learned-example-com-12`), the counts as comments, an `example:` made of a
/// real line of the crawl, and a `keeps:` line taken from a body of the same site.
///
/// Only the lines that the cleaning pass removed as learned lines or kept are written: a line
/// that other rules removed wherever it was needs no rule of its own.
///
/// A line's pattern is `equals` its example, with every number run (digits with `.`, `,` or a
/// space between digits) a `{nK:number}` hole and every month or weekday name a `{mK:word}`
/// hole, so a line whose dates and counts vary matches as it did when learning. A line that stayed in the body in some document (prose of the body
/// core, or a menu line found inside the core: see `LearnedLinePass`) is written commented out,
/// with the reason: reloading the pack would otherwise remove it everywhere.
public struct LearnedPack: Sendable {
  /// One learned line and what cleaning did with it.
  public struct Line: Sendable, Hashable {
    /// Its rank among the site's learned lines.
    public var rank: Int32
    /// Documents it was found in when learning.
    public var documents: Int
    /// Documents where it was removed.
    public var removed: Int
    /// Documents where it stayed in the body.
    public var kept: Int
    /// A real line of the crawl (trimmed).
    public var example: String

    /// Creates a line.
    public init(rank: Int32, documents: Int, removed: Int, kept: Int, example: String) {
      self.rank = rank
      self.documents = documents
      self.removed = removed
      self.kept = kept
      self.example = example
    }
  }

  /// The site.
  public let site: LearnedLines.Site
  /// Its lines, by rank.
  public let lines: [Line]
  /// A body line of the site for `keeps:`.
  public let keeps: String

  /// Creates a pack for `site`.
  /// - Parameters:
  ///   - site: the site's learned lines.
  ///   - lines: what cleaning did with them; sorted by rank here.
  ///   - keeps: a body line of the site, which no rule of the pack matches.
  public init(site: LearnedLines.Site, lines: [Line], keeps: String) {
    self.site = site
    self.lines = lines.sorted { $0.rank < $1.rank }
    self.keeps = keeps
  }

  /// The file's name: `HOST.rules`.
  public var fileName: String { "\(site.host).rules" }

  /// The file's text.
  /// - Parameter thresholds: the thresholds the lines were learned with, for the header.
  public func text(thresholds: LineCounter.Thresholds) -> String {
    let active = lines.filter { $0.kept == 0 }.count
    var text = """
      # Learned by 'tamis --learn' from \(site.documents) documents of \(site.host): the lines in at
      # least \(thresholds.minDocuments) documents and \(thresholds.minSharePercent) % of them.
      # \(active) rules; \(lines.count - active) lines the articles keep, commented out.
      # Review before use: delete a rule to keep its line, widen a pattern to catch variants.
      title: Learned boilerplate of \(site.host)
      lang: any
      site: \(site.host)

      """
    for line in lines {
      let share = line.documents * 100 / max(1, site.documents)
      var block = """
        # in \(line.documents) of \(site.documents) documents (\(share) %); \
        removed in \(line.removed), kept in \(line.kept)
        rule: \(site.ruleID(rank: line.rank))
          why: \(site.reason(LearnedLines.Entry(rank: line.rank, documents: Int32(line.documents))))
          drop-line: equals \(Self.phrase(line.example))
          example: a line of the crawl
            in: \(line.example)
          keeps: \(keeps)

        """
      if line.kept > 0 {
        block =
          "# kept: the article's own line (inside the body core) in \(line.kept) "
          + (line.kept == 1 ? "document" : "documents") + ", so not removed\n"
          + block.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
          .map { "# " + $0 }.joined(separator: "\n") + "\n"
      }
      text += "\n" + block
    }
    return text
  }

  /// The quoted phrase of an `equals` pattern for `line`: its text with `"`, `\`, `{` and `}`
  /// escaped, each number run a `{nK:number}` hole and each month or weekday name a `{mK:word}`
  /// hole.
  static func phrase(_ line: String) -> String {
    let scalars = Array(line.unicodeScalars)
    var phrase = "\""
    var holes = 0
    var words = 0
    var index = 0
    // As `LearnedLineHash` does: names are holes only in a short line with a digit.
    let checksCalendar =
      line.utf8.count <= LearnedLineHash.calendarLineBytes
      && line.contains { $0.isASCII && $0.isNumber }
    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    while index < scalars.count {
      let scalar = scalars[index]
      if isDigit(scalar) {
        index += 1
        while index < scalars.count {
          if isDigit(scalars[index]) {
            index += 1
          } else if index + 1 < scalars.count, [".", ",", " "].contains(scalars[index]),
            isDigit(scalars[index + 1])
          {
            index += 2
          } else {
            break
          }
        }
        holes += 1
        phrase += "{n\(holes):number}"
        continue
      }
      let atWordStart = index == 0 || !Self.isWordScalar(scalars[index - 1])
      if checksCalendar, atWordStart, scalar.properties.isAlphabetic {
        var end = index
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[index..<end])
        if end == scalars.count || !Self.isWordScalar(scalars[end]),
          LearnedLineHash.calendarWords.contains(String(word).lowercased())
        {
          words += 1
          phrase += "{m\(words):word}"
          index = end
          continue
        }
      }
      switch scalar {
      case "\"": phrase += "\\\""
      case "\\": phrase += "\\\\"
      case "{": phrase += "{{"
      case "}": phrase += "}}"
      default: phrase.unicodeScalars.append(scalar)
      }
      index += 1
    }
    return phrase + "\""
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
  }
}
