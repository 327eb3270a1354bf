@testable import Tamis

/// The accounting invariant of `CleanedArticle` on a dump given as bytes, for dumps too large or
/// too many to generate (hostile inputs, the dev set): every input line has one `LineOutcome`; a
/// blank line is `.blank`; a body line is the input line itself (white space trimmed), in input
/// order; a removed line is the input line, removed by a named rule at its own line number;
/// every removal and caption is named by an outcome.
enum LineAccounting {
  /// The input's lines as byte ranges, split at `\n`, `\r\n` and `\r` as the engine splits them:
  /// a final terminator ends the last line and starts none.
  static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        lines.append(start..<index)
        index += 1
        start = index
      case 0x0D:
        lines.append(start..<index)
        index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        start = index
      default:
        index += 1
      }
    }
    if start < bytes.count { lines.append(start..<bytes.count) }
    return lines
  }

  /// What breaks the invariant in `article`, cleaned from `input`; empty when it holds. At most
  /// `limit` problems are listed.
  static func problems(_ article: CleanedArticle, input: [UInt8], limit: Int = 5) -> [String] {
    var problems: [String] = []
    func report(_ problem: String) {
      if problems.count < limit { problems.append(problem) }
    }
    let lines = lines(input)
    guard article.outcomes.count == lines.count else {
      return ["\(article.outcomes.count) outcomes for \(lines.count) lines"]
    }
    let terminator = Array(article.lineTerminator.utf8)
    let bodyLines = split(article.bodyBytes, at: terminator)
    var bodyIndex = 0
    var usedRemovals = 0
    for (index, outcome) in article.outcomes.enumerated() {
      let content = trimmed(input[lines[index]])
      // Blank as documented: spaces, invisible characters (a lone soft hyphen) and BOMs only.
      let isBlank = input[lines[index]].withUnsafeBufferPointer(Whitespace.isBlank)
      if isBlank, outcome != .blank { report("blank line \(index + 1) has outcome \(outcome)") }
      switch outcome {
      case .blank:
        if !isBlank { report("line \(index + 1) is not blank but has outcome .blank") }
      case .body, .stripped:
        guard bodyIndex < bodyLines.count else {
          report("line \(index + 1) is missing from the body")
          continue
        }
        if case .body = outcome, !trimmed(bodyLines[bodyIndex]).elementsEqual(content) {
          report("body line \(bodyIndex + 1) is not input line \(index + 1)")
        }
        if case .stripped(let removals) = outcome { usedRemovals += removals.count }
        bodyIndex += 1
      case .caption(let caption):
        if !article.captions.indices.contains(caption) {
          report("line \(index + 1) names caption \(caption), which does not exist")
        }
      case .removed(let removal):
        usedRemovals += 1
        guard article.removals.indices.contains(removal) else {
          report("line \(index + 1) names removal \(removal), which does not exist")
          continue
        }
        let record = article.removals[removal]
        if record.ruleID.isEmpty { report("line \(index + 1) was removed by no rule") }
        if record.line != index + 1 {
          report("line \(index + 1) is recorded as removed at line \(record.line)")
        }
        if !trimmed(Array(record.text.utf8)[...]).elementsEqual(content) {
          report("removal \(removal) is not the text of line \(index + 1)")
        }
      }
    }
    if bodyIndex != bodyLines.count {
      report("the body has \(bodyLines.count) lines, the outcomes \(bodyIndex)")
    }
    if usedRemovals != article.removals.count {
      report("\(article.removals.count) removals, \(usedRemovals) of them named by outcomes")
    }
    return problems
  }

  /// The line's scalars (invalid UTF-8 as U+FFFD, as the result's strings show it) without
  /// white space at either end and a byte-order mark at the start.
  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
    let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    var lower = 0
    var upper = scalars.count
    while lower < upper, scalars[lower].properties.isWhitespace || scalars[lower] == "\u{FEFF}" {
      lower += 1
    }
    while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
    return Array(scalars[lower..<upper])
  }

  /// The non-empty pieces of `bytes` between `separator`s.
  private static func split(_ bytes: [UInt8], at separator: [UInt8]) -> [ArraySlice<UInt8>] {
    guard !bytes.isEmpty, !separator.isEmpty else { return bytes.isEmpty ? [] : [bytes[...]] }
    var pieces: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count {
      if bytes[index..<(index + separator.count)].elementsEqual(separator) {
        if start < index { pieces.append(bytes[start..<index]) }
        index += separator.count
        start = index
      } else {
        index += 1
      }
    }
    if start < bytes.count { pieces.append(bytes[start..<bytes.count]) }
    return pieces
  }
}
