import Foundation
import Testing

@testable import TamisCLI

/// A record's own fields are never dropped (issue 15): a record that already has a field tamis
/// adds is refused with an error naming the field and `--prefix`, and `--prefix NAME` puts NAME
/// before every field tamis adds.
@Suite struct JSONLinesFieldTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let record: String
    let field: String
    var extra: [String] = []
    var testDescription: String { "a record with its own '\(field)'" }
  }

  static let cases: [Case] = [
    Case(record: #"{"text":"Un.","body":"mine"}"#, field: "body"),
    Case(record: #"{"captions":[1],"text":"Un."}"#, field: "captions"),
    Case(record: #"{"text":"Un.","meta":{"a":"b"}}"#, field: "meta"),
    Case(record: #"{"text":"Un.","removed":false}"#, field: "removed", extra: ["--explain"]),
    Case(record: #"{"text":"Un.","error":null}"#, field: "error"),
    Case(record: #"{"id":3,"error":"kept"}"#, field: "error"),
    Case(record: #"{"body":"Un."}"#, field: "body", extra: ["--field", "body"]),
  ]

  @Test("a record with a field tamis adds is refused and kept whole", arguments: cases)
  func collisionRefused(_ test: Case) throws {
    let run = try JSONLinesCommandTests.run([test.record, #"{"text":"Deux."}"#], test.extra)
    #expect(run.status == .someInputsFailed)
    let message =
      "the record already has a '\(test.field)' field, which tamis adds; use '--prefix NAME' "
      + "to start every field tamis adds with NAME, such as '--prefix tamis_'"
    let escaped = test.record.replacingOccurrences(of: "\"", with: "\\\"")
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3)
    #expect(lines.first == #"{"error":"\#(message)","raw":"\#(escaped)"}"#[...])
    if !test.extra.contains("--field") {
      #expect(lines.dropFirst().first?.hasPrefix(#"{"text":"Deux.","body":"Deux.""#) == true)
    }
    #expect(run.errors.contains("in.jsonl:1: error: \(message)\n"))
  }

  @Test("--prefix NAME starts every field tamis adds with NAME; the record's own are kept")
  func prefixKeepsEveryField() throws {
    for spelling in [["--prefix", "tamis_"], ["--prefix=tamis_"]] {
      let run = try JSONLinesCommandTests.run(
        [
          #"{"text":"Un.\n\nPublicité","body":"b","meta":1,"error":2}"#, #"{"text": "deux"#,
          #"{"id":1}"#,
        ], spelling + ["--explain"])
      #expect(run.status == .someInputsFailed)
      let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count == 4)
      #expect(
        lines[0].hasPrefix(
          #"{"text":"Un.\n\nPublicité","body":"b","meta":1,"error":2,"tamis_body":"Un.","#
            + #""tamis_captions":[],"tamis_meta":{},"tamis_removed":[{"action":"drop-line","#))
      #expect(
        lines[1]
          == #"{"tamis_error":"invalid JSON: unexpected end of line","tamis_raw":"{\"text\": \"deux"}"#
      )
      #expect(lines[2] == #"{"id":1,"tamis_error":"no 'text' field"}"#)
    }
  }

  @Test("--prefix needs --jsonl")
  func prefixNeedsJSONLines() {
    let run = CLIRun(["--prefix", "x_"])
    #expect(run.status == .usageOrRules)
    #expect(run.errors.hasPrefix("tamis: error: option '--prefix' requires '--jsonl'\n"))
  }
}
