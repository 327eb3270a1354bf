/// The meta fields decided from the whole cleaned document, after assembly: the `sets:` fields
/// of the groups that fired (the paywall flag among them), the over-removal flag, the headline
/// as `title` (`Headline`), the language and the site.
///
/// Fields captured by `meta` rules come first and are never overwritten.
struct MetaDecisions {
  let state: CleaningState
  let assembly: ArticleAssembly

  /// The assembly's meta fields with every decided field added.
  func fields() -> [String: String] {
    var meta = assembly.meta
    // Copied once at a size that holds the usual additions (title, lang, site, a group's field)
    // rather than copied on the first write and grown on the next ones.
    meta.reserveCapacity(meta.count + 4)
    Self.trimNames(in: &meta)
    applyGroupFields(to: &meta)
    flagOverRemoval(into: &meta)
    let document = state.document
    if meta["title"] == nil, let line = assembly.headline?.line {
      meta["title"] = Whitespace.trimmed(String(decoding: document.content(line), as: UTF8.self))
    }
    if meta["lang"] == nil, let language = document.language { meta["lang"] = language }
    if meta["site"] == nil {
      // The packs are read in place: a copy of each would retain and release all its fields.
      let packs = state.compiled.ruleSet.packs
      for index in packs.indices where state.activePacks[index] {
        if case .site(let hosts) = packs[index].scope, let host = hosts.first {
          meta["site"] = host
          break
        }
      }
    }
    return meta
  }

  /// The fields that hold a name (a person, a place, an outlet), whose captures often bring
  /// the punctuation that separated them from the next words ("Julie Marty,").
  static let nameFields: Set<String> = ["author", "place", "source", "photo-credit"]

  /// What `trimNames` trims besides white space, built once rather than per document.
  private static let nameSeparators: Set<Character> = [",", ";", ":", "|", "-", "–", "—", "/"]

  /// Trims the punctuation a capture keeps at either end of a name (`,` `;` `:` `|` `-` and
  /// white space); a name that ends in a period keeps it ("J.-M. Dupont Jr.").
  static func trimNames(in meta: inout [String: String]) {
    // Most documents capture no field: no key to hash.
    guard !meta.isEmpty else { return }
    let separators = nameSeparators
    for key in nameFields {
      guard let value = meta[key] else { continue }
      // A name that starts and ends with an ASCII letter or digit has nothing to trim: its
      // first and last characters are neither separators nor white space.
      if let first = value.utf8.first, let last = value.utf8.last, isASCIIAlphanumeric(first),
        isASCIIAlphanumeric(last)
      {
        continue
      }
      var name = Substring(value)
      while let last = name.last, separators.contains(last) || last.isWhitespace {
        name = name.dropLast()
      }
      while let first = name.first, separators.contains(first) || first.isWhitespace {
        name = name.dropFirst()
      }
      if name.isEmpty { meta[key] = nil } else { meta[key] = String(name) }
    }
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
  }

  /// Sets the `sets:` fields of every group that fired, the first time it fired, with the holes
  /// of the hit that fired it. Fields already captured stay.
  private func applyGroupFields(to meta: inout [String: String]) {
    let compiled = state.compiled
    // Only groups with `sets:` matter; most rule sets have a handful.
    let setsOfGroup = compiled.firstRuleSettingFields
    guard !setsOfGroup.isEmpty else { return }
    // The removals come in line order. Only the first firing of a group counts, and every later
    // firing of the same compiled rule is one of the same group on the same line or below: it
    // is skipped before its id is hashed (a string hash per removal of a paywall group).
    var removalFirings: [(line: Int, ruleID: String)] = []
    // Few rules with fields fire in one document: a short list, not a flag per compiled rule.
    var seenPositions: [Int] = []
    for removal in assembly.removals {
      if let position = removal.compiledRulePosition {
        // Every rule of a group has the group's `sets:` and group ids are unique, so a removal
        // by a compiled rule without fields needs no look-up by id.
        guard !compiled.rules[position].sets.isEmpty, !seenPositions.contains(position) else {
          continue
        }
        seenPositions.append(position)
      }
      if setsOfGroup[removal.ruleID] != nil {
        removalFirings.append((removal.line - 1, removal.ruleID))
      }
    }
    var captionFirings: [(line: Int, ruleID: String)] = []
    for (line, outcome) in assembly.outcomes.enumerated() {
      if case .caption(let index) = outcome, setsOfGroup[assembly.captions[index].ruleID] != nil {
        captionFirings.append((line, assembly.captions[index].ruleID))
      }
    }
    // A handful of groups at most: a list compares fewer bytes than a set hashes.
    var done: [String] = []
    for firing in Self.merged(removalFirings, captionFirings) where !done.contains(firing.ruleID) {
      done.append(firing.ruleID)
      guard let index = setsOfGroup[firing.ruleID] else { continue }
      let assignments = compiled[rule: index].sets
      // Most templates are plain values (`paywalled = true`): no hole to read or fill.
      let holeTexts =
        assignments.contains { $0.template.utf8.contains(UInt8(ascii: "{")) }
        ? holes(of: firing) : [:]
      for assignment in assignments where meta[assignment.key] == nil {
        var value = assignment.template
        for (name, captured) in holeTexts {
          value = value.replacingAll("{\(name)}", with: captured)
        }
        // A value naming a hole the firing rule does not have is not set.
        if value.contains("{") { continue }
        meta[assignment.key] = value
      }
    }
  }

