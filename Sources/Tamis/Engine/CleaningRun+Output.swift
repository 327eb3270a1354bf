extension CleaningRun {
  /// Builds the article from the decided fates, cutting every string from the input's bytes.
  func assemble(source: String) -> CleanedArticle {
    let terminator = documentTerminator()
    let terminatorBytes = Array(terminator.utf8)
    var body: [UInt8] = []
    body.reserveCapacity(bytes.count)
    var paragraphCount = 0
    var lineInParagraph = false
    var pendingBreak = false
    var captions: [Caption] = []
    var meta: [String: String] = [:]
    var removals: [Removal] = []
    var outcomes: [LineOutcome] = []
    outcomes.reserveCapacity(fates.count)

    func removal(_ line: Int, _ text: String, rule index: Int) -> Removal {
      let rule = compiled.rules[index].rule
      return Removal(
        line: line + 1, text: text, ruleID: rule.id, rule: rule.location, action: rule.action.kind)
    }

    for (line, fate) in fates.enumerated() {
      switch fate {
      case .blank:
        if lineInParagraph { pendingBreak = true }
        outcomes.append(.blank)
      case .body:
        var text = Self.trimmedBytes(content(line))
        var outcome = LineOutcome.body
        var strippedText: String?
        var strippedBytes: [UInt8]?
        if !strips[line].isEmpty {
          let (kept, keptBytes, cut) = stripped(line)
          let first = removals.count
          for piece in cut { removals.append(removal(line, piece.text, rule: piece.rule)) }
          guard kept.contains(where: { $0.isLetter || $0.isNumber }) else {
            // Nothing worth keeping is left: the whole line goes, credited to the first strip.
            removals.removeLast(cut.count)
            removals.append(removal(line, string(text), rule: cut[0].rule))
            outcomes.append(.removed(removals.count - 1))
            continue
          }
          strippedText = kept
          strippedBytes = keptBytes
          outcome = .stripped(removals: Array(first..<removals.count))
        }
        if pendingBreak {
          body += terminatorBytes
          body += terminatorBytes
          pendingBreak = false
          paragraphCount += 1
        } else if lineInParagraph {
          body += terminatorBytes
        } else {
          paragraphCount += 1
        }
        if let strippedBytes {
          body += strippedBytes
        } else if let strippedText {
          body += strippedText.utf8
        } else {
          text = Self.trimmedBytes(text)
          body.append(contentsOf: text)
        }
        lineInParagraph = true
        outcomes.append(outcome)
      case .caption(let rule, let hit):
        let parts = Dictionary(
          hit.holes.map { ($0.name, $0.range) }, uniquingKeysWith: { a, _ in a })
        let text = parts["text"].map { Self.trimmed(string(slice(line, $0))) } ?? ""
        let credit = parts["credit"].map { Self.trimmed(string(slice(line, $0))) } ?? ""
        captions.append(
          Caption(
            text: text, credit: credit, position: paragraphCount - 1,
            ruleID: compiled.rules[rule].rule.id))
        outcomes.append(.caption(captions.count - 1))
      case .meta(let rule, let lineHits):
        for hit in lineHits {
          for hole in hit.holes where meta[hole.name] == nil {
            meta[hole.name] = Self.trimmed(string(slice(line, hole.range)))
          }
        }
        removals.append(removal(line, string(Self.trimmedBytes(content(line))), rule: rule))
        outcomes.append(.removed(removals.count - 1))
      case .removed(let rule):
        removals.append(removal(line, string(Self.trimmedBytes(content(line))), rule: rule))
        outcomes.append(.removed(removals.count - 1))
      case .captionText:
        // Filled in when its credit line comes, just below.
        outcomes.append(.blank)
      case .credit(let rule, let hit, let textLine):
        // The `{credit}` hole, or the whole line when the pattern has none (`equals "AFP"`).
        let credit =
          hit.holes.first { $0.name == "credit" }.map {
            Self.trimmed(string(slice(line, $0.range)))
          } ?? Self.trimmed(string(content(line)))
        captions.append(
          Caption(
            text: Self.trimmed(string(content(textLine))), credit: credit,
            position: paragraphCount - 1, ruleID: compiled.rules[rule].rule.id))
        outcomes[textLine] = .caption(captions.count - 1)
        outcomes.append(.caption(captions.count - 1))
      }
    }
    applyGroupFields(removals: removals, captions: captions, outcomes: outcomes, to: &meta)
    flagOverRemoval(removals, outcomes: outcomes, into: &meta)
    if meta["title"] == nil, let line = headline(outcomes) {
      meta["title"] = Self.trimmed(string(content(line)))
    }
    if meta["lang"] == nil, let language { meta["lang"] = language }
    if meta["site"] == nil {
      for (index, pack) in compiled.ruleSet.packs.enumerated() where activePacks[index] {
        if case .site(let hosts) = pack.scope, let host = hosts.first {
          meta["site"] = host
          break
        }
      }
    }
    // Invalid UTF-8 shows as U+FFFD in `body`; `rawBody` keeps the input's bytes (issue 7).
    let isValid = body.withUnsafeBufferPointer(TextCheck.isValidUTF8)
    return CleanedArticle(
      source: source, body: String(decoding: body, as: UTF8.self), captions: captions, meta: meta,
      removals: removals,
      outcomes: outcomes, lineTerminator: terminator, rawBody: isValid ? nil : body)
  }

  /// Sets the `sets:` fields of every group that fired, the first time it fired, with the holes
  /// of the hit that fired it. Fields already captured stay.
  private func applyGroupFields(
    removals: [Removal], captions: [Caption], outcomes: [LineOutcome],
    to meta: inout [String: String]
  ) {
    // Only groups with `sets:` matter; most rule sets have a handful.
    let setsOfGroup = compiled.firstRuleSettingFields
    guard !setsOfGroup.isEmpty else { return }
    var firings: [(line: Int, ruleID: String)] = removals.compactMap {
      setsOfGroup[$0.ruleID] == nil ? nil : ($0.line - 1, $0.ruleID)
    }
    for (line, outcome) in outcomes.enumerated() {
      if case .caption(let index) = outcome, setsOfGroup[captions[index].ruleID] != nil {
        firings.append((line, captions[index].ruleID))
      }
    }
    var done: Set<String> = []
    for firing in firings.sorted(by: { $0.line < $1.line }) where !done.contains(firing.ruleID) {
      done.insert(firing.ruleID)
      guard let index = setsOfGroup[firing.ruleID] else { continue }
      // The hit of one of the group's rules on the firing line (for zone rules, the zone's
      // first line is the one that matched).
      var holes: [String: String] = [:]
      for hit in hits[firing.line] {
        guard case .rule(let rule) = compiled.patterns[hit.pattern].owner,
          compiled.rules[rule].rule.id == firing.ruleID
        else { continue }
        for hole in hit.holes where holes[hole.name] == nil {
          holes[hole.name] = Self.trimmed(string(slice(firing.line, hole.range)))
        }
      }
      for assignment in compiled.rules[index].sets where meta[assignment.key] == nil {
        var value = assignment.template
        for (name, captured) in holes { value = value.replacingAll("{\(name)}", with: captured) }
        // A value naming a hole the firing rule does not have is not set.
        if value.contains("{") { continue }
        meta[assignment.key] = value
      }
    }
  }

  /// The share of a dump's words that cleaning may remove before the article is flagged.
  static let removalBudget = 0.6
  /// Dumps with fewer words than this are never flagged.
  static let removalBudgetMinimumWords = 150

  /// Flags a dump that lost more than `removalBudget` of its words: `over-removal` (the share,
  /// in percent) and `over-removal-rules` (the groups that removed most, by words).
  private func flagOverRemoval(
    _ removals: [Removal], outcomes: [LineOutcome], into meta: inout [String: String]
  ) {
    var removedByRule: [String: Int] = [:]
    var removed = 0
    for (line, outcome) in outcomes.enumerated() {
      switch outcome {
      case .removed(let index):
        // Whole lines are counted on their bytes; only stripped spans need their text.
        let words = LineMetrics.words(in: content(line))
        removed += words
        removedByRule[removals[index].ruleID, default: 0] += words
      case .stripped(let indices):
        for index in indices {
          let words = removals[index].text.split(separator: " ").count
          removed += words
          removedByRule[removals[index].ruleID, default: 0] += words
        }
      case .blank, .body, .caption:
        break
      }
    }
    // The dump is flagged when it has at least the minimum of words and `removed` is more than
    // the budget's share of them; counting stops as soon as neither can hold any more, so a
    // large dump that lost little is not counted to its end.
    let enough = max(Self.removalBudgetMinimumWords, Int(Double(removed) / Self.removalBudget) + 1)
    var total = 0
    for line in lineIndex.lines.indices where ordinals[line] >= 0 {
      total += LineMetrics.words(in: content(line))
      if total >= enough { return }
    }
    // A short dump (a caption and a teaser) legitimately loses most of its words.
    guard total >= Self.removalBudgetMinimumWords else { return }
    let share = Double(removed) / Double(total)
    guard share > Self.removalBudget else { return }
    meta["over-removal"] = "\(Int((share * 100).rounded())) %"
    meta["over-removal-rules"] = removedByRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .prefix(3).map(\.key).joined(separator: ",")
  }

  /// The most words a headline may have.
  static let headlineWords = 24

  /// The line that reads as the article's headline: the first body line, when it is short
  /// (4 to `headlineWords` words: shorter ones are mostly bylines and buttons), does not end
  /// like a sentence (`.`, `:`, `;`, `,`, `…`; a question or an exclamation may) and a longer
  /// body line follows it. A headline stays in the body; this only names it for `meta.title`.
  private func headline(_ outcomes: [LineOutcome]) -> Int? {
    guard let first = outcomes.firstIndex(where: { $0 == .body }) else { return nil }
    let text = Self.trimmedBytes(content(first))
    let words = LineMetrics.words(in: text)
    guard (4...Self.headlineWords).contains(words), let last = text.last else { return nil }
    let endsLikeSentence =
      [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ",")].contains(last)
      || (last == 0xA6 && text.count >= 3 && text[text.count - 3] == 0xE2)  // … U+2026
    guard !endsLikeSentence else { return nil }
    let paragraphFollows = outcomes[(first + 1)...].indices.contains { line in
      outcomes[line] == .body && LineMetrics.words(in: content(line)) > words
    }
    return paragraphFollows ? first : nil
  }

  /// The line content with every strip span cut out, seams closed with one space; and when the
  /// line is not valid UTF-8, the same as the input's own bytes (invalid ones kept).
  private func stripped(_ line: Int)
    -> (kept: String, keptBytes: [UInt8]?, cut: [(rule: Int, text: String)])
  {
    let text = content(line)
    let spans = strips[line].sorted { $0.span.lowerBound < $1.span.lowerBound }
    var pieces: [String] = []
    var cut: [(rule: Int, text: String)] = []
    var position = 0
    for (rule, span) in spans {
      guard span.upperBound > position else { continue }
      let start = max(span.lowerBound, position)
      pieces.append(string(slice(line, position..<start)))
      cut.append((rule, Self.trimmed(string(slice(line, start..<span.upperBound)))))
      position = span.upperBound
    }
    pieces.append(string(slice(line, position..<text.count)))
    let kept = pieces.map(Self.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
    guard !TextCheck.isValidUTF8(text) else { return (kept, nil, cut) }
    // The same cut on the bytes: the pieces between spans, trimmed, joined with one space.
    var keptBytes: [UInt8] = []
    position = 0
    var ranges: [Range<Int>] = []
    for (_, span) in spans where span.upperBound > position {
      ranges.append(position..<max(span.lowerBound, position))
      position = span.upperBound
    }
    ranges.append(position..<text.count)
    for range in ranges {
      let piece = Self.trimmedBytes(slice(line, range))
      guard !piece.isEmpty else { continue }
      if !keptBytes.isEmpty { keptBytes.append(0x20) }
      keptBytes += piece
    }
    return (kept, keptBytes, cut)
  }

  private func slice(_ line: Int, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    let text = content(line)
    return UnsafeBufferPointer(rebasing: text[range])
  }

  private func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes without leading and trailing white space (ASCII, NBSP, narrow NBSP, BOM).
  private static func trimmedBytes(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>
  {
    var lower = 0
    var upper = text.count
    while lower < upper {
      let width = spaceWidth(text, at: lower)
      if width == 0 { break }
      lower += width
    }
    while upper > lower {
      if text[upper - 1] == 0x20 || text[upper - 1] == 0x09 {
        upper -= 1
      } else if upper - 2 >= lower, text[upper - 2] == 0xC2, text[upper - 1] == 0xA0 {
        upper -= 2
      } else if upper - 3 >= lower, text[upper - 3] == 0xE2, text[upper - 2] == 0x80,
        text[upper - 1] == 0xAF
      {
        upper -= 3
      } else {
        break
      }
    }
    return UnsafeBufferPointer(rebasing: text[lower..<upper])
  }

  /// The width of the white-space character at `index` (0 when there is none).
  private static func spaceWidth(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = text[index]
    if byte == 0x20 || byte == 0x09 { return 1 }
    if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 { return 2 }
    if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xAF {
      return 3
    }
    if byte == 0xEF, index + 2 < text.count, text[index + 1] == 0xBB, text[index + 2] == 0xBF {
      return 3
    }
    return 0
  }

  private static func trimmed(_ text: String) -> String {
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace || first == "\u{FEFF}" { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }

  /// `\r\n` or `\r` when the input's first line ends so, else `\n`.
  private func documentTerminator() -> String {
    for line in lineIndex.lines where !line.terminator.isEmpty {
      return string(UnsafeBufferPointer(rebasing: bytes[line.terminator]))
    }
    return "\n"
  }
}

extension String {
  /// The string with every occurrence of `target` replaced.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
