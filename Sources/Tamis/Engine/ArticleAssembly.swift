/// Builds the body, the captions, the removals and each line's outcome from the decided fates,
/// cutting every string from the input's bytes. Meta fields captured by `meta` rules are
/// collected on the way; the other meta decisions are `MetaDecisions`'.
struct ArticleAssembly {
  /// The body's bytes: kept lines trimmed, lines of a paragraph joined by the dump's line
  /// terminator, paragraphs separated by an empty line.
  var body: [UInt8] = []
  var captions: [Caption] = []
  /// The fields captured by `meta` rules (the first capture of a field wins).
  var meta: [String: String] = [:]
  var removals: [Removal] = []
  var outcomes: [LineOutcome] = []
  /// The headline, named in `meta.title` (see `Headline`).
  var headline: Headline?

  /// Assembles the article parts of `state`.
  ///
  /// Borrows the state: a copy would retain and release each of its arrays and rules.
  init(_ state: borrowing CleaningState) {
    let document = state.document
    let compiled = state.compiled
    headline = Headline(state)
    let titleLine = headline?.leavesBody == true ? headline?.line : nil
    let terminatorBytes = Array(document.terminator.utf8)
    // Most dumps end lines with one byte: appended as a byte, not as an array.
    let singleTerminator = terminatorBytes.count == 1 ? terminatorBytes[0] : nil
    func appendTerminator() {
      if let singleTerminator { body.append(singleTerminator) } else { body += terminatorBytes }
    }
    body.reserveCapacity(document.bytes.count)
    outcomes.reserveCapacity(state.fates.count)
    // The removals counted first, so that their array (and `pending`) is allocated once at its
    // final size rather than grown by copying: a removal is a wide value.
    var removedLines = titleLine == nil ? 0 : 1
    var strippedSpans = 0
    for line in state.fates.indices {
      switch state.fates[line] {
      case .blank, .captionText, .caption, .credit: break
      case .body: strippedSpans += state.strips[line].count
      case .meta, .removed, .copyright, .learned: removedLines += 1
      }
    }
    removals.reserveCapacity(removedLines + strippedSpans)
    var paragraphCount = 0
    var lineInParagraph = false
    var pendingBreak = false

    func removal(_ line: Int, _ text: String, rule index: RuleIndex) -> Removal {
      // Read in place: a copy of the rule would retain and release each of its fields.
      var removal = Removal(
        line: line + 1, text: text, ruleID: compiled.rules[index.value].rule.id,
        rule: compiled.rules[index.value].rule.location,
        action: compiled.rules[index.value].rule.action.kind)
      removal.compiledRulePosition = index.value
      return removal
    }
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
      String(decoding: bytes, as: UTF8.self)
    }
    func captured(_ line: Int, _ range: Range<Int>) -> String {
      Whitespace.trimmed(string(UnsafeBufferPointer(rebasing: document.content(line)[range])))
    }
    func trimmedLine(_ line: Int) -> String {
      string(Whitespace.trimmed(document.content(line)))
    }
    // The texts of whole removed lines are read later, if ever, from one copy of their bytes,
    // made once every removed line is known so that it is allocated at its final size (grown by
    // doubling, it held up to twice the removed bytes at once): `pending` says which removal
    // reads which line.
    var pending: [(removal: Int, line: Int)] = []
    pending.reserveCapacity(removedLines + strippedSpans)
    func appendRemoved(_ line: Int, _ removal: Removal) {
      pending.append((removals.count, line))
      removals.append(removal)
    }
    func appendRemoved(_ line: Int, rule index: RuleIndex) {
      appendRemoved(line, removal(line, "", rule: index))
    }

