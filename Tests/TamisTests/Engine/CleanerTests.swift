import Testing

@testable import Tamis

/// What cleaning does with each action, condition, pattern form and pack scope, as
/// `rules/README.md` describes it.
@Suite struct CleanerTests {
  // MARK: - Helpers

  /// The header added in front of the groups of a `Case`.
  static let header = "title: T\nlang: any\n"

  /// Loads one rule file and compiles it.
  static func cleaner(_ text: String, path: String = "t.rules") throws -> Cleaner {
    Cleaner(rules: try RuleSet(parsing: text, source: path))
  }

  /// Cleans `dump` with the groups in `groups` (the header is added).
  static func clean(
    _ groups: String, _ dump: String, options: CleaningOptions = .init()
  ) throws -> CleanedArticle {
    try cleaner(header + groups).clean(dump, source: "d.txt", options: options)
  }

  /// Groups, a dump, and the body and removed texts cleaning must give.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let rules: String
    let dump: String
    let body: String
    let removed: [String]
    var testDescription: String { name }

    init(_ name: String, rules: String, dump: String, body: String, removed: [String]) {
      self.name = name
      self.rules = rules
      self.dump = dump
      self.body = body
      self.removed = removed
    }
  }

  static func check(_ c: Case, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let article = try clean(c.rules, c.dump)
    expectEqualLines(article.body, c.body, sourceLocation: sourceLocation)
    expectEqualLines(article.removals.map(\.text), c.removed, sourceLocation: sourceLocation)
  }

  /// Meta fields other than the detected `lang`, which these tests do not look at.
  static func withoutLanguage(_ meta: [String: String]) -> [String: String] {
    meta.filter { $0.key != "lang" }
  }

  static func location(_ line: Int, _ column: Int, path: String = "t.rules")
    -> Tamis.SourceLocation
  {
    Tamis.SourceLocation(path: path, line: line, column: column)
  }

  // MARK: - Actions

  static let actionCases: [Case] = [
    Case(
      "drop-line removes the matching line",
      rules: """
        rule: r
          drop-line: "Lire aussi"
        """,
      dump: """
        Le conseil s'est réuni.
        Lire aussi : le budget
        Il a voté.
        """,
      body: "Le conseil s'est réuni.\nIl a voté.",
      removed: ["Lire aussi : le budget"]),
    Case(
      "a removed paragraph leaves one blank line between its neighbours",
      rules: """
        rule: r
          drop-line: "Lire aussi"
        """,
      dump: "Un.\n\nLire aussi : x\n\nDeux.\n",
      body: "Un.\n\nDeux.",
      removed: ["Lire aussi : x"]),
    Case(
      "strip-span cuts the span and keeps the rest of the line",
      rules: """
        rule: r
          strip-span: "(Photo AFP)"
        """,
      dump: "Le maire (Photo AFP) a parlé.",
      body: "Le maire a parlé.",
      removed: ["(Photo AFP)"]),
    Case(
      "strip-span cuts every occurrence in a line",
      rules: """
        rule: r
          strip-span: "[pub]"
        """,
      dump: "Un [pub] deux [PUB] trois",
      body: "Un deux trois",
      removed: ["[pub]", "[PUB]"]),
    Case(
      "spans of several strip-span rules are all cut, in line order",
      rules: """
        group: g
          strip-span: "[pub]"
          strip-span: "(AFP)"
        """,
      dump: "A (AFP) B [pub] C",
      body: "A B C",
      removed: ["(AFP)", "[pub]"]),
    Case(
      "a line left empty by stripping is removed whole",
      rules: """
        rule: r
          strip-span: "[pub]"
        """,
      dump: "Texte.\n  [pub] [pub]  \nSuite.",
      body: "Texte.\nSuite.",
      removed: ["[pub] [pub]"]),
    Case(
      "drop-from removes the first matching line and everything after it",
      rules: """
        rule: r
          drop-from: starts-with "Partager"
        """,
      dump: """
        Texte.
        Suite.
        Partager sur X

        Commentaires (3)
        Partager sur Y
        """,
      body: "Texte.\nSuite.",
      removed: ["Partager sur X", "Commentaires (3)", "Partager sur Y"]),
    Case(
      "drop-until removes everything through the first matching line only",
      rules: """
        rule: r
          drop-until: "Publié le"
        """,
      dump: """
        Accueil
        Monde

        Publié le 3 mai
        Texte.

        Publié le 4 mai, dit-il.
        """,
      body: "Texte.\n\nPublié le 4 mai, dit-il.",
      removed: ["Accueil", "Monde", "Publié le 3 mai"]),
    Case(
      "drop-block removes each block from its start through its end",
      rules: """
        rule: r
          drop-block: starts-with "À lire aussi" until equals "Fin des liens"
        """,
      dump: """
        Un.
        À lire aussi
        Lien 1
        Fin des liens
        Deux.
        À lire aussi
        Lien 2
        Fin des liens
        Trois.
        """,
      body: "Un.\nDeux.\nTrois.",
      removed: [
        "À lire aussi", "Lien 1", "Fin des liens", "À lire aussi", "Lien 2", "Fin des liens",
      ]),
    Case(
      "drop-block without an end line drops nothing",
      rules: """
        rule: r
          drop-block: starts-with "À lire aussi" until equals "Fin des liens"
        """,
      dump: "Un.\nÀ lire aussi\nLien 1\nDeux.",
      body: "Un.\nÀ lire aussi\nLien 1\nDeux.",
      removed: []),
    Case(
      "drop-block ends at a later line, not at its own start line",
      rules: """
        rule: r
          drop-block: "Liens" until "fin"
        """,
      dump: "Un.\nLiens : début et fin\nLien 1\nfin\nDeux.",
      body: "Un.\nDeux.",
      removed: ["Liens : début et fin", "Lien 1", "fin"]),
    Case(
      "keep protects a line from the other rules of its group",
      rules: """
        group: g
          keep: "Lire aussi le rapport"
          drop-line: "Lire aussi"
        """,
      dump: "Lire aussi : x\nIl faut lire aussi le rapport du Giec.",
      body: "Il faut lire aussi le rapport du Giec.",
      removed: ["Lire aussi : x"]),
    Case(
      "keep protects a line from a rule of another group",
      rules: """
        rule: k
          keep: starts-with "Correction"
        rule: r
          strip-span: "(AFP)"
        """,
      dump: "Correction (AFP) : une erreur.\nTexte (AFP).",
      body: "Correction (AFP) : une erreur.\nTexte .",
      removed: ["(AFP)"]),
    Case(
      "a zone removes every line of its zone that no keep protects",
      rules: """
        group: g
          keep: starts-with "Correction"
          drop-from: starts-with "Partager"
        """,
      dump: "Texte.\nPartager\nCorrection : une erreur.\nSignaler",
      body: "Texte.\nCorrection : une erreur.",
      removed: ["Partager", "Signaler"]),
  ]

  @Test("each action removes what README says", arguments: actionCases)
  func actions(_ c: Case) throws { try Self.check(c) }

  @Test("a removal records its line, text, rule, rule location and action")
  func removalValues() throws {
    let rules = """
      title: T
      lang: fr

      rule: fr-lire-aussi
        why: links to other articles
        drop-line: starts-with "Lire aussi"
      rule: fr-pub
        strip-span: "[pub]"
      """
    let article = try Self.cleaner(rules).clean(
      "Texte [pub].\nLire aussi : x\n\n[pub]\n", source: "d.txt")
    #expect(
      article.removals == [
        Removal(
          line: 1, text: "[pub]", ruleID: "fr-pub", rule: Self.location(8, 3),
          action: .stripSpan),
        Removal(
          line: 2, text: "Lire aussi : x", ruleID: "fr-lire-aussi", rule: Self.location(6, 3),
          action: .dropLine),
        Removal(
          line: 4, text: "[pub]", ruleID: "fr-pub", rule: Self.location(8, 3),
          action: .stripSpan),
      ])
    #expect(article.outcomes == [.stripped(removals: [0]), .removed(1), .blank, .removed(2)])
    #expect(article.body == "Texte .")
    #expect(article.source == "d.txt")
  }

  @Test("a caption goes to the captions with its credit and the paragraph it follows")
  func captionWithCredit() throws {
    let article = try Self.clean(
      """
      rule: cap
        caption: "{text} (Photo : {credit})"
      """,
      """
      Le maire sur le pont. (Photo\u{A0}: AFP)

      Premier paragraphe.

      Le maire à Lyon. (Photo : Jean Dupont / AFP)

      Second paragraphe.
      """)
    expectEqualLines(article.body, "Premier paragraphe.\n\nSecond paragraphe.")
    #expect(
      article.captions == [
        Caption(text: "Le maire sur le pont.", credit: "AFP", position: -1, ruleID: "cap"),
        Caption(text: "Le maire à Lyon.", credit: "Jean Dupont / AFP", position: 0, ruleID: "cap"),
      ])
    #expect(article.outcomes == [.caption(0), .blank, .body, .blank, .caption(1), .blank, .body])
    #expect(article.removals.isEmpty)
  }

  @Test("a caption without a credit hole has an empty credit")
  func captionWithoutCredit() throws {
    let article = try Self.clean(
      """
      rule: cap
        caption: starts-with "Photo : {text}"
      """,
      "Texte.\nPhoto : le maire à Lyon.")
    #expect(article.body == "Texte.")
    #expect(
      article.captions == [
        Caption(text: "le maire à Lyon.", credit: "", position: 0, ruleID: "cap")
      ])
  }

  @Test("meta captures its holes, the first capture wins, and the line is removed")
  func metaCapture() throws {
    let article = try Self.clean(
      """
      group: meta
        meta: starts-with "Par {author}"
        meta: starts-with "Publié le {date}"
      """,
      """
      Par  Jean\u{A0}Dupont\u{20}
      Publié le 3 mai 2024
      Texte.
      Par Marie Curie
      """)
    #expect(article.body == "Texte.")
    #expect(
      Self.withoutLanguage(article.meta) == ["author": "Jean\u{A0}Dupont", "date": "3 mai 2024"])
    #expect(article.removals.map(\.action) == [.meta, .meta, .meta])
    #expect(article.removals.map(\.line) == [1, 2, 4])
  }

  @Test("the body keeps the input's own text and CRLF line ends")
  func bodyIsInputText() throws {
    let article = try Self.clean(
      """
      rule: r
        drop-line: "Lire aussi"
      """,
      "  L’État\u{A0}a parlé.  \r\nLire aussi\r\n\r\nRe\u{301}sume\u{301}.\r\n")
    #expect(
      Array(article.body.unicodeScalars)
        == Array("L’État\u{A0}a parlé.\r\n\r\nRe\u{301}sume\u{301}.".unicodeScalars))
    #expect(article.lineTerminator == "\r\n")
  }

  // MARK: - Conditions

  static let numbered = (1...10).map { "Pub \($0)" }.joined(separator: "\n")

  static let conditionCases: [Case] = [
    Case(
      "first N lines counts non-blank lines only",
      rules: """
        rule: r
          when: first 1 lines
          drop-line: equals "Menu"
        """,
      dump: "\n\nMenu\n\nTexte.\nMenu",
      body: "Texte.\nMenu",
      removed: ["Menu"]),
    Case(
      "first N lines leaves later lines alone",
      rules: """
        rule: r
          when: first 2 lines
          drop-line: equals "Menu"
        """,
      dump: "Menu\nMenu\nMenu\nTexte.",
      body: "Menu\nTexte.",
      removed: ["Menu", "Menu"]),
    Case(
      "last N lines ignores trailing blank lines",
      rules: """
        rule: r
          when: last 1 line
          drop-line: equals "Menu"
        """,
      dump: "Menu\nTexte.\nMenu\n\n\n",
      body: "Menu\nTexte.",
      removed: ["Menu"]),
    Case(
      "first N% of the non-blank lines",
      rules: """
        rule: r
          when: first 20%
          drop-line: starts-with "Pub"
        """,
      dump: numbered,
      body: (3...10).map { "Pub \($0)" }.joined(separator: "\n"),
      removed: ["Pub 1", "Pub 2"]),
    Case(
      "last N% of the non-blank lines",
      rules: """
        rule: r
          when: last 20%
          drop-line: starts-with "Pub"
        """,
      dump: numbered,
      body: (1...8).map { "Pub \($0)" }.joined(separator: "\n"),
      removed: ["Pub 9", "Pub 10"]),
    Case(
      "max-words N allows lines of at most N words",
      rules: """
        rule: r
          when: max-words 3
          drop-line: starts-with "Photo"
        """,
      dump: "Photo : AFP\nPhoto\u{A0}de famille prise hier.",
      body: "Photo\u{A0}de famille prise hier.",
      removed: ["Photo : AFP"]),
    Case(
      "min-words N allows lines of at least N words",
      rules: """
        rule: r
          when: min-words 4
          drop-line: starts-with "Abonnez-vous"
        """,
      dump: "Abonnez-vous !\nAbonnez-vous à notre lettre quotidienne.",
      body: "Abonnez-vous !",
      removed: ["Abonnez-vous à notre lettre quotidienne."]),
    Case(
      "max-length N ignores leading and trailing white space",
      rules: """
        rule: r
          when: max-length 9
          drop-line: "AFP"
        """,
      dump: "  Photo AFP \t\nSource AFP",
      body: "Source AFP",
      removed: ["Photo AFP"]),
    Case(
      "max-length counts an NFD accent with its letter",
      rules: """
        rule: r
          when: max-length 8
          drop-line: "AFP"
        """,
      dump: "Te\u{301}le\u{301} AFP\nTélévision AFP",
      body: "Télévision AFP",
      removed: ["Te\u{301}le\u{301} AFP"]),
    Case(
      "every condition of a group must hold",
      rules: """
        rule: r
          when: first 2 lines
          when: max-words 2
          drop-line: starts-with "Menu"
        """,
      dump: "Menu principal du site\nMenu\nMenu",
      body: "Menu principal du site\nMenu",
      removed: ["Menu"]),
    Case(
      "conditions apply to zone rules where they start",
      rules: """
        rule: r
          when: last 2 lines
          drop-from: starts-with "Partager"
        """,
      dump: "Partager : un débat.\nTexte.\nPartager\nSignaler",
      body: "Partager : un débat.\nTexte.",
      removed: ["Partager", "Signaler"]),
  ]

  @Test("each condition limits where a rule applies", arguments: conditionCases)
  func conditions(_ c: Case) throws { try Self.check(c) }

  @Test(
    "max-length counts an emoji with a skin tone as one character")
  func maxLengthCountsCharacters() throws {
    try Self.check(
      Case(
        "emoji",
        rules: """
          rule: r
            when: max-length 5
            drop-line: "AFP"
          """,
        dump: "👍🏽 AFP\nTexte.", body: "Texte.", removed: ["👍🏽 AFP"]))
  }

  // MARK: - Anchors and boundaries

  static let patternCases: [Case] = [
    Case(
      "equals matches the whole line, white space at its ends aside",
      rules: """
        rule: r
          drop-line: equals "Partager"
        """,
      dump: "  Partager \t\nPartager ceci\nPARTAGER",
      body: "Partager ceci",
      removed: ["Partager", "PARTAGER"]),
    Case(
      "starts-with matches at the start of the line",
      rules: """
        rule: r
          drop-line: starts-with "Photo"
        """,
      dump: "\u{A0} Photo : AFP\nUne photo de famille.",
      body: "Une photo de famille.",
      removed: ["Photo : AFP"]),
    Case(
      "ends-with matches at the end of the line",
      rules: """
        rule: r
          drop-line: ends-with "(AFP)"
        """,
      dump: "Le texte (AFP)  \n(AFP) ouvre la ligne.",
      body: "(AFP) ouvre la ligne.",
      removed: ["Le texte (AFP)"]),
    Case(
      "contains matches anywhere",
      rules: """
        rule: r
          drop-line: contains "lire aussi"
        """,
      dump: "Texte. Lire aussi : x\nTexte.",
      body: "Texte.",
      removed: ["Texte. Lire aussi : x"]),
    Case(
      "a phrase does not match inside a longer word",
      rules: """
        rule: r
          drop-line: "lire aussi"
        """,
      dump: "Il veut élire aussi un maire.\nLire aussi : x",
      body: "Il veut élire aussi un maire.",
      removed: ["Lire aussi : x"]),
    Case(
      "a phrase does not match at the start of a longer word",
      rules: """
        rule: r
          drop-line: "pub"
        """,
      dump: "La publication.\nOn va republier.\nPub\nAFP2 pub3",
      body: "La publication.\nOn va republier.\nAFP2 pub3",
      removed: ["Pub"]),
    Case(
      "inside-words lifts the boundary check",
      rules: """
        rule: r
          drop-line: "pub" inside-words
        """,
      dump: "La publication.\nOn va republier.\nTexte.",
      body: "Texte.",
      removed: ["La publication.", "On va republier."]),
    Case(
      "punctuation next to a phrase is a boundary",
      rules: """
        rule: r
          drop-line: "lire aussi"
        """,
      dump: "(Lire aussi) x\n«Lire aussi»\n—Lire aussi\nTexte.",
      body: "Texte.",
      removed: ["(Lire aussi) x", "«Lire aussi»", "—Lire aussi"]),
    Case(
      "no boundary is checked where a phrase starts or ends with punctuation",
      rules: """
        group: g
          drop-line: "@AFP"
          drop-line: "AFP/"
        """,
      dump: "Suivez-nous@AFP\nPhoto AFP/Getty\nTexte.",
      body: "Texte.",
      removed: ["Suivez-nous@AFP", "Photo AFP/Getty"]),
  ]

  @Test("each anchor and word boundary matches as README says", arguments: patternCases)
  func patterns(_ c: Case) throws { try Self.check(c) }

  @Test(
    "a symbol before a phrase is a word boundary",
    .disabled(
      "bug: every non-ASCII byte counts as a word character, so '►' or an emoji hides a phrase"
    ))
  func symbolIsBoundary() throws {
    try Self.check(
      Case(
        "symbol",
        rules: """
          rule: r
            drop-line: "lire aussi"
          """,
        dump: "►Lire aussi : x\n👉Lire aussi : y\nTexte.", body: "Texte.",
        removed: ["►Lire aussi : x", "👉Lire aussi : y"]))
  }

  // MARK: - Folding and modifiers

  static let foldingCases: [Case] = [
    Case(
      "apostrophes fold alike",
      rules: """
        rule: r
          drop-line: "partager l'article"
        """,
      dump: "Partager l’article\nPartager lʼarticle\nPartager l'article\nTexte.",
      body: "Texte.",
      removed: ["Partager l’article", "Partager lʼarticle", "Partager l'article"]),
    Case(
      "quotes fold alike",
      rules: """
        rule: r
          drop-line: equals "“Lire aussi”"
        """,
      dump: "«Lire aussi»\n\"Lire aussi\"\n„Lire aussi‟\nTexte.",
      body: "Texte.",
      removed: ["«Lire aussi»", "\"Lire aussi\"", "„Lire aussi‟"]),
    Case(
      "NBSP, narrow NBSP, tabs and runs of spaces fold to one space",
      rules: """
        rule: r
          drop-line: starts-with "Lire aussi :"
        """,
      dump: "Lire\u{A0}aussi\u{202F}: x\nLire \t aussi  : y\nTexte.",
      body: "Texte.",
      removed: ["Lire\u{A0}aussi\u{202F}: x", "Lire \t aussi  : y"]),
    Case(
      "an ellipsis folds to three dots",
      rules: """
        rule: r
          drop-line: "Lire la suite..."
        """,
      dump: "Lire la suite…\nTexte.",
      body: "Texte.",
      removed: ["Lire la suite…"]),
    Case(
      "dashes fold alike",
      rules: """
        rule: r
          drop-line: "Publicité - suite"
        """,
      dump: "Publicité — suite\nPublicité – suite\nTexte.",
      body: "Texte.",
      removed: ["Publicité — suite", "Publicité – suite"]),
    Case(
      "zero-width characters are ignored",
      rules: """
        rule: r
          drop-line: "lire aussi"
        """,
      dump: "Li\u{200B}re aus\u{AD}si : x\n\u{FEFF}Lire aussi : y\nTexte.",
      body: "Texte.",
      removed: ["Li\u{200B}re aus\u{AD}si : x", "Lire aussi : y"]),
    Case(
      "NFD text matches an NFC phrase, in any case",
      rules: """
        rule: r
          drop-line: "réservé aux abonnés"
        """,
      dump: "Article re\u{301}serve\u{301} aux abonne\u{301}s\nRÉSERVÉ AUX ABONNÉS\nTexte.",
      body: "Texte.",
      removed: ["Article re\u{301}serve\u{301} aux abonne\u{301}s", "RÉSERVÉ AUX ABONNÉS"]),
    Case(
      "accents count without any-accent",
      rules: """
        rule: r
          drop-line: "resume"
        """,
      dump: "Résumé de l'épisode\nResume",
      body: "Résumé de l'épisode",
      removed: ["Resume"]),
    Case(
      "any-accent ignores accents in the text",
      rules: """
        rule: r
          drop-line: "resume" any-accent
        """,
      dump: "Résumé de l'épisode\nRe\u{301}sume\u{301} : x\nTexte.",
      body: "Texte.",
      removed: ["Résumé de l'épisode", "Re\u{301}sume\u{301} : x"]),
    Case(
      "any-accent ignores accents in the phrase",
      rules: """
        rule: r
          drop-line: "réservé" any-accent
        """,
      dump: "Reserve aux abonnes\nTexte.",
      body: "Texte.",
      removed: ["Reserve aux abonnes"]),
    Case(
      "exact needs the case as written",
      rules: """
        rule: r
          drop-line: "AFP" exact
        """,
      dump: "Photo AFP\nPhoto afp",
      body: "Photo afp",
      removed: ["Photo AFP"]),
    Case(
      "exact needs the typography as written",
      rules: """
        rule: r
          drop-line: "l'AFP" exact
        """,
      dump: "Selon l’AFP\nSelon l'AFP",
      body: "Selon l’AFP",
      removed: ["Selon l'AFP"]),
  ]

  @Test("folding and modifiers match as README says", arguments: foldingCases)
  func folding(_ c: Case) throws { try Self.check(c) }

  @Test(
    "exact still ignores zero-width characters")
  func exactIgnoresZeroWidth() throws {
    try Self.check(
      Case(
        "exact zero-width",
        rules: """
          rule: r
            drop-line: "AFP" exact
          """,
        dump: "Photo AF\u{200B}P\nTexte.", body: "Texte.", removed: ["Photo AF\u{200B}P"]))
  }

  @Test(
    "exact treats NFD accents like NFC ones")
  func exactNFD() throws {
    try Self.check(
      Case(
        "exact NFD",
        rules: """
          rule: r
            drop-line: "Défense" exact
          """,
        dump: "De\u{301}fense\nTexte.", body: "Texte.", removed: ["De\u{301}fense"]))
  }

  // MARK: - Templates

  static let templateCases: [Case] = [
    Case(
      "a number hole takes digits with spaces, dots and commas",
      rules: """
        rule: r
          drop-line: "{n:number} commentaires"
        """,
      dump: """
        12 commentaires
        1 234 commentaires
        1.234,5 commentaires
        Des commentaires
        Lire les commentaires
        """,
      body: "Des commentaires\nLire les commentaires",
      removed: ["12 commentaires", "1 234 commentaires", "1.234,5 commentaires"]),
    Case(
      "a word hole takes no space",
      rules: """
        rule: r
          drop-line: "Par {w:word} le"
        """,
      dump: "Par Dupont le 3 mai\nPar Jean Dupont le 3 mai",
      body: "Par Jean Dupont le 3 mai",
      removed: ["Par Dupont le 3 mai"]),
    Case(
      "a trailing word hole of a contains pattern takes just its word",
      rules: """
        rule: r
          drop-line: "signé {w:word}"
        """,
      dump: "Texte signé Dupont, hier.\nTexte signé",
      body: "Texte signé",
      removed: ["Texte signé Dupont, hier."]),
    Case(
      "a text hole takes spaces",
      rules: """
        rule: r
          drop-line: equals "Par {w}"
        """,
      dump: "Par Jean Dupont\nPar",
      body: "Par",
      removed: ["Par Jean Dupont"]),
    Case(
      "a hole needs at least one character",
      rules: """
        rule: r
          drop-line: "Vu {n:number} fois"
        """,
      dump: "Vu  fois\nVu 3 fois",
      body: "Vu  fois",
      removed: ["Vu 3 fois"]),
    Case(
      "holes between literals",
      rules: """
        rule: r
          drop-line: starts-with "Mis à jour le {date} à {time:word}"
        """,
      dump: "Mis à jour le 3 mai 2024 à 12h05\nMis à jour hier",
      body: "Mis à jour hier",
      removed: ["Mis à jour le 3 mai 2024 à 12h05"]),
    Case(
      "'{{' and '}}' match literal braces",
      rules: """
        rule: r
          drop-line: equals "{{pub}}"
        """,
      dump: "{pub}\npub",
      body: "pub",
      removed: ["{pub}"]),
  ]

  @Test("templates match their holes as README says", arguments: templateCases)
  func templates(_ c: Case) throws { try Self.check(c) }

  @Test("a trailing number hole takes just its number, and a hole's value is trimmed")
  func trailingNumberCapture() throws {
    let article = try Self.clean(
      """
      group: g
        meta: starts-with "Vues : {views:number}"
        meta: starts-with "Durée :{minutes:number} min"
      """,
      "Vues : 1 234 depuis hier\nDurée :  12  min\nTexte.")
    #expect(article.body == "Texte.")
    #expect(Self.withoutLanguage(article.meta) == ["views": "1 234", "minutes": "12"])
  }

  @Test("attached literals belong to their hole's value")
  func attachedLiterals() throws {
    let article = try Self.clean(
      """
      rule: cap
        caption: "{text}{+.} {credit}{+ / AFP}"
      """,
      "Texte.\nUn incendie près de Marseille. JULIEN MARTEL / AFP\nSuite.")
    #expect(article.body == "Texte.\nSuite.")
    #expect(
      article.captions == [
        Caption(
          text: "Un incendie près de Marseille.", credit: "JULIEN MARTEL / AFP", position: 0,
          ruleID: "cap")
      ])
  }

  @Test(
    "a trailing word hole of an equals or ends-with pattern runs to the line end")
  func trailingWordHoleWithEndAnchor() throws {
    try Self.check(
      Case(
        "end-anchored word hole",
        rules: """
          group: g
            drop-line: equals "Par {w:word}"
            drop-line: ends-with "signé {n:number}"
          """,
        dump: "Par Dupont\nPar Jean Dupont\nArticle signé 12 fois\nArticle signé 12",
        body: "Par Jean Dupont\nArticle signé 12 fois",
        removed: ["Par Dupont", "Article signé 12"]))
  }

  @Test(
    "an equals template whose literals would overlap on a short line does not match")
  func overlappingEqualsTemplate() throws {
    try Self.check(
      Case(
        "overlap",
        rules: """
          rule: r
            drop-line: equals "Vu {n:number} fois"
          """,
        dump: "Vu fois\nVu 3 fois", body: "Vu fois", removed: ["Vu 3 fois"]))
  }

  @Test(
    "a number hole only takes separators between digits")
  func numberSeparators() throws {
    try Self.check(
      Case(
        "separators",
        rules: """
          rule: r
            drop-line: "Vu {n:number} fois"
          """,
        dump: "Vu 3. fois\nVu .5 fois\nVu 1,,2 fois\nVu 1 234,5 fois",
        body: "Vu 3. fois\nVu .5 fois\nVu 1,,2 fois", removed: ["Vu 1 234,5 fois"]))
  }

  // MARK: - Precedence

  @Test("a caption wins over a drop-line of the same scope, whatever the file order")
  func captionBeatsDropLine() throws {
    let article = try Self.clean(
      """
      rule: drop
        drop-line: "AFP"
      rule: cap
        caption: "{text} / {credit}"
      """,
      "Le maire / AFP\nTexte AFP.")
    #expect(article.body == "")
    #expect(article.captions.map(\.ruleID) == ["cap"])
    #expect(article.removals.map(\.ruleID) == ["drop"])
  }

  @Test("a meta wins over a drop-line, and a drop-line over a strip-span")
  func metaBeatsDropLineBeatsStripSpan() throws {
    let article = try Self.clean(
      """
      rule: strip
        strip-span: "(AFP)"
      rule: drop
        drop-line: "Par"
      rule: meta
        meta: starts-with "Par {author}"
      """,
      "Par Jean Dupont (AFP)\nTexte par (AFP) ici.\nTexte (AFP).")
    #expect(article.body == "Texte .")
    #expect(Self.withoutLanguage(article.meta) == ["author": "Jean Dupont (AFP)"])
    #expect(article.removals.map(\.ruleID) == ["meta", "drop", "strip"])
  }

  @Test("among rules of one kind and scope, the first in file order wins")
  func fileOrder() throws {
    let article = try Self.clean(
      """
      rule: first
        drop-line: "AFP"
      rule: second
        drop-line: "Photo"
      """,
      "Photo AFP")
    #expect(article.removals.map(\.ruleID) == ["first"])
  }

  // MARK: - Site packs

  static let generic = """
    title: Generic
    lang: fr

    rule: fr-lire-aussi
      drop-line: starts-with "Lire aussi"
    rule: fr-caption
      caption: "{text} / {credit}"
    rule: fr-keep
      keep: "Publicité ciblée"
    """

  static let site = """
    title: Numerama
    lang: fr
    site: numerama.com
    detect: contains "S'abonner à Numerama+"

    rule: numerama-pub
      drop-line: "Publicité"
    rule: numerama-keep
      keep: "Lire aussi notre enquête"
    rule: numerama-credit
      drop-line: ends-with "/ Numerama"
    """

  static func siteCleaner() throws -> Cleaner {
    Cleaner(
      rules: try RuleSet(parsing: [
        (path: "generic/fr.rules", text: generic), (path: "sites/numerama.com.rules", text: site),
      ]))
  }

  /// A host option, a dump, and whether the site pack must be on.
  struct SiteCase: Sendable, CustomTestStringConvertible {
    let name: String
    let site: String?
    let dump: String
    let isOn: Bool
    var testDescription: String { name }
  }

  static let siteCases: [SiteCase] = [
    SiteCase(name: "on for its host", site: "numerama.com", dump: "Publicité", isOn: true),
    SiteCase(name: "on for a subdomain", site: "www.numerama.com", dump: "Publicité", isOn: true),
    SiteCase(
      name: "on for a deeper subdomain", site: "m.www.numerama.com", dump: "Publicité",
      isOn: true),
    SiteCase(
      name: "on for its host in capitals", site: "WWW.Numerama.COM", dump: "Publicité", isOn: true),
    SiteCase(name: "off for another host", site: "example.com", dump: "Publicité", isOn: false),
    SiteCase(
      name: "off for a host that merely ends with its name", site: "fakenumerama.com",
      dump: "Publicité", isOn: false),
    SiteCase(name: "off without a host or detector", site: nil, dump: "Publicité", isOn: false),
    SiteCase(
      name: "on when a detect: phrase matches a line", site: nil,
      dump: "Publicité\nS’abonner à Numerama+ !", isOn: true),
    SiteCase(
      name: "on when a detect: phrase matches, whatever the host", site: "example.com",
      dump: "S'abonner à NUMERAMA+\nPublicité", isOn: true),
  ]

  @Test("a site pack switches on by host, subdomain or detector only", arguments: siteCases)
  func sitePackSelection(_ c: SiteCase) throws {
    let article = try Self.siteCleaner().clean(
      c.dump, source: "d.txt", options: CleaningOptions(site: c.site))
    let dropped = article.removals.contains { $0.ruleID == "numerama-pub" }
    #expect(dropped == c.isOn)
    #expect(article.meta["site"] == (c.isOn ? "numerama.com" : nil))
  }

  @Test("a site keep protects a line from generic rules, only while the site is on")
  func siteKeepProtectsFromGeneric() throws {
    let cleaner = try Self.siteCleaner()
    let dump = "Lire aussi notre enquête sur les GAFAM.\nLire aussi : x"
    let on = cleaner.clean(dump, options: CleaningOptions(site: "numerama.com"))
    #expect(on.body == "Lire aussi notre enquête sur les GAFAM.")
    #expect(on.removals.map(\.ruleID) == ["fr-lire-aussi"])
    let off = cleaner.clean(dump, options: CleaningOptions(site: "example.com"))
    #expect(off.body == "")
    #expect(off.removals.map(\.ruleID) == ["fr-lire-aussi", "fr-lire-aussi"])
  }

  @Test("a generic keep does not protect a line from site rules")
  func genericKeepDoesNotProtectFromSite() throws {
    let article = try Self.siteCleaner().clean(
      "Publicité ciblée : le débat.", options: CleaningOptions(site: "numerama.com"))
    #expect(article.body == "")
    #expect(article.removals.map(\.ruleID) == ["numerama-pub"])
  }

  @Test("a site rule wins over a generic caption on the same line")
  func siteBeatsGeneric() throws {
    let cleaner = try Self.siteCleaner()
    let dump = "Le maire / Numerama"
    let on = cleaner.clean(dump, options: CleaningOptions(site: "numerama.com"))
    #expect(on.captions.isEmpty)
    #expect(on.removals.map(\.ruleID) == ["numerama-credit"])
    let off = cleaner.clean(dump)
    #expect(off.captions.map(\.ruleID) == ["fr-caption"])
  }

  @Test(
    "a site strip-span wins over a generic drop-line on the same line")
  func siteStripSpanBeatsGenericDropLine() throws {
    let generic = """
      title: Generic
      lang: any
      rule: any-photo
        drop-line: starts-with "Photo"
      """
    let site = """
      title: Site
      lang: any
      site: example.com
      rule: site-credit
        strip-span: "(Example)"
      """
    let cleaner = Cleaner(
      rules: try RuleSet(parsing: [
        (path: "any.rules", text: generic), (path: "site.rules", text: site),
      ]))
    let article = cleaner.clean(
      "Photo du jour (Example) : le port.", options: CleaningOptions(site: "example.com"))
    #expect(article.body == "Photo du jour : le port.")
    #expect(article.removals.map(\.ruleID) == ["site-credit"])
  }

  @Test("a generic keep does not protect a line from a site zone")
  func genericKeepInSiteZone() throws {
    let generic = """
      title: Generic
      lang: any
      rule: any-keep
        keep: starts-with "Correction"
      """
    let site = """
      title: Site
      lang: any
      site: example.com
      group: site-zone
        keep: starts-with "Note"
        drop-from: equals "Partager"
      """
    let cleaner = Cleaner(
      rules: try RuleSet(parsing: [
        (path: "any.rules", text: generic), (path: "site.rules", text: site),
      ]))
    let article = cleaner.clean(
      "Texte.\nPartager\nCorrection : x.\nNote : y.", options: CleaningOptions(site: "example.com"))
    #expect(article.body == "Texte.\nNote : y.")
    #expect(article.removals.map(\.text) == ["Partager", "Correction : x."])
  }

  // MARK: - Languages

  static let languagePacks: [(path: String, text: String)] = [
    (
      path: "fr.rules",
      text: """
      title: FR
      lang: fr
      rule: fr-r
        drop-line: "Lire aussi"
      """
    ),
    (
      path: "en.rules",
      text: """
      title: EN
      lang: en
      rule: en-r
        drop-line: "Read more"
      """
    ),
    (
      path: "any.rules",
      text: """
      title: Any
      lang: any
      rule: any-r
        drop-line: "@@@"
      """
    ),
  ]

  @Test(
    "the language option switches generic packs",
    arguments: [
      (nil, ["fr-r", "en-r", "any-r"]), ("fr", ["fr-r", "any-r"]), ("en", ["en-r", "any-r"]),
      ("de", ["any-r"]),
    ] as [(String?, [String])])
  func languageSelection(_ language: String?, _ fired: [String]) throws {
    let cleaner = Cleaner(rules: try RuleSet(parsing: Self.languagePacks))
    let article = cleaner.clean(
      "Lire aussi : x\nRead more: y\n@@@\nTexte.", options: CleaningOptions(language: language))
    #expect(article.removals.map(\.ruleID) == fired)
    #expect(article.meta["lang"] == language)
  }

  /// A dump, and the generic packs that must fire on it when no language is given.
  struct DetectionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let language: String?
    let fired: [String]
    let dump: String
    var testDescription: String { name }
  }

  static let detectionCases: [DetectionCase] = [
    DetectionCase(
      name: "a French dump", language: "fr", fired: ["fr-r", "any-r"],
      dump: """
        Le conseil municipal a voté le budget dans la soirée, selon les élus.
        Lire aussi : les travaux de la piscine sont pour cette année.
        Read more: nothing
        @@@
        """),
    DetectionCase(
      name: "an English dump", language: "en", fired: ["en-r", "any-r"],
      dump: """
        Lire aussi
        The council voted on the budget and it was approved by the mayor.
        Read more: this is the end of the story that they have written.
        @@@
        """),
    DetectionCase(
      name: "a dump too short to tell", language: nil, fired: ["fr-r", "en-r", "any-r"],
      dump: "Lire aussi : x\nRead more: y\n@@@"),
    DetectionCase(
      name: "a dump half French, half English", language: nil, fired: ["fr-r", "en-r"],
      dump: """
        Le maire est dans la salle avec les élus.
        Lire aussi
        The mayor is in the room with the council and the press.
        Read more
        """),
  ]

  @Test(
    "without a language option, the language is detected from short words",
    arguments: detectionCases)
  func languageDetection(_ c: DetectionCase) throws {
    let cleaner = Cleaner(rules: try RuleSet(parsing: Self.languagePacks))
    let article = cleaner.clean(c.dump)
    #expect(article.removals.map(\.ruleID) == c.fired)
    #expect(article.meta["lang"] == c.language)
  }
}
