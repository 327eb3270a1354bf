/// A rule that loads but probably does not do what its author meant, found by `RuleLinter`.
///
/// Rules are named by their canonical spelling (`drop-line: starts-with "Lire aussi"`, see
/// `Action.spelling`) and the id of their group. Message text lives in `message`, nowhere else.
public enum LintProblem: Sendable, Hashable {
  /// The same action and pattern, with the same conditions, twice in one scope.
  case duplicateRule(rule: String)
  /// A rule whose every line another rule of its scope takes first (`by`, in group `id`).
  case shadowedRule(rule: String, by: String, id: String)
  /// A rule that fires in none of its group's examples.
  case ruleNeverFires(rule: String, id: String)
  /// A `keep` that changes nothing in its group's examples and `keeps:` lines.
  case keepProtectsNothing(rule: String, id: String)
  /// An unanchored phrase shorter than `Settings.shortPhraseCharacters` characters.
  case shortPhrase(phrase: String, length: Int)
  /// An unanchored phrase of one or two words, all frequent words of `language`.
  case frequentWordPhrase(phrase: String, language: String)
  /// A `detect:` pattern of site pack `site` that matches an example line of another pack.
  case detectorMatchesOtherPack(detector: String, site: String, otherPath: String)
  /// A `site:` host whose top-level domain is not a known one.
  case unknownTopLevelDomain(host: String, domain: String, suggestion: String?)

  /// The message text: lower-case start, no final period, user text in single quotes.
  public var message: String {
    switch self {
    case .duplicateRule(let rule):
      "duplicate rule '\(rule)'"
    case .shadowedRule(let rule, let by, let id):
      "rule '\(rule)' never applies: '\(by)' of '\(id)' takes every line it matches"
    case .ruleNeverFires(let rule, let id):
      "rule '\(rule)' fires in none of the examples of '\(id)'; add an example where it does"
    case .keepProtectsNothing(let rule, let id):
      "'\(rule)' protects nothing in the examples of '\(id)'; add an example with a line it saves"
    case .shortPhrase(let phrase, let length):
      "phrase '\(phrase)' has only \(length) "
        + (length == 1 ? "character" : "characters")
        + " and will match body text; anchor it or make it longer"
    case .frequentWordPhrase(let phrase, let language):
      "phrase '\(phrase)' holds only frequent '\(language)' words and will match body text; "
        + "anchor it or make it longer"
    case .detectorMatchesOtherPack(let detector, let site, let otherPath):
      "'detect: \(detector)' matches an example of '\(otherPath)', so articles from other sites "
        + "would switch on the '\(site)' pack"
    case .unknownTopLevelDomain(let host, let domain, let suggestion):
      "unknown top-level domain '.\(domain)' in host '\(host)'"
        + (suggestion.map { "; did you mean '.\($0)'?" } ?? "")
    }
  }
}
