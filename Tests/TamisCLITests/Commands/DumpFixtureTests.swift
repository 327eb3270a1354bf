import Foundation
import Testing

@testable import TamisCLI

/// Cleans every dump in `Tests/Fixtures/dumps` with the built-in rules, end to end through the
/// CLI, and compares body and captions with the expected files beside it.
@Suite struct DumpFixtureTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.dumps.path)) ?? []
    return
      names
      .filter {
        $0.hasSuffix(".txt") && !$0.hasSuffix(".body.txt") && !$0.hasSuffix(".captions.txt")
      }
      .map { Case(name: String($0.dropLast(4))) }
      .sorted { $0.name < $1.name }
  }()

  @Test("there are at least ten dumps in French and English")
  func enoughDumps() {
    #expect(Self.cases.count >= 10)
    #expect(Self.cases.contains { $0.name.hasPrefix("fr-") })
    #expect(Self.cases.contains { $0.name.hasPrefix("en-") })
  }

  @Test("each dump gives its expected body and captions", arguments: cases)
  func dumpCleansAsExpected(_ dump: Case) throws {
    let base = TestPaths.dumps.appendingPathComponent(dump.name)
    let expectedBody = try String(
      contentsOf: base.appendingPathExtension("body.txt"), encoding: .utf8)
    let expectedCaptions = try String(
      contentsOf: base.appendingPathExtension("captions.txt"), encoding: .utf8)
    let captionsPath = try TestPaths.temporaryFolder().appendingPathComponent("captions.tsv").path
    let run = CLIRun([base.appendingPathExtension("txt").path, "--captions", captionsPath])
    #expect(run.status == .success)
    #expect(run.errors == "")
    expectEqualLines(run.output, expectedBody, "body of \(dump.name)")
    let captions = try String(contentsOfFile: captionsPath, encoding: .utf8)
    expectEqualLines(captions, expectedCaptions, "captions of \(dump.name)")
  }
}
