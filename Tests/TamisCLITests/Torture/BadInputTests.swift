import Foundation
import Testing

@testable import TamisCLI

/// One test per kind of bad input a crawl holds, through the real command line (in-process):
/// what the body, the messages and the exit status are. The policy is README.md's "Bad input".
@Suite struct BadInputTests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  // MARK: - Invalid UTF-8

  /// A dump with a Latin-1 byte, a truncated sequence, a stray continuation byte, and an
  /// invalid byte in a line that loses a span and in a line that is removed.
  static let latin1: [UInt8] =
    bytes("Un caf") + [0xE9] + bytes(" noir.\n\nPublicit") + [0xC3] + bytes("\n\nPublicité\n\n")
    + bytes("Deux [pub] ") + [0xFF] + bytes(" fin.\n") + bytes("Lire aussi : caf") + [0xE9]
    + bytes("\n") + [0x80] + bytes("\n")

  @Test("invalid UTF-8: the body keeps the bytes as they are, with a warning, exit 0")
  func invalidUTF8Text() throws {
    let run = ByteRun(try Torture.arguments([]), input: Self.latin1)
    #expect(run.status == .success)
    let expected =
      Self.bytes("Un caf") + [0xE9] + Self.bytes(" noir.\n\nPublicit") + [0xC3]
      + Self.bytes("\n\nDeux ") + [0xFF] + Self.bytes(" fin.\n") + [0x80] + Self.bytes("\n")
    #expect(run.output == expected)
    #expect(
      run.errors
        == "<stdin>: warning: invalid UTF-8 at byte 7 (5 bytes in all); kept as they are in the body\n"
    )
  }

  @Test("invalid UTF-8: JSON output is valid UTF-8 with U+FFFD, and the warning says so")
  func invalidUTF8JSON() throws {
    let run = ByteRun(try Torture.arguments(["--format", "json"]), input: Self.latin1)
    #expect(run.status == .success)
    let text = try #require(run.validOutput)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(
      object["body"] as? String
        == "Un caf\u{FFFD} noir.\n\nPublicit\u{FFFD}\n\nDeux \u{FFFD} fin.\n\u{FFFD}")
    let removed = try #require(object["removed"] as? [[String: Any]])
    #expect(
      removed.map { $0["text"] as? String } == ["Publicité", "[pub]", "Lire aussi : caf\u{FFFD}"])
    #expect(
      run.errors
        == "<stdin>: warning: invalid UTF-8 at byte 7 (5 bytes in all); written as U+FFFD\n")
  }

  @Test("invalid UTF-8 in a JSON Lines record: read as U+FFFD, a warning with the line, exit 0")
  func invalidUTF8JSONLines() throws {
    let line: [UInt8] =
      Self.bytes(#"{"id":"caf"#) + [0xE9] + Self.bytes(#"","text":"Un caf"#)
      + [0xE9] + Self.bytes(#".\n\nPublicité"}"#)
    let input = try TestPaths.temporaryFolder().appendingPathComponent("records.jsonl")
    try Data(Self.bytes(#"{"text":"Bon."}"#) + [0x0A] + line + [0x0A]).write(to: input)
    let run = ByteRun(try Torture.arguments(["--jsonl", input.path]))
    #expect(run.status == .success)
    let text = try #require(run.validOutput)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.last?.hasPrefix(#"{"id":"caf\#u{FFFD}","text":"Un caf\#u{FFFD}."#) == true)
    #expect(lines.last?.contains(#""body":"Un caf\#u{FFFD}.""#) == true)
    #expect(
      run.errors
        == "\(input.path):2: warning: invalid UTF-8 at byte 11 (2 bytes in all); written as U+FFFD\n"
    )
  }

  @Test("U+FFFD written as such in the input is valid text: no warning")
  func replacementCharacterIsValid() throws {
    let run = ByteRun(try Torture.arguments([]), input: Self.bytes("Un \u{FFFD} deux.\n"))
    #expect(run.status == .success)
    #expect(run.validOutput == "Un \u{FFFD} deux.\n")
    #expect(run.errors == "")
  }

  // MARK: - Byte-order mark, line ends

  @Test("a byte-order mark is trimmed like leading white space; rules see through it")
  func byteOrderMark() throws {
    let bom = "\u{FEFF}"
    let first = ByteRun(try Torture.arguments([]), input: Self.bytes(bom + "Titre.\nPublicité\n"))
    #expect(first.validOutput == "Titre.\n")
    let dropped = ByteRun(
      try Torture.arguments([]), input: Self.bytes(bom + "Publicité\nTexte.\n"))
    #expect(dropped.validOutput == "Texte.\n")
    // A line holding only the mark is blank: it separates paragraphs and is not body text.
    let alone = ByteRun(try Torture.arguments([]), input: Self.bytes(bom + "\nUn.\n"))
    #expect(alone.validOutput == "Un.\n")
    #expect([first, dropped, alone].allSatisfy { $0.status == .success && $0.errors.isEmpty })
  }

  struct LineEnds: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let body: String
    var testDescription: String { name }
  }

  static let lineEnds: [LineEnds] = [
    LineEnds(
      name: "CRLF", input: "Un.\r\n\r\nPublicité\r\nDeux.\r\n", body: "Un.\r\n\r\nDeux.\r\n"),
    LineEnds(name: "lone CR", input: "Un.\r\rPublicité\rDeux.\r", body: "Un.\r\rDeux.\r"),
    LineEnds(name: "LF", input: "Un.\n\nPublicité\nDeux.\n", body: "Un.\n\nDeux.\n"),
    LineEnds(name: "CRLF without a final one", input: "Un.\r\nDeux.", body: "Un.\r\nDeux.\r\n"),
    LineEnds(
      name: "mixed: the first line's end is used throughout",
      input: "Un.\r\nDeux.\nTrois.\rQuatre.\r\n", body: "Un.\r\nDeux.\r\nTrois.\r\nQuatre.\r\n"),
  ]

  @Test("line ends are kept as the input has them", arguments: lineEnds)
  func lineEndsAreKept(_ c: LineEnds) throws {
    let run = ByteRun(try Torture.arguments([]), input: Self.bytes(c.input))
    #expect(run.status == .success)
    #expect(run.output == Self.bytes(c.body))
  }

  // MARK: - Binary, empty, blank

  @Test("NUL bytes: the input is binary, skipped with a message, exit 1; the others are cleaned")
  func nulBytes() throws {
    let folder = try TestPaths.temporaryFolder()
    let binary = folder.appendingPathComponent("nul.txt")
    try Data(Self.bytes("Un.\n") + [0x00] + Self.bytes("Deux.\n")).write(to: binary)
    let utf16 = folder.appendingPathComponent("utf16.txt")
    try Data([0xFF, 0xFE, 0x55, 0x00, 0x6E, 0x00, 0x0A, 0x00]).write(to: utf16)
    let good = folder.appendingPathComponent("good.txt")
    try Data(Self.bytes("Bon.\n")).write(to: good)
    let run = ByteRun(try Torture.arguments([binary.path, utf16.path, good.path]))
    #expect(run.status == .someInputsFailed)
    #expect(run.validOutput == "Bon.\n")
    #expect(
      run.errors == """
        \(binary.path): error: binary file (NUL bytes); not a text dump
        \(utf16.path): error: binary file (NUL bytes); not a text dump

        """)
  }

  @Test("an empty input gives an empty body and exit 0, in text and JSON")
  func emptyInput() throws {
    let text = ByteRun(try Torture.arguments([]), input: [])
    #expect(text.status == .success && text.output.isEmpty && text.errors.isEmpty)
    let json = ByteRun(try Torture.arguments(["-f", "json"]), input: [])
    #expect(json.status == .success && json.errors.isEmpty)
    #expect(
      json.validOutput == #"{"body":"","captions":[],"meta":{},"removed":[],"schema_version":1}"#
        + "\n")
  }

  @Test("an input of blank lines only gives an empty body and exit 0")
  func blankLinesOnly() throws {
    let input = Self.bytes("\n\n  \n\t\n\u{A0}\n\r\n\u{FEFF}\n")
    let run = ByteRun(try Torture.arguments([]), input: input)
    #expect(run.status == .success && run.output.isEmpty && run.errors.isEmpty)
  }

  // MARK: - Files that are not there

  @Test("a symbolic link loop given as a file is an error naming the loop, exit 1")
  func linkLoopOperand() throws {
    let folder = try TestPaths.temporaryFolder()
    let loop = folder.appendingPathComponent("loop.txt").path
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.txt")
    let run = ByteRun(try Torture.arguments([loop]))
    #expect(run.status == .someInputsFailed)
    #expect(run.errors == "\(loop): error: cannot read: too many levels of symbolic links\n")
  }

  @Test("an unreadable file is an error, exit 1, the others are cleaned (not as root)")
  func unreadableFile() throws {
    // Root reads every file whatever its mode, so the check means nothing there (as in CI).
    guard getuid() != 0 else { return }
    let folder = try TestPaths.temporaryFolder()
    let secret = folder.appendingPathComponent("secret.txt")
    try Data(Self.bytes("Secret.\n")).write(to: secret)
    chmod(secret.path, 0)
    defer { chmod(secret.path, 0o644) }
    let good = folder.appendingPathComponent("good.txt")
    try Data(Self.bytes("Bon.\n")).write(to: good)
    let run = ByteRun(try Torture.arguments([secret.path, good.path]))
    #expect(run.status == .someInputsFailed)
    #expect(run.validOutput == "Bon.\n")
    #expect(run.errors == "\(secret.path): error: cannot read: permission denied\n")
  }

  @Test("a captions file that cannot be written is an error; no partial file is left")
  func captionsNotWritable() throws {
    let folder = try TestPaths.temporaryFolder()
    // The captions path is a folder: the atomic write's rename fails.
    let target = folder.appendingPathComponent("captions.tsv")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
    let run = ByteRun(
      try Torture.arguments(["--captions", target.path]),
      input: Self.bytes("Un.\nPhoto. // Source : AFP\n"))
    #expect(run.status == .someInputsFailed)
    #expect(run.validOutput == "Un.\n")
    #expect(
      run.errors == "tamis: error: cannot write the captions to '\(target.path)': it is a folder\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["captions.tsv"])
  }
}
