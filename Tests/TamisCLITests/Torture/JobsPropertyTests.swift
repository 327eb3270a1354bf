import Foundation
import Testing

@testable import TamisCLI

/// The same input and rules give byte-identical output with one job or two, in batch and JSON
/// Lines mode, over generated dumps (built-in rules and the torture pack; seeded, so every run
/// tests the same inputs).
@Suite struct JobsPropertyTests {
  /// Lines of the shipped fixture dumps: real boilerplate next to real body text.
  static let fixtureLines: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.dumps.path)) ?? []
    return files.filter { !$0.contains(".body.") && !$0.contains(".captions.") }.sorted()
      .flatMap { name -> [String] in
        let text =
          (try? String(contentsOf: TestPaths.dumps.appendingPathComponent(name), encoding: .utf8))
          ?? ""
        return text.components(separatedBy: "\n")
      }
  }()

  /// A seeded linear congruential generator (the library's SeededGenerator is not visible here).
  struct Generator {
    var state: UInt64
    mutating func below(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// A dump of fixture lines in a random order, with the odd bad byte or line end.
  static func dump(_ generator: inout Generator) -> [UInt8] {
    var bytes: [UInt8] = []
    let terminator: [UInt8] = [[0x0A], [0x0D, 0x0A], [0x0D]][generator.below(3)]
    for _ in 0..<(1 + generator.below(40)) {
      bytes += Array(fixtureLines[generator.below(fixtureLines.count)].utf8)
      if generator.below(30) == 0 { bytes.append(0xE9) }
      bytes += terminator
    }
    return bytes
  }

  @Test("batch: --jobs 1 and --jobs 2 write the same files", arguments: 0..<3)
  func batch(seed: Int) throws {
    var generator = Generator(state: UInt64(seed) &+ 17)
    let root = try TestPaths.temporaryFolder()
    let input = root.appendingPathComponent("in")
    for index in 0..<90 {
      let folder = input.appendingPathComponent("s\(index % 4)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(Self.dump(&generator)).write(to: folder.appendingPathComponent("d\(index).txt"))
    }
    // One rules file for every run: JSON output names the rule's path.
    let rules = try Torture.rulesFile()
    for format in ["text", "json"] {
      var outputs: [[String: Data]] = []
      var messages: [String] = []
      for jobs in ["1", "2"] {
        let out = root.appendingPathComponent("out-\(format)-\(jobs)")
        // The built-in rules and the torture pack.
        let run = ByteRun([
          "--rules", rules, input.path, "--out", out.path, "-q", "-j", jobs,
          "-f", format,
        ])
        messages.append(run.errors)
        var files: [String: Data] = [:]
        for file in Torture.files(under: out) {
          files[file] = try Data(contentsOf: out.appendingPathComponent(file))
        }
        outputs.append(files)
      }
      // One body (or JSON) file per document, and a captions file only for those with captions.
      let bodies = outputs[0].keys.filter { !$0.hasSuffix(".captions.tsv") }
      #expect(bodies.count == 90)
      if format == "json" { #expect(outputs[0].count == 90) }
      #expect(outputs[0] == outputs[1], "\(format)")
      #expect(messages[0] == messages[1])
    }
  }

  @Test("JSON Lines: --jobs 1 and --jobs 2 write the same lines", arguments: 0..<3)
  func jsonLines(seed: Int) throws {
    var generator = Generator(state: UInt64(seed) &+ 101)
    var records = ""
    for index in 0..<1_200 {
      let text = String(decoding: Self.dump(&generator), as: UTF8.self)
      var escaped = ""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        default: escaped.unicodeScalars.append(scalar)
        }
      }
      records += #"{"id":\#(index),"text":"\#(escaped)"}"# + "\n"
    }
    let input = try TestPaths.file(named: "records.jsonl", records)
    let rules = try Torture.rulesFile()
    let one = ByteRun(["--rules", rules, "--jsonl", input, "-j", "1", "--explain"])
    let two = ByteRun(["--rules", rules, "--jsonl", input, "-j", "2", "--explain"])
    #expect(one.status == .success)
    #expect(one.output.filter { $0 == 0x0A }.count == 1_200)
    #expect(one.output == two.output)
    #expect(one.errors == two.errors)
  }
}