    for (line, fate) in state.fates.enumerated() {
      switch fate {
      case .blank:
        if lineInParagraph { pendingBreak = true }
        outcomes.append(.blank)
      case .body where line == titleLine:
        appendRemoved(
          line,
          Removal(
            line: line + 1, text: "", ruleID: Headline.ruleID, rule: Headline.location,
            action: .meta))
        outcomes.append(.removed(removals.count - 1))
      case .body:
        var outcome = LineOutcome.body
        var keptBytes: [UInt8]?
        if !state.strips[line].isEmpty {
          let stripped = StrippedLine(document.content(line), strips: state.strips[line])
          let first = removals.count
          for piece in stripped.cut { removals.append(removal(line, piece.text, rule: piece.rule)) }
          guard stripped.keepsContent else {
            // Nothing worth keeping is left: the whole line goes, credited to the first strip.
            removals.removeLast(stripped.cut.count)
            appendRemoved(line, rule: stripped.cut[0].rule)
            outcomes.append(.removed(removals.count - 1))
            continue
          }
          keptBytes = stripped.keptBytes
          outcome = .stripped(removals: Array(first..<removals.count))
        }
        if pendingBreak {
          appendTerminator()
          appendTerminator()
          pendingBreak = false
          paragraphCount += 1
        } else if lineInParagraph {
          appendTerminator()
        } else {
          paragraphCount += 1
        }
        if let keptBytes {
          body += keptBytes
        } else {
          body.append(contentsOf: Whitespace.trimmed(document.content(line)))
        }
        lineInParagraph = true
        outcomes.append(outcome)
      case .caption(let rule, let hit):
        let parts = Dictionary(
          hit.holes.map { ($0.name, $0.range) }, uniquingKeysWith: { a, _ in a })
        captions.append(
          Caption(
            text: parts["text"].map { captured(line, $0) } ?? "",
            credit: parts["credit"].map { captured(line, $0) } ?? "",
            position: paragraphCount - 1, ruleID: compiled[rule: rule].rule.id))
        outcomes.append(.caption(captions.count - 1))
      case .meta(let rule, let lineHits):
        for hit in lineHits {
          for hole in hit.holes where meta[hole.name] == nil {
            meta[hole.name] = captured(line, hole.range)
          }
        }
        appendRemoved(line, rule: rule)
        outcomes.append(.removed(removals.count - 1))
      case .removed(let rule):
        appendRemoved(line, rule: rule)
        outcomes.append(.removed(removals.count - 1))
      case .copyright(let rule):
        if meta["copyright"] == nil { meta["copyright"] = trimmedLine(line) }
        appendRemoved(line, rule: rule)
        outcomes.append(.removed(removals.count - 1))
      case .learned(let entry):
        // Invariant: `LearnedLinePass` only sets this fate when the site has learned lines.
        let site = state.learned
        appendRemoved(
          line,
          Removal(
            line: line + 1, text: "", ruleID: site?.ruleID(rank: entry.rank) ?? "learned",
            rule: SourceLocation(path: "<learned>", line: Int(entry.rank)), action: .dropLine,
            reason: site?.reason(entry)))
        outcomes.append(.removed(removals.count - 1))
      case .captionText:
        // Filled in when its credit line comes, just below.
        outcomes.append(.blank)
      case .credit(let rule, let hit, let textLine):
        // The `{credit}` hole, or the whole line when the pattern has none (`equals "AFP"`).
        let credit =
          hit.holes.first { $0.name == "credit" }.map { captured(line, $0.range) }
          ?? Whitespace.trimmed(string(document.content(line)))
        captions.append(
          Caption(
            text: Whitespace.trimmed(string(document.content(textLine))), credit: credit,
            position: paragraphCount - 1, ruleID: compiled[rule: rule].rule.id))
        outcomes[textLine] = .caption(captions.count - 1)
        outcomes.append(.caption(captions.count - 1))
      }
    }
    guard !pending.isEmpty else { return }
    var removedBytes: [UInt8] = []
    removedBytes.reserveCapacity(
      pending.reduce(0) { $0 + Whitespace.trimmed(document.content($1.line)).count })
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(pending.count)
    for (_, line) in pending {
      let start = removedBytes.count
      removedBytes.append(contentsOf: Whitespace.trimmed(document.content(line)))
      ranges.append(start..<removedBytes.count)
    }
    let shared = SharedBytes(removedBytes)
    for ((index, _), range) in zip(pending, ranges) {
      removals[index].readText(from: shared, range)
    }
  }
}

/// A body line with its strip spans cut out, the seams closed with one space.
private struct StrippedLine {
  /// The kept bytes: the pieces between spans, trimmed, joined with one space.
  var keptBytes: [UInt8] = []
  /// The cut spans' texts, trimmed, with the rule that cut each.
  var cut: [(rule: RuleIndex, text: String)] = []
  /// Whether a letter or a digit is left: otherwise the whole line goes.
  var keepsContent: Bool

  init(_ text: UnsafeBufferPointer<UInt8>, strips: [CleaningState.Strip]) {
    let spans = strips.sorted { $0.span.lowerBound < $1.span.lowerBound }
    var kept: [Range<Int>] = []
    var position = 0
    for strip in spans where strip.span.upperBound > position {
      let start = max(strip.span.lowerBound, position)
      kept.append(position..<start)
      let piece = UnsafeBufferPointer(rebasing: text[start..<strip.span.upperBound])
      cut.append((strip.rule, Whitespace.trimmed(String(decoding: piece, as: UTF8.self))))
      position = strip.span.upperBound
    }
    kept.append(position..<text.count)
    for range in kept {
      let piece = Whitespace.trimmed(UnsafeBufferPointer(rebasing: text[range]))
      guard !piece.isEmpty else { continue }
      if !keptBytes.isEmpty { keptBytes.append(0x20) }
      keptBytes += piece
    }
    keepsContent = String(decoding: keptBytes, as: UTF8.self).contains {
      $0.isLetter || $0.isNumber
    }
  }
}
