/// Unanchored phrases that will hit body text: very short ones and frequent words.
extension RuleLinter {
  /// A warning for each `contains` phrase without holes (of any rule but `keep`, and of every
  /// `detect:`) that is shorter than `Settings.shortPhraseCharacters` characters, or one or two words that are
  /// all frequent words of the pack's language (of any language for `lang: any`).
  func phraseWarnings() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let folder = TextFolder(stripAccents: false)
    for pack in ruleSet.packs {
      var patterns: [(Pattern, SourceLocation)] = []
      for (index, detector) in pack.detectors.enumerated() {
        let location =
          index < pack.detectorLocations.count
          ? pack.detectorLocations[index] : SourceLocation(path: pack.path, line: 1)
        patterns.append((detector, location))
      }
      for rule in pack.rules where rule.action.kind != .keep {
        for pattern in rule.action.patterns { patterns.append((pattern, rule.location)) }
      }
      for (pattern, location) in patterns where pattern.anchor == .contains {
        guard pattern.parts.count == 1, case .literal(let text) = pattern.parts[0] else {
          continue
        }
        let phrase = Whitespace.trimmed(text)
        if phrase.count < Settings.shortPhraseCharacters {
          diagnostics.append(
            Diagnostic(
              .warning, at: location, .lint(.shortPhrase(phrase: phrase, length: phrase.count))))
          continue
        }
        let words = String(decoding: folder.fold(phrase), as: UTF8.self).split(separator: " ")
        let languages = pack.language.map { [$0] } ?? FrequentWords.languages
        guard words.count <= 2 else { continue }
        if let language = languages.first(where: { language in
          words.allSatisfy { FrequentWords.contains(String($0), language: language) }
        }) {
          diagnostics.append(
            Diagnostic(
              .warning, at: location,
              .lint(.frequentWordPhrase(phrase: phrase, language: language))))
        }
      }
    }
    return diagnostics
  }
}

/// The most frequent words of the languages tamis knows, folded (lower case, `'` for every
/// apostrophe), for the frequent-phrase lint.
///
/// Function words and the commonest verbs and nouns of news text: a `contains` phrase of one or
/// two of these is found in almost every article body.
enum FrequentWords {
  /// The languages with a list, in a fixed order.
  static let languages = StopWords.all.map(\.language)

  /// True when `word` (folded) is on the list of `language`.
  static func contains(_ word: String, language: String) -> Bool {
    lists[language]?.contains(word) ?? false
  }

  private static let lists: [String: Set<String>] = Dictionary(
    uniqueKeysWithValues: StopWords.all.map { ($0.language, words($0.words)) })

  private static func words(_ list: [String]) -> Set<String> {
    let folder = TextFolder(stripAccents: false)
    return Set(list.map { String(decoding: folder.fold($0), as: UTF8.self) })
  }
}
