import Foundation
import Testing

@testable import TamisCLI

/// Batch outputs never collide and never land inside an input (issue 15): two inputs that would
/// write one output are refused, listed, before anything is written; an output folder reached
/// through a link into an input is refused too.
@Suite struct BatchOutputTests {
  /// `a/site/x.txt`, `b/site/x.txt` (different bodies) and `c/x.md` under a fresh folder.
  static func makeTree() throws -> URL {
    let root = try TestPaths.temporaryFolder()
    for (path, text) in [
      ("a/site/x.txt", "Premier.\n"), ("b/site/x.txt", "Second.\n"), ("c/x.md", "Autre.\n"),
      ("c/x.txt", "Texte.\n"),
    ] {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let inputs: [String]
    let format: String
    /// The expected message lines, `R` standing for the root folder.
    let errors: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "two files of the same name", inputs: ["a/site/x.txt", "b/site/x.txt"],
      format: "text",
      errors: [
        "tamis: error: inputs 'R/a/site/x.txt' and 'R/b/site/x.txt' would both be written to "
          + "'R/out/x.txt'; clean them into separate output folders"
      ]),
    Case(
      name: "two folders of the same name", inputs: ["a/site", "b/site"], format: "text",
      errors: [
        "tamis: error: inputs 'R/a/site/x.txt' and 'R/b/site/x.txt' would both be written to "
          + "'R/out/site/x.txt'; clean them into separate output folders"
      ]),
    Case(
      name: "two files of one folder with one JSON output", inputs: ["c"], format: "json",
      errors: [
        "tamis: error: inputs 'R/c/x.md' and 'R/c/x.txt' would both be written to "
          + "'R/out/c/x.json'; clean them into separate output folders"
      ]),
    Case(
      name: "two files of one folder with one captions file", inputs: ["c"], format: "text",
      errors: [
        "tamis: error: inputs 'R/c/x.md' and 'R/c/x.txt' would both be written to "
          + "'R/out/c/x.captions.tsv'; clean them into separate output folders"
      ]),
  ]

  @Test(
    "inputs that would share an output are refused, listed, before anything is written",
    arguments: cases)
  func clashingInputsRefused(_ test: Case) throws {
    let root = try Self.makeTree()
    let out = root.appendingPathComponent("out")
    let run = CLIRun(
      try Torture.arguments(
        test.inputs.map { root.appendingPathComponent($0).path }
          + ["--out", out.path, "-f", test.format, "-j", "2"]))
    #expect(run.status == .usageOrRules)
    expectEqualLines(
      run.errors,
      test.errors.map { $0.replacingOccurrences(of: "R/", with: root.path + "/") + "\n" }
        .joined())
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test("past ten clashes the rest are counted; three inputs on one output are all named")
  func manyClashes() throws {
    let root = try TestPaths.temporaryFolder()
    for folder in ["a/site", "b/site", "c/site"] {
      let url = root.appendingPathComponent(folder)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for index in 0..<12 {
        try Data("Texte \(index).\n".utf8).write(to: url.appendingPathComponent("\(index).txt"))
      }
    }
    let out = root.appendingPathComponent("out").path
    let run = CLIRun(
      try Torture.arguments(
        ["a/site", "b/site", "c/site"].map { root.appendingPathComponent($0).path } + [
          "--out", out,
        ]))
    #expect(run.status == .usageOrRules)
    let lines = run.errors.split(separator: "\n").map(String.init)
    #expect(lines.count == 11)
    expectEqualLines(
      lines.first ?? "",
      "tamis: error: inputs '\(root.path)/a/site/0.txt', '\(root.path)/b/site/0.txt' and "
        + "'\(root.path)/c/site/0.txt' would all be written to '\(out)/site/0.txt'; clean them "
        + "into separate output folders")
    #expect(lines.last == "tamis: error: and 2 more outputs that several inputs would write")
  }

  @Test("the same input given twice is cleaned once, not refused")
  func sameInputTwice() throws {
    let root = try Self.makeTree()
    let input = root.appendingPathComponent("a/site").path
    let out = root.appendingPathComponent("out")
    let run = CLIRun(try Torture.arguments([input, input + "/", "--out", out.path, "-q"]))
    #expect(run.status == .success)
    #expect(Torture.files(under: out) == ["site/x.txt"])
  }

  @Test("an output folder inside the input through a link is refused before anything is written")
  func outputInsideInputThroughLink() throws {
    let root = try Self.makeTree()
    let crawl = root.appendingPathComponent("a")
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("alias").path, withDestinationPath: crawl.path)
    let out = root.appendingPathComponent("alias/cleaned").path
    let run = CLIRun(try Torture.arguments([crawl.path, "--out", out]))
    #expect(run.status == .usageOrRules)
    #expect(
      run.errors
        == "tamis: error: output folder '\(out)' is inside input folder '\(crawl.path)'; "
        + "choose a folder outside it\n")
    #expect(Torture.files(under: crawl) == ["site/x.txt"])
    #expect(!FileManager.default.fileExists(atPath: crawl.appendingPathComponent("cleaned").path))
  }
}
