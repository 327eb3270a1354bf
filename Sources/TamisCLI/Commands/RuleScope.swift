import Tamis

/// Checks `--lang` and `--site` against the loaded rules, before any input is read, so that a
/// typo never switches rules off silently.
///
/// A language no generic pack is written for is an error (with `--lang xx` no generic rule
/// would apply). A host no site pack covers is a warning: the generic rules still apply, and
/// `detect:` phrases may still switch a pack on.
enum RuleScope {
  /// The problem with `--lang language` for `rules`, if any.
  static func languageProblem(_ language: String, in rules: RuleSet) -> ScopeProblem? {
    let known = languages(of: rules)
    guard !known.contains(language) else { return nil }
    return .unknownLanguage(language, known: known, suggestion: nearest(language, in: known))
  }

  /// The problem with `--site host` for `rules`, if any: no site pack covers it.
  static func siteProblem(_ host: String, in rules: RuleSet) -> ScopeProblem? {
    let site = host.lowercased()
    let known = hosts(of: rules)
    // The engine's test: a pack covers its hosts and their subdomains.
    guard !known.contains(where: { site == $0 || site.hasSuffix("." + $0) }) else { return nil }
    return .noSitePack(host, known: known, suggestion: nearest(site, in: known))
  }

  /// The languages of the generic packs, sorted.
  static func languages(of rules: RuleSet) -> [String] {
    Set(
      rules.packs.compactMap { pack -> String? in
        guard case .generic(let language) = pack.scope else { return nil }
        return language
      }
    ).sorted()
  }

  /// The hosts of the site packs, sorted.
  static func hosts(of rules: RuleSet) -> [String] {
    Set(
      rules.packs.flatMap { pack -> [String] in
        guard case .site(let hosts) = pack.scope else { return [] }
        return hosts
      }
    ).sorted()
  }

  /// The candidate nearest to `word`, when it is a likely typo (fewer edits than its length).
  private static func nearest(_ word: String, in candidates: [String]) -> String? {
    let folded = word.lowercased()
    guard let candidate = Suggestion.nearest(to: folded, in: candidates) else { return nil }
    return Suggestion.editDistance(folded, candidate) < folded.count ? candidate : nil
  }
}

/// A `--lang` or `--site` value that names no rules.
enum ScopeProblem: Error, Equatable, Sendable {
  /// `--lang CODE` for a language no generic pack is written for.
  case unknownLanguage(String, known: [String], suggestion: String?)
  /// `--site HOST` for a host no site pack covers.
  case noSitePack(String, known: [String], suggestion: String?)

  /// The message text, without the `tamis: error:` or `tamis: warning:` prefix.
  var message: String {
    switch self {
    case .unknownLanguage(let language, let known, let suggestion):
      "no rules for language '\(language)'"
        + (suggestion.map { "; did you mean '\($0)'?" }
          ?? "; languages with rules: \(known.joined(separator: ", "))")
    case .noSitePack(let host, let known, let suggestion):
      "no site pack for '\(host)'"
        + (suggestion.map { "; did you mean '\($0)'?" }
          ?? ", only the generic rules apply; site packs: \(known.joined(separator: ", "))")
    }
  }
}
