import Foundation
import Testing

@testable import Tamis

/// The fast matcher (one automaton over folded bytes, anchors and boundaries checked on
/// candidates) against a straightforward reference written with `String` APIs, over generated
/// lines and rule sets with accents, NFD, curly quotes, NBSP and zero-width characters.
@Suite struct MatcherDifferentialTests {
  // MARK: - Reference

  /// The folded view, computed the slow, obvious way.
  static func referenceFold(_ text: String, stripAccents: Bool) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.value {
      case 0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
      case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
        scalars.append(" ")
      case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x2032, 0x60, 0xB4: scalars.append("'")
      case 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2039, 0x203A:
        scalars.append("\"")
      case 0x2010...0x2015, 0x2212: scalars.append("-")
      case 0x2026: scalars += ["." as Unicode.Scalar, ".", "."]
      default:
        var lowered = String(scalar).lowercased()
        if stripAccents {
          lowered = String(
            String.UnicodeScalarView(
              lowered.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                !(0x300...0x36F).contains($0.value)
              }))
        }
        scalars += lowered.unicodeScalars
      }
    }
    // Runs of spaces count as one, and the ends are trimmed.
    var collapsed: [Unicode.Scalar] = []
    for scalar in scalars where !(scalar == " " && (collapsed.last == " " || collapsed.isEmpty)) {
      collapsed.append(scalar)
    }
    if collapsed.last == " " { collapsed.removeLast() }
    return collapsed
  }

  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || scalar.properties.generalCategory == .nonspacingMark
  }

  /// Whether `pattern` (one literal) matches `line`, the obvious way.
  static func referenceMatches(_ pattern: Pattern, _ line: String) -> Bool {
    guard case .literal(let literal) = pattern.parts.first else { return false }
    let strip = pattern.options.contains(.anyAccent)
    let text = referenceFold(line, stripAccents: strip)
    let needle = referenceFold(literal, stripAccents: strip)
    guard !needle.isEmpty, needle.count <= text.count else { return false }
    for start in 0...(text.count - needle.count)
    where Array(text[start..<(start + needle.count)]) == needle {
      let end = start + needle.count
      switch pattern.anchor {
      case .contains: break
      case .startsWith: if start != 0 { continue }
      case .endsWith: if end != text.count { continue }
      case .equals: if start != 0 || end != text.count { continue }
      }
      if !pattern.options.contains(.insideWords) {
        if start > 0, isWord(text[start - 1]), isWord(text[start]) { continue }
        if end < text.count, isWord(text[end - 1]), isWord(text[end]) { continue }
      }
      return true
    }
    return false
  }

  // MARK: - Generation

  static let words = [
    "lire", "aussi", "abonnés", "Réservé", "l’article", "ÉTÉ", "publicité", "photo", "crédit",
    "naïve", "Noël", "ça", "déjà", "aujourd'hui", "read", "more", "Ad", "sign-up", "2024",
    "français", "Über", "straße", "niño", "così", "não", "«", "»", "“quote”", "…", ":", "—",
  ]

  /// A typographic variant of a phrase, as scraped text writes it.
  static func variant(_ text: String, _ generator: inout SeededGenerator) -> String {
    var text = text
    if generator.chance(30) { text = text.uppercased() }
    if generator.chance(30) { text = text.replacingOccurrences(of: "'", with: "’") }
    if generator.chance(30) { text = text.replacingOccurrences(of: " ", with: "\u{A0}") }
    if generator.chance(20) { text = text.replacingOccurrences(of: " ", with: "  \t") }
    if generator.chance(20) { text = text.replacingOccurrences(of: "...", with: "…") }
    if generator.chance(30) { text = text.decomposedStringWithCanonicalMapping }
    if generator.chance(20), let index = text.indices.dropFirst().first {
      text.insert("\u{200B}", at: index)
    }
    return text
  }

  static func phrase(_ generator: inout SeededGenerator) -> String {
    (0..<(1 + generator.below(3))).map { _ in generator.pick(words) }.joined(separator: " ")
  }

  static func patterns(_ generator: inout SeededGenerator) -> [Pattern] {
    (0..<40).map { _ in
      var options: Pattern.Options = []
      if generator.chance(25) { options.insert(.anyAccent) }
      if generator.chance(15) { options.insert(.insideWords) }
      return Pattern(
        anchor: generator.pick(Pattern.Anchor.allCases),
        parts: [.literal(phrase(&generator))], options: options)
    }
  }

  static func lines(_ patterns: [Pattern], _ generator: inout SeededGenerator) -> [String] {
    (0..<60).map { _ in
      var pieces = (0..<generator.below(4)).map { _ in phrase(&generator) }
      if generator.chance(70), case .literal(let text) = generator.pick(patterns).parts[0] {
        pieces.insert(variant(text, &generator), at: generator.below(pieces.count + 1))
      }
      let glue = generator.chance(20) ? "" : " "
      return (generator.chance(20) ? "  " : "") + pieces.joined(separator: glue)
    }
  }

  // MARK: - Tests

  @Test("the fast matcher finds exactly what the reference finds", arguments: 0..<40)
  func fastMatchesReference(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 17)
    let patterns = Self.patterns(&generator)
    var rules = "title: T\nlang: any\ngroup: g\n"
    for pattern in patterns {
      guard case .literal(let text) = pattern.parts[0] else { continue }
      let anchor: String
      switch pattern.anchor {
      case .contains: anchor = "contains"
      case .startsWith: anchor = "starts-with"
      case .endsWith: anchor = "ends-with"
      case .equals: anchor = "equals"
      }
      var modifiers = ""
      if pattern.options.contains(.anyAccent) { modifiers += " any-accent" }
      if pattern.options.contains(.insideWords) { modifiers += " inside-words" }
      rules +=
        "  drop-line: \(anchor) \"\(text.replacingOccurrences(of: "\"", with: "\\\""))\""
        + modifiers + "\n"
    }
    // Odd seeds give the automaton dense rows for its root and first states only, so most
    // steps take the sparse path.
    let compiled = CompiledRuleSet(
      try RuleSet(parsing: rules, source: "d.rules"),
      denseStates: seed % 2 == 1 ? 1 + seed % 5 : ByteAutomaton.defaultDenseStates)
    var scanner = LineScanner(compiled)
    var matchingLines = 0
    for line in Self.lines(patterns, &generator) {
      var bytes = Array(line.utf8)
      let hits = bytes.withUnsafeMutableBufferPointer { scanner.scan(UnsafeBufferPointer($0)) }
      var fast: Set<Int> = []
      for hit in hits {
        if case .rule(let index) = compiled[pattern: hit.pattern].owner { fast.insert(index.value) }
      }
      var reference: Set<Int> = []
      for (index, pattern) in patterns.enumerated() where Self.referenceMatches(pattern, line) {
        reference.insert(index)
      }
      if !reference.isEmpty { matchingLines += 1 }
      #expect(
        fast == reference,
        "line \(line.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined())"
      )
    }
    // The generator plants pattern variants in most lines: the test must see real matches.
    #expect(matchingLines >= 15, "only \(matchingLines) of 60 lines match")
  }
}
