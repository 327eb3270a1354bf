import Foundation
import Testing

@testable import TamisCLI

@Suite struct CleanCommandTests {
  static let rules = """
    title: Test pack
    lang: fr

    group: test-boilerplate
      why: test
      drop-line: equals "Publicité"
      caption: ends-with "{text} // Source : {credit}"
      meta: starts-with "date {date:word}"
      example: e
        in: Publicité
      keeps: La publicité recule.
    """

  static func rulesFile() throws -> String { try TestPaths.file(named: "test.rules", rules) }

  @Test("stdin is cleaned to stdout when no file is given")
  func cleansStandardInput() throws {
    let run = CLIRun(
      ["--no-default-rules", "--rules", try Self.rulesFile()],
      input: "Un paragraphe.\n\nPublicité\n\nUn autre.\n")
    #expect(run.status == .success)
    #expect(run.output == "Un paragraphe.\n\nUn autre.\n")
    #expect(run.errors == "")
  }

  @Test("'-' reads stdin like no operand")
  func dashIsStandardInput() throws {
    let run = CLIRun(
      ["--no-default-rules", "--rules", try Self.rulesFile(), "-"], input: "Texte.\n")
    #expect(run.output == "Texte.\n")
  }

  @Test("JSON output carries body, captions with position, meta and removals with rule location")
  func jsonOutput() throws {
    let path = try Self.rulesFile()
    let run = CLIRun(
      ["--no-default-rules", "--rules", path, "--format", "json"],
      input: "date 2024-09 Lecture\n\nCorps.\n\nUne photo. // Source : AFP\n\nPublicité\n")
    #expect(run.status == .success)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(object["body"] as? String == "Corps.")
    let captions = try #require(object["captions"] as? [[String: Any]])
    #expect(captions.count == 1)
    #expect(captions.first?["text"] as? String == "Une photo.")
    #expect(captions.first?["credit"] as? String == "AFP")
    #expect(captions.first?["position"] as? Int == 0)
    #expect((object["meta"] as? [String: String])?["date"] == "2024-09")
    let removed = try #require(object["removed"] as? [[String: Any]])
    #expect(removed.map { $0["line"] as? Int } == [1, 7])
    #expect(removed.last?["rule"] as? String == "\(path):6:3")
    #expect(removed.last?["id"] as? String == "test-boilerplate")
    #expect(run.output.hasSuffix("}\n"))
  }

  @Test("a rule-file error is reported with its location, exit 2 and nothing on stdout")
  func ruleErrorExitsTwo() throws {
    let path = try TestPaths.file(
      named: "bad.rules",
      "title: Bad\nlang: fr\ngroup: g\n  drop-lien: \"x\"\n  drop-line: \"oops\n")
    let run = CLIRun(["--rules", path], input: "Texte.\n")
    #expect(run.status == .usageOrRules)
    #expect(run.output == "")
    #expect(
      run.errors == """
        \(path):4:3: error: unknown directive 'drop-lien'; did you mean 'drop-line'?
        \(path):5:14: error: unterminated quote

        """)
  }

  @Test("a missing input is reported, the others are still cleaned, and the exit status is 1")
  func missingInputExitsOne() throws {
    let good = try TestPaths.file(named: "good.txt", "Bonjour.\n")
    let run = CLIRun(["--no-default-rules", "/nonexistent/dump.txt", good])
    #expect(run.status == .someInputsFailed)
    #expect(run.output == "Bonjour.\n")
    #expect(run.errors == "/nonexistent/dump.txt: error: cannot read: no such file\n")
  }

  @Test("binary inputs get a clear message and exit 1; invalid UTF-8 is cleaned with a warning")
  func badBytesExitOne() throws {
    let folder = try TestPaths.temporaryFolder()
    let invalid = folder.appendingPathComponent("latin1.txt")
    try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: invalid)
    let binary = folder.appendingPathComponent("image.bin")
    try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: binary)
    let run = CLIRun(["--no-default-rules", invalid.path, binary.path])
    #expect(run.status == .someInputsFailed)
    // The body keeps the byte 0xE9 (shown here as U+FFFD by the string the test reads).
    #expect(run.output == "Caf\u{FFFD}\n")
    #expect(
      run.errors == """
        \(invalid.path): warning: invalid UTF-8 at byte 4 (1 byte in all); kept as they are in the body
        \(binary.path): error: binary file (NUL bytes); not a text dump

        """)
  }

  @Test("CRLF input keeps its line ends in the body")
  func crlfIsKept() throws {
    let run = CLIRun(
      ["--no-default-rules", "--rules", try Self.rulesFile()],
      input: "Un.\r\n\r\nPublicité\r\n\r\nDeux.\r\n")
    #expect(run.output == "Un.\r\n\r\nDeux.\r\n")
  }

  @Test("--captions writes one caption per line: the document, the text, the credit, by tabs")
  func captionsFile() throws {
    let captions = try TestPaths.temporaryFolder().appendingPathComponent("c.tsv")
    let run = CLIRun(
      ["--no-default-rules", "--rules", try Self.rulesFile(), "--captions", captions.path],
      input: "Corps.\n\nUne photo. // Source : AFP\n")
    #expect(run.status == .success)
    #expect(try String(contentsOf: captions, encoding: .utf8) == "<stdin>\tUne photo.\tAFP\n")
  }

  @Test("with several inputs, each caption line names its document")
  func captionsOfSeveralDocuments() throws {
    let folder = try TestPaths.temporaryFolder()
    let captions = folder.appendingPathComponent("c.tsv")
    var inputs: [String] = []
    for name in ["a.txt", "b.txt"] {
      let url = folder.appendingPathComponent(name)
      try Data("Corps.\n\nPhoto \(name). // Source : AFP\n".utf8).write(to: url)
      inputs.append(url.path)
    }
    let run = CLIRun(
      ["--no-default-rules", "--rules", try Self.rulesFile(), "-c", captions.path] + inputs)
    #expect(run.status == .success)
    #expect(
      try String(contentsOf: captions, encoding: .utf8)
        == "\(inputs[0])\tPhoto a.txt.\tAFP\n\(inputs[1])\tPhoto b.txt.\tAFP\n")
  }

  @Test("--site switches a site pack on")
  func siteOption() throws {
    let pack = try TestPaths.file(
      named: "site.rules",
      """
      title: Site
      lang: fr
      site: exemple.fr
      rule: exemple-pied
        why: test
        drop-line: equals "Le pied de page"
        example: e
          in: Le pied de page
        keeps: Le pied.
      """)
    let input = "Corps.\n\nLe pied de page\n"
    let without = CLIRun(["--no-default-rules", "--rules", pack], input: input)
    #expect(without.output == "Corps.\n\nLe pied de page\n")
    let with = CLIRun(
      ["--no-default-rules", "--rules", pack, "--site", "www.exemple.fr"], input: input)
    #expect(with.output == "Corps.\n")
  }

  @Test("--help and --version print to stdout and exit 0")
  func helpAndVersion() {
    let help = CLIRun(["--help"])
    #expect(help.status == .success)
    #expect(help.output.contains("usage: tamis"))
    #expect(help.errors == "")
    let version = CLIRun(["--version"])
    #expect(version.output == "tamis \(TamisCommand.version)\n")
  }

  @Test("a usage error goes to stderr with exit 2")
  func usageError() {
    let run = CLIRun(["--ouput", "x"])
    #expect(run.status == .usageOrRules)
    #expect(run.output == "")
    #expect(run.errors.hasPrefix("tamis: error: unknown option '--ouput'"))
  }
}
