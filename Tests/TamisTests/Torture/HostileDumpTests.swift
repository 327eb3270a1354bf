import Testing

@testable import Tamis

/// Dumps of a shape no article has, cleaned with the built-in rules and the structure layer on:
/// each is cleaned and every line accounted for. Sizes are modest so CI stays fast; the model is
/// linear in them, and the benchmark measures the cost (these tests assert results, not time).
@Suite struct HostileDumpTests {
  /// A name, and the dump's bytes.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () -> [UInt8]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "200,000 one-word lines") {
      let words = ["Home", "news", "Sport", "2024", "|", "Share", "le", "»"]
      var bytes: [UInt8] = []
      bytes.reserveCapacity(1_400_000)
      for index in 0..<200_000 { bytes += Array(words[index % words.count].utf8) + [0x0A] }
      return bytes
    },
    Case(name: "a 2 MB single line of prose without a terminator") {
      let sentence = Array("The council voted on the budget on Tuesday night after a debate. ".utf8)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(2_000_000 + sentence.count)
      while bytes.count < 2_000_000 { bytes += sentence }
      return bytes
    },
    Case(name: "a 2 MB single line without a space") {
      [UInt8](repeating: 0x61, count: 2_000_000)
    },
    Case(name: "200,000 blank lines") {
      [UInt8](repeating: 0x0A, count: 200_000)
    },
    Case(name: "a dump with no prose: menus, dates and separator lists") {
      let lines = [
        "Home", "World", "Business", "April 5, 2018 | 6:00 PM", "A | B | C", "Share", "Reply",
        "11 Comments", "Log in", "", "Sign up",
      ]
      var bytes: [UInt8] = []
      for index in 0..<20_000 { bytes += Array(lines[index % lines.count].utf8) + [0x0D, 0x0A] }
      return bytes
    },
  ]

  static let cleaner: Cleaner? = try? Cleaner(rules: RuleSet.builtin())

  @Test("a hostile dump is cleaned and every line accounted for", arguments: cases)
  func accounted(_ c: Case) throws {
    let cleaner = try #require(Self.cleaner)
    let input = c.make()
    let article = input.withUnsafeBufferPointer { cleaner.clean(bytes: $0, source: c.name) }
    for problem in LineAccounting.problems(article, input: input) {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(article.outcomes.count == LineAccounting.lines(input).count)
  }

  @Test("the accounting check finds a missing outcome, a foreign body line and a lost removal")
  func checkFindsProblems() {
    let input = Array("One.\n\nTwo.\n".utf8)
    func article(body: String, outcomes: [LineOutcome], removals: [Removal] = []) -> CleanedArticle
    {
      CleanedArticle(
        source: "d", body: body, captions: [], meta: [:], removals: removals, outcomes: outcomes)
    }
    #expect(
      LineAccounting.problems(
        article(body: "One.\n\nTwo.", outcomes: [.body, .blank, .body]), input: input
      ).isEmpty)
    #expect(
      !LineAccounting.problems(article(body: "One.", outcomes: [.body, .blank]), input: input)
        .isEmpty)
    #expect(
      !LineAccounting.problems(
        article(body: "One.\n\nTwo!", outcomes: [.body, .blank, .body]), input: input
      ).isEmpty)
    #expect(
      !LineAccounting.problems(
        article(body: "One.\n\nTwo.", outcomes: [.body, .body, .body]), input: input
      ).isEmpty)
    let removal = Removal(
      line: 3, text: "Two.", ruleID: "r", rule: Tamis.SourceLocation(path: "t", line: 1, column: 1),
      action: .dropLine)
    #expect(
      LineAccounting.problems(
        article(body: "One.", outcomes: [.body, .blank, .removed(0)], removals: [removal]),
        input: input
      ).isEmpty)
    #expect(
      !LineAccounting.problems(
        article(body: "One.", outcomes: [.body, .blank, .body], removals: [removal]), input: input
      ).isEmpty)
  }

  @Test("a dump with no prose loses nothing to the rules around the body core")
  func noProseNoCore() throws {
    let cleaner = try #require(Self.cleaner)
    let input = Self.cases[4].make()
    let article = input.withUnsafeBufferPointer { cleaner.clean(bytes: $0, source: "menus") }
    #expect(!article.removals.contains { $0.ruleID == "structure-outside-body" })
  }
}
