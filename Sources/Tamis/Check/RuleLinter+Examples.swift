/// Findings that come from running examples: rules that fire in none, `keep` rules that protect
/// nothing, and `detect:` patterns that match another pack's examples.
extension RuleLinter {
  /// A warning for each rule (other than `keep`) that fires in none of its group's examples.
  ///
  /// Examples run as `ExampleCheck` runs them: against their own pack, switched on, with the
  /// pack's language. Groups without examples are left to the `missingExample` warning, and
  /// rules in `skipping` (already reported as duplicate or shadowed) are not reported again.
  func neverFiringWarnings(skipping: Set<Int>) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (packIndex, pack) in ruleSet.packs.enumerated() {
      guard let packOnly = try? RuleSet(packs: [pack]) else { continue }
      let cleaner = Cleaner(rules: packOnly)
      let options = CleaningOptions(language: pack.language, forcedPacks: [pack.path])
      for (groupIndex, group) in pack.groups.enumerated() where !group.examples.isEmpty {
        var fired: Set<SourceLocation> = []
        for example in group.examples {
          fired.formUnion(
            cleaner.firedRules(in: example.inputText, options: options).map(\.location))
        }
        for entry in entries
        where entry.pack == packIndex && entry.group == groupIndex
          && entry.rule.action.kind != .keep && !skipping.contains(entry.order)
          && !fired.contains(entry.rule.location)
        {
          diagnostics.append(
            Diagnostic(
              .warning, at: entry.rule.location,
              .lint(.ruleNeverFires(rule: entry.rule.action.spelling, id: group.id))))
        }
      }
    }
    return diagnostics
  }

  /// A warning for each `keep` rule that changes nothing in its group's examples and `keeps:`
  /// lines.
  ///
  /// A keep protects lines from the rules of its scope and less specific ones, so it runs with
  /// its pack and every generic pack for the pack's language; the texts are cleaned with and
  /// without the keep, and a keep that never changes the outcome protects nothing.
  func keepWarnings() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (packIndex, pack) in ruleSet.packs.enumerated() {
      for (groupIndex, group) in pack.groups.enumerated() {
        for (ruleIndex, rule) in group.rules.enumerated() where rule.action.kind == .keep {
          var without = pack
          without.groups[groupIndex].rules.remove(at: ruleIndex)
          guard let withKeep = contextCleaner(for: pack, at: packIndex),
            let withoutKeep = contextCleaner(for: without, at: packIndex)
          else { continue }
          let options = CleaningOptions(language: pack.language, forcedPacks: [pack.path])
          let texts = group.examples.map(\.inputText) + group.keeps.map { $0.text + "\n" }
          let changes = texts.contains { text in
            let a = withKeep.clean(text, source: pack.path, options: options)
            let b = withoutKeep.clean(text, source: pack.path, options: options)
            return a.outcomes != b.outcomes || a.body != b.body || a.captions != b.captions
          }
          if !changes {
            diagnostics.append(
              Diagnostic(
                .warning, at: rule.location,
                .lint(.keepProtectsNothing(rule: rule.action.spelling, id: group.id))))
          }
        }
      }
    }
    return diagnostics
  }

  /// A cleaner for `pack` (in place of the pack at `index`) and the generic packs that apply
  /// with it: those for its language or for every language.
  private func contextCleaner(for pack: RulePack, at index: Int) -> Cleaner? {
    var packs: [RulePack] = []
    for (otherIndex, other) in ruleSet.packs.enumerated() {
      if otherIndex == index {
        packs.append(pack)
      } else if case .generic(let language) = other.scope,
        language == nil || pack.language == nil || language == pack.language
      {
        packs.append(other)
      }
    }
    guard let context = try? RuleSet(packs: packs) else { return nil }
    return Cleaner(rules: context)
  }

  /// A warning for each `detect:` pattern that matches an input or `keeps:` line of another
  /// pack's examples: articles like those would switch the site pack on.
  func detectorWarnings() -> [Diagnostic] {
    var detectorPacks = ruleSet.packs
    for index in detectorPacks.indices { detectorPacks[index].groups = [] }
    guard let detectorsOnly = try? RuleSet(packs: detectorPacks) else { return [] }
    let compiled = CompiledRuleSet(detectorsOnly)
    // Patterns are compiled pack by pack, detectors first: pattern i is detector `owners[i]`.
    var owners: [(pack: Int, detector: Int)] = []
    for (packIndex, pack) in ruleSet.packs.enumerated() {
      for detector in pack.detectors.indices { owners.append((packIndex, detector)) }
    }
    guard owners.count == compiled.patterns.count else { return [] }
    var scanner = LineScanner(compiled)
    var firstMatch: [Int: (path: String, example: SourceLocation, id: String)] = [:]
    for (packIndex, pack) in ruleSet.packs.enumerated() {
      for group in pack.groups {
        let lines =
          group.examples.flatMap { example in example.input.map { ($0, example.location) } }
          + group.keeps.map { ($0.text, $0.location) }
        for (line, location) in lines {
          var bytes = Array(line.utf8)
          let hits = bytes.withUnsafeMutableBufferPointer { scanner.scan(UnsafeBufferPointer($0)) }
          for hit in hits where owners[hit.pattern.value].pack != packIndex {
            if firstMatch[hit.pattern.value] == nil {
              firstMatch[hit.pattern.value] = (pack.path, location, group.id)
            }
          }
        }
      }
    }
    return firstMatch.keys.sorted().compactMap { patternIndex in
      guard let match = firstMatch[patternIndex] else { return nil }
      let (packIndex, detectorIndex) = owners[patternIndex]
      let pack = ruleSet.packs[packIndex]
      guard case .site(let hosts) = pack.scope else { return nil }
      let location =
        detectorIndex < pack.detectorLocations.count
        ? pack.detectorLocations[detectorIndex] : SourceLocation(path: pack.path, line: 1)
      return Diagnostic(
        .warning, at: location,
        .lint(
          .detectorMatchesOtherPack(
            detector: pack.detectors[detectorIndex].spelling, site: hosts.first ?? "",
            otherPath: match.path)),
        notes: [.init(location: match.example, kind: .exampleOf(id: match.id))])
    }
  }
}
