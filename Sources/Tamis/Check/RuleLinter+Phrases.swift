/// Unanchored phrases that will hit body text: very short ones and frequent words.
extension RuleLinter {
  /// A warning for each `contains` phrase without holes (of any rule but `keep`, and of every
  /// `detect:`) that is shorter than `shortPhraseLimit` characters, or one or two words that are
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
        let phrase = CompiledPattern.trimmed(text)
        if phrase.count < Self.shortPhraseLimit {
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
  static let languages = ["fr", "en", "de", "es", "it", "pt"]

  /// True when `word` (folded) is on the list of `language`.
  static func contains(_ word: String, language: String) -> Bool {
    lists[language]?.contains(word) ?? false
  }

  private static let lists: [String: Set<String>] = [
    "fr": words(
      """
      le la les l' un une des du de d' et ou mais donc car ni que qu' qui quoi dont où à au aux \
      en dans sur sous par pour avec sans entre vers chez contre selon après avant depuis pendant \
      ce cet cette ces c' se s' sa son ses leur leurs lui elle elles il ils on nous vous je tu me \
      moi y ne n' pas plus moins très aussi bien tout tous toute toutes même autre autres comme \
      si est sont été être a ont avait fait faire peut dit deux trois ans an année jour fois \
      temps france paris photo vidéo
      """),
    "en": words(
      """
      the a an and or but nor so yet of to in on at by for with from into over under about \
      after before between through during since than as is are was were be been being has have \
      had do does did will would can could should may might must it its this that these those \
      he she they we you i his her their our your my him them us not no all more most some any \
      new one two three year years day time said says also just like up out if there which who \
      what when where how photo video
      """),
    "de": words(
      """
      der die das den dem des ein eine einen einem einer eines und oder aber doch denn zu in im \
      an am auf aus bei mit nach von vor über unter um durch für gegen ohne seit bis als wie ist \
      sind war waren wird werden wurde hat haben hatte sein es er sie wir ihr ich du man sich \
      nicht kein keine auch noch nur schon mehr sehr so dass wenn was wer wo jahr jahre tag mal \
      foto bild
      """),
    "es": words(
      """
      el la los las un una unos unas y o pero que de del a al en con por para sin sobre entre \
      desde hasta según como más menos muy ya también no sí se su sus lo le les es son fue ser \
      está están ha han había hay este esta estos estas ese esa eso yo tú él ella nosotros \
      ellos ellas año años día vez foto vídeo
      """),
    "it": words(
      """
      il lo la i gli le un uno una e o ma che di del della dei degli delle a al alla ai agli \
      alle da dal dalla in nel nella con su per tra fra come più meno molto anche non si sono \
      è era stato essere ha hanno aveva questo questa questi quello quella suo sua loro lui lei \
      noi voi io anno anni giorno volta foto video
      """),
    "pt": words(
      """
      o a os as um uma uns umas e ou mas que de do da dos das em no na nos nas por pelo pela \
      para com sem sobre entre até como mais menos muito também não sim se seu sua seus suas \
      ele ela eles elas é são foi ser está estão tem têm há este esta isso ano anos dia vez \
      foto vídeo
      """),
  ]

  private static func words(_ text: String) -> Set<String> {
    let folder = TextFolder(stripAccents: false)
    return Set(
      text.split(whereSeparator: \.isWhitespace).map {
        String(decoding: folder.fold(String($0)), as: UTF8.self)
      })
  }
}
