import Testing

@testable import Tamis

/// `AccountingTests` over dumps given as bytes, with what crawls hold that a Swift string cannot
/// (invalid UTF-8) and the rest of the torture classes (byte-order marks, CR and CRLF line ends,
/// NUL bytes, blank-only dumps): every line has one outcome, and the body is the input's own
/// bytes, line by line, in input order. And a large dump gives the same article scanned on one
/// thread or two.
@Suite struct ByteAccountingTests {
  static let oddPieces: [[UInt8]] = [
    [0xE9], [0xC3], [0xFF, 0xFE], [0x80], [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF], [0x00],
    Array("\u{FFFD}".utf8), Array("\u{200B}".utf8),
  ]

  /// A generated dump (AccountingTests' words) with odd bytes mixed in, as bytes and lines.
  static func dump(_ generator: inout SeededGenerator) -> (bytes: [UInt8], terminator: [UInt8]) {
    let base = AccountingTests.dump(&generator)
    let terminator = Array(base.terminator.utf8)
    var bytes: [UInt8] = generator.chance(20) ? [0xEF, 0xBB, 0xBF] : []
    for (index, line) in base.lines.enumerated() {
      var lineBytes = Array(line.utf8)
      if generator.chance(30), !lineBytes.isEmpty {
        let at = generator.below(lineBytes.count + 1)
        lineBytes.insert(contentsOf: generator.pick(oddPieces), at: at)
      }
      bytes += lineBytes
      if index < base.lines.count - 1 || base.finalTerminator { bytes += terminator }
    }
    return (bytes, terminator)
  }

  /// The bytes the engine keeps of a body line: white space trimmed at both ends (and a
  /// byte-order mark at the start).
  static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    // The Unicode White_Space scalars, as UTF-8; a byte-order mark is trimmed at the start only.
    let spaces: [UInt32] =
      [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200A)
      + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
    let trailing = spaces.compactMap(Unicode.Scalar.init).map { Array(String($0).utf8) }
    let leading = trailing + [[0xEF, 0xBB, 0xBF]]
    var changed = true
    while changed {
      changed = false
      for space in leading where slice.starts(with: space) {
        slice = slice.dropFirst(space.count)
        changed = true
      }
      for space in trailing where slice.reversed().starts(with: space.reversed()) {
        slice = slice.dropLast(space.count)
        changed = true
      }
    }
    return slice
  }

  /// True when `part`, spaces aside, is `whole` with some bytes left out, in order.
  static func isSubsequence(_ part: some Collection<UInt8>, of whole: some Collection<UInt8>)
    -> Bool
  {
    var iterator = whole.makeIterator()
    for byte in part where byte != 0x20 {
      var found = false
      while let next = iterator.next() {
        if next == byte {
          found = true
          break
        }
      }
      if !found { return false }
    }
    return true
  }

  @Test(
    "every line of a byte dump is accounted for once; body bytes are the input's",
    arguments: 0..<100)
  func accounting(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed) &* 104_729 &+ 3)
    let rules = try RuleSet(
      parsing: [("generic.rules", AccountingTests.ruleFile(&generator, pack: 0, site: nil))])
    let cleaner = Cleaner(rules: rules)
    for _ in 0..<4 {
      let bytes = Self.dump(&generator).bytes
      let article = bytes.withUnsafeBufferPointer { cleaner.clean(bytes: $0, source: "d.txt") }
      let lines = bytes.withUnsafeBufferPointer { LineIndex($0).lines }
      try #require(article.outcomes.count == lines.count)
      let body = article.bodyBytes
      var bodyLines: [ArraySlice<UInt8>] = []
      var start = 0
      var index = 0
      // Split the body at its terminators (paragraph breaks are two of them).
      while index <= body.count {
        if index == body.count || body[index...].starts(with: article.lineTerminator.utf8) {
          if index > start || index < body.count { bodyLines.append(body[start..<index]) }
          index += index == body.count ? 1 : article.lineTerminator.utf8.count
          start = index
        } else {
          index += 1
        }
      }
      bodyLines.removeAll { $0.isEmpty }
      var next = 0
      for (number, outcome) in article.outcomes.enumerated() {
        let content = bytes[lines[number].content]
        switch outcome {
        case .blank:
          #expect(Array(content).withUnsafeBufferPointer(Whitespace.isBlank), "line \(number + 1)")
        case .body:
          guard next < bodyLines.count else {
            Issue.record("line \(number + 1) missing from the body")
            continue
          }
          #expect(bodyLines[next] == Self.trimmed(content), "line \(number + 1)")
          next += 1
        case .stripped:
          guard next < bodyLines.count else {
            Issue.record("line \(number + 1) missing from the body")
            continue
          }
          #expect(Self.isSubsequence(bodyLines[next], of: content), "line \(number + 1)")
          next += 1
        case .caption, .removed: break
        }
      }
      #expect(next == bodyLines.count, "body lines no outcome accounts for")
      #expect(article.rawBody == nil || !body.withUnsafeBufferPointer(TextCheck.isValidUTF8))
    }
  }

  @Test("a large dump gives the same article scanned with one job or two", arguments: 0..<2)
  func jobs(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed) &+ 77)
    let rules = try RuleSet(
      parsing: [("generic.rules", AccountingTests.ruleFile(&generator, pack: 0, site: nil))])
    let cleaner = Cleaner(rules: rules)
    var bytes: [UInt8] = []
    while bytes.count < Settings.parallelScanBytes + 100_000 {
      bytes += Self.dump(&generator).bytes + [0x0A]
    }
    let one = bytes.withUnsafeBufferPointer {
      cleaner.clean(bytes: $0, source: "d.txt", options: .init(jobs: 1))
    }
    let two = bytes.withUnsafeBufferPointer {
      cleaner.clean(bytes: $0, source: "d.txt", options: .init(jobs: 2))
    }
    #expect(one == two)
  }
}
