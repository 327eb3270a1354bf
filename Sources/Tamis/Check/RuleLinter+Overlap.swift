/// Duplicate and shadowed rules.
///
/// Rule B is reported as shadowed by rule A only when all of these hold, so that B can never
/// decide a line:
///
/// - A is a plain literal (no holes, not `exact`) whose action is `drop-line` or `drop-from`;
/// - wherever B's pattern matches, A's matches too: A's folded phrase occurs inside one of B's
///   folded literals, with the anchors and word boundaries that guarantee it (`starts-with
///   "Lire aussi"` holds on every line that `starts-with "Lire aussi :"` holds on, but not on
///   every line `starts-with "Lire aussitôt"` holds on);
/// - A applies wherever B does: the same pack, or a generic pack for B's language or every
///   language; and every `when:` of A is implied by one of B's (`max-words 10` implies
///   `max-words 20`);
/// - A takes the line: a `drop-line` beats a `strip-span`, and a `drop-line` listed before it;
///   a `drop-from` zone beats every per-line action, and a `drop-from` listed before it.
extension RuleLinter {
  /// The duplicate and shadowed-rule warnings, and the orders of the rules they report.
  func overlapWarnings() -> (diagnostics: [Diagnostic], reported: Set<Int>) {
    var diagnostics: [Diagnostic] = []
    var reported: Set<Int> = []
    var firstOfKey: [DuplicateKey: Entry] = [:]
    for entry in entries {
      let key = DuplicateKey(
        scope: scopeKey(of: ruleSet.packs[entry.pack]), action: entry.rule.action,
        conditions: Set(group(of: entry).conditions))
      if let first = firstOfKey[key] {
        diagnostics.append(
          Diagnostic(
            .warning, at: entry.rule.location,
            .lint(.duplicateRule(rule: entry.rule.action.spelling)),
            notes: [.init(location: first.rule.location, kind: .firstDefinedHere)]))
        reported.insert(entry.order)
      } else {
        firstOfKey[key] = entry
      }
    }
    for (accentless, shadows) in shadowingCandidates() {
      let automaton = ByteAutomaton(keys: shadows.map(\.key))
      let folder = TextFolder(stripAccents: accentless)
      for entry in entries where !reported.contains(entry.order) {
        guard let shadow = firstShadow(of: entry, among: shadows, automaton, folder) else {
          continue
        }
        diagnostics.append(
          Diagnostic(
            .warning, at: entry.rule.location,
            .lint(
              .shadowedRule(
                rule: entry.rule.action.spelling, by: shadow.rule.action.spelling,
                id: shadow.rule.id)),
            notes: [.init(location: shadow.rule.location, kind: .shadowingRule(id: shadow.rule.id))]
          ))
        reported.insert(entry.order)
      }
    }
    return (diagnostics, reported)
  }

  // MARK: - Duplicates

  /// What makes two rules the same: scope, action with its patterns compared on the folded
  /// view, and conditions.
  private struct DuplicateKey: Hashable {
    let scope: String
    let patterns: [FoldedPattern]
    let kind: ActionKind
    let conditions: Set<Condition>

    init(scope: String, action: Action, conditions: Set<Condition>) {
      self.scope = scope
      self.kind = action.kind
      self.patterns = action.patterns.map(FoldedPattern.init)
      self.conditions = conditions
    }
  }

  /// A pattern with its literals folded as the matcher folds them (or as written under `exact`).
  private struct FoldedPattern: Hashable {
    enum Part: Hashable {
      case literal([UInt8])
      case hole(name: String, kind: Pattern.HoleKind)
      case attached([UInt8])
    }
    let anchor: Pattern.Anchor
    let options: Pattern.Options
    let parts: [Part]

    init(_ pattern: Pattern) {
      anchor = pattern.anchor
      options = pattern.options
      let folder = TextFolder(stripAccents: pattern.options.contains(.anyAccent))
      let exact = pattern.options.contains(.exact)
      parts = pattern.parts.map { part in
        switch part {
        case .literal(let text): .literal(exact ? Array(text.utf8) : folder.foldKeepingEdges(text))
        case .attachedLiteral(let text):
          .attached(exact ? Array(text.utf8) : folder.foldKeepingEdges(text))
        case .hole(let name, let kind): .hole(name: name, kind: kind)
        }
      }
    }
  }

  /// Packs with equal keys are one scope: the same language, or the same hosts.
  private func scopeKey(of pack: RulePack) -> String {
    switch pack.scope {
    case .generic(let language): "generic " + (language ?? "any")
    case .site(let hosts): "site " + hosts.sorted().joined(separator: " ")
    }
  }

  // MARK: - Shadowing

  /// A rule that may shadow others, with its folded phrase.
  private struct Shadow {
    let entry: Entry
    let key: [UInt8]
    let insideWords: Bool
    var rule: Rule { entry.rule }
  }

  /// The rules that may shadow others, split by folded view (true: accents stripped).
  private func shadowingCandidates() -> [(Bool, [Shadow])] {
    var byView: [Bool: [Shadow]] = [:]
    for entry in entries {
      guard entry.rule.action.kind == .dropLine || entry.rule.action.kind == .dropFrom,
        let pattern = entry.rule.action.patterns.first, !pattern.options.contains(.exact),
        pattern.parts.allSatisfy({ if case .literal = $0 { true } else { false } })
      else { continue }
      let accentless = pattern.options.contains(.anyAccent)
      let compiled = CompiledPattern(
        pattern, owner: .rule(RuleIndex(value: entry.order)),
        folder: TextFolder(stripAccents: accentless))
      guard compiled.isLiteral, !compiled.key.isEmpty else { continue }
      byView[accentless, default: []].append(
        Shadow(
          entry: entry, key: compiled.key, insideWords: pattern.options.contains(.insideWords)))
    }
    return byView.sorted { !$0.key && $1.key }.map { ($0.key, $0.value) }
  }

