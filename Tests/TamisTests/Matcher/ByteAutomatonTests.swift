import Testing

@testable import Tamis

/// The multi-key automaton finds exactly the occurrences a naive search finds.
@Suite struct ByteAutomatonTests {
  /// One occurrence: which key, and the offset just past it.
  struct Hit: Hashable, Comparable, CustomStringConvertible {
    let key: Int
    let end: Int
    static func < (a: Hit, b: Hit) -> Bool { (a.end, a.key) < (b.end, b.key) }
    var description: String { "\(key)@\(end)" }
  }

  /// Every occurrence of every key, found by the automaton, in reporting order.
  static func scan(
    _ keys: [[UInt8]], _ text: [UInt8], denseStates: Int = ByteAutomaton.defaultDenseStates
  ) -> [Hit] {
    let automaton = ByteAutomaton(keys: keys, denseStates: denseStates)
    var hits: [Hit] = []
    text.withUnsafeBufferPointer { buffer in
      automaton.scan(buffer) { key, end in hits.append(Hit(key: key, end: end)) }
    }
    return hits
  }

  /// Every occurrence of every non-empty key, by trying each key at each offset.
  static func naive(_ keys: [[UInt8]], _ text: [UInt8]) -> [Hit] {
    var hits: [Hit] = []
    for (index, key) in keys.enumerated() where !key.isEmpty && key.count <= text.count {
      for start in 0...(text.count - key.count)
      where text[start..<start + key.count].elementsEqual(key) {
        hits.append(Hit(key: index, end: start + key.count))
      }
    }
    return hits.sorted()
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// Keys and a text whose occurrences are listed by hand.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let keys: [String]
    let text: String
    let hits: [(key: Int, end: Int)]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "one key, twice", keys: ["pub"], text: "pub et pub", hits: [(0, 3), (0, 10)]),
    Case(
      name: "overlapping occurrences of one key", keys: ["aa"], text: "aaaa",
      hits: [(0, 2), (0, 3), (0, 4)]),
    Case(
      name: "a key that is a suffix of another", keys: ["lire aussi", "aussi"],
      text: "a lire aussi", hits: [(0, 12), (1, 12)]),
    Case(
      name: "a key that is a prefix of another", keys: ["lire", "lire aussi"],
      text: "lire aussi", hits: [(0, 4), (1, 10)]),
    Case(
      name: "the classic he/she/his/hers set", keys: ["he", "she", "his", "hers"],
      text: "ushers", hits: [(1, 4), (0, 4), (3, 6)]),
    Case(
      name: "a key inside another, found through the failure link", keys: ["abcd", "bc"],
      text: "xabcx", hits: [(1, 4)]),
    Case(
      name: "duplicate keys are both reported", keys: ["afp", "afp"], text: "(afp)",
      hits: [(0, 4), (1, 4)]),
    Case(
      name: "an empty key is never reported", keys: ["", "a"], text: "aa", hits: [(1, 1), (1, 2)]),
    Case(name: "multi-byte keys", keys: ["é", "lé"], text: "élé", hits: [(0, 2), (0, 5), (1, 5)]),
    Case(name: "no key at all", keys: [], text: "abc", hits: []),
    Case(name: "an empty text", keys: ["a"], text: "", hits: []),
  ]

  @Test("each case reports exactly its occurrences", arguments: cases)
  func handCases(_ c: Case) {
    let keys = c.keys.map(Self.bytes)
    // With every state dense, with only the root dense, and with a few dense states.
    for dense in [ByteAutomaton.defaultDenseStates, 1, 3] {
      let found = Self.scan(keys, Self.bytes(c.text), denseStates: dense)
      #expect(found.sorted() == c.hits.map { Hit(key: $0.key, end: $0.end) }.sorted())
      #expect(found.map(\.end) == found.map(\.end).sorted(), "reported in order of end offset")
    }
  }

  /// A small alphabet, so keys overlap and share prefixes and suffixes often; `é` and `’`
  /// bring multi-byte sequences whose bytes are shared between keys.
  static let alphabet: [String] = ["a", "b", "c", " ", "é", "’", "x"]

  static func randomString(_ generator: inout SeededGenerator, maxLength: Int) -> [UInt8] {
    let length = generator.below(maxLength + 1)
    return (0..<length).flatMap { _ in Self.bytes(generator.pick(alphabet)) }
  }

  @Test(
    "the automaton agrees with a naive search on generated keys and texts",
    arguments: 0..<40)
  func agreesWithNaiveSearch(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    let keyCount = 1 + generator.below(seed < 20 ? 6 : 300)
    var keys: [[UInt8]] = []
    for _ in 0..<keyCount {
      let key = Self.randomString(&generator, maxLength: 6)
      keys.append(key)
      // Re-use suffixes and prefixes of earlier keys now and then.
      if generator.chance(30), key.count > 1 {
        keys.append(Array(key.dropFirst(1 + generator.below(key.count - 1))))
      }
      if generator.chance(20), key.count > 1 {
        keys.append(Array(key.prefix(1 + generator.below(key.count - 1))))
      }
    }
    // Dense rows for all states, for the root alone, and for a shallow part of the trie.
    let denseCounts = [ByteAutomaton.defaultDenseStates, 1, 1 + generator.below(40)]
    for _ in 0..<5 {
      let text = Self.randomString(&generator, maxLength: 200)
      for dense in denseCounts {
        let found = Self.scan(keys, text, denseStates: dense)
        #expect(found.sorted() == Self.naive(keys, text), "dense states: \(dense)")
        #expect(found.map(\.end) == found.map(\.end).sorted())
      }
    }
  }

  @Test("all 256 byte values can be keys")
  func everyByte() {
    let keys = (0...255).map { [UInt8($0)] }
    let text = (0...255).reversed().map { UInt8($0) } + [0x00, 0xFF]
    #expect(Self.scan(keys, text).sorted() == Self.naive(keys, text))
    #expect(Self.scan(keys, text, denseStates: 1).sorted() == Self.naive(keys, text))
  }

  @Test("the code decoder turns every recorded code into the state state(atRow:) gives")
  func codeDecoder() {
    let keys = ["he", "she", "his", "hers", "s", "ushers"].map(Self.bytes)
    let text = Self.bytes("ushers say she hushes his hers")
    for dense in [1, 2, 3, 5, ByteAutomaton.defaultDenseStates] {
      let automaton = ByteAutomaton(keys: keys, denseStates: dense)
      let decoder = automaton.codeDecoder
      let codes: [Int32] = text.withUnsafeBufferPointer { buffer in
        automaton.withFeeder { feeder in
          for byte in buffer { feeder.emit(byte, from: 0, to: 0) }
          return feeder.hits.map(\.offset)
        }
      }
      #expect(codes.count == Set(Self.naive(keys, text).map(\.end)).count)
      for code in codes {
        #expect(decoder.state(code) == automaton.state(atRow: code), "dense \(dense), code \(code)")
      }
    }
  }

  @Test("key lengths are recorded in key order")
  func keyLengths() {
    #expect(ByteAutomaton(keys: [[1, 2, 3], [], [4]]).keyLengths == [3, 0, 1])
  }
}
