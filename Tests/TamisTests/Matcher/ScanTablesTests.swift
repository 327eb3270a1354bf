import Testing

@testable import Tamis

/// The flat tables a line scan reads instead of the compiled patterns: each view's flattened
/// `patternsOfKey`, the per-pattern `PatternFacts`, and the `OutputChains.anchoredEnd` shortcut
/// that passes over anchored keys away from where they can match.
@Suite struct ScanTablesTests {
  static let rules = """
    title: T
    lang: any
    group: g
      drop-line: starts-with "by"
      drop-line: starts-with "By"
      drop-line: ends-with "by"
      drop-line: equals "stand by"
      drop-line: contains "lire aussi"
      drop-line: contains "déjà vu" any-accent
      drop-line: contains "deja vu" exact
      drop-line: starts-with "photo:" inside-words
      drop-line: contains "{credit} / AFP"
      strip-span: contains "(pub)"
    """

  static func compiled() throws -> CompiledRuleSet {
    CompiledRuleSet(try RuleSet(parsing: rules, source: "t.rules"))
  }

  @Test("each view's flattened key patterns list what patternsOfKey lists, in order")
  func flattenedKeys() throws {
    let compiled = try Self.compiled()
    #expect(compiled.views.count == 2)
    for view in compiled.views {
      #expect(view.keyPatternStart.count == view.patternsOfKey.count + 1)
      for (key, patterns) in view.patternsOfKey.enumerated() {
        let start = Int(view.keyPatternStart[key])
        let end = Int(view.keyPatternStart[key + 1])
        #expect(Array(view.keyPatterns[start..<end]) == patterns)
      }
    }
  }

  @Test("pattern facts say what the compiled patterns say")
  func facts() throws {
    let compiled = try Self.compiled()
    #expect(compiled.patternFacts.count == compiled.patterns.count)
    for (index, pattern) in compiled.patterns.enumerated() {
      let facts = compiled.patternFacts[index]
      #expect(facts.owner == pattern.owner)
      #expect(facts.anchor == pattern.anchor)
      #expect(facts.keyLength == pattern.key.count)
      #expect(facts.keyStartsLine == pattern.keyStartsLine)
      #expect(facts.keyEndsLine == pattern.keyEndsLine)
      #expect(facts.isLiteral == pattern.isLiteral)
      #expect(facts.insideWords == pattern.options.contains(.insideWords))
      #expect(facts.isExact == pattern.options.contains(.exact))
      #expect(facts.collectsEveryOccurrence == compiled.collectsEveryOccurrence[index])
    }
  }

  @Test("anchoredEnd marks only states whose walk holds anchored keys alone, at their length")
  func anchoredEnd() throws {
    let compiled = try Self.compiled()
    var marked = 0
    for view in compiled.views {
      let automaton = view.automaton
      for state in 0..<automaton.stateCount {
        let value = Int(view.chains.anchoredEnd[state])
        guard value >= 0 else {
          #expect(view.chains.isFloating[state] || view.chains.floatingBelow[state] >= 0)
          continue
        }
        marked += 1
        #expect(view.chains.floatingBelow[state] < 0)
        for key in automaton.ownKeys(of: state) {
          #expect(Int(automaton.keyLengths[Int(key)]) == value)
          for pattern in view.patternsOfKey[Int(key)] {
            let facts = compiled.patternFacts[Int(pattern)]
            #expect(facts.keyStartsLine || facts.keyEndsLine)
          }
        }
      }
    }
    #expect(marked > 0)
  }

  /// The rules (by their pattern's position) that hit `line`.
  static func hits(_ line: String, _ compiled: CompiledRuleSet) -> (Set<Int>, MatchStatistics) {
    var scanner = LineScanner(compiled)
    var bytes = Array(line.utf8)
    let hits = bytes.withUnsafeMutableBufferPointer { scanner.scan(UnsafeBufferPointer($0)) }
    var rules: Set<Int> = []
    for hit in hits {
      if case .rule(let index) = compiled[pattern: hit.pattern].owner { rules.insert(index.value) }
    }
    return (rules, scanner.statistics)
  }

  @Test("an anchored key inside a line is passed over, and still matches where it can")
  func anchoredKeysInsideLines() throws {
    let compiled = try Self.compiled()
    // "by" three times inside the line: passed over without a key visit.
    let inside = Self.hits("sit by me, by now, by and large.", compiled)
    #expect(inside.0.isEmpty)
    #expect(inside.1.keyVisits == 0)
    #expect(inside.1.chainsSkipped >= 3)
    // At the line start, at the line end, and the whole line.
    #expect(Self.hits("By the way, by and by", compiled).0 == [0, 1, 2])
    #expect(Self.hits("Stand by", compiled).0 == [2, 3])
    #expect(Self.hits("Photo:AFP", compiled).0 == [7])
    // Unanchored keys beside them are still found.
    #expect(Self.hits("stand by: lire aussi (pub) (pub)", compiled).0 == [4, 9])
    #expect(Self.hits("Un sentiment de DEJA VU", compiled).0 == [5])
    #expect(Self.hits("Photo X / AFP", compiled).0 == [8])
  }

  @Test("exact literals compare the input's own bytes, ASCII or not")
  func exactLiterals() throws {
    let compiled = try Self.compiled()
    // Pattern 6 is `contains "deja vu" exact`; 5 is the any-accent "déjà vu".
    #expect(Self.hits("un effet deja vu ici", compiled).0 == [5, 6])
    #expect(Self.hits("un effet deja  vu ici", compiled).0 == [5])
    #expect(Self.hits("un effet Deja vu ici", compiled).0 == [5])
    #expect(Self.hits("un effet deja\u{200B} vu ici", compiled).0 == [5, 6])
    #expect(Self.hits("un effet déja vu ici", compiled).0 == [5])
    let kelvin = try RuleSet(
      parsing: """
        title: K
        lang: any
        group: g
          drop-line: contains "5 \u{212A}" exact
        """, source: "k.rules")
    #expect(Self.hits("it is 5 K now", CompiledRuleSet(kelvin)).0 == [0])
  }
}
