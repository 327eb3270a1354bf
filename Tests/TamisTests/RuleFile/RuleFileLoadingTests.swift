import Foundation
import Testing

@testable import Tamis

/// Loading rule files from disk: every problem names the file, and the line and column when
/// there is one (issue 15).
@Suite struct RuleFileLoadingTests {
  /// A valid one-group pack; `line6` is its sixth line.
  static func pack(line6: [UInt8] = Array("  drop-line: equals \"Publicité\"".utf8)) -> [UInt8] {
    Array(
      """
      title: Loading test
      lang: any

      group: loading-test
        why: test

      """.utf8) + line6
      + Array(
        """

          example: e
            in: Publicité
          keeps: La publicité recule.

        """.utf8)
  }

  /// The diagnostics loading `urls` throws, or none.
  static func diagnostics(_ urls: [URL], after base: RuleSet = .empty) -> [Diagnostic] {
    do {
      _ = try RuleSet(contentsOf: urls, after: base)
      return []
    } catch {
      return error.diagnostics
    }
  }

  struct InvalidUTF8Case: Sendable, CustomTestStringConvertible {
    let name: String
    let prefix: String
    let column: Int
    var testDescription: String { name }
  }

  static let invalidUTF8Cases: [InvalidUTF8Case] = [
    InvalidUTF8Case(name: "after ASCII", prefix: "  drop-line: equals \"caf", column: 25),
    InvalidUTF8Case(name: "after an accent", prefix: "  drop-line: equals \"é", column: 23),
    InvalidUTF8Case(name: "after a decomposed accent", prefix: "  keeps: e\u{301}", column: 11),
    InvalidUTF8Case(name: "after an emoji", prefix: "  keeps: 👍🏽 ", column: 12),
  ]

  @Test("invalid UTF-8 is reported at its line and column", arguments: invalidUTF8Cases)
  func invalidUTF8Located(_ test: InvalidUTF8Case) throws {
    let url = try Self.write(Self.pack(line6: Array(test.prefix.utf8) + [0xE9, 0x22]))
    #expect(
      Self.diagnostics([url]) == [
        Diagnostic(
          .error, at: SourceLocation(path: url.path, line: 6, column: test.column),
          .ruleFile(.invalidUTF8(byte: 0xE9)))
      ])
  }

  @Test("a byte-order mark is accepted, in a file and in the string form")
  func byteOrderMarkAccepted() throws {
    let url = try Self.write([0xEF, 0xBB, 0xBF] + Self.pack())
    let withMark = try RuleSet(contentsOf: [url])
    let plain = try RuleSet(parsing: String(decoding: Self.pack(), as: UTF8.self), source: url.path)
    #expect(withMark == plain)
    let parsed = try RuleSet(
      parsing: "\u{FEFF}" + String(decoding: Self.pack(), as: UTF8.self), source: url.path)
    #expect(parsed == plain)
  }

  @Test("a folder named like a rule file is named as a folder")
  func folderNamedLikeRuleFile() throws {
    let root = try Self.folder()
    try Data(Self.pack()).write(to: root.appendingPathComponent("good.rules"))
    let folder = root.appendingPathComponent("odd.rules")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    #expect(
      Self.diagnostics([root]) == [
        Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: folder.path, kind: .folder)))
      ])
  }

  @Test("a device is named as a device, not read")
  func deviceRefused() {
    let url = URL(fileURLWithPath: "/dev/zero")
    #expect(
      Self.diagnostics([url]) == [
        Diagnostic(.error, at: nil, .ruleFile(.notARuleFile(path: "/dev/zero", kind: .device)))
      ])
  }

  @Test("a link loop is named as a loop, given directly or found in a folder")
  func linkLoop() throws {
    let root = try Self.folder()
    let loop = root.appendingPathComponent("loop.rules").path
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.rules")
    let expected = [
      Diagnostic(
        .error, at: nil,
        .ruleFile(.unreadable(path: loop, reason: "too many levels of symbolic links")))
    ]
    #expect(Self.diagnostics([URL(fileURLWithPath: loop)]) == expected)
    #expect(Self.diagnostics([root]) == expected)
  }

  @Test("a missing path is named")
  func missingPath() throws {
    let missing = try Self.folder().appendingPathComponent("missing.rules")
    #expect(
      Self.diagnostics([missing]) == [
        Diagnostic(
          .error, at: nil,
          .ruleFile(.unreadable(path: missing.path, reason: "no such file or folder")))
      ])
  }

  @Test("too many rules is reported at the first rule over the limit, in its file")
  func tooManyRulesLocated() throws {
    let base = try RuleSet(parsing: String(decoding: Self.pack(), as: UTF8.self), source: "base")
    let first = Settings.ruleLimit / 2
    let second = Settings.ruleLimit - first
    func many(_ count: Int, id: String) -> [UInt8] {
      var text = "title: Many\nlang: any\ngroup: \(id)\n  why: test\n"
      for index in 0..<count { text += "  drop-line: equals \"p\(index)\"\n" }
      text += "  example: e\n    in: p0\n  keeps: q\n"
      return Array(text.utf8)
    }
    let a = try Self.write(many(first, id: "many-a"), name: "a.rules")
    let b = try Self.write(many(second, id: "many-b"), name: "b.rules")
    // After the base pack's one rule, b's last rule is one over the limit (the merge).
    let atLastRuleOfB = SourceLocation(path: b.path, line: 4 + second, column: 3)
    #expect(
      Self.diagnostics([a, b], after: base) == [
        Diagnostic(.error, at: atLastRuleOfB, .ruleFile(.tooManyRules(limit: Settings.ruleLimit)))
      ])
    // A third file's one rule is over the limit of the files alone (the parse).
    let c = try Self.write(many(1, id: "many-c"), name: "c.rules")
    #expect(
      Self.diagnostics([a, b, c]) == [
        Diagnostic(
          .error, at: SourceLocation(path: c.path, line: 5, column: 3),
          .ruleFile(.tooManyRules(limit: Settings.ruleLimit)))
      ])
  }

  // MARK: - Helpers

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("tamis-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ bytes: [UInt8], name: String = "t.rules") throws -> URL {
    let url = try folder().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }
}
