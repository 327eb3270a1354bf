import Testing

@testable import Tamis

/// Rule files written to make matching slow (overlapping phrases, long repeated phrases, nested
/// holes, anchored phrases that never fit) keep cleaning linear in the input: the tests count
/// the scanner's operations (`MatchStatistics`), which do not depend on the machine, on an input
/// and on the same input doubled.
@Suite struct HostileRuleFileTests {
  /// A rule set, a way to make an input of about `size` bytes, and the most operations per
  /// input byte it may cost.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let actions: [String]
    let input: @Sendable (Int) -> String
    let perByte: Int
    var size = 20_000
    var testDescription: String { name }
  }

  /// One group holding every action line.
  static func ruleFile(_ actions: [String]) -> String {
    "title: Hostile\nlang: any\ngroup: hostile\n  why: adversarial\n"
      + actions.map { "  \($0)\n" }.joined()
  }

  /// `count` phrases over the words "a" and "b", shortest first: "a", "b", "a a", "a b", …
  static func abPhrases(_ count: Int, separator: String) -> [String] {
    var phrases: [String] = []
    var level = [""]
    while phrases.count < count {
      level = level.flatMap { prefix in
        ["a", "b"].map { prefix.isEmpty ? $0 : prefix + separator + $0 }
      }
      phrases += level
    }
    return Array(phrases.prefix(count))
  }

  /// Words "a" and "b" in a fixed pseudo-random order.
  static func abText(_ size: Int, separator: String) -> String {
    var generator = SeededGenerator(seed: 7)
    var words: [String] = []
    var length = 0
    while length < size {
      words.append(generator.chance(50) ? "a" : "b")
      length += 1 + separator.utf8.count
    }
    return words.joined(separator: separator)
  }

  static let repeatedA = (1...500).map { String(repeating: "a ", count: $0 - 1) + "a" }

  static let cases: [Case] = [
    Case(
      name: "1,000 overlapping one-word phrases a, aa, aaa… on one long word",
      actions: (1...1_000).map { "drop-line: \"\(String(repeating: "a", count: $0))\"" },
      input: { String(repeating: "a", count: $0) }, perByte: 6),
    Case(
      name: "500 overlapping phrases a, a a, a a a… on 'a a a a…'",
      actions: repeatedA.map { "drop-line: \"\($0)\"" },
      input: { String(repeating: "a ", count: $0 / 2) }, perByte: 6),
    Case(
      name: "10,000 overlapping phrases of the words a and b",
      actions: abPhrases(10_000, separator: " ").map { "drop-line: \"\($0)\"" },
      input: { abText($0, separator: " ") }, perByte: 6),
    Case(
      name: "10,000 overlapping one-word phrases of the letters a and b",
      actions: abPhrases(10_000, separator: "").map { "drop-line: \"\($0)\"" },
      input: { abText($0, separator: "") }, perByte: 6),
    Case(
      name: "one 1,000-character phrase 'a a a … a' on 'a a a a…'",
      actions: ["drop-line: \"\(repeatedA[499])\""],
      input: { String(repeating: "a ", count: $0 / 2) }, perByte: 6),
    Case(
      name: "500 overlapping ends-with phrases on lines that end otherwise",
      actions: repeatedA.map { "drop-line: ends-with \"\($0)\"" },
      input: { String(repeating: "a ", count: $0 / 2) + "b" }, perByte: 6),
    Case(
      name: "500 overlapping starts-with phrases on lines that start otherwise",
      actions: repeatedA.map { "drop-line: starts-with \"\($0)\"" },
      input: { "b " + String(repeating: "a ", count: $0 / 2) }, perByte: 6),
    Case(
      name: "500 overlapping strip-span phrases: every occurrence counts",
      actions: repeatedA.prefix(20).map { "strip-span: \"\($0)\"" },
      input: { String(repeating: "a ", count: $0 / 2) }, perByte: 30),
    Case(
      name: "templates with 20 nested holes on 'x x x x…'",
      actions: (2...21).map { holes in
        "caption: \"{text} x " + (1..<holes).map { "{h\($0)}" }.joined(separator: " x ") + " y\""
      },
      input: { String(repeating: "x ", count: $0 / 2) }, perByte: 30),
    Case(
      name: "regression-7-strip-span-template-quadratic: a strip-span template on many keys",
      actions: ["strip-span: \"foo {x:word} bar\""],
      input: { String(repeating: "foo ", count: $0 / 4) }, perByte: 6),
    Case(
      name: "phrases that fail the word boundary at their start: a, a xa, a xa xa…",
      actions: (0..<300).map { "drop-line: \"a" + String(repeating: " xa", count: $0) + "\"" },
      // Each occurrence is checked: the cost per byte grows with the number of such phrases,
      // which the phrase limit bounds (a 1,000-character phrase holds at most 333 'xa's).
      input: { String(repeating: "xa ", count: $0 / 3) }, perByte: 450, size: 8_000),
  ]

  static func statistics(_ compiled: CompiledRuleSet, _ text: String) -> MatchStatistics {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { compiled.statistics(scanning: .init($0)) }
  }

  @Test("cleaning cost stays linear in the input", arguments: cases)
  func linear(_ c: Case) throws {
    let compiled = CompiledRuleSet(
      try RuleSet(parsing: Self.ruleFile(c.actions), source: "h.rules"))
    let size = c.size
    // On one line, then on the same text doubled, then on twice as many lines.
    let one = Self.statistics(compiled, c.input(size))
    let long = Self.statistics(compiled, c.input(2 * size))
    let lines = Self.statistics(compiled, c.input(size) + "\n" + c.input(size))
    for (label, doubled) in [("a line twice as long", long), ("twice the lines", lines)] {
      #expect(
        Double(doubled.total) <= 2.1 * Double(one.total) + Double(size),
        "\(label): \(one) then \(doubled)")
    }
    #expect(one.total <= c.perByte * size, "\(one)")
  }

  @Test("a template is tried once per line, however often its key occurs")
  func templateOncePerLine() throws {
    let compiled = CompiledRuleSet(
      try RuleSet(
        parsing: Self.ruleFile([
          "strip-span: \"foo {x:word} bar\"", "caption: \"{text} foo {credit}\"",
        ]),
        source: "h.rules"))
    let statistics = Self.statistics(compiled, String(repeating: "foo ", count: 1_000))
    #expect(statistics.templateTries == 2)
  }

  @Test("hostile phrases still match where they should")
  func stillMatches() throws {
    let rules = try RuleSet(
      parsing: Self.ruleFile(
        Self.repeatedA.prefix(50).map { "drop-line: ends-with \"\($0)\"" }
          + ["strip-span: \"foo {x:word} bar\"", "drop-line: starts-with \"b a a\""]),
      source: "h.rules")
    let article = Cleaner(rules: rules).clean(
      "x a a\nb a a a\nKeep foo it bar and foo me bar.\nb b a\n", source: "d.txt")
    // A template matches once per line, at its leftmost match.
    #expect(article.body == "Keep and foo me bar.")
    #expect(article.removals.map(\.text) == ["x a a", "b a a a", "foo it bar", "b b a"])
  }
}
