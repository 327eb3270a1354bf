import Foundation
import Testing

@testable import TamisCLI

/// `--encoding`: Latin-1 and Windows-1252 dumps from old sites become UTF-8 text, and the choice
/// is named in `meta` (issue 16).
@Suite struct EncodingTests {
  /// "Le conseil sérieux a voté € ’ok’." then "Publicité", in Windows-1252 bytes.
  static let windows1252: [UInt8] =
    Array("Le conseil s".utf8) + [0xE9] + Array("rieux a vot".utf8) + [
      0xE9, 0x20, 0x80, 0x20, 0x92,
    ]
    + Array("ok".utf8) + [0x92] + Array(".\n\nPublicit".utf8) + [0xE9, 0x0A]

  struct Case: Sendable, CustomTestStringConvertible {
    let encoding: InputEncoding
    let input: [UInt8]
    let text: String
    let used: InputEncoding
    var testDescription: String { "\(encoding.rawValue): \(text)" }
  }

  static let cases: [Case] = [
    Case(
      encoding: .windows1252, input: windows1252,
      text: "Le conseil sérieux a voté € ’ok’.\n\nPublicité\n", used: .windows1252),
    Case(
      encoding: .latin1, input: windows1252,
      text: "Le conseil sérieux a voté \u{80} \u{92}ok\u{92}.\n\nPublicité\n", used: .latin1),
    Case(
      encoding: .auto, input: windows1252,
      text: "Le conseil sérieux a voté € ’ok’.\n\nPublicité\n", used: .windows1252),
    Case(encoding: .auto, input: Array("Déjà ’là’.".utf8), text: "Déjà ’là’.", used: .utf8),
    Case(encoding: .utf8, input: [0x61, 0xE9], text: "a\u{FFFD}", used: .utf8),
    Case(
      encoding: .windows1252, input: [0x81, 0x8D, 0x9F], text: "\u{81}\u{8D}Ÿ", used: .windows1252),
  ]

  @Test(arguments: cases)
  func decodes(_ test: Case) {
    let (bytes, used) = test.encoding.decode(test.input)
    #expect(String(decoding: bytes, as: UTF8.self) == test.text)
    #expect(used == test.used)
  }

  @Test("a Windows-1252 dump is cleaned as text and its encoding named in meta")
  func cleansWindows1252() throws {
    let folder = try TestPaths.temporaryFolder()
    let path = folder.appendingPathComponent("vieux.txt")
    try Data(Self.windows1252).write(to: path)
    let text = CLIRun(["--encoding", "auto", path.path])
    #expect(text.status == .success)
    #expect(text.errors.isEmpty, "no invalid UTF-8 warning: \(text.errors)")
    #expect(text.output == "Le conseil sérieux a voté € ’ok’.\n")
    let json = CLIRun(["--encoding=windows-1252", "-f", "json", path.path])
    #expect(json.output.contains(#""meta":{"encoding":"windows-1252"}"#), "\(json.output)")
  }

  @Test("without --encoding, meta names no encoding and the bytes are kept")
  func defaultUnchanged() throws {
    let path = try TestPaths.file(named: "a.txt", "Déjà.\n")
    #expect(CLIRun(["-f", "json", path]).output.contains(#""meta":{"#) == true)
    #expect(!CLIRun(["-f", "json", path]).output.contains("encoding"))
  }

  @Test("a JSON Lines record in Windows-1252 is read with --encoding auto")
  func jsonLines() throws {
    let folder = try TestPaths.temporaryFolder()
    let path = folder.appendingPathComponent("crawl.jsonl")
    try Data(Array(#"{"text":"Caf"#.utf8) + [0xE9, 0x92] + Array(#"s."}"#.utf8) + [0x0A])
      .write(to: path)
    let run = CLIRun(["--jsonl", "--encoding", "auto", path.path])
    #expect(run.status == .success)
    #expect(run.errors.isEmpty)
    #expect(run.output.contains(#""body":"Café’s.""#), "\(run.output)")
    #expect(run.output.contains(#""encoding":"windows-1252""#))
  }

  @Test("an unknown encoding is a usage error with the nearest name")
  func unknown() {
    let run = CLIRun(["--encoding", "latin1"])
    #expect(run.status == .usageOrRules)
    #expect(
      run.errors.hasPrefix(
        "tamis: error: invalid value 'latin1' for '--encoding'; did you mean 'latin-1'?\n"))
  }
}