  /// Two lists of firings, each in line order, merged in line order; on the same line the
  /// first list's come first (what a stable sort of the two end to end gives).
  private static func merged(
    _ first: [(line: Int, ruleID: String)], _ second: [(line: Int, ruleID: String)]
  ) -> [(line: Int, ruleID: String)] {
    guard !second.isEmpty else { return first }
    guard !first.isEmpty else { return second }
    var result: [(line: Int, ruleID: String)] = []
    result.reserveCapacity(first.count + second.count)
    var left = 0
    var right = 0
    while left < first.count || right < second.count {
      if right == second.count || (left < first.count && first[left].line <= second[right].line) {
        result.append(first[left])
        left += 1
      } else {
        result.append(second[right])
        right += 1
      }
    }
    return result
  }

  /// The holes of the hit of one of the group's rules on the firing line (for zone rules, the
  /// zone's first line is the one that matched), trimmed, and `{line}`: the firing line itself
  /// (a stamp matched on its shape alone has no hole).
  private func holes(of firing: (line: Int, ruleID: String)) -> [String: String] {
    let compiled = state.compiled
    var holes: [String: String] = [:]
    let content = state.document.content(firing.line)
    for hit in state.hits[firing.line] {
      guard case .rule(let rule) = compiled[pattern: hit.pattern].owner,
        compiled[rule: rule].rule.id == firing.ruleID
      else { continue }
      for hole in hit.holes where holes[hole.name] == nil {
        let bytes = UnsafeBufferPointer(rebasing: content[hole.range])
        holes[hole.name] = Whitespace.trimmed(String(decoding: bytes, as: UTF8.self))
      }
    }
    if holes["line"] == nil {
      holes["line"] = Whitespace.trimmed(String(decoding: content, as: UTF8.self))
    }
    return holes
  }

  /// Flags a dump that lost more than `Settings.removalBudget` of its words: `over-removal` (the
  /// share, in percent) and `over-removal-rules` (the groups that removed most, by words).
  private func flagOverRemoval(into meta: inout [String: String]) {
    let document = state.document
    let total = document.words.reduce(0, +)
    // A short dump (a caption and a teaser) legitimately loses most of its words.
    guard total >= Settings.removalBudgetMinimumWords else { return }
    let removed = removedWords { _, _ in }
    let share = Double(removed) / Double(total)
    guard share > Settings.removalBudget else { return }
    // Over budget: the words again, by group. Summed by compiled rule first (an array slot per
    // removal, not a string hash), then by the rules' group ids; -1: the rule removed nothing.
    var removedByPosition = Array(repeating: -1, count: state.compiled.rules.count)
    var removedByRule: [String: Int] = [:]
    _ = removedWords { index, words in
      if let position = assembly.removals[index].compiledRulePosition {
        removedByPosition[position] = max(removedByPosition[position], 0) + words
      } else {
        removedByRule[assembly.removals[index].ruleID, default: 0] += words
      }
    }
    for (position, words) in removedByPosition.enumerated() where words >= 0 {
      removedByRule[state.compiled.rules[position].rule.id, default: 0] += words
    }
    meta["over-removal"] = "\(Int((share * 100).rounded())) %"
    meta["over-removal-rules"] = removedByRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .prefix(3).map(\.key).joined(separator: ",")
  }

  /// The words the removals took (lines by their word count, stripped spans by their words
  /// between spaces); `note` hears each removal's index in `assembly.removals` and words.
  private func removedWords(_ note: (Int, Int) -> Void) -> Int {
    let document = state.document
    var removed = 0
    for (line, outcome) in assembly.outcomes.enumerated() {
      switch outcome {
      case .removed(let index):
        let words = document.words[line]
        removed += words
        note(index, words)
      case .stripped(let indices):
        for index in indices {
          let words = assembly.removals[index].text.split(separator: " ").count
          removed += words
          note(index, words)
        }
      case .blank, .body, .caption:
        break
      }
    }
    return removed
  }
}

extension String {
  /// The string with every occurrence of `target` replaced.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
