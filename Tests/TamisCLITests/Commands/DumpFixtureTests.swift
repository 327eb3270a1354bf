import Foundation
import Testing

@testable import TamisCLI

/// Cleans every dump in `Tests/Fixtures/dumps` with the built-in rules, end to end through the
/// CLI, and compares body and captions with the expected files beside it.
@Suite struct DumpFixtureTests {
  struct Case: Sendable, CustomTestStringConvertible {
    /// The dump's path without `.txt`, relative to `Tests/Fixtures`.
    let name: String
    var testDescription: String { name }
  }

  /// Every dump under `Tests/Fixtures/dumps`. (The gold set is scored by `GoldSetTests`, which
  /// allows misses within floors; these must come out exactly.)
  static let cases: [Case] = {
    let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures")
    var found: [Case] = []
    for folder in ["dumps"] {
      let root = fixtures.appendingPathComponent(folder)
      let enumerator = FileManager.default.enumerator(atPath: root.path)
      while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".txt"), !path.hasSuffix(".body.txt"),
          !path.hasSuffix(".captions.txt")
        else { continue }
        found.append(Case(name: folder + "/" + String(path.dropLast(4))))
      }
    }
    return found.sorted { $0.name < $1.name }
  }()

  @Test("there are at least ten dumps in French and English")
  func enoughDumps() {
    #expect(Self.cases.count >= 10)
    #expect(Self.cases.contains { $0.name.hasPrefix("dumps/fr-") })
    #expect(Self.cases.contains { $0.name.hasPrefix("dumps/en-") })
  }

  @Test("each dump gives its expected body and captions", arguments: cases)
  func dumpCleansAsExpected(_ dump: Case) throws {
    let base = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/" + dump.name)
    let expectedBody = try String(
      contentsOf: base.appendingPathExtension("body.txt"), encoding: .utf8)
    let expectedCaptions = try String(
      contentsOf: base.appendingPathExtension("captions.txt"), encoding: .utf8)
    let captionsPath = try TestPaths.temporaryFolder().appendingPathComponent("captions.tsv").path
    let run = CLIRun([base.appendingPathExtension("txt").path, "--captions", captionsPath])
    #expect(run.status == .success)
    #expect(run.errors == "")
    expectEqualLines(run.output, expectedBody, "body of \(dump.name)")
    // The captions file starts each line with the document's name; the fixtures hold the rest.
    let input = base.appendingPathExtension("txt").path
    let captions = try String(contentsOfFile: captionsPath, encoding: .utf8)
    expectEqualLines(
      captions.replacingOccurrences(of: input + "\t", with: ""), expectedCaptions,
      "captions of \(dump.name)")
    #expect(captions.split(separator: "\n").allSatisfy { $0.hasPrefix(input + "\t") })
  }
}
