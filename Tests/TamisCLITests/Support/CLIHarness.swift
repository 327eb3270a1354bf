import Foundation
import Testing

@testable import TamisCLI

/// Runs tamis in-process with memory streams.
struct CLIRun {
  let status: ExitCode
  let output: String
  let errors: String

  /// Runs `tamis arguments…` with `input` on stdin and `environment` as the environment.
  init(_ arguments: [String], input: String = "", environment: [String: String] = [:]) {
    let output = MemorySink()
    let errors = MemorySink()
    let bytes = Array(input.utf8)
    let streams = Streams(output: output, errors: errors, readInput: { bytes })
    self.status = TamisCommand.run(arguments, streams: streams, environment: environment)
    self.output = output.text
    self.errors = errors.text
  }
}

/// Paths shared by the CLI tests.
enum TestPaths {
  /// The package root, from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `Tests/Fixtures/dumps`.
  static let dumps = packageRoot.appendingPathComponent("Tests/Fixtures/dumps")

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("tamis-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `text` to a new file in a fresh folder and returns its path.
  static func file(named name: String, _ text: String) throws -> String {
    let url = try temporaryFolder().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

/// Compares two texts line by line and records a readable diff on failure.
func expectEqualLines(
  _ actual: String, _ expected: String, _ comment: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let a = actual.components(separatedBy: "\n")
  let e = expected.components(separatedBy: "\n")
  var diff: [String] = []
  for index in 0..<max(a.count, e.count) {
    let left = index < e.count ? e[index] : "<none>"
    let right = index < a.count ? a[index] : "<none>"
    if left != right { diff.append("line \(index + 1):\n  - \(left)\n  + \(right)") }
  }
  Issue.record(
    Comment(rawValue: "\(comment)\n" + diff.prefix(10).joined(separator: "\n")),
    sourceLocation: sourceLocation)
}
