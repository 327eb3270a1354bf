import Foundation
import Testing

@testable import Tamis

/// The library snippet in README.md, compiled and run here, so the README cannot drift.
@Suite struct LibrarySnippetTests {
  /// Runs the README snippet and returns what it printed.
  static func snippet() throws -> [String] {
    var printed: [String] = []
    func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
    // README-SNIPPET-BEGIN
    let rules = try RuleSet.builtin()  // or RuleSet(directory:), RuleSet(parsing:source:)
    let cleaner = Cleaner(rules: rules)  // compiles once; immutable, Sendable, share it
    let dump = "Un paragraphe.\n\nPublicité\n\nUne photo. // Source : AFP\n"
    let article = cleaner.clean(dump, source: "dump/0042.txt")
    print(article.body)  // "Un paragraphe."
    for caption in article.captions { print(caption.text, caption.credit) }
    for removal in article.removals { print(removal.line, removal.ruleID, removal.rule) }
    // README-SNIPPET-END
    return printed
  }

  @Test("the README snippet runs and cleans its dump")
  func snippetRuns() throws {
    let printed = try Self.snippet()
    #expect(printed.first == "Un paragraphe.")
    #expect(printed.contains("Une photo. AFP"))
    #expect(printed.contains { $0.hasPrefix("3 ") })
  }

  @Test("README.md holds exactly the snippet this test runs")
  func readmeMatchesSnippet() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    let readme = try String(
      contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = try #require(source.range(of: "    // README-SNIPPET-BEGIN\n"))
    let end = try #require(source.range(of: "    // README-SNIPPET-END"))
    let lines = source[begin.upperBound..<end.lowerBound].split(separator: "\n")
      .map { $0.dropFirst(4) }.joined(separator: "\n")
    #expect(readme.contains("```swift\nimport Tamis\n\n" + lines + "\n```"))
  }
}
