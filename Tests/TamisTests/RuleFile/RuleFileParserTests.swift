import Testing

@testable import Tamis

/// Every problem the rule-file parser reports, at its exact line and column.
@Suite struct RuleFileParserTests {
  /// A rule file with `⟦n⟧` markers and the problems expected at those markers.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expected: [(marker: Int, problem: RuleFileProblem)]
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: [(marker: Int, problem: RuleFileProblem)]) {
      self.name = name
      self.text = text
      self.expected = expected
    }

    /// The expected diagnostics, located at their markers in `t.rules`.
    var diagnostics: [Diagnostic] {
      let marked = MarkedText(text)
      return expected.map {
        Diagnostic(.error, at: marked.location($0.marker), .ruleFile($0.problem))
      }
    }
  }

  // MARK: - Helpers

  /// Loads `files` as one rule set and returns the diagnostics it throws (empty when it loads).
  static func diagnostics(_ files: [(path: String, text: String)]) -> [Diagnostic] {
    do {
      _ = try RuleSet(parsing: files)
      return []
    } catch {
      return error.diagnostics
    }
  }

  static func diagnostics(_ text: String, path: String = "t.rules") -> [Diagnostic] {
    diagnostics([(path: path, text: text)])
  }

  /// Orders diagnostics by line, then column, keeping the order of ties.
  static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted {
      ($0.location?.line ?? 0, $0.location?.column ?? 0)
        < ($1.location?.line ?? 0, $1.location?.column ?? 0)
    }
  }

  /// A header and a group whose first action is valid, followed by `line`: a broken action
  /// line then leaves the group one action, so it is the only problem.
  static func grouped(_ line: String) -> String {
    "title: T\nlang: fr\ngroup: fr-x\n  drop-line: \"ok\"\n  " + line
  }

  static func location(_ line: Int, _ column: Int, path: String = "t.rules")
    -> Tamis.SourceLocation
  {
    Tamis.SourceLocation(path: path, line: line, column: column)
  }

  // MARK: - One problem at a time

  static let cases: [Case] = [
    // MARK: Directives
    Case(
      "unknown directive suggests the nearest name",
      """
      title: T
      lang: fr
      rule: fr-x
        why: w
        ⟦1⟧drop-lien: "Lire aussi"
        drop-line: "Lire aussi"
      """,
      [(1, .unknownDirective(name: "drop-lien", suggestion: "drop-line"))]),
    Case(
      "a misspelt example directive suggests 'example'",
      """
      title: T
      lang: fr
      rule: fr-x
        drop-line: "Lire aussi"
        ⟦1⟧exemple: the line goes
      """,
      [(1, .unknownDirective(name: "exemple", suggestion: "example"))]),
    Case(
      "a directive in capitals is unknown and suggests its lower-case spelling",
      """
      title: T
      lang: fr
      rule: fr-x
        ⟦1⟧Drop-Line: "Lire aussi"
        drop-line: "Lire aussi"
      """,
      [(1, .unknownDirective(name: "Drop-Line", suggestion: "drop-line"))]),
    Case(
      "an unknown directive far from every name gets no suggestion",
      """
      title: T
      lang: fr
      rule: fr-x
        ⟦1⟧frobnicate: yes
        drop-line: "Lire aussi"
      """,
      [(1, .unknownDirective(name: "frobnicate", suggestion: nil))]),
    Case(
      "a line that is not a directive is reported at its first character",
      """
      title: T
      lang: fr
      rule: fr-x
        drop-line: "Lire aussi"
          ⟦1⟧Lire aussi sans deux-points
      """,
      [(1, .notADirective)]),

    // MARK: Misplaced directives
    Case(
      "'in:' after 'why:' is outside an example",
      """
      title: T
      lang: fr
      rule: fr-x
        why: w
        ⟦1⟧in: Lire aussi
        drop-line: "Lire aussi"
      """,
      [(1, .misplacedDirective(name: "in", context: .example))]),
    Case(
      "'body:' after 'keeps:' is outside an example",
      """
      title: T
      lang: fr
      rule: fr-x
        drop-line: "Lire aussi"
        example: the line goes
          in: Lire aussi : x
        keeps: Il faut lire aussi ceci.
          ⟦1⟧body: Il faut lire aussi ceci.
      """,
      [(1, .misplacedDirective(name: "body", context: .example))]),
    Case(
      "'in:' in the file header is outside an example",
      """
      title: T
      lang: fr
      ⟦1⟧in: Lire aussi
      """,
      [(1, .misplacedDirective(name: "in", context: .example))]),
    Case(
      "an action before the first rule is outside a rule",
      """
      title: T
      lang: fr
      ⟦1⟧drop-line: "Lire aussi"
      """,
      [(1, .misplacedDirective(name: "drop-line", context: .ruleOrGroup))]),
    Case(
      "'why:' before the first rule is outside a rule",
      """
      title: T
      lang: fr
        ⟦1⟧why: because
      """,
      [(1, .misplacedDirective(name: "why", context: .ruleOrGroup))]),
    Case(
      "a header directive after a rule belongs in the file header",
      """
      title: T
      lang: fr
      rule: fr-x
        drop-line: "Lire aussi"
      ⟦1⟧site: example.com
      """,
      [(1, .misplacedDirective(name: "site", context: .fileHeader))]),
    Case(
      "'detect:' after a rule belongs in the file header",
      """
      title: T
      lang: fr
      site: example.com
      rule: fr-x
        drop-line: "Lire aussi"
        ⟦1⟧detect: "Abonnez-vous"
      """,
      [(1, .misplacedDirective(name: "detect", context: .fileHeader))]),

    // MARK: Values and headers
    Case(
      "'why:' without a value",
      """
      title: T
      lang: fr
      rule: fr-x
        why:⟦1⟧
        drop-line: "Lire aussi"
      """,
      [(1, .missingValue(directive: "why"))]),
    Case(
      "an action without a pattern",
      """
      title: T
      lang: fr
      group: fr-x
        drop-line:⟦1⟧
        drop-line: "Lire aussi"
      """,
      [(1, .missingValue(directive: "drop-line"))]),
    Case(
      "'rule:' without an id",
      """
      title: T
      lang: fr
      rule:⟦1⟧
        drop-line: "Lire aussi"
      """,
      [(1, .missingValue(directive: "rule"))]),
    Case(
      "'title:' without a value also leaves the title missing",
      """
      ⟦2⟧title:⟦1⟧
      lang: fr
      """,
      [(1, .missingValue(directive: "title")), (2, .missingHeader(name: "title"))]),
    Case(
      "a second 'title:'",
      """
      title: T
      lang: fr
      ⟦1⟧title: U
      """,
      [(1, .duplicateHeader(name: "title"))]),
    Case(
      "a second 'lang:'",
      """
      title: T
      lang: fr
      ⟦1⟧lang: fr
      """,
      [(1, .duplicateHeader(name: "lang"))]),
    Case(
      "a second 'site:'",
      """
      title: T
      lang: fr
      site: example.com
      ⟦1⟧site: example.org
      """,
      [(1, .duplicateHeader(name: "site"))]),
    Case(
      "a file without 'title:'",
      """
      ⟦1⟧lang: fr
      rule: fr-x
        drop-line: "Lire aussi"
      """,
      [(1, .missingHeader(name: "title"))]),
    Case(
      "a file without 'lang:'",
      """
      ⟦1⟧title: T
      rule: fr-x
        drop-line: "Lire aussi"
      """,
      [(1, .missingHeader(name: "lang"))]),
    Case(
      "an empty file lacks both title and lang",
      "⟦1⟧",
      [(1, .missingHeader(name: "title")), (1, .missingHeader(name: "lang"))]),
    Case(
      "'detect:' without 'site:'",
      """
      title: T
      lang: fr
      ⟦1⟧detect: "Abonnez-vous"
      """,
      [(1, .detectWithoutSite)]),
    Case(
      "a language name instead of a code",
      """
      title: T
      lang: ⟦1⟧french
      """,
      [(1, .invalidLanguage(code: "french"))]),
    Case(
      "a language code in capitals",
      """
      title: T
      lang: ⟦1⟧FR
      """,
      [(1, .invalidLanguage(code: "FR"))]),
    Case(
      "a host without a dot",
      """
      title: T
      lang: fr
      site: ⟦1⟧numerama
      """,
      [(1, .invalidHost(host: "numerama"))]),
    Case(
      "a host with an underscore",
      """
      title: T
      lang: fr
      site: ⟦1⟧num_erama.com
      """,
      [(1, .invalidHost(host: "num_erama.com"))]),
    Case(
      "a host with an empty label",
      """
      title: T
      lang: fr
      site: ⟦1⟧numerama..com
      """,
      [(1, .invalidHost(host: "numerama..com"))]),

    // MARK: Ids and action counts
    Case(
      "an id that is not lower-kebab-case",
      """
      title: T
      lang: fr
      rule: ⟦1⟧Fr_Lire
        drop-line: "Lire aussi"
      """,
      [(1, .invalidID(id: "Fr_Lire"))]),
    Case(
      "an id with an underscore",
      """
      title: T
      lang: fr
      group: ⟦1⟧vingt_minutes
        drop-line: "Lire aussi"
      """,
      [(1, .invalidID(id: "vingt_minutes"))]),
    Case(
      "a rule without an action",
      """
      title: T
      lang: fr
      ⟦1⟧rule: fr-x
        why: nothing to do
      """,
      [(1, .ruleActionCount(id: "fr-x", count: 0))]),
    Case(
      "a rule with two actions",
      """
      title: T
      lang: fr
      ⟦1⟧rule: fr-x
        drop-line: "Lire aussi"
        drop-line: "À lire aussi"
      """,
      [(1, .ruleActionCount(id: "fr-x", count: 2))]),
    Case(
      "a group without an action",
      """
      title: T
      lang: fr
      ⟦1⟧group: fr-g
        why: nothing to do
      """,
      [(1, .groupWithoutAction(id: "fr-g"))]),
    Case(
      "an old id that is not lower-kebab-case is reported at its own column",
      """
      title: T
      lang: fr
      group: fr-lire-aussi
        aliases: fr-lire ⟦1⟧Fr_Lire_Aussi
        drop-line: "Lire aussi"
      """,
      [(1, .invalidID(id: "Fr_Lire_Aussi"))]),
    Case(
      "'alias:' suggests 'aliases'",
      """
      title: T
      lang: fr
      group: fr-lire-aussi
        ⟦1⟧alias: fr-lire
        drop-line: "Lire aussi"
      """,
      [(1, .unknownDirective(name: "alias", suggestion: "aliases"))]),
    Case(
      "'aliases:' before the first rule is outside a rule or group",
      """
      title: T
      lang: fr
      ⟦1⟧aliases: fr-lire
      group: fr-lire-aussi
        drop-line: "Lire aussi"
      """,
      [(1, .misplacedDirective(name: "aliases", context: .ruleOrGroup))]),
    Case(
      "'aliases:' without an old id",
      """
      title: T
      lang: fr
      group: fr-lire-aussi
        aliases:⟦1⟧
        drop-line: "Lire aussi"
      """,
      [(1, .missingValue(directive: "aliases"))]),

    // MARK: Phrases
    Case(
      "a phrase without its closing quote",
      grouped(#"drop-line: ⟦1⟧"Lire aussi"#),
      [(1, .unterminatedQuote)]),
    Case(
      "a phrase that ends with a lone backslash",
      grouped(#"drop-line: ⟦1⟧"Lire aussi\"#),
      [(1, .unterminatedQuote)]),
    Case(
      "a bare word after the anchor",
      grouped("drop-line: starts-with ⟦1⟧Lire aussi"),
      [(1, .expectedPhrase(found: "Lire aussi"))]),
    Case(
      "an anchor without a phrase",
      grouped("drop-line: equals⟦1⟧"),
      [(1, .expectedPhrase(found: ""))]),
    Case(
      "a misspelt anchor suggests the nearest one",
      grouped(#"drop-line: ⟦1⟧start-with "Lire aussi""#),
      [(1, .unknownAnchor(word: "start-with", suggestion: "starts-with"))]),
    Case(
      "an unknown word before the phrase far from every anchor",
      grouped(#"drop-line: ⟦1⟧partout "Lire aussi""#),
      [(1, .unknownAnchor(word: "partout", suggestion: nil))]),
    Case(
      "a misspelt modifier suggests the nearest one",
      grouped(#"drop-line: "Lire aussi" ⟦1⟧any-accents"#),
      [(1, .unknownModifier(word: "any-accents", suggestion: "any-accent"))]),
    Case(
      "a second modifier is checked too",
      grouped(#"drop-line: "Lire aussi" exact ⟦1⟧insidewords"#),
      [(1, .unknownModifier(word: "insidewords", suggestion: "inside-words"))]),
    Case(
      "an empty phrase",
      grouped("drop-line: starts-with ⟦1⟧\"\""),
      [(1, .emptyPhrase)]),
    Case(
      "a backslash before a letter is not an escape",
      grouped(#"drop-line: "Lire ⟦1⟧\naussi""#),
      [(1, .invalidEscape(character: "n"))]),
    Case(
      "a phrase longer than the limit",
      grouped("drop-line: ⟦1⟧\"\(String(repeating: "a", count: 1_001))\""),
      [(1, .phraseTooLong(length: 1_001, limit: 1_000))]),

    // MARK: Holes
    Case(
      "a hole without its closing brace",
      grouped(#"meta: "Par ⟦1⟧{author""#),
      [(1, .unclosedHole)]),
    Case(
      "a closing brace without an opening one",
      grouped(#"drop-line: "Lire ⟦1⟧} aussi""#),
      [(1, .strayClosingBrace)]),
    Case(
      "a hole name in capitals",
      grouped(#"meta: "Par {⟦1⟧Author}""#),
      [(1, .invalidHoleName(name: "Author"))]),
    Case(
      "an empty hole name",
      grouped(#"meta: "Par {⟦1⟧}""#),
      [(1, .invalidHoleName(name: ""))]),
    Case(
      "a misspelt hole kind suggests the nearest one",
      grouped(#"meta: "{⟦1⟧n:numbr} vues""#),
      [(1, .unknownHoleKind(kind: "numbr", suggestion: "number"))]),
    Case(
      "the same hole name twice",
      grouped(#"meta: "{a} et ⟦1⟧{a}""#),
      [(1, .duplicateHoleName(name: "a"))]),
    Case(
      "two holes with nothing between them",
      grouped(#"meta: "Par {a}⟦1⟧{b}""#),
      [(1, .adjacentHoles)]),
    Case(
      "an attached literal that does not follow a hole",
      grouped(#"caption: "{text} / ⟦1⟧{+AFP}""#),
      [(1, .attachedLiteralWithoutHole)]),
    Case(
      "an empty attached literal",
      grouped(#"caption: "{text}⟦1⟧{+} / AFP""#),
      [(1, .emptyPhrase)]),
    Case(
      "a pattern made of one hole",
      grouped(#"meta: ⟦1⟧"{a}""#),
      [(1, .patternWithoutLiteral)]),
    Case(
      "a pattern made of holes and a space",
      grouped(#"meta: ⟦1⟧"{a} {b}""#),
      [(1, .patternWithoutLiteral)]),

    // MARK: Action-specific checks
    Case(
      "a caption pattern without {text}",
      grouped(#"caption: ⟦1⟧"Photo : {credit}""#),
      [(1, .captionWithoutTextHole)]),
    Case(
      "a misspelt caption hole suggests 'credit'",
      grouped(#"caption: ⟦1⟧"{text} / {credti}""#),
      [(1, .unknownCaptionHole(name: "credti", suggestion: "credit"))]),
    Case(
      "a meta pattern without a hole",
      grouped(#"meta: ⟦1⟧"Publié le""#),
      [(1, .metaWithoutHole)]),
    Case(
      "'drop-block:' without 'until'",
      grouped(#"drop-block: "À lire aussi"⟦1⟧"#),
      [(1, .blockWithoutEnd)]),
    Case(
      "'drop-block:' with 'until' but no end pattern",
      grouped(#"drop-block: "À lire aussi" until⟦1⟧"#),
      [(1, .expectedPhrase(found: ""))]),
    Case(
      "a condition with a word for its number",
      """
      title: T
      lang: fr
      rule: fr-x
        when: ⟦1⟧first ten lines
        drop-line: "Lire aussi"
      """,
      [(1, .invalidCondition(text: "first ten lines"))]),
    Case(
      "a percentage above 100",
      """
      title: T
      lang: fr
      rule: fr-x
        when: ⟦1⟧last 150%
        drop-line: "Lire aussi"
      """,
      [(1, .invalidCondition(text: "last 150%"))]),
    Case(
      "an unknown condition",
      """
      title: T
      lang: fr
      rule: fr-x
        when: ⟦1⟧max-lines 3
        drop-line: "Lire aussi"
      """,
      [(1, .invalidCondition(text: "max-lines 3"))]),
    // Conditions get no "did you mean" (unlike directives): the message lists the forms.
    Case(
      "a misspelt body condition",
      grouped("when: ⟦1⟧outside-bdy"),
      [(1, .invalidCondition(text: "outside-bdy"))]),
    Case(
      "a misspelt shape condition",
      grouped("when: ⟦1⟧menu-lik"),
      [(1, .invalidCondition(text: "menu-lik"))]),
    Case(
      "a shape condition with a number",
      grouped("when: ⟦1⟧in-nav-run 4"),
      [(1, .invalidCondition(text: "in-nav-run 4"))]),

    // MARK: Rules on shape alone
    Case(
      "'any' with 'caption'", grouped("caption: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "caption"))]),
    Case(
      "'any' with 'drop-from'", grouped("drop-from: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "drop-from"))]),
    Case(
      "'any' with 'drop-until'", grouped("drop-until: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "drop-until"))]),
    Case(
      "'any' with 'drop-run'", grouped("drop-run: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "drop-run"))]),
    Case(
      "'any' with 'strip-span'", grouped("strip-span: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "strip-span"))]),
    Case(
      "'any' with 'credit'", grouped("credit: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "credit"))]),
    Case(
      "'any' with 'meta'", grouped("meta: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "meta"))]),
    Case(
      "'any' with 'keep'", grouped("keep: ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "keep"))]),
    Case(
      "'any' after spaces is reported where the value starts",
      grouped("drop-from:   ⟦1⟧any"),
      [(1, .anyLineNotDropLine(action: "drop-from"))]),
    Case(
      "'any' in a drop-block is an unknown anchor: a block needs phrases at both ends",
      grouped(#"drop-block: ⟦1⟧any until "Fin""#),
      [(1, .unknownAnchor(word: "any", suggestion: nil))]),

    // MARK: Examples
    Case(
      "'gives-caption:' without ' | '",
      """
      title: T
      lang: fr
      rule: fr-x
        caption: "{text} / {credit}"
        example: a caption
          in: Le maire / AFP
          gives-caption: ⟦1⟧Le maire, AFP
      """,
      [(1, .invalidCaptionExpectation)]),
    Case(
      "'gives-meta:' without ' = '",
      """
      title: T
      lang: fr
      rule: fr-x
        meta: "Publié le {date}"
        example: a date
          in: Publié le 3 mai
          gives-meta: ⟦1⟧date: 3 mai
      """,
      [(1, .invalidMetaExpectation)]),
  ]

  @Test("each problem is reported at its line and column", arguments: cases)
  func reportsProblem(_ c: Case) {
    let found = Self.diagnostics(MarkedText(c.text).text)
    #expect(Self.inFileOrder(found) == Self.inFileOrder(c.diagnostics))
  }

  // MARK: - Locations

  @Test("a column counts Characters, so accents and emoji before an error count once each")
  func columnsCountCharacters() {
    // `e` + U+0301 is one Character; so are 👍🏽 (with its skin tone) and 👨‍👩‍👧 (three people
    // joined by ZWJ). The backslash is the 19th Character of line 4, at byte 27.
    let text = """
      title: T
      lang: fr
      rule: fr-x
        drop-line: "e\u{301}👍🏽👨‍👩‍👧 \\q"
      """
    let expected = [
      Diagnostic(.error, at: Self.location(4, 19), .ruleFile(.invalidEscape(character: "q")))
    ]
    #expect(Self.diagnostics(text) == expected)
  }

  @Test("a column after precomposed accents and a flag counts Characters")
  func columnsAfterPrecomposedAccents() {
    // 'É', 'é' and the flag 🇫🇷 (two regional indicators) are one column each: the
    // stray '}' is the 23rd Character.
    let text = """
      title: T
      lang: fr
      rule: fr-x
        drop-line: "Été 🇫🇷 é } x"
      """
    let expected = [Diagnostic(.error, at: Self.location(4, 23), .ruleFile(.strayClosingBrace))]
    #expect(Self.diagnostics(text) == expected)
  }

  @Test("CRLF and CR line ends count as one line each")
  func lineNumbersWithCRLF() {
    let text = "title: T\r\nlang: fr\rrule: fr-x\r\n  drop-lien: \"x\"\r\n  drop-line: \"x\"\r\n"
    let expected = [
      Diagnostic(
        .error, at: Self.location(4, 3),
        .ruleFile(.unknownDirective(name: "drop-lien", suggestion: "drop-line")))
    ]
    #expect(Self.diagnostics(text) == expected)
  }

  // MARK: - Duplicate ids

  @Test("a duplicate id in another file points back at the first definition")
  func duplicateIDAcrossFiles() {
    let first = """
      title: A
      lang: fr

      rule: fr-lire-aussi
        drop-line: "Lire aussi"
      """
    let second = """
      title: B
      lang: fr
      rule: fr-autre
        drop-line: "Autre"
        rule: fr-lire-aussi
        drop-line: "À lire aussi"
      """
    let expected = [
      Diagnostic(
        .error, at: Self.location(5, 3, path: "b.rules"),
        .ruleFile(.duplicateID(id: "fr-lire-aussi")),
        notes: [.init(location: Self.location(4, 1, path: "a.rules"), kind: .firstDefinedHere)])
    ]
    #expect(
      Self.diagnostics([(path: "a.rules", text: first), (path: "b.rules", text: second)])
        == expected)
  }

  @Test("a duplicate id in one file points back at the first definition")
  func duplicateIDInOneFile() {
    let text = """
      title: A
      lang: fr
      group: fr-x
        drop-line: "Lire aussi"
      group: fr-x
        drop-line: "À lire aussi"
      """
    let expected = [
      Diagnostic(
        .error, at: Self.location(5, 1), .ruleFile(.duplicateID(id: "fr-x")),
        notes: [.init(location: Self.location(3, 1), kind: .firstDefinedHere)])
    ]
    #expect(Self.diagnostics(text) == expected)
  }

  @Test(
    "a duplicate id is reported even when its file has other errors")
  func duplicateIDNextToOtherErrors() {
    let text = """
      title: A
      lang: fr
      group: fr-x
        drop-line: "Lire aussi"
      group: fr-x
        drop-lien: "À lire aussi"
        drop-line: "À lire aussi"
      """
    let expected = [
      Diagnostic(
        .error, at: Self.location(5, 1), .ruleFile(.duplicateID(id: "fr-x")),
        notes: [.init(location: Self.location(3, 1), kind: .firstDefinedHere)]),
      Diagnostic(
        .error, at: Self.location(6, 3),
        .ruleFile(.unknownDirective(name: "drop-lien", suggestion: "drop-line"))),
    ]
    #expect(Self.inFileOrder(Self.diagnostics(text)) == expected)
  }

  // MARK: - All errors in one run

  @Test("every error of a file is reported in one run")
  func allErrorsOfAFile() {
    let marked = MarkedText(
      """
      title: T
      lang: ⟦1⟧fr-FR
      ⟦2⟧detect: "Abonnez-vous"

      ⟦3⟧rule: fr-x
        why: no action

      rule: fr-w
        drop-line: "Lire aussi" ⟦4⟧exactly
        drop-line: "À lire aussi"
        ⟦5⟧in: orphan line

      group: ⟦6⟧Fr-Y
        when: ⟦7⟧first lines
        caption: ⟦8⟧"Photo {credit}"
        meta: "{⟦9⟧date:wrd} publié"
        strip-span: ⟦10⟧"(AFP
        ⟦11⟧kep: "Lire aussi le rapport"
        drop-line: "Lire aussi"
      """)
    let expected: [(Int, RuleFileProblem)] = [
      (1, .invalidLanguage(code: "fr-FR")),
      (2, .detectWithoutSite),
      (3, .ruleActionCount(id: "fr-x", count: 0)),
      (4, .unknownModifier(word: "exactly", suggestion: "exact")),
      (5, .misplacedDirective(name: "in", context: .example)),
      (6, .invalidID(id: "Fr-Y")),
      (7, .invalidCondition(text: "first lines")),
      (8, .captionWithoutTextHole),
      (9, .unknownHoleKind(kind: "wrd", suggestion: "word")),
      (10, .unterminatedQuote),
      (11, .unknownDirective(name: "kep", suggestion: "keep")),
    ]
    let diagnostics = expected.map {
      Diagnostic(.error, at: marked.location($0.0), .ruleFile($0.1))
    }
    #expect(Self.inFileOrder(Self.diagnostics(marked.text)) == diagnostics)
  }

  @Test("the errors of every file are reported in one run")
  func allErrorsOfAllFiles() {
    let first = """
      title: A
      lang: fr
      rule: fr-a
        drop-lien: "x"
        drop-line: "x"
      """
    let second = """
      lang: fr
      group: fr-b
        drop-line: "y" exakt
        drop-line: "z"
      """
    let expected = [
      Diagnostic(
        .error, at: Self.location(4, 3, path: "a.rules"),
        .ruleFile(.unknownDirective(name: "drop-lien", suggestion: "drop-line"))),
      Diagnostic(
        .error, at: Self.location(3, 18, path: "b.rules"),
        .ruleFile(.unknownModifier(word: "exakt", suggestion: "exact"))),
      Diagnostic(
        .error, at: Self.location(1, 1, path: "b.rules"),
        .ruleFile(.missingHeader(name: "title"))),
    ]
    let found = Self.diagnostics([(path: "a.rules", text: first), (path: "b.rules", text: second)])
    #expect(Set(found) == Set(expected))
    #expect(found.count == expected.count)
  }

  @Test(
    "diagnostics are listed in file order")
  func diagnosticsInFileOrder() {
    let text = """
      lang: fr
      rule: fr-x
        why: no action
      rule: fr-y
        drop-lien: "x"
        drop-line: "x"
      """
    let expected = [
      Diagnostic(.error, at: Self.location(1, 1), .ruleFile(.missingHeader(name: "title"))),
      Diagnostic(
        .error, at: Self.location(2, 1), .ruleFile(.ruleActionCount(id: "fr-x", count: 0))),
      Diagnostic(
        .error, at: Self.location(5, 3),
        .ruleFile(.unknownDirective(name: "drop-lien", suggestion: "drop-line"))),
    ]
    #expect(Self.diagnostics(text) == expected)
  }

  // MARK: - What loads

  @Test("a well-formed file loads into one pack with its groups, examples and keeps")
  func wellFormedFile() throws {
    let text = """
      # French paywall pitches.
      title: Paywall
      lang: fr

      rule: fr-reserve-abonnes
        why: the subscriber pitch
        when: first 5 lines
        drop-line: starts-with "Cet article est réservé aux abonnés"
        example: the pitch line is dropped
          in: Le conseil s'est réuni.
          in:
          in: Cet article est réservé aux abonnés.
          body: Le conseil s'est réuni.
          gives-caption: Le maire | AFP
          gives-meta: date = 3 mai
        keeps: « Cet article est réservé aux abonnés », ironise le syndicat.
      """
    let rules = try RuleSet(parsing: text, source: "t.rules")
    #expect(rules.warnings.isEmpty)
    let pack = try #require(rules.packs.first)
    #expect(pack.title == "Paywall")
    #expect(pack.language == "fr")
    #expect(pack.scope == .generic(language: "fr"))
    let group = try #require(pack.groups.first)
    #expect(group.id == "fr-reserve-abonnes")
    #expect(group.isSingleRule)
    #expect(group.why == "the subscriber pitch")
    #expect(group.conditions == [.firstLines(5)])
    #expect(
      group.rules == [
        Rule(
          id: "fr-reserve-abonnes",
          action: .dropLine(
            Pattern(
              anchor: .startsWith, parts: [.literal("Cet article est réservé aux abonnés")])),
          location: Self.location(8, 3))
      ])
    var example = Example(
      description: "the pitch line is dropped", location: Self.location(9, 3))
    example.input = ["Le conseil s'est réuni.", "", "Cet article est réservé aux abonnés."]
    example.body = ["Le conseil s'est réuni."]
    example.captions = [Caption(text: "Le maire", credit: "AFP")]
    example.meta = ["date": "3 mai"]
    #expect(group.examples == [example])
    #expect(
      group.keeps == [
        KeptLine(
          text: "« Cet article est réservé aux abonnés », ironise le syndicat.",
          location: Self.location(16, 3))
      ])
  }

  @Test("'aliases:' gives the group its old ids, each at its own column, in any order")
  func aliasesLoad() throws {
    let marked = MarkedText(
      """
      title: T
      lang: fr
      group: fr-lire-aussi
        drop-line: "Lire aussi"
        aliases: ⟦1⟧fr-lire  	⟦2⟧lire-aussi
      """)
    let rules = try RuleSet(parsing: marked.text, source: "t.rules")
    let group = try #require(rules.packs.first?.groups.first)
    #expect(
      group.aliases == [
        RuleAlias(id: "fr-lire", location: marked.location(1)),
        RuleAlias(id: "lire-aussi", location: marked.location(2)),
      ])
  }

  @Test("'#' starts a comment only as the first non-blank character of a line")
  func comments() throws {
    let text = """
      # a comment
      title: T # not a comment
      lang: fr
        # an indented comment
      rule: fr-x
        why: the '#' stays # here
        drop-line: "#pub"
      """
    let pack = try #require(try RuleSet(parsing: text, source: "t.rules").packs.first)
    #expect(pack.title == "T # not a comment")
    #expect(pack.groups.map(\.why) == ["the '#' stays # here"])
    #expect(
      pack.rules.map(\.action) == [.dropLine(Pattern(anchor: .contains, parts: [.literal("#pub")]))]
    )
  }

  @Test("a site pack keeps its hosts in lower case and its detectors")
  func sitePack() throws {
    let text = """
      title: Numerama
      lang: fr
      site: Numerama.com www.numerama.fr
      detect: contains "S'abonner à Numerama+"
      rule: numerama-pub
        drop-line: equals "Publicité"
      """
    let pack = try #require(try RuleSet(parsing: text, source: "numerama.com.rules").packs.first)
    #expect(pack.scope == .site(hosts: ["numerama.com", "www.numerama.fr"]))
    #expect(
      pack.detectors == [Pattern(anchor: .contains, parts: [.literal("S'abonner à Numerama+")])])
  }

  @Test("'lang: any' makes a pack for every language")
  func anyLanguage() throws {
    let text = """
      title: T
      lang: any
      rule: any-x
        drop-line: "x"
      """
    let pack = try #require(try RuleSet(parsing: text, source: "t.rules").packs.first)
    #expect(pack.language == nil)
    #expect(pack.scope == .generic(language: nil))
  }

  @Test(
    "each condition spelling reads as its condition",
    arguments: [
      ("first 3 lines", Condition.firstLines(3)), ("first 1 line", .firstLines(1)),
      ("last 2 lines", .lastLines(2)), ("first 10%", .firstPercent(10)),
      ("last 25 %", .lastPercent(25)), ("max-words 4", .maxWords(4)),
      ("min-words 2", .minWords(2)), ("max-length 80", .maxLength(80)),
    ])
  func conditionSpellings(_ text: String, _ condition: Condition) {
    #expect(ConditionParser.parse(text) == condition)
  }

  @Test(
    "malformed conditions read as nothing",
    arguments: [
      "", "first", "first lines", "first -1 lines", "first 101%", "max-words", "max-words x",
      "max-words 2 3", "sometimes",
    ])
  func malformedConditions(_ text: String) {
    #expect(ConditionParser.parse(text) == nil)
  }

  @Test(
    "an invalid host among several is reported at its own column")
  func invalidSecondHost() {
    let marked = MarkedText(
      """
      title: T
      lang: fr
      site: example.com ⟦1⟧bad_host
      """)
    let expected = [
      Diagnostic(.error, at: marked.location(1), .ruleFile(.invalidHost(host: "bad_host")))
    ]
    #expect(Self.diagnostics(marked.text) == expected)
  }
}
