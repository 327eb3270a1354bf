import Testing

@testable import TamisCLI

/// Parsing valid command lines into `Invocation`s.
@Suite struct InvocationParserTests {
  /// Arguments and the invocation they parse into.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let expected: Invocation
    var testDescription: String { name }
  }

  // MARK: - Every option in every spelling

  /// One sample use of an option: its value (nil for a flag), the arguments it needs around
  /// it to be valid, and the invocation that results.
  struct Sample: Sendable {
    let key: OptionSpec.Key
    let value: String?
    var before: [String] = []
    var after: [String] = []
    let expected: Invocation
  }

  /// One sample per option in the table.
  static let samples: [Sample] = [
    Sample(key: .site, value: "lemonde.fr", expected: Invocation(site: "lemonde.fr")),
    Sample(key: .lang, value: "fr", expected: Invocation(language: "fr")),
    Sample(
      key: .field, value: "body", before: ["--jsonl"],
      expected: Invocation(jsonLines: true, textField: "body")),
    Sample(
      key: .urlField, value: "link", before: ["--jsonl"],
      expected: Invocation(jsonLines: true, urlField: "link")),
    Sample(key: .format, value: "json", expected: Invocation(format: .json)),
    Sample(key: .encoding, value: "auto", expected: Invocation(encoding: .auto)),
    Sample(key: .captions, value: "caps.txt", expected: Invocation(captionsPath: "caps.txt")),
    Sample(key: .explain, value: nil, expected: Invocation(explain: true)),
    Sample(key: .diff, value: nil, expected: Invocation(diff: true)),
    Sample(
      key: .replace, value: nil, before: ["--jsonl"],
      expected: Invocation(jsonLines: true, replaceText: true)),
    Sample(
      key: .prefix, value: "tamis_", before: ["--jsonl"],
      expected: Invocation(jsonLines: true, fieldPrefix: "tamis_")),
    Sample(key: .rules, value: "extra.rules", expected: Invocation(rulePaths: ["extra.rules"])),
    Sample(key: .noDefaultRules, value: nil, expected: Invocation(useDefaultRules: false)),
    Sample(key: .noStructure, value: nil, expected: Invocation(structure: false)),
    Sample(key: .keepTitle, value: nil, expected: Invocation(keepTitle: true)),
    Sample(key: .jsonl, value: nil, expected: Invocation(jsonLines: true)),
    Sample(
      key: .out, value: "clean", after: ["dump"],
      expected: Invocation(inputs: ["dump"], outputDirectory: "clean")),
    Sample(
      key: .resume, value: nil, before: ["--out", "clean"], after: ["dump"],
      expected: Invocation(inputs: ["dump"], outputDirectory: "clean", resume: true)),
    Sample(key: .jobs, value: "4", expected: Invocation(jobs: 4)),
    Sample(
      key: .strict, value: nil, before: ["check"],
      expected: Invocation(command: .check, strict: true)),
    Sample(
      key: .minDocs, value: "3", before: ["suggest"], after: ["corpus"],
      expected: Invocation(command: .suggest, inputs: ["corpus"], minDocuments: 3)),
    Sample(
      key: .minShare, value: "0", before: ["suggest"], after: ["corpus"],
      expected: Invocation(command: .suggest, inputs: ["corpus"], minSharePercent: 0)),
    Sample(
      key: .minLength, value: "40", before: ["suggest"], after: ["corpus"],
      expected: Invocation(command: .suggest, inputs: ["corpus"], minLength: 40)),
    Sample(key: .learn, value: nil, expected: Invocation(learn: true)),
    Sample(
      key: .learnMinDocs, value: "3", before: ["--learn"],
      expected: Invocation(learn: true, learnMinDocuments: 3)),
    Sample(
      key: .learnMinShare, value: "50", before: ["--learn"],
      expected: Invocation(learn: true, learnMinSharePercent: 50)),
    Sample(
      key: .learnOut, value: "packs", before: ["--learn"],
      expected: Invocation(learn: true, learnOutDirectory: "packs")),
    Sample(key: .quiet, value: nil, expected: Invocation(quiet: true)),
    Sample(key: .help, value: nil, expected: Invocation(command: .help)),
    Sample(key: .version, value: nil, expected: Invocation(command: .version)),
  ]

  /// Every spelling of every sample: `-f json`, `-fjson`, `--format json`, `--format=json`
  /// for options with a value, `-q` and `--quiet` for flags.
  static let spellingCases: [Case] = samples.flatMap { sample -> [Case] in
    guard let spec = OptionSpec.all.first(where: { $0.key == sample.key }) else { return [] }
    var spellings: [[String]] = []
    if let value = sample.value {
      if let short = spec.shortSpelling {
        spellings += [[short, value], [short + value]]
      }
      spellings += [[spec.longSpelling, value], ["\(spec.longSpelling)=\(value)"]]
    } else {
      spellings += [spec.shortSpelling].compactMap { $0.map { [$0] } } + [[spec.longSpelling]]
    }
    return spellings.map { spelling in
      let arguments = sample.before + spelling + sample.after
      return Case(
        name: arguments.joined(separator: " "), arguments: arguments, expected: sample.expected)
    }
  }

  @Test("every option is accepted in every spelling", arguments: spellingCases)
  func spellings(_ testCase: Case) throws {
    #expect(try InvocationParser().parse(testCase.arguments) == testCase.expected)
  }

  @Test("every option in the table has a spelling sample")
  func samplesCoverTheTable() {
    #expect(Set(Self.samples.map(\.key)) == Set(OptionSpec.all.map(\.key)))
  }

  // MARK: - Operands, repetition, bundles, commands

  /// Operands, repetition, bundles and the `check` command.
  static let cases: [Case] = [
    Case(name: "no arguments clean standard input", arguments: [], expected: Invocation()),
    Case(
      name: "a lone dash is standard input", arguments: ["-"], expected: Invocation(inputs: ["-"])),
    Case(
      name: "operands keep their order around a dash", arguments: ["b.txt", "-", "a.txt"],
      expected: Invocation(inputs: ["b.txt", "-", "a.txt"])),
    Case(
      name: "options may follow operands", arguments: ["a.txt", "-q", "b.txt"],
      expected: Invocation(inputs: ["a.txt", "b.txt"], quiet: true)),
    Case(
      name: "after double dash an option spelling is a file", arguments: ["--", "-q"],
      expected: Invocation(inputs: ["-q"])),
    Case(
      name: "options before double dash still apply", arguments: ["-q", "--", "--format", "-"],
      expected: Invocation(inputs: ["--format", "-"], quiet: true)),
    Case(
      name: "a second double dash is a file", arguments: ["--", "--"],
      expected: Invocation(inputs: ["--"])),
    Case(
      name: "short flags bundle", arguments: ["-qe"],
      expected: Invocation(explain: true, quiet: true)),
    Case(
      name: "a bundle may end with an option taking the next argument",
      arguments: ["-eqf", "json"], expected: Invocation(format: .json, explain: true, quiet: true)),
    Case(
      name: "a bundle may end with an attached value", arguments: ["-qfjson"],
      expected: Invocation(format: .json, quiet: true)),
    Case(
      name: "the last format wins", arguments: ["--format", "json", "-ftext"],
      expected: Invocation(format: .text)),
    Case(
      name: "the last site wins", arguments: ["-s", "a.fr", "--site=b.fr"],
      expected: Invocation(site: "b.fr")),
    Case(
      name: "the last job count wins", arguments: ["--jobs", "2", "-j3"],
      expected: Invocation(jobs: 3)),
    Case(
      name: "the last output directory wins", arguments: ["-o", "a", "--out=b", "dump"],
      expected: Invocation(inputs: ["dump"], outputDirectory: "b")),
    Case(
      name: "rule paths accumulate in order",
      arguments: ["-r", "a", "--rules", "b", "--rules=c", "-rd"],
      expected: Invocation(rulePaths: ["a", "b", "c", "d"])),
    Case(
      name: "a repeated flag is harmless", arguments: ["-q", "--quiet", "-qq"],
      expected: Invocation(quiet: true)),
    Case(
      name: "a value may contain equals signs", arguments: ["--site=a=b"],
      expected: Invocation(site: "a=b")),
    Case(
      name: "an attached value may start with a dash", arguments: ["--out=-clean", "dump"],
      expected: Invocation(inputs: ["dump"], outputDirectory: "-clean")),
    Case(
      name: "rules may be read from standard input", arguments: ["--rules", "-"],
      expected: Invocation(rulePaths: ["-"])),
    Case(
      name: "JSON Lines with every companion option",
      arguments: ["--jsonl", "--field", "body", "--url-field=link", "--replace", "-j", "2", "-"],
      expected: Invocation(
        inputs: ["-"], jsonLines: true, textField: "body", urlField: "link", replaceText: true,
        jobs: 2)),
    Case(
      name: "batch mode with resume", arguments: ["-o", "clean", "--resume", "dump", "more"],
      expected: Invocation(inputs: ["dump", "more"], outputDirectory: "clean", resume: true)),
    Case(
      name: "captions are allowed when cleaning one stream", arguments: ["-c", "caps", "a.txt"],
      expected: Invocation(inputs: ["a.txt"], captionsPath: "caps")),
    Case(
      name: "check alone checks with no paths", arguments: ["check"],
      expected: Invocation(command: .check)),
    Case(
      name: "check takes rule paths as operands",
      arguments: ["check", "rules/a.rules", "-", "rules"],
      expected: Invocation(command: .check, inputs: ["rules/a.rules", "-", "rules"])),
    Case(
      name: "check accepts the options it shares with cleaning",
      arguments: ["check", "--strict", "-q", "x.rules"],
      expected: Invocation(command: .check, inputs: ["x.rules"], strict: true, quiet: true)),
    Case(
      name: "check after another argument is a file", arguments: ["-q", "check"],
      expected: Invocation(inputs: ["check"], quiet: true)),
    Case(
      name: "check after double dash is a file", arguments: ["--", "check"],
      expected: Invocation(inputs: ["check"])),
    Case(
      name: "a path to check is a file", arguments: ["./check"],
      expected: Invocation(inputs: ["./check"])),
    Case(
      name: "check twice checks a rule file named check", arguments: ["check", "check"],
      expected: Invocation(command: .check, inputs: ["check"])),
    Case(
      name: "suggest takes a corpus and the options it shares with cleaning",
      arguments: [
        "suggest", "corpus.jsonl", "--url-field=link", "--field", "body", "-r", "mine.rules",
        "--no-default-rules", "-l", "fr", "-qj2", "dumps",
      ],
      expected: Invocation(
        command: .suggest, inputs: ["corpus.jsonl", "dumps"], rulePaths: ["mine.rules"],
        useDefaultRules: false, language: "fr", textField: "body", urlField: "link", jobs: 2,
        quiet: true)),
    Case(
      name: "suggest thresholds, the last of a repeated one winning",
      arguments: ["suggest", "--min-docs", "2", "--min-share=0", "--min-docs=3", "c"],
      expected: Invocation(
        command: .suggest, inputs: ["c"], minDocuments: 3, minSharePercent: 0)),
    Case(
      name: "suggest after another argument is a file", arguments: ["-q", "suggest"],
      expected: Invocation(inputs: ["suggest"], quiet: true)),
    Case(
      name: "diff and explain together", arguments: ["--explain", "--diff", "dump"],
      expected: Invocation(inputs: ["dump"], explain: true, diff: true)),
  ]

  @Test("arguments parse into the expected invocation", arguments: cases)
  func parses(_ testCase: Case) throws {
    #expect(try InvocationParser().parse(testCase.arguments) == testCase.expected)
  }

  // MARK: - Help and version short-circuit

  /// Where `--help` and `--version` win, and where they are only text.
  static let shortCircuitCases: [Case] = [
    Case(
      name: "help wins over an unknown option", arguments: ["--bogus", "--help"],
      expected: Invocation(command: .help)),
    Case(
      name: "help wins over an invalid value", arguments: ["--format", "xml", "-h"],
      expected: Invocation(command: .help)),
    Case(
      name: "help wins over a conflict", arguments: ["--replace", "--strict", "-h"],
      expected: Invocation(command: .help)),
    Case(name: "help in a bundle", arguments: ["-qh"], expected: Invocation(command: .help)),
    Case(
      name: "help after an unknown letter in a bundle", arguments: ["-zh"],
      expected: Invocation(command: .help)),
    Case(
      name: "help is not taken as a missing value", arguments: ["--out", "--help"],
      expected: Invocation(command: .help)),
    Case(
      name: "help with a value is still help", arguments: ["--help=please"],
      expected: Invocation(command: .help)),
    Case(
      name: "help with check is check's help", arguments: ["check", "--help"],
      expected: Invocation(command: .help, helpTopic: .check)),
    Case(
      name: "help with suggest is suggest's help", arguments: ["suggest", "-h"],
      expected: Invocation(command: .help, helpTopic: .suggest)),
    Case(
      name: "help with eval is eval's help", arguments: ["eval", "--help", "gold"],
      expected: Invocation(command: .help, helpTopic: .eval)),
    Case(
      name: "a file named check before help is the main help", arguments: ["./check", "--help"],
      expected: Invocation(command: .help)),
    Case(
      name: "version wins over an unknown option", arguments: ["--ouput", "--version"],
      expected: Invocation(command: .version)),
    Case(
      name: "the first of help and version wins", arguments: ["--version", "--help"],
      expected: Invocation(command: .version)),
    Case(
      name: "the first of help and version wins either way", arguments: ["-h", "--version"],
      expected: Invocation(command: .help)),
    Case(
      name: "help after double dash is a file", arguments: ["--", "--help"],
      expected: Invocation(inputs: ["--help"])),
    Case(
      name: "an attached help spelling is a value", arguments: ["--site=--help"],
      expected: Invocation(site: "--help")),
    Case(
      name: "a bundled help spelling is a value", arguments: ["-sh"],
      expected: Invocation(site: "h")),
  ]

  @Test("help and version short-circuit everything else", arguments: shortCircuitCases)
  func shortCircuits(_ testCase: Case) throws {
    #expect(try InvocationParser().parse(testCase.arguments) == testCase.expected)
  }
}
