/// Decides which packs apply to the document, then which lines `keep` rules protect.
///
/// Generic packs apply by language (given, or detected), site packs by host, by a `detect:`
/// pattern that matched some line, or when the caller forces them.
struct PackSelectionPass: CleaningPass {
  func apply(to state: inout CleaningState) {
    let compiled = state.compiled
    let options = state.options
    let packMayApply = state.packMayApply
    // Lower-cased once per document, not once per site pack.
    let site = options.site?.lowercased()
    state.activePacks = compiled.packScopes.indices.map { index in
      switch compiled.packScopes[index] {
      case .generic:
        // Settled by language before the scan (`ScanPass`).
        return packMayApply[index]
      case .site(let hosts):
        if options.forcedPacks.contains(compiled.packPaths[index]) { return true }
        guard let site else { return false }
        return hosts.contains { site == $0 || site.hasSuffix("." + $0) }
      }
    }
    for lineHits in state.hits {
      for hit in lineHits {
        if case .detector(let pack) = compiled[pattern: hit.pattern].owner {
          state.activePacks[pack] = true
        }
      }
    }
    state.keepLevel = Array(repeating: -1, count: state.hits.count)
    state.raiseKeepLevels(structureOnly: false)
  }
}
