internal import Foundation

/// One example or `keeps:` line of a rule file, ready to run against its own pack.
///
/// `ExampleCheck.all(in:)` lists them; `run()` returns the problems, each located at the
/// example's own line in the rule file. The test suite and `tamis check` both use this.
public struct ExampleCheck: Sendable, CustomStringConvertible {
  /// What is checked.
  public enum Kind: Sendable {
    /// An `example:`: it must give its body, captions and meta, and a rule of the group fires.
    case example(Example)
    /// A `keeps:` line: alone in a dump, it must stay in the body unchanged.
    case keeps(KeptLine)
  }

  /// The group the example belongs to.
  public let groupID: String
  /// The example or kept line.
  public let kind: Kind
  /// The pack's path, switched on for the run whatever its detectors say.
  public let packPath: String
  /// The pack's language, forced for the run so detection cannot switch the pack off.
  let language: String?
  /// True when the group only fires near the top, so no paragraph can be put in front.
  let anchoredAtTop: Bool
  private let cleaner: Cleaner

  /// Where the example is.
  public var location: SourceLocation {
    switch kind {
    case .example(let example): example.location
    case .keeps(let line): line.location
    }
  }

  /// `path:line group-id`.
  public var description: String { "\(location) \(groupID)" }

  /// Every example and kept line of every pack, in file order.
  public static func all(in ruleSet: RuleSet) -> [ExampleCheck] {
    var checks: [ExampleCheck] = []
    for pack in ruleSet.packs {
      // A pack alone cannot hold duplicate ids, since the whole set did not.
      guard let packOnly = try? RuleSet(packs: [pack]) else { continue }
      let cleaner = Cleaner(rules: packOnly)
      for group in pack.groups {
        let atTop =
          group.conditions.contains { condition in
            switch condition {
            case .firstLines, .firstPercent: true
            default: false
            }
          } || group.rules.contains { $0.action.kind == .dropUntil }
        for example in group.examples {
          checks.append(
            ExampleCheck(
              groupID: group.id, kind: .example(example), packPath: pack.path,
              language: pack.language, anchoredAtTop: atTop, cleaner: cleaner))
        }
        for kept in group.keeps {
          checks.append(
            ExampleCheck(
              groupID: group.id, kind: .keeps(kept), packPath: pack.path, language: pack.language,
              anchoredAtTop: atTop,
              cleaner: cleaner))
        }
      }
    }
    return checks
  }

  /// Runs the check and returns its problems (empty when it passes).
  public func run() -> [Diagnostic] {
    let options = CleaningOptions(language: language, forcedPacks: [packPath])
    switch kind {
    case .keeps(let kept):
      let article = cleaner.clean(kept.text + "\n", source: packPath, options: options)
      if Self.bodyLines(article) == [Whitespace.trimmed(kept.text)] { return [] }
      let culprit =
        article.removals.first.map { "\($0.ruleID) (\($0.rule))" }
        ?? article.captions.first.map { "\($0.ruleID) (caption)" } ?? "a rule"
      return [
        Diagnostic(
          .error, at: kept.location,
          .example(.keptLineRemoved(text: kept.text, rule: culprit)))
      ]
    case .example(let example):
      for variant in Variant.allCases where variant != .paragraphInFront || !anchoredAtTop {
        let problems = run(example, variant: variant, options: options)
        if !problems.isEmpty { return problems }
      }
      return []
    }
  }

  // MARK: - Variants

  /// The ways an example is re-run: a rule that only works on pristine text fails.
  enum Variant: String, CaseIterable {
    case asWritten = "as written"
    case crlf = "CRLF line ends"
    case nfd = "NFD accents"
    case trailingSpaces = "trailing spaces"
    case paragraphInFront = "a paragraph in front"
  }

  private static let unrelatedParagraph =
    "Le conseil municipal a voté le budget de la piscine mardi soir après trois heures de débat."

  private func run(_ example: Example, variant: Variant, options: CleaningOptions)
    -> [Diagnostic]
  {
    var lines = example.input
    var expectedBody = Self.expectedBodyLines(example.body)
    // A blank `body:` line asks for the paragraph breaks to be checked too.
    let checksBreaks = expectedBody.contains("")
    switch variant {
    case .asWritten, .crlf: break
    case .nfd: lines = lines.map(\.decomposedStringWithCanonicalMapping)
    case .trailingSpaces: lines = lines.map { $0.isEmpty ? $0 : $0 + "  " }
    case .paragraphInFront:
      lines = [Self.unrelatedParagraph, ""] + lines
      expectedBody.insert(
        contentsOf: checksBreaks ? [Self.unrelatedParagraph, ""] : [Self.unrelatedParagraph],
        at: 0)
    }
    let text = lines.joined(separator: variant == .crlf ? "\r\n" : "\n") + "\n"
    let article = cleaner.clean(text, source: packPath, options: options)
    let at = example.location
    var problems: [Diagnostic] = []
    let body = Self.bodyLines(article, withBreaks: checksBreaks)
    if body != expectedBody {
      problems.append(
        Diagnostic(
          .error, at: at,
          .example(.bodyDiffers(variant: variant.rawValue, expected: expectedBody, actual: body))))
    }
    let expectedCaptions = example.captions.map { "\($0.text) | \($0.credit)" }
    let captions = article.captions.map {
      "\($0.text.precomposedStringWithCanonicalMapping) | \($0.credit.precomposedStringWithCanonicalMapping)"
    }
    if captions != expectedCaptions {
      problems.append(
        Diagnostic(
          .error, at: at,
          .example(
            .captionsDiffer(variant: variant.rawValue, expected: expectedCaptions, actual: captions)
          )))
    }
    for (key, value) in example.meta.sorted(by: { $0.key < $1.key }) {
      let actual = article.meta[key]?.precomposedStringWithCanonicalMapping
      if actual != value {
        problems.append(
          Diagnostic(
            .error, at: at,
            .example(
              .metaDiffers(variant: variant.rawValue, key: key, expected: value, actual: actual))))
      }
    }
    let fired =
      article.removals.contains { $0.ruleID == groupID }
      || article.captions.contains { $0.ruleID == groupID }
    if !fired {
      problems.append(
        Diagnostic(
          .error, at: at, .example(.groupDidNotFire(id: groupID, variant: variant.rawValue))))
    }
    return problems
  }

  /// The article's body lines, trimmed and in NFC, so variants compare alike.
  ///
  /// Without `withBreaks` the blank lines are left out; with it, each paragraph break is one
  /// empty string (the body never starts or ends with one, nor holds two in a row).
  private static func bodyLines(_ article: CleanedArticle, withBreaks: Bool = false) -> [String] {
    let lines = article.body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map { Whitespace.trimmed($0).precomposedStringWithCanonicalMapping }
    return withBreaks ? collapsingBreaks(lines) : lines.filter { !$0.isEmpty }
  }

  /// An example's `body:` lines, trimmed, with each run of blank lines made one paragraph break
  /// and the blank lines at either end left out, as in a cleaned body.
  static func expectedBodyLines(_ body: [String]) -> [String] {
    collapsingBreaks(body.map(Whitespace.trimmed))
  }

  /// `lines` with each run of empty strings made one and the empty strings at either end removed.
  private static func collapsingBreaks(_ lines: [String]) -> [String] {
    var result: [String] = []
    for line in lines where !line.isEmpty || result.last?.isEmpty == false {
      result.append(line)
    }
    if result.last?.isEmpty == true { result.removeLast() }
    return result
  }
}
