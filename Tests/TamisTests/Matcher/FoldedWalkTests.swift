import Testing

@testable import Tamis

/// `ByteAutomaton.walkFolded` (one fold, one walk for both views wherever their folds agree)
/// reports exactly what folding each view on its own and feeding it to the automaton byte by
/// byte reports: the same key ends, in the same order, and the same folded lengths.
@Suite struct FoldedWalkTests {
  /// Pieces of lines: ASCII, accents (NFC, NFD, capitals), ß, Turkish dotted and dotless I,
  /// curly quotes, every kind of space, zero-width characters, CJK, Greek, emoji, invalid bytes.
  static let pieces: [[UInt8]] =
    [
      "the", "The", "été", "ete", "Été", "e\u{301}te\u{301}", "E\u{301}", "\u{301}", "straße",
      "STRASSE", "İstanbul", "istanbul", "ı", "I", "l’État", "l'etat", "«", "»", "“", "”", "…",
      "...", " ", "  ", "\t", "\u{A0}", "\u{202F}", "\u{3000}", "\u{200B}", "\u{AD}", "\u{FEFF}",
      "東京", "東", "。", "Ωμέγα", "ωμεγα", "😀", "a", "b", "-", "—", "ﬁ", "x", "`", "café", "cafe",
      "naïve", "Œuvre", "œuvre", "d", "e",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xCC], [0xCD, 0x81], [0x00]]

  /// Keys folded by each view, as `CompiledRuleSet` builds them: view 0's keys, then view 1's.
  static let keyTexts = [
    "été", "ete", "e", "te", "l'etat", "l'état", "strasse", "straße", "istanbul", "i̇stanbul",
    "東京", "京", "\"", "...", "a b", "the", "e t", "ωμεγα", "ωμέγα", "cafe", "café", "naive",
    "naïve", "œuvre", "fi", "\u{FFFD}", "é", "ss", " ", "-",
  ]

  static func automaton(denseStates: Int) -> ByteAutomaton {
    let keeping = TextFolder(stripAccents: false)
    let stripping = TextFolder(stripAccents: true)
    let keys =
      keyTexts.map { keeping.foldKeepingEdges($0) }
      + keyTexts.map { stripping.foldKeepingEdges($0) }
    return ByteAutomaton(keys: keys, denseStates: denseStates)
  }

  static func list(_ ends: KeyEndList) -> [(Int32, Int)] {
    (0..<ends.count).map { (ends.codes[$0], ends.ends[$0]) }
  }

  @Test("the folded walk reports what each view's own fold and walk report", arguments: [2, 4_096])
  func sameAsSeparateWalks(denseStates: Int) {
    let automaton = Self.automaton(denseStates: denseStates)
    let keeping = TextFolder(stripAccents: false)
    let stripping = TextFolder(stripAccents: true)
    let storage = KeyEndStorage()
    var random = SeededGenerator(seed: 1_414)
    for _ in 0..<4_000 {
      let line = (0..<random.below(24)).flatMap { _ in random.pick(Self.pieces) }
      line.withUnsafeBufferPointer { input in
        for dual in [true, false] {
          let lengths = automaton.walkFolded(
            input, first: keeping.table, into: &storage.first,
            second: dual ? stripping.table : nil, into: &storage.second)
          let first = Self.list(storage.first)
          var expected = automaton.withFeeder { feeder in
            feeder.reset()
            keeping.fold(input, into: &feeder)
            return (feeder.hits.map { ($0.offset, $0.end) }, feeder.position)
          }
          #expect(
            first.elementsEqual(expected.0, by: ==), "\(String(decoding: line, as: UTF8.self))")
          #expect(lengths.first == expected.1)
          guard dual else { continue }
          expected = automaton.withFeeder { feeder in
            feeder.reset()
            stripping.fold(input, into: &feeder)
            return (feeder.hits.map { ($0.offset, $0.end) }, feeder.position)
          }
          let second = Self.list(storage.second)
          #expect(
            second.elementsEqual(expected.0, by: ==), "\(String(decoding: line, as: UTF8.self))")
          #expect(lengths.second == expected.1)
        }
      }
    }
  }

  @Test("a long line grows the key-end lists and keeps every end")
  func longLine() {
    let automaton = Self.automaton(denseStates: 4_096)
    let keeping = TextFolder(stripAccents: false)
    let stripping = TextFolder(stripAccents: true)
    let storage = KeyEndStorage()
    let line = Array(String(repeating: "été e te ", count: 2_000).utf8)
    line.withUnsafeBufferPointer { input in
      let lengths = automaton.walkFolded(
        input, first: keeping.table, into: &storage.first, second: stripping.table,
        into: &storage.second)
      let expected = automaton.withFeeder { feeder in
        feeder.reset()
        stripping.fold(input, into: &feeder)
        return (feeder.hits.map { ($0.offset, $0.end) }, feeder.position)
      }
      #expect(Self.list(storage.second).elementsEqual(expected.0, by: ==))
      #expect(lengths.second == expected.1)
      #expect(storage.first.count > 64)
    }
  }
}
