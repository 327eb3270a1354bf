import Foundation
import Testing

@testable import TamisCLI

@Suite struct JSONLinesCommandTests {
  static let rules = """
    title: JSONL test pack
    lang: any
    group: jsonl-boilerplate
      why: test
      drop-line: equals "Publicité"
      caption: ends-with "{text} // Source : {credit}"
      example: e
        in: Publicité
      keeps: La publicité recule.
    """

  static let site = """
    title: Example site
    lang: any
    site: exemple.fr
    rule: exemple-footer
      why: test
      drop-line: equals "Le pied de page"
      example: e
        in: Le pied de page
      keeps: Le pied.
    """

  static func run(_ lines: [String], _ extra: [String] = []) throws -> CLIRun {
    let folder = try TestPaths.temporaryFolder()
    let rules = folder.appendingPathComponent("t.rules")
    try Data(Self.rules.utf8).write(to: rules)
    let site = folder.appendingPathComponent("site.rules")
    try Data(Self.site.utf8).write(to: site)
    let input = folder.appendingPathComponent("in.jsonl")
    try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: input)
    return CLIRun(
      ["--no-default-rules", "-r", rules.path, "-r", site.path, "--jsonl"] + extra + [input.path])
  }

  @Test("every input field is kept as it was and the results are added")
  func fieldsArePreserved() throws {
    let run = try Self.run([
      #"{"id": 7, "tags": ["a", {"b": null}], "text": "Un.\n\nPublicité\n", "score": 1.5e3}"#
    ])
    #expect(run.status == .success)
    #expect(
      run.output
        == #"{"id":7,"tags":["a", {"b": null}],"text":"Un.\n\nPublicité\n","score":1.5e3,"#
        + #""body":"Un.","captions":[],"meta":{},"schema_version":1}"# + "\n")
  }

  @Test("output keeps input order, one line per input line, with 1 or 2 jobs")
  func orderIsKept() throws {
    let lines = (0..<300).map { #"{"id":\#($0),"text":"Texte \#($0).\n\nPublicité"}"# }
    let one = try Self.run(lines, ["-j", "1"])
    let two = try Self.run(lines, ["-j", "2"])
    #expect(one.output == two.output)
    let ids = one.output.split(separator: "\n").map { $0.prefix(while: { $0 != "," }) }
    #expect(ids == (0..<300).map { #"{"id":\#($0)"#[...] })
  }

  @Test("a malformed line is reported with its number and passed through with an error field")
  func malformedLine() throws {
    let run = try Self.run([#"{"text":"Un."}"#, #"{"text": "deux"#, #"{"text":"Trois."}"#])
    #expect(run.status == .someInputsFailed)
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(
      lines[1] == #"{"error":"invalid JSON: unexpected end of line","raw":"{\"text\": \"deux"}"#)
    #expect(run.errors.hasSuffix("in.jsonl:2: error: invalid JSON: unexpected end of line\n"))
  }

  @Test("a record without the text field keeps its fields and gets an error field")
  func missingField() throws {
    let run = try Self.run([#"{"id":1,"content":"x"}"#])
    #expect(run.status == .someInputsFailed)
    #expect(run.output == #"{"id":1,"content":"x","error":"no 'text' field"}"# + "\n")
  }

  @Test("--field and --url-field choose the fields; the URL host switches the site pack on")
  func fieldsAndURL() throws {
    let run = try Self.run(
      [#"{"link":"https://www.exemple.fr/a","content":"Corps.\n\nLe pied de page"}"#],
      ["--field", "content", "--url-field", "link"])
    #expect(run.output.contains(#""body":"Corps.""#))
    #expect(run.output.contains(#""meta":{"site":"exemple.fr"}"#))
  }

  @Test("--replace puts the body in place of the text field")
  func replaceText() throws {
    let run = try Self.run([#"{"text":"Un.\n\nPublicité","id":2}"#], ["--replace"])
    #expect(
      run.output == #"{"text":"Un.","id":2,"captions":[],"meta":{},"schema_version":1}"# + "\n")
  }

  @Test("--explain adds the removed list")
  func explainAddsRemovals() throws {
    let run = try Self.run([#"{"text":"Un.\n\nPublicité"}"#], ["--explain"])
    #expect(
      run.output.contains(#""removed":[{"action":"drop-line","id":"jsonl-boilerplate","line":3"#))
  }

  @Test("blank lines pass through as blank lines")
  func blankLines() throws {
    let run = try Self.run([#"{"text":"Un."}"#, "", #"{"text":"Deux."}"#])
    #expect(run.output.split(separator: "\n", omittingEmptySubsequences: false).count == 4)
    #expect(run.status == .success)
  }
}
