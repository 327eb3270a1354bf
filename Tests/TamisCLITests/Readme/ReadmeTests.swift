import Foundation
import Tamis
import Testing

/// The README says what tamis does; these tests keep its tables and citations from going stale
/// (issue 16). The command samples are run and compared by `Tests/Readme/samples.py`, which
/// `.ci/run` runs after the release build.
///
/// - The table of shipped packs is generated from `rules/` (`PackTable.markdown`), and must list
///   exactly the files of the folder.
/// - Every `path:line:col` a README sample cites is a rule's action line in that file.
@Suite struct ReadmeTests {
  static let readme: String = {
    let url = TestPaths.packageRoot.appendingPathComponent("README.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// The `rules/` files, relative to the package root, sorted.
  static func ruleFiles() -> [String] {
    let root = TestPaths.packageRoot.appendingPathComponent("rules").path
    let enumerator = FileManager.default.enumerator(atPath: root)
    var found: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".rules") { found.append("rules/" + path) }
    }
    return found.sorted()
  }

  /// The pack table, from the built-in rules: file, language, title (and hosts for a site).
  static func packTable() throws -> String {
    let packs = try RuleSet.builtin().packs.sorted { $0.path < $1.path }
    var lines = ["| file | lang | what |", "| --- | --- | --- |"]
    for pack in packs {
      var what = pack.title
      if case .site(let hosts) = pack.scope { what += " (\(hosts.joined(separator: ", ")))" }
      lines.append("| `\(pack.path)` | \(pack.language ?? "any") | \(what) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("the README's table of shipped packs is the one generated from rules/")
  func packTableMatches() throws {
    let table = try Self.packTable()
    let start = try #require(Self.readme.range(of: "<!-- packs: generated -->\n"))
    let end = try #require(
      Self.readme.range(of: "<!-- end packs -->", range: start.upperBound..<Self.readme.endIndex))
    let written = String(Self.readme[start.upperBound..<end.lowerBound])
    expectEqualLines(written, table, "paste this table into README.md:\n\(table)")
  }

  @Test("the pack table lists exactly the files of rules/")
  func packTableMatchesFolder() throws {
    let listed = try Self.packTable().split(separator: "\n").compactMap { line -> String? in
      guard let open = line.firstIndex(of: "`") else { return nil }
      let rest = line[line.index(after: open)...]
      return rest.firstIndex(of: "`").map { String(rest[..<$0]) }
    }
    #expect(listed == Self.ruleFiles())
    #expect(listed.count == 37)
  }

  @Test("every rule location the README cites is a rule's action line, with its id")
  func citedRulesExist() throws {
    let rules = try RuleSet.builtin().packs.flatMap(\.rules)
    let actions = Dictionary(
      rules.map { ($0.location.description, $0.id) }, uniquingKeysWith: { first, _ in first })
    // `# ID ACTION rules/…:LINE:COL`, as --explain and --diff print them.
    let pattern = #/([a-z0-9-]+) [a-z-]+ (rules/[a-z0-9./-]+\.rules:[0-9]+:[0-9]+)/#
    var cited = 0
    for match in Self.readme.matches(of: pattern) {
      let location = String(match.2)
      #expect(actions[location] == String(match.1), "the README cites '\(match.0)'")
      cited += 1
    }
    #expect(cited > 0)
  }
}
