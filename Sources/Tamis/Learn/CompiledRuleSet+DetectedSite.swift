/// The site a site pack's `detect:` recognises in a document: how `--learn` groups a document
/// that neither the caller (`--site`), its URL field nor its folder names a site for.
extension CompiledRuleSet {
  /// Compiles the `detect:` patterns of `rules` alone, without a rule: all that
  /// `detectedSite(in:)` needs, at a small part of the cost of the whole rule set.
  public init(detectorsOf rules: RuleSet) {
    var packs = rules.packs
    for index in packs.indices { packs[index].groups = [] }
    // Without a group there is no id to clash and no rule to count: `RuleSet(packs:)` cannot
    // throw here.
    self.init((try? RuleSet(packs: packs)) ?? .empty)
  }

  /// Whether some site pack has a `detect:` pattern.
  public var hasDetectors: Bool { firstDetectingPack != nil }

  /// The first host of the first site pack, in load order, one of whose `detect:` patterns
  /// matches a line of `bytes`; nil when none does. It is the pack a cleaning without a site
  /// switches on first, whose host `meta.site` reports.
  public func detectedSite(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let firstPack = firstDetectingPack else { return nil }
    var scanner = LineScanner(self)
    var found: Int?
    for line in LineIndex(bytes).lines {
      let content = UnsafeBufferPointer(rebasing: bytes[line.content])
      guard !Whitespace.isBlank(content) else { continue }
      for hit in scanner.scan(content, where: isDetector) {
        guard case .detector(let pack) = self[pattern: hit.pattern].owner else { continue }
        found = min(found ?? pack, pack)
      }
      // No later line can name a pack loaded earlier than the first with a detector.
      if found == firstPack { break }
    }
    guard let found, case .site(let hosts) = ruleSet.packs[found].scope else { return nil }
    return hosts.first
  }

  /// The index of the first site pack with a `detect:` pattern.
  private var firstDetectingPack: Int? {
    ruleSet.packs.firstIndex { pack in
      guard case .site = pack.scope else { return false }
      return !pack.detectors.isEmpty
    }
  }

  /// Whether pattern `index` is a `detect:` pattern.
  private func isDetector(_ index: PatternIndex) -> Bool {
    if case .detector = self[pattern: index].owner { return true }
    return false
  }
}
