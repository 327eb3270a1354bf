import Testing

@testable import Tamis

/// The scan rules out patterns whose rule cannot act on a line, and the article does not change.
@Suite struct ScanContextTests {
  static let files = [
    (
      path: "fr.rules",
      text: """
      title: F
      lang: fr
      group: fr-stamp
        when: max-words 4
        drop-line: equals "{place}, {date}"
      group: fr-top
        when: first 1 lines
        drop-line: starts-with "Publié"
      """
    ),
    (
      path: "es.rules",
      text: """
      title: E
      lang: es
      group: es-stamp
        drop-line: equals "{place}, {date}"
      """
    ),
  ]

  static func scan(_ line: String, ordinal: Int, count: Int, packs: [Bool]) throws
    -> (hits: [LineHit], statistics: MatchStatistics, compiled: CompiledRuleSet)
  {
    let compiled = CompiledRuleSet(try RuleSet(parsing: files))
    var bytes = Array(line.utf8)
    let words = bytes.withUnsafeBufferPointer(LineMetrics.words(in:))
    // The line under test is line 0, the `ordinal`-th non-blank line of `count`.
    let context = ScanContext(
      compiled: compiled, ordinals: [ordinal], words: [words], nonBlankCount: count,
      packMayApply: packs)
    var scanner = LineScanner(compiled)
    let hits = bytes.withUnsafeMutableBufferPointer { buffer in
      let text = UnsafeBufferPointer(buffer)
      return scanner.scan(text) { context.mayApply($0, line: 0, text: text) }
    }
    return (hits, scanner.statistics, compiled)
  }

  static func ruleIDs(
    _ result: (hits: [LineHit], statistics: MatchStatistics, compiled: CompiledRuleSet)
  ) -> [String] {
    result.hits.compactMap { hit in
      guard case .rule(let index) = result.compiled[pattern: hit.pattern].owner else { return nil }
      return result.compiled[rule: index].rule.id
    }
  }

  @Test("a pattern of a pack that is off is settled without a template match")
  func packOff() throws {
    let result = try Self.scan("Paris, 3 mai", ordinal: 5, count: 10, packs: [true, false])
    #expect(Self.ruleIDs(result) == ["fr-stamp"])
    #expect(result.statistics.patternsRuledOut == 1)
    #expect(result.statistics.templateTries == 1)
  }

  @Test("a pattern whose conditions fail on the line is not tried")
  func conditionsFail() throws {
    let long = try Self.scan(
      "Paris, une ville où il pleut souvent", ordinal: 5, count: 10, packs: [true, false])
    #expect(Self.ruleIDs(long).isEmpty)
    #expect(long.statistics.templateTries == 0)
    let late = try Self.scan("Publié hier", ordinal: 3, count: 10, packs: [true, true])
    #expect(Self.ruleIDs(late).isEmpty)
    let first = try Self.scan("Publié hier", ordinal: 0, count: 10, packs: [true, true])
    #expect(Self.ruleIDs(first) == ["fr-top"])
  }

  @Test("the cleaned article is the same as when every pattern is checked")
  func sameArticle() throws {
    let cleaner = Cleaner(rules: try RuleSet(parsing: Self.files))
    let dump = "Publié hier\n\nParis, 3 mai\n\nLe conseil municipal a voté le budget de la ville.\n"
    let article = cleaner.clean(dump, options: CleaningOptions(language: "fr"))
    #expect(article.body == "Le conseil municipal a voté le budget de la ville.")
    #expect(article.removals.map(\.ruleID) == ["fr-top", "fr-stamp"])
  }
}