  /// The first rule, in rule-set order, that takes every line `entry` would decide.
  private func firstShadow(
    of entry: Entry, among shadows: [Shadow], _ automaton: ByteAutomaton, _ folder: TextFolder
  ) -> Shadow? {
    let kind = entry.rule.action.kind
    guard [.dropLine, .stripSpan, .caption, .meta, .dropFrom].contains(kind),
      let pattern = entry.rule.action.patterns.first,
      pattern.options.contains(.anyAccent) == folder.stripAccents
    else { return nil }
    let target = CompiledPattern(
      pattern, owner: .rule(RuleIndex(value: entry.order)), folder: folder)
    var best: Shadow?
    for (segmentIndex, segment) in target.segments.enumerated() {
      guard case .literal(let searcher, _) = segment else { continue }
      let needle = searcher.needle
      needle.withUnsafeBufferPointer { text in
        automaton.scan(text) { key, end in
          let shadow = shadows[key]
          guard shadow.entry.order != entry.order,
            best.map({ shadow.entry.order < $0.entry.order }) ?? true,
            takesLines(of: entry, from: shadow.entry),
            covers(
              shadow, target, segment: segmentIndex, text: text, at: end - shadow.key.count)
          else { return }
          best = shadow
        }
      }
    }
    return best
  }

  /// Whether `shadow`'s rule, matching every line `entry`'s does, takes those lines from it.
  private func takesLines(of entry: Entry, from shadow: Entry) -> Bool {
    let packA = ruleSet.packs[shadow.pack]
    let packB = ruleSet.packs[entry.pack]
    if shadow.pack != entry.pack {
      guard case .generic(let languageA) = packA.scope, case .generic(let languageB) = packB.scope,
        languageA == nil || languageA == languageB
      else { return false }
    }
    let conditionsB = group(of: entry).conditions
    guard
      group(of: shadow).conditions.allSatisfy({ a in conditionsB.contains { Self.implies($0, a) } })
    else { return false }
    let earlier = shadow.order < entry.order
    switch (shadow.rule.action.kind, entry.rule.action.kind) {
    case (.dropLine, .stripSpan): return true
    case (.dropLine, .dropLine): return earlier
    case (.dropFrom, .dropLine), (.dropFrom, .stripSpan), (.dropFrom, .caption),
      (.dropFrom, .meta):
      return true
    case (.dropFrom, .dropFrom): return earlier
    default: return false
    }
  }

  /// Whether the occurrence of `shadow`'s phrase at `start` of segment `segment` of `target`
  /// is a match of `shadow` on every line that `target` matches.
  private func covers(
    _ shadow: Shadow, _ target: CompiledPattern, segment: Int, text: UnsafeBufferPointer<UInt8>,
    at start: Int
  ) -> Bool {
    let end = start + shadow.key.count
    let last = target.segments.count - 1
    let anchoredAtStart = segment == 0 && (target.anchor == .startsWith || target.anchor == .equals)
    let anchoredAtEnd = segment == last && (target.anchor == .endsWith || target.anchor == .equals)
    let targetChecksBoundaries = !target.options.contains(.insideWords)
    switch shadow.entry.rule.action.patterns.first?.anchor ?? .contains {
    case .contains: break
    case .startsWith: guard start == 0, anchoredAtStart else { return false }
    case .endsWith: guard end == text.count, anchoredAtEnd else { return false }
    case .equals:
      guard start == 0, end == text.count, target.isLiteral, target.anchor == .equals else {
        return false
      }
    }
    if shadow.insideWords { return true }
    let key = shadow.key
    let leftSafe = key.withUnsafeBufferPointer { key in
      !CompiledPattern.isWordCharacter(key, startingAt: 0)
    }
    let rightSafe = key.withUnsafeBufferPointer { key in
      !CompiledPattern.isWordCharacter(key, endingAt: key.count)
    }
    let left: Bool =
      if leftSafe {
        true
      } else if start > 0 {
        !CompiledPattern.isWordCharacter(text, endingAt: start)
      } else {
        segment == 0 && (anchoredAtStart || targetChecksBoundaries)
      }
    let right: Bool =
      if rightSafe {
        true
      } else if end < text.count {
        !CompiledPattern.isWordCharacter(text, startingAt: end)
      } else {
        segment == last && (anchoredAtEnd || targetChecksBoundaries)
      }
    return left && right
  }

  /// Whether a line that meets `b` always meets `a`.
  static func implies(_ b: Condition, _ a: Condition) -> Bool {
    switch (b, a) {
    case (.firstLines(let nb), .firstLines(let na)): nb <= na
    case (.lastLines(let nb), .lastLines(let na)): nb <= na
    case (.firstPercent(let pb), .firstPercent(let pa)): pb <= pa
    case (.lastPercent(let pb), .lastPercent(let pa)): pb <= pa
    case (.maxWords(let nb), .maxWords(let na)): nb <= na
    case (.minWords(let nb), .minWords(let na)): nb >= na
    case (.maxLength(let nb), .maxLength(let na)): nb <= na
    case (.body(let pb), .body(let pa)):
      pb == pa || (pa == .outside && pb != .inside) || (pa == .after && pb == .farAfter)
        || (pa == .before && pb == .farBefore)
    case (.shape(let sb), .shape(let sa)): sb == sa
    case (.bodyEdge, .bodyEdge): true
    default: false
    }
  }
}
