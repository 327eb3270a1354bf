import Foundation
import Testing

@testable import TamisCLI

/// The user's rules folder (`$XDG_CONFIG_HOME/tamis/rules`, else `~/.config/tamis/rules`): a
/// pack written there works with an installed binary (issue 16).
@Suite struct UserRulesTests {
  /// A config folder whose `tamis/rules/sites/example.com.rules` drops one line.
  static func configFolder() throws -> URL {
    let config = try TestPaths.temporaryFolder()
    let sites = config.appendingPathComponent("tamis/rules/sites")
    try FileManager.default.createDirectory(at: sites, withIntermediateDirectories: true)
    try Data(
      """
      title: Example News
      lang: any
      site: example.com

      rule: example-pitch
        why: the pitch under every article
        drop-line: equals "Soutenez Example News."
        example: the pitch goes
          in: Un paragraphe.
          in: Soutenez Example News.
          body: Un paragraphe.
        keeps: Soutenez Example News, dit-il, et rien d'autre.

      """.utf8
    ).write(to: sites.appendingPathComponent("example.com.rules"))
    return config
  }

  static let dump = "Un paragraphe.\n\nSoutenez Example News.\n"

  @Test("the folder is found from XDG_CONFIG_HOME, else HOME")
  func folder() {
    #expect(
      UserRules.folder(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == "/c/tamis/rules")
    #expect(
      UserRules.folder(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"])
        == "/h/.config/tamis/rules")
    #expect(UserRules.folder(environment: [:]) == nil)
  }

  @Test("its packs apply by default, with --site, and not with --no-default-rules")
  func applies() throws {
    let environment = ["XDG_CONFIG_HOME": try Self.configFolder().path]
    let run = CLIRun(["--site", "example.com"], input: Self.dump, environment: environment)
    #expect(run.status == .success)
    #expect(run.errors.isEmpty, "no 'no site pack' warning: \(run.errors)")
    #expect(run.output == "Un paragraphe.\n")
    let without = CLIRun(
      ["--no-default-rules", "--site", "example.com"], input: Self.dump, environment: environment)
    #expect(without.output == Self.dump)
  }

  @Test("tamis check without PATH checks the built-in rules and the user's")
  func checked() throws {
    let environment = ["XDG_CONFIG_HOME": try Self.configFolder().path]
    let with = CLIRun(["check"], environment: environment)
    let alone = CLIRun(["check"])
    #expect(with.status == .success)
    #expect(with.errors.contains("tamis: checked 38 files"), "\(with.errors)")
    #expect(alone.errors.contains("tamis: checked 37 files"), "\(alone.errors)")
  }

  @Test("an empty or missing folder is not loaded")
  func emptyFolder() throws {
    let config = try TestPaths.temporaryFolder()
    try FileManager.default.createDirectory(
      at: config.appendingPathComponent("tamis/rules"), withIntermediateDirectories: true)
    #expect(UserRules.folders(environment: ["XDG_CONFIG_HOME": config.path]).isEmpty)
    #expect(UserRules.folders(environment: ["XDG_CONFIG_HOME": "/nonexistent-tamis"]).isEmpty)
  }
}
