import Foundation
import Testing

@testable import Tamis

/// The accounting invariant on every dump of the real-page development set, when it sits beside
/// the repository (`../shared/devset`); skipped without it.
@Suite struct DevSetAccountingTests {
  /// `../shared/devset`, found from this file: the repository root's parent.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/devset")

  /// The dev set's dumps: the article containers and the whole pages, by name.
  static let dumps: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".article.txt") || $0.hasSuffix(".page.txt") }
    .sorted()

  @Test(
    "every dev-set dump is accounted for line by line with the built-in rules",
    .enabled(if: !dumps.isEmpty, "no dev set beside the repository"))
  func accounting() throws {
    let cleaner = Cleaner(rules: try RuleSet.builtin())
    for name in Self.dumps {
      let input = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
      for structure in [true, false] {
        let options = CleaningOptions(structure: structure)
        let article = input.withUnsafeBufferPointer {
          cleaner.clean(bytes: $0, source: name, options: options)
        }
        for problem in LineAccounting.problems(article, input: input) {
          Issue.record(Comment(rawValue: "\(name) (structure \(structure)): \(problem)"))
        }
      }
    }
  }
}
