import Testing

@testable import Tamis

/// How `[ANCHOR] "PHRASE" [MODIFIER…]` reads into `Pattern` values.
@Suite struct PatternParserTests {
  /// Pattern text and the pattern it reads as.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let pattern: Pattern
    var testDescription: String { name }
  }

  /// Parses `source` as a whole pattern, which must use the whole text.
  static func parse(_ source: String) throws -> Pattern {
    var parser = PatternParser(line: source, start: source.startIndex)
    let pattern = try parser.parsePattern()
    #expect(parser.isAtEnd)
    return pattern
  }

  static let cases: [Case] = [
    // MARK: Anchors
    Case(
      name: "no anchor means contains", source: #""Lire aussi""#,
      pattern: Pattern(anchor: .contains, parts: [.literal("Lire aussi")])),
    Case(
      name: "contains", source: #"contains "Lire aussi""#,
      pattern: Pattern(anchor: .contains, parts: [.literal("Lire aussi")])),
    Case(
      name: "starts-with", source: #"starts-with "Lire aussi""#,
      pattern: Pattern(anchor: .startsWith, parts: [.literal("Lire aussi")])),
    Case(
      name: "ends-with", source: #"ends-with "(AFP)""#,
      pattern: Pattern(anchor: .endsWith, parts: [.literal("(AFP)")])),
    Case(
      name: "equals", source: #"equals "Partager""#,
      pattern: Pattern(anchor: .equals, parts: [.literal("Partager")])),
    Case(
      name: "spaces and tabs around the parts are free", source: "\tequals   \"Partager\"  \t",
      pattern: Pattern(anchor: .equals, parts: [.literal("Partager")])),

    // MARK: Modifiers
    Case(
      name: "any-accent", source: #""resume" any-accent"#,
      pattern: Pattern(anchor: .contains, parts: [.literal("resume")], options: .anyAccent)),
    Case(
      name: "exact", source: #""AFP" exact"#,
      pattern: Pattern(anchor: .contains, parts: [.literal("AFP")], options: .exact)),
    Case(
      name: "inside-words", source: #""pub" inside-words"#,
      pattern: Pattern(anchor: .contains, parts: [.literal("pub")], options: .insideWords)),
    Case(
      name: "several modifiers after an anchor",
      source: #"starts-with "pub" inside-words any-accent"#,
      pattern: Pattern(
        anchor: .startsWith, parts: [.literal("pub")], options: [.insideWords, .anyAccent])),

    // MARK: Phrase text
    Case(
      name: "spaces inside the quotes are kept", source: #"" Lire aussi : ""#,
      pattern: Pattern(anchor: .contains, parts: [.literal(" Lire aussi : ")])),
    Case(
      name: "escaped quote and backslash", source: #""a \"b\" c\\d""#,
      pattern: Pattern(anchor: .contains, parts: [.literal(#"a "b" c\d"#)])),
    Case(
      name: "typographic characters are kept as written", source: "\"« Lire aussi » – l’article…\"",
      pattern: Pattern(anchor: .contains, parts: [.literal("« Lire aussi » – l’article…")])),
    Case(
      name: "a '#' inside the phrase is text, not a comment", source: "\"#pub\"",
      pattern: Pattern(anchor: .contains, parts: [.literal("#pub")])),

    // MARK: Holes
    Case(
      name: "a hole is text by default", source: #""Par {author}""#,
      pattern: Pattern(
        anchor: .contains, parts: [.literal("Par "), .hole(name: "author", kind: .text)])),
    Case(
      name: "holes of every kind between literals",
      source: #""{who:word} a {n:number} ans, {rest}""#,
      pattern: Pattern(
        anchor: .contains,
        parts: [
          .hole(name: "who", kind: .word), .literal(" a "), .hole(name: "n", kind: .number),
          .literal(" ans, "), .hole(name: "rest", kind: .text),
        ])),
    Case(
      name: "an explicit text kind", source: #"equals "{text:text} / {credit}""#,
      pattern: Pattern(
        anchor: .equals,
        parts: [
          .hole(name: "text", kind: .text), .literal(" / "), .hole(name: "credit", kind: .text),
        ])),
    Case(
      name: "hole names take digits and dashes", source: #""{read-time2} min""#,
      pattern: Pattern(
        anchor: .contains, parts: [.hole(name: "read-time2", kind: .text), .literal(" min")])),

    // MARK: Braces
    Case(
      name: "'{{' and '}}' are literal braces", source: #""{{pub}}""#,
      pattern: Pattern(anchor: .contains, parts: [.literal("{pub}")])),
    Case(
      name: "literal braces next to a hole", source: #""{{{n:number}}} vues""#,
      pattern: Pattern(
        anchor: .contains,
        parts: [.literal("{"), .hole(name: "n", kind: .number), .literal("} vues")])),
    Case(
      name: "'{+…}' after a hole is an attached literal",
      source: #""{text}{+.} {credit}{+ / AFP}""#,
      pattern: Pattern(
        anchor: .contains,
        parts: [
          .hole(name: "text", kind: .text), .attachedLiteral("."), .literal(" "),
          .hole(name: "credit", kind: .text), .attachedLiteral(" / AFP"),
        ])),
    Case(
      name: "escaped braces are literal too", source: #""\{pub\} {x}""#,
      pattern: Pattern(
        anchor: .contains, parts: [.literal("{pub} "), .hole(name: "x", kind: .text)])),

    // MARK: Rules on shape alone
    Case(name: "'any' unquoted is the pattern of every line", source: "any", pattern: .anyLine),
    Case(name: "'any' with spaces around it", source: " \tany  ", pattern: .anyLine),
    Case(
      name: "'\"any\"' quoted is a phrase", source: #""any""#,
      pattern: Pattern(anchor: .contains, parts: [.literal("any")])),
    Case(
      name: "'any' quoted after an anchor is a phrase", source: #"equals "any""#,
      pattern: Pattern(anchor: .equals, parts: [.literal("any")])),
  ]

  @Test("each pattern reads as its parts, anchor and options", arguments: cases)
  func reads(_ c: Case) throws {
    #expect(try Self.parse(c.source) == c.pattern)
  }

  @Test("'any' spells back as 'any' and reads back as the same pattern")
  func anyLineSpelling() throws {
    #expect(Pattern.anyLine.isAnyLine)
    #expect(Pattern.anyLine.spelling == "any")
    #expect(try Self.parse(Pattern.anyLine.spelling) == .anyLine)
    let quoted = try Self.parse(#""any""#)
    #expect(!quoted.isAnyLine)
    #expect(quoted.spelling != "any")
    #expect(try Self.parse(quoted.spelling) == quoted)
  }

  @Test("'any' is a whole pattern: with a stop word or more text after it, it is no anchor")
  func anyLineAlone() throws {
    var blockParser = PatternParser(line: "any", start: "any".startIndex)
    #expect(throws: PatternParser.Failure.self) { try blockParser.parsePattern(stopWord: "until") }
    let source = #"any "Partager""#
    var parser = PatternParser(line: source, start: source.startIndex)
    do {
      let pattern = try parser.parsePattern()
      Issue.record("parsed as \(pattern)")
    } catch {
      #expect(error.problem == .unknownAnchor(word: "any", suggestion: nil))
    }
  }

  @Test("a pattern's hole names come in order and make it a template")
  func holeNames() throws {
    let pattern = try Self.parse(#""{text} // Source : {credit}""#)
    #expect(pattern.holeNames == ["text", "credit"])
    #expect(pattern.isTemplate)
    #expect(try !Self.parse(#""{{text}}""#).isTemplate)
  }

  @Test("parsing stops before the stop word and 'until' is consumed")
  func stopWord() throws {
    let source = #"starts-with "À lire aussi" any-accent until equals "Fin""#
    var parser = PatternParser(line: source, start: source.startIndex)
    let start = try parser.parsePattern(stopWord: "until")
    let consumed = parser.consume(word: "until")
    let end = try parser.parsePattern()
    #expect(consumed)
    #expect(parser.isAtEnd)
    #expect(
      start
        == Pattern(anchor: .startsWith, parts: [.literal("À lire aussi")], options: .anyAccent))
    #expect(end == Pattern(anchor: .equals, parts: [.literal("Fin")]))
  }

  @Test("'consume' leaves the position alone when the word is not next")
  func consumeMismatch() throws {
    let source = #""a" b"#
    var parser = PatternParser(line: source, start: source.startIndex)
    let consumedTooEarly = parser.consume(word: "until")
    let pattern = try parser.parsePattern(stopWord: "b")
    let consumed = parser.consume(word: "b")
    #expect(!consumedTooEarly)
    #expect(pattern == Pattern(anchor: .contains, parts: [.literal("a")]))
    #expect(consumed)
    #expect(parser.isAtEnd)
  }

  @Test("each action reads its pattern from a rule file")
  func actionsInRuleFile() throws {
    let text = """
      title: T
      lang: fr
      group: fr-all
        drop-line: equals "Partager"
        strip-span: "(AFP)"
        drop-from: starts-with "Commentaires"
        drop-until: "Publié le"
        drop-block: "À lire aussi" until ends-with "Fin" exact
        drop-run: equals "Les plus lus"
        drop-tail: min-words 25
        caption: "{text} / {credit}"
        credit: equals "Photo : {credit}"
        meta: "Par {author:word}"
        keep: "Lire aussi le rapport"
      """
    let rules = try RuleSet(parsing: text, source: "t.rules")
    let actions = rules.packs.flatMap(\.rules).map(\.action)
    #expect(
      actions == [
        .dropLine(Pattern(anchor: .equals, parts: [.literal("Partager")])),
        .stripSpan(Pattern(anchor: .contains, parts: [.literal("(AFP)")])),
        .dropFrom(Pattern(anchor: .startsWith, parts: [.literal("Commentaires")])),
        .dropUntil(Pattern(anchor: .contains, parts: [.literal("Publié le")])),
        .dropBlock(
          start: Pattern(anchor: .contains, parts: [.literal("À lire aussi")]),
          end: Pattern(anchor: .endsWith, parts: [.literal("Fin")], options: .exact)),
        .dropRun(Pattern(anchor: .equals, parts: [.literal("Les plus lus")])),
        .dropTail(minimumWords: 25),
        .caption(
          Pattern(
            anchor: .contains,
            parts: [
              .hole(name: "text", kind: .text), .literal(" / "),
              .hole(name: "credit", kind: .text),
            ])),
        .credit(
          Pattern(
            anchor: .equals, parts: [.literal("Photo : "), .hole(name: "credit", kind: .text)])),
        .meta(
          Pattern(
            anchor: .contains, parts: [.literal("Par "), .hole(name: "author", kind: .word)])),
        .keep(Pattern(anchor: .contains, parts: [.literal("Lire aussi le rapport")])),
      ])
    #expect(actions.map(\.kind) == ActionKind.allCases)
  }

  @Test("'drop-line: any' loads as a rule on shape alone and spells back as written")
  func dropLineAnyInRuleFile() throws {
    let rules = try RuleSet(
      parsing: """
        title: T
        lang: any
        group: g
          when: outside-body
          drop-line: any
          drop-line: "any"
        """, source: "t.rules")
    let actions = rules.packs.flatMap(\.rules).map(\.action)
    #expect(
      actions == [
        .dropLine(.anyLine), .dropLine(Pattern(anchor: .contains, parts: [.literal("any")])),
      ])
    #expect(actions.first?.spelling == "drop-line: any")
    let compiled = CompiledRuleSet(rules)
    #expect(compiled.anyLineRules.map { compiled[rule: $0].rule.action } == [.dropLine(.anyLine)])
  }

  /// Pattern text, the problem it has, and the 0-based Character offset it is reported at.
  struct Failure: Sendable, CustomTestStringConvertible {
    let source: String
    let problem: RuleFileProblem
    let offset: Int
    var testDescription: String { source }
  }

  static let failures: [Failure] = [
    Failure(source: #""abc"#, problem: .unterminatedQuote, offset: 0),
    Failure(source: #"starts-with abc"#, problem: .expectedPhrase(found: "abc"), offset: 12),
    Failure(
      source: #"equal "abc""#, problem: .unknownAnchor(word: "equal", suggestion: "equals"),
      offset: 0),
    Failure(
      source: #""abc" exat"#, problem: .unknownModifier(word: "exat", suggestion: "exact"),
      offset: 6),
    Failure(source: #""""#, problem: .emptyPhrase, offset: 0),
    Failure(source: #""a\tb""#, problem: .invalidEscape(character: "t"), offset: 2),
    Failure(source: #""a {b""#, problem: .unclosedHole, offset: 3),
    Failure(source: #""a } b""#, problem: .strayClosingBrace, offset: 3),
    Failure(source: #""a {B}""#, problem: .invalidHoleName(name: "B"), offset: 4),
    Failure(
      source: #""a {b-:zzzzzz}""#, problem: .unknownHoleKind(kind: "zzzzzz", suggestion: nil),
      offset: 4),
    Failure(source: #""{b} a {b}""#, problem: .duplicateHoleName(name: "b"), offset: 7),
    Failure(source: #""a {b}{c}""#, problem: .adjacentHoles, offset: 6),
    Failure(source: #"" {b} ""#, problem: .patternWithoutLiteral, offset: 0),
    Failure(source: #""a {+b}""#, problem: .attachedLiteralWithoutHole, offset: 3),
    Failure(source: #""{a} {+b}""#, problem: .attachedLiteralWithoutHole, offset: 5),
    Failure(source: #""{a}{+}""#, problem: .emptyPhrase, offset: 4),
    Failure(source: #""{a}{+b""#, problem: .unclosedHole, offset: 4),
  ]

  @Test("each malformed pattern fails at its offset", arguments: failures)
  func fails(_ f: Failure) {
    var parser = PatternParser(line: f.source, start: f.source.startIndex)
    do {
      let pattern = try parser.parsePattern()
      Issue.record("parsed as \(pattern)")
    } catch {
      #expect(error.problem == f.problem)
      #expect(f.source.distance(from: f.source.startIndex, to: error.index) == f.offset)
    }
  }

  @Test(
    "kebab names start with a lower-case letter",
    arguments: [
      ("credit", true), ("read-time", true), ("a1", true), ("", false), ("Credit", false),
      ("1a", false), ("-a", false), ("a_b", false), ("é", false),
    ])
  func kebabNames(_ name: String, _ valid: Bool) {
    #expect(PatternParser.isKebabName(name) == valid)
  }
}
