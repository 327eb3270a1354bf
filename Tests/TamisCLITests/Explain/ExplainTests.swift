import Foundation
import Testing

@testable import TamisCLI

/// `--explain` and `--diff` in the filter mode: exact listings, plain and in colour.
@Suite struct ExplainTests {
  static let rules = """
    title: Explain test pack
    lang: fr

    group: t-boilerplate
      why: test
      drop-line: starts-with "Lire aussi"
      caption: equals "{text} // Source : {credit}"
      strip-span: "(AFP)"
      meta: starts-with "date {date:word}"
      drop-from: equals "Sur le même sujet"
      example: e
        in: Lire aussi : x
      keeps: Il faut lire aussi.
    """

  static let dump = """
    date 2024-09 Lecture
    Le conseil s'est réuni mercredi (AFP) pour voter.

    Lire aussi : le budget
    Une photo. // Source : AFP

    Sur le même sujet
    Un titre
    Un autre titre

    """

  /// Runs tamis in-process with stdout marked as a terminal or not.
  static func run(_ arguments: [String], input: String = dump, terminal: Bool = false)
    -> (status: ExitCode, output: String, errors: String)
  {
    let output = MemorySink()
    let errors = MemorySink()
    let bytes = Array(input.utf8)
    let streams = Streams(
      output: output, errors: errors, readInput: { bytes }, outputIsTerminal: terminal)
    let status = TamisCommand.run(arguments, streams: streams)
    return (status, output.text, errors.text)
  }

  static func rulesPath() throws -> String {
    try TestPaths.file(named: "explain.rules", rules)
  }

  @Test("--explain marks every line, with the rule and its location")
  func plain() throws {
    let path = try Self.rulesPath()
    let run = Self.run(["--no-default-rules", "-r", path, "--explain"])
    #expect(run.status == .success)
    #expect(run.errors == "")
    expectEqualLines(
      run.output,
      """
      1 removed  date 2024-09 Lecture  # t-boilerplate meta \(path):9:3
      2 stripped Le conseil s'est réuni mercredi [-(AFP)-] pour voter.  # t-boilerplate \
      strip-span \(path):8:3
      3
      4 removed  Lire aussi : le budget  # t-boilerplate drop-line \(path):6:3
      5 caption  Une photo. // Source : AFP  # t-boilerplate: Une photo. | AFP
      6
      7 removed  Sur le même sujet  # t-boilerplate drop-from \(path):10:3
      8 removed  Un titre  # t-boilerplate drop-from \(path):10:3
      9 removed  Un autre titre  # t-boilerplate drop-from \(path):10:3

      """)
  }

  @Test("--explain colours its marks when stdout is a terminal")
  func coloured() throws {
    let path = try Self.rulesPath()
    let run = Self.run(
      ["--no-default-rules", "-r", path, "-e"],
      input: "Texte (AFP) suite.\nLire aussi : x\n\nFin.\n",
      terminal: true)
    let esc = "\u{1B}["
    expectEqualLines(
      run.output,
      """
      \(esc)2m1\(esc)0m \(esc)33mstripped\(esc)0m Texte \(esc)9;31m(AFP)\(esc)0m suite.  \
      \(esc)2m# t-boilerplate strip-span \(path):8:3\(esc)0m
      \(esc)2m2\(esc)0m \(esc)31mremoved \(esc)0m \(esc)31mLire aussi : x\(esc)0m  \
      \(esc)2m# t-boilerplate drop-line \(path):6:3\(esc)0m
      \(esc)2m3\(esc)0m
      \(esc)2m4\(esc)0m \(esc)2mkept    \(esc)0m Fin.

      """)
  }

  @Test("--diff shows only what changed, runs of one rule in one hunk")
  func diff() throws {
    let path = try Self.rulesPath()
    let run = Self.run(["--no-default-rules", "-r", path, "--diff"])
    #expect(run.status == .success)
    expectEqualLines(
      run.output,
      """
      @@ 1 @@ t-boilerplate meta \(path):9:3
      -date 2024-09 Lecture
      @@ 2 @@ t-boilerplate strip-span \(path):8:3
      -Le conseil s'est réuni mercredi (AFP) pour voter.
      +Le conseil s'est réuni mercredi pour voter.
      @@ 4 @@ t-boilerplate drop-line \(path):6:3
      -Lire aussi : le budget
      @@ 5 @@ t-boilerplate caption
      ~Une photo. | AFP
      @@ 7-9 @@ t-boilerplate drop-from \(path):10:3
      -Sur le même sujet
      -Un titre
      -Un autre titre

      """)
  }

  @Test("--diff in colour and plain differ only by the escapes")
  func diffColoured() throws {
    let path = try Self.rulesPath()
    let plain = Self.run(["--no-default-rules", "-r", path, "--diff"]).output
    let coloured = Self.run(["--no-default-rules", "-r", path, "--diff"], terminal: true).output
    #expect(coloured.contains("\u{1B}[31m-Lire aussi : le budget\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[32m+Le conseil s'est réuni mercredi pour voter.\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[36m~Une photo. | AFP\u{1B}[0m"))
    let stripped = coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    #expect(stripped == plain)
  }

  @Test("a dump with nothing to remove has an empty diff")
  func emptyDiff() throws {
    let run = Self.run(
      ["--no-default-rules", "-r", try Self.rulesPath(), "--diff"], input: "Rien à retirer.\n")
    #expect(run.status == .success)
    #expect(run.output == "")
  }

  @Test("several inputs each get a header; unchanged ones none in --diff")
  func severalInputs() throws {
    let path = try Self.rulesPath()
    let first = try TestPaths.file(named: "a.txt", "Lire aussi : x\nTexte.\n")
    let second = try TestPaths.file(named: "b.txt", "Texte.\n")
    let explain = Self.run(["--no-default-rules", "-r", path, "-e", first, second])
    expectEqualLines(
      explain.output,
      """
      ==> \(first) <==
      1 removed  Lire aussi : x  # t-boilerplate drop-line \(path):6:3
      2 kept     Texte.
      ==> \(second) <==
      1 kept     Texte.

      """)
    let diff = Self.run(["--no-default-rules", "-r", path, "--diff", first, second])
    expectEqualLines(
      diff.output,
      """
      ==> \(first) <==
      @@ 1 @@ t-boilerplate drop-line \(path):6:3
      -Lire aussi : x

      """)
  }

  @Test("line numbers are right-aligned to the widest")
  func alignedNumbers() throws {
    let dump = (1...10).map { "Ligne \($0)." }.joined(separator: "\n") + "\n"
    let run = Self.run(["--no-default-rules", "-r", try Self.rulesPath(), "-e"], input: dump)
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines.first == " 1 kept     Ligne 1.")
    #expect(lines.last == "10 kept     Ligne 10.")
  }

  @Test("--explain with JSON output is the JSON with its removed list")
  func explainJSON() throws {
    let path = try Self.rulesPath()
    let json = Self.run(["--no-default-rules", "-r", path, "-f", "json"]).output
    let explained = Self.run(["--no-default-rules", "-r", path, "-f", "json", "--explain"]).output
    #expect(explained == json)
    #expect(json.contains(#""removed":[{"action":"meta""#))
  }
}
