import Foundation
import Testing

@testable import TamisCLI

/// Every option either works in the mode it is given or is refused with a message (issue 16).
@Suite struct SilentMisuseTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let status: ExitCode
    /// A part of stderr.
    let message: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "--jsonl with --out", arguments: ["--jsonl", "x.jsonl", "--out", "o"],
      status: .usageOrRules, message: "option '--jsonl' cannot be used with '--out'"),
    Case(
      name: "--explain with --out", arguments: ["--explain", "--out", "o", "x.txt"],
      status: .usageOrRules, message: "option '--explain' cannot be used with '--out'"),
    Case(
      name: "--format with --jsonl", arguments: ["--jsonl", "-f", "text", "x.jsonl"],
      status: .usageOrRules, message: "option '-f' cannot be used with '--jsonl'"),
    Case(
      name: "--url-field with --site", arguments: ["--jsonl", "--url-field", "u", "-s", "a.fr"],
      status: .usageOrRules, message: "option '--url-field' cannot be used with '-s'"),
    Case(
      name: "check --format", arguments: ["check", "--format", "json"],
      status: .usageOrRules, message: "option '--format' cannot be used with 'check'"),
    Case(
      name: "eval --jobs", arguments: ["eval", "-j", "2", "gold"],
      status: .usageOrRules, message: "option '-j' cannot be used with 'eval'"),
    Case(
      name: "unknown language lists the known ones", arguments: ["--lang", "xx"],
      status: .usageOrRules,
      message: "tamis: error: no rules for language 'xx'; languages with rules: de, en, es, fr"),
    Case(
      name: "a language in capitals suggests the code", arguments: ["-l", "FR"],
      status: .usageOrRules,
      message: "tamis: error: no rules for language 'FR'; did you mean 'fr'?\n"),
    Case(
      name: "a site typo is a warning with the nearest pack", arguments: ["--site", "lemond.fr"],
      status: .success,
      message: "tamis: warning: no site pack for 'lemond.fr'; did you mean 'lemonde.fr'?\n"),
    Case(
      name: "a site without a pack is a warning listing the packs",
      arguments: ["--site", "example.org"], status: .success,
      message:
        "tamis: warning: no site pack for 'example.org', only the generic rules apply; site packs:"
        + " 01net.com, 20minutes.fr,"),
  ]

  @Test(arguments: cases)
  func refusedOrReported(_ test: Case) {
    let run = CLIRun(test.arguments, input: "Un paragraphe.\n")
    #expect(run.status == test.status)
    #expect(run.errors.contains(test.message), "\(run.errors)")
    if test.status == .usageOrRules { #expect(run.output.isEmpty) }
  }

  @Test("a site covered by a pack, or a subdomain of one, gives no warning")
  func knownSite() {
    for site in ["lemonde.fr", "www.lemonde.fr"] {
      let run = CLIRun(["--site", site], input: "Un paragraphe.\n")
      #expect(run.status == .success)
      #expect(run.errors.isEmpty)
    }
  }

  @Test("--url-field that no record has is an error at the end of the input, exit 1")
  func urlFieldAbsent() throws {
    let path = try TestPaths.file(
      named: "crawl.jsonl",
      #"{"text":"Un.","url":"https://www.lemonde.fr/a"}"# + "\n" + #"{"text":"Deux."}"# + "\n")
    let run = CLIRun(["--jsonl", "--url-field", "link", path])
    #expect(run.status == .someInputsFailed)
    #expect(run.output.split(separator: "\n").count == 2)
    #expect(run.errors == "\(path): error: no record has the 'link' field named by '--url-field'\n")
  }

  @Test("--url-field that one record has is fine")
  func urlFieldPresent() throws {
    let path = try TestPaths.file(
      named: "crawl.jsonl",
      #"{"text":"Un.","link":"https://www.lemonde.fr/a"}"# + "\n" + #"{"text":"Deux."}"# + "\n")
    let run = CLIRun(["--jsonl", "--url-field", "link", path])
    #expect(run.status == .success)
    #expect(run.errors.isEmpty)
  }

  @Test("suggest --url-field that no record has is an error, exit 1")
  func suggestURLFieldAbsent() throws {
    let path = try TestPaths.file(named: "crawl.jsonl", #"{"text":"Un.","url":"x"}"# + "\n")
    let run = CLIRun(["suggest", "--url-field", "link", "-q", path])
    #expect(run.status == .someInputsFailed)
    #expect(run.errors.contains("no record has the 'link' field named by '--url-field'"))
  }
}
