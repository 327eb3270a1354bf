import Foundation
import Testing

@testable import Tamis

/// Runs every example and `keeps:` line of every shipped rule file, and checks that every file
/// parses cleanly and follows the conventions (why, example, keeps, site = file name).
@Suite struct RuleExamplesTests {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The shipped rule files as (path relative to the package root, text).
  static let files: [(path: String, text: String)] = {
    let rules = packageRoot.appendingPathComponent("rules")
    let enumerator = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil)
    var files: [(path: String, text: String)] = []
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "rules" else { continue }
      let relative = String(
        url.standardizedFileURL.path.dropFirst(packageRoot.standardizedFileURL.path.count + 1))
      files.append((relative, (try? String(contentsOf: url, encoding: .utf8)) ?? ""))
    }
    return files.sorted { $0.path < $1.path }
  }()

  static let loaded: Result<RuleSet, RuleSetError> = Result { () throws(RuleSetError) in
    try RuleSet(parsing: files)
  }

  static let checks: [ExampleCheck] = (try? loaded.get()).map(ExampleCheck.all(in:)) ?? []

  /// A Swift Testing location pointing into a rule file.
  static func testingLocation(_ location: Tamis.SourceLocation) -> Testing.SourceLocation {
    Testing.SourceLocation(
      fileID: "tamis/\(location.path)",
      filePath: packageRoot.appendingPathComponent(location.path).path,
      line: location.line, column: location.column ?? 1)
  }

  @Test("every shipped rule file parses without errors or warnings")
  func everyFileParsesCleanly() throws {
    #expect(!Self.files.isEmpty)
    switch Self.loaded {
    case .failure(let error):
      for diagnostic in error.diagnostics {
        let location = diagnostic.location ?? .init(path: "rules", line: 1)
        Issue.record(
          Comment(rawValue: DiagnosticRenderer.render(diagnostic)),
          sourceLocation: Self.testingLocation(location))
      }
    case .success(let rules):
      for warning in rules.warnings {
        let location = warning.location ?? .init(path: "rules", line: 1)
        Issue.record(
          Comment(rawValue: DiagnosticRenderer.render(warning)),
          sourceLocation: Self.testingLocation(location))
      }
    }
  }

  @Test("every example and keeps line of the shipped rules holds", arguments: checks)
  func exampleHolds(_ check: ExampleCheck) {
    for problem in check.run() {
      Issue.record(
        Comment(rawValue: DiagnosticRenderer.render(problem)),
        sourceLocation: Self.testingLocation(problem.location ?? check.location))
    }
  }

  @Test("the rules built into the library are the ones in rules/")
  func builtinRulesMatchTheFolder() {
    let builtin = RuleSet.builtinFiles.map { "\($0.path)\n\($0.text)" }
    let onDisk = Self.files.map { "\($0.path)\n\($0.text)" }
    #expect(builtin == onDisk)
  }

  @Test("every group has an example that fires and a keeps line")
  func everyGroupIsProven() throws {
    let rules = try Self.loaded.get()
    for pack in rules.packs {
      for group in pack.groups {
        #expect(!group.examples.isEmpty, "\(group.id) has no example")
        #expect(!group.keeps.isEmpty, "\(group.id) has no keeps")
        #expect(group.why != nil, "\(group.id) has no why")
      }
    }
  }
}
