import Foundation
import Tamis
import Testing

@testable import TamisCLI

/// `tamis --learn`: both passes on JSON Lines and folders, the packs of `--learn-out`, and the
/// inputs it refuses.
@Suite struct LearningCommandTests {
  /// Document `index` of a site: a paragraph of its own, a footer in most documents, a date.
  static func document(_ index: Int, site: String) -> String {
    // Letters, not digits, tell the documents apart: numbers fold to one learned line.
    let name = String(
      String(index, radix: 26).map {
        Character(UnicodeScalar(UInt8(Int(String($0), radix: 26) ?? 0) + 97))
      })
    var lines = [
      "Home", "",
      "Story \(name) of \(site): the council met on Tuesday evening to discuss the budget "
        + "for the coming year, and residents asked about the roads.", "",
      "The mayor promised that the public meeting about \(name) would take place before the "
        + "end of the month, with every plan on the table.", "",
    ]
    if index % 4 != 3 { lines.append("Follow \(site) on social media: \(index * 13)K followers") }
    return lines.joined(separator: "\n")
  }

  static func crawl(sites: [String] = ["a.com", "b.org"], documents: Int = 12) throws -> String {
    var records: [String] = []
    for site in sites {
      for index in 0..<documents {
        let record: JSONValue = .object([
          "id": .string("\(site)/\(index)"), "url": .string("https://www.\(site)/n/\(index)"),
          "text": .string(document(index, site: site)),
        ])
        records.append(record.rendered)
      }
    }
    return try TestPaths.file(named: "crawl.jsonl", records.joined(separator: "\n") + "\n")
  }

  @Test("JSON Lines: a footer repeated across a site goes, credited to a learned id")
  func jsonLines() throws {
    let path = try Self.crawl()
    let run = CLIRun(["--jsonl", "--learn", "--explain", "--no-default-rules", path])
    #expect(run.status == .success)
    let lines = run.output.split(separator: "\n")
    #expect(lines.count == 24)
    #expect(!run.output.contains("\"body\":\"Follow"))
    #expect(run.output.contains(#""id":"learned-a-com-"#))
    #expect(run.output.contains(#""why":"repeated in 9 of 12 documents of a.com""#))
    #expect(run.errors.contains("tamis: learned "))
    let plain = CLIRun(["--jsonl", "--no-default-rules", "-q", path])
    #expect(plain.output.contains("followers"))
  }

  @Test("--learn-out writes packs that check --strict passes and --rules reloads on stdin")
  func learnOut() throws {
    let path = try Self.crawl()
    let packs = try TestPaths.temporaryFolder().appendingPathComponent("packs").path
    let run = CLIRun(["--jsonl", "--learn", "-q", "--no-default-rules", "--learn-out", packs, path])
    #expect(run.status == .success)
    let files = try FileManager.default.contentsOfDirectory(atPath: packs).sorted()
    #expect(files == ["a.com.rules", "b.org.rules"])
    let text = try String(contentsOfFile: packs + "/a.com.rules", encoding: .utf8)
    #expect(text.contains("site: a.com"))
    #expect(
      text.contains(#"drop-line: equals "Follow a.com on social media: {n1:number}K followers""#))
    let check = CLIRun(["check", "--strict", packs])
    #expect(check.status == .success, "\(check.output)\(check.errors)")
    let reload = CLIRun(
      ["--no-default-rules", "--rules", packs, "--site", "a.com", "-q"],
      input: Self.document(2, site: "a.com"))
    #expect(!reload.output.contains("followers"))
    // A second run never replaces the packs.
    let again = CLIRun(["--jsonl", "--learn", "--no-default-rules", "--learn-out", packs, path])
    #expect(again.status == .usageOrRules)
    #expect(again.errors.contains("never replaces a file"))
    #expect(again.output.isEmpty)
  }

  @Test("a document with no URL is learned under the site a pack's detect: recognises")
  func detectedSite() throws {
    var records: [String] = []
    for index in 0..<12 {
      let text = Self.document(index, site: "d.net") + "\n\nPublished with the Dnet platform\n"
      records.append(JSONValue.object(["id": .string("\(index)"), "text": .string(text)]).rendered)
    }
    let path = try TestPaths.file(named: "nourl.jsonl", records.joined(separator: "\n") + "\n")
    let pack = try TestPaths.file(
      named: "d.net.rules",
      "title: D net\nlang: any\nsite: d.net\ndetect: contains \"Dnet platform\"\n")
    let packs = try TestPaths.temporaryFolder().appendingPathComponent("packs").path
    let run = CLIRun([
      "--jsonl", "--learn", "--explain", "--no-default-rules", "--rules", pack,
      "--learn-out", packs, path,
    ])
    #expect(run.status == .success, "\(run.errors)")
    #expect(run.errors.contains("(0 without a site"))
    #expect(!run.output.contains("\"body\":\"Follow"))
    #expect(run.output.contains(#""why":"repeated in 9 of 12 documents of d.net""#))
    let written = try String(contentsOfFile: packs + "/d.net.rules", encoding: .utf8)
    #expect(written.contains("followers"))
    // Without the pack, nothing names their site: they are cleaned without learned lines.
    let alone = CLIRun(["--jsonl", "--learn", "--no-default-rules", path])
    #expect(alone.errors.contains("(12 without a site"))
    #expect(alone.output.contains("followers"))
  }

  @Test("a batch run learns per folder under the input")
  func batch() throws {
    let root = try TestPaths.temporaryFolder()
    let crawl = root.appendingPathComponent("crawl")
    for site in ["a.com", "b.org"] {
      let folder = crawl.appendingPathComponent(site)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for index in 0..<10 {
        try Data(Self.document(index, site: site).utf8).write(
          to: folder.appendingPathComponent("\(index).txt"))
      }
    }
    let out = root.appendingPathComponent("out").path
    let run = CLIRun(["--learn", "-q", crawl.path, "--out", out])
    #expect(run.status == .success, "\(run.errors)")
    let body = try String(contentsOfFile: out + "/crawl/a.com/1.txt", encoding: .utf8)
    #expect(!body.contains("followers"))
    #expect(body.contains("Story b of a.com"))
  }

  @Test(
    "standard input, a pipe and a plain filter run are refused before reading",
    arguments: [
      ["--jsonl", "--learn"], ["--jsonl", "--learn", "-"], ["--jsonl", "--learn", "/dev/stdin"],
      ["--learn", "x.txt"],
    ])
  func refused(arguments: [String]) {
    let run = CLIRun(arguments, input: "{\"text\": \"x\"}\n")
    #expect(run.status == .usageOrRules)
    #expect(run.output.isEmpty)
    #expect(run.errors.hasPrefix("tamis: error: --learn "))
  }
}
