import Testing

/// Expects two texts to be equal scalar for scalar; on failure, records a line diff.
///
/// The diff marks lines only in `expected` with `-` and lines only in `actual` with `+`.
/// Invisible characters (NBSP, zero-width, combining marks, CR) are shown as `\u{…}` so that
/// lines which merely look alike can be told apart.
func expectEqualLines(
  _ actual: String, _ expected: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  guard !Array(actual.unicodeScalars).elementsEqual(expected.unicodeScalars) else { return }
  let actualLines = LineDiff.lines(actual)
  let expectedLines = LineDiff.lines(expected)
  var report = LineDiff.render(expected: expectedLines, actual: actualLines)
  if actualLines == expectedLines { report += "\n(only the line terminators differ)" }
  Issue.record(Comment(rawValue: "texts differ:\n" + report), sourceLocation: sourceLocation)
}

/// Expects two lists of lines to be equal scalar for scalar; on failure, records a line diff.
func expectEqualLines(
  _ actual: [String], _ expected: [String],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let same =
    actual.count == expected.count
    && zip(actual, expected).allSatisfy { Array($0.unicodeScalars) == Array($1.unicodeScalars) }
  guard !same else { return }
  let report = LineDiff.render(
    expected: expected.map(LineDiff.visible), actual: actual.map(LineDiff.visible))
  Issue.record(Comment(rawValue: "lines differ:\n" + report), sourceLocation: sourceLocation)
}

/// A minimal longest-common-subsequence line diff, for test failure messages only.
enum LineDiff {
  /// The lines of `text`, split at `\n` (a `\r` before it is kept and shown), made visible.
  static func lines(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      visible(String(String.UnicodeScalarView($0)))
    }
  }

  /// `text` with invisible and combining scalars written as `\u{…}`.
  static func visible(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let printable =
        (0x20..<0x7F).contains(value)
        || (value >= 0xA1 && scalar.properties.generalCategory != .nonspacingMark
          && scalar.properties.generalCategory != .format
          && scalar.properties.generalCategory != .spaceSeparator)
      if printable {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// The diff of two line lists: `  ` common, `- ` expected only, `+ ` actual only.
  static func render(expected: [String], actual: [String]) -> String {
    let n = expected.count
    let m = actual.count
    // common[i][j]: length of the longest common subsequence of expected[i...] and actual[j...].
    var common = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        common[i][j] =
          expected[i] == actual[j]
          ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
      }
    }
    var output: [String] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, expected[i] == actual[j] {
        output.append("  " + expected[i])
        i += 1
        j += 1
      } else if j < m, i == n || common[i][j + 1] >= common[i + 1][j] {
        output.append("+ " + actual[j])
        j += 1
      } else {
        output.append("- " + expected[i])
        i += 1
      }
    }
    return output.joined(separator: "\n")
  }
}
