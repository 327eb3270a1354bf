import Testing

@testable import Tamis

/// `RuleSetLoad`: every error of every file, and the rule set of the files without errors, so
/// `tamis check` can lint and run the good files in the run that reports the bad ones.
@Suite struct RuleSetLoadTests {
  /// The action lines of a group with a typo on its second line (line 6, column 3).
  static let typo = """
    drop-line: equals "Pub"
      drop-lien: equals "Pub"
    """

  /// A one-group pack with id `id`, its action lines written as `action`.
  static func pack(_ id: String, action: String = #"drop-line: equals "Pub""#) -> String {
    """
    title: T
    lang: fr
    group: \(id)
      why: test
      \(action)
      example: the marker goes
        in: Pub
      keeps: La pub recule.
    """
  }

  @Test("a file with a parse error is left out; the others load")
  func parseErrorLeavesTheFileOut() throws {
    let files = [
      (path: "a.rules", text: Self.pack("a-pub")),
      (path: "b.rules", text: Self.pack("b-pub", action: Self.typo)),
      (path: "c.rules", text: Self.pack("c-pub")),
    ]
    let load = RuleSetLoad(parsing: files)
    #expect(load.rules.packs.map(\.path) == ["a.rules", "c.rules"])
    #expect(load.paths == ["a.rules", "b.rules", "c.rules"])
    #expect(load.errors.map(\.location) == [SourceLocation(path: "b.rules", line: 6, column: 3)])
    #expect(throws: RuleSetError(diagnostics: load.errors)) { try RuleSet(parsing: files) }
  }

  @Test("a group id defined again in another file leaves that file out, and is reported")
  func duplicateLeavesTheSecondFileOut() throws {
    let load = RuleSetLoad(
      parsing: [
        (path: "a.rules", text: Self.pack("x-pub")),
        (path: "b.rules", text: Self.pack("x-pub")),
        (path: "c.rules", text: Self.pack("c-pub")),
      ])
    #expect(load.rules.packs.map(\.path) == ["a.rules", "c.rules"])
    #expect(load.errors.map(\.location?.path) == ["b.rules"])
  }

  @Test("a parse error and a duplicate id in other files come in one round")
  func parseAndDuplicateErrorsTogether() throws {
    let base = try RuleSet(parsing: Self.pack("x-pub"), source: "base.rules")
    let load = RuleSetLoad(
      parsing: [
        (path: "a.rules", text: Self.pack("a-pub", action: Self.typo)),
        (path: "b.rules", text: Self.pack("x-pub")),
      ], after: base)
    #expect(load.errors.map(\.location?.path) == ["a.rules", "b.rules"])
    #expect(load.rules.packs.map(\.path) == ["base.rules"])
    #expect(load.paths == ["base.rules", "a.rules", "b.rules"])
  }

  @Test("without errors the load is the whole rule set")
  func cleanLoad() throws {
    let files = [
      (path: "a.rules", text: Self.pack("a-pub")), (path: "b.rules", text: Self.pack("b-pub")),
    ]
    let load = RuleSetLoad(parsing: files)
    #expect(load.errors.isEmpty)
    #expect(load.rules == (try RuleSet(parsing: files)))
  }
}
