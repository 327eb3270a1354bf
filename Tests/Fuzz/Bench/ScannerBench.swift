// Times the line scanner against the reference scanner it replaced (Harness/ReferenceScanner)
// on ordinary dumps with the built-in rules and on hostile rule sets, and prints one line per
// scenario: `scenario=… scanner=… bytes=… seconds=… mb_per_s=…`. Built by Tests/Fuzz/bench.sh.
import Foundation

@main
struct ScannerBench {
  static func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count == 2 else {
      FileHandle.standardError.write(Data("usage: scanner-bench DUMPS_DIR\n".utf8))
      exit(2)
    }
    // Ordinary text: the fixture dumps, repeated to about 20 MB.
    let folder = URL(fileURLWithPath: arguments[1])
    var corpus: [UInt8] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      .filter { $0.hasSuffix(".txt") && !$0.contains(".body.") && !$0.contains(".captions.") }
    while corpus.count < 20_000_000 {
      for name in names { corpus += try Data(contentsOf: folder.appendingPathComponent(name)) }
    }
    run("builtin-rules", try RuleSet.builtin(), corpus)

    let repeated = (1...500).map { String(repeating: "a ", count: $0 - 1) + "a" }
    let hostile: [(String, [String], [UInt8])] = [
      (
        "overlapping-500", repeated.map { "drop-line: \"\($0)\"" },
        Array(String(repeating: "a ", count: 100_000).utf8)
      ),
      (
        "ends-with-500", repeated.map { "drop-line: ends-with \"\($0)\"" },
        Array((String(repeating: "a ", count: 100_000) + "b").utf8)
      ),
      (
        "one-word-1000", (1...1_000).map { "drop-line: \"\(String(repeating: "a", count: $0))\"" },
        Array(String(repeating: "a", count: 200_000).utf8)
      ),
      (
        "strip-span-template", ["strip-span: \"foo {x:word} bar\""],
        Array(String(repeating: "foo ", count: 50_000).utf8)
      ),
    ]
    for (name, actions, text) in hostile {
      let file =
        "title: Hostile\nlang: any\ngroup: hostile\n  why: adversarial\n"
        + actions.map { "  \($0)\n" }.joined()
      run(name, try RuleSet(parsing: file, source: "h.rules"), text)
    }
  }

  static func run(_ scenario: String, _ rules: RuleSet, _ text: [UInt8]) {
    let compiled = CompiledRuleSet(rules)
    let lines = text.withUnsafeBufferPointer { LineIndex($0).lines }
    for name in ["current", "reference"] {
      let started = Date()
      var hits = 0
      text.withUnsafeBufferPointer { bytes in
        var scanner = LineScanner(compiled)
        var reference = ReferenceLineScanner(compiled)
        for line in lines {
          let content = UnsafeBufferPointer(rebasing: bytes[line.content])
          hits += name == "current" ? scanner.scan(content).count : reference.scan(content).count
        }
      }
      let seconds = Date().timeIntervalSince(started)
      print(
        "scenario=\(scenario) scanner=\(name) bytes=\(text.count) hits=\(hits)"
          + String(
            format: " seconds=%.3f mb_per_s=%.1f", seconds, Double(text.count) / 1e6 / seconds))
    }
  }
}
