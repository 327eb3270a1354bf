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
    let siteBytes = site.flatMap(Self.printableBytes)
    state.activePacks = compiled.packScopes.indices.map { index in
      switch compiled.packScopes[index] {
      case .generic:
        // Settled by language before the scan (`ScanPass`).
        return packMayApply[index]
      case .site(let hosts):
        if options.forcedPacks.contains(compiled.packPaths[index]) { return true }
        guard let site else { return false }
        return hosts.contains { Self.isSite(site, bytes: siteBytes, on: $0) }
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

  /// Whether `site` is `host` or one of its subdomains. Compared on bytes when both are
  /// printable ASCII (`siteBytes`, read once per document, is then the site's bytes): a
  /// concatenated `"." + host` was an allocation per host per document. By `String` otherwise.
  static func isSite(_ site: String, bytes siteBytes: [UInt8]?, on host: String) -> Bool {
    if let siteBytes,
      let answer = host.utf8.withContiguousStorageIfAvailable({ hostBytes -> Bool? in
        guard hostBytes.allSatisfy(isPrintableASCII) else { return nil }
        if siteBytes.count == hostBytes.count { return siteBytes.elementsEqual(hostBytes) }
        guard siteBytes.count > hostBytes.count else { return false }
        let start = siteBytes.count - hostBytes.count
        return siteBytes[start - 1] == UInt8(ascii: ".")
          && siteBytes[start...].elementsEqual(hostBytes)
      }), let answer
    {
      return answer
    }
    return site == host || site.hasSuffix("." + host)
  }

  /// The site's bytes when every one is printable ASCII (what `isSite` compares on bytes).
  static func printableBytes(of site: String) -> [UInt8]? {
    let bytes = Array(site.utf8)
    return bytes.allSatisfy(isPrintableASCII) ? bytes : nil
  }

  private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte &- 0x21 < 0x5E }
}
