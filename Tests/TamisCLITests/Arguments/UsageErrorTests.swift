import Testing

@testable import TamisCLI

/// Every `UsageError` case: which arguments cause it, and its exact message.
@Suite struct UsageErrorTests {
  /// Arguments, the error they throw, and that error's message.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let error: UsageError
    let message: String
    var testDescription: String { name }
  }

  /// At least one case per `UsageError` case, plus which error wins when there are several.
  static let cases: [Case] = [
    // MARK: Unknown options
    Case(
      name: "a mistyped long option suggests the nearest name", arguments: ["--ouput", "a"],
      error: .unknownOption("--ouput", index: 1, suggestion: "--out"),
      message: "unknown option '--ouput'; did you mean '--out'?"),
    Case(
      name: "a suggestion ignores an attached value", arguments: ["-q", "--formt=json"],
      error: .unknownOption("--formt", index: 2, suggestion: "--format"),
      message: "unknown option '--formt'; did you mean '--format'?"),
    Case(
      name: "a suggestion ignores case", arguments: ["--JSONL"],
      error: .unknownOption("--JSONL", index: 1, suggestion: "--jsonl"),
      message: "unknown option '--JSONL'; did you mean '--jsonl'?"),
    Case(
      name: "a far-off long option gets no suggestion", arguments: ["--frobnicate"],
      error: .unknownOption("--frobnicate", index: 1, suggestion: nil),
      message: "unknown option '--frobnicate'"),
    Case(
      name: "a short mistyped long option suggests the nearest name", arguments: ["--ot"],
      error: .unknownOption("--ot", index: 1, suggestion: "--out"),
      message: "unknown option '--ot'; did you mean '--out'?"),
    Case(
      name: "a suggestion must differ in fewer characters than it has",
      arguments: ["--xyz"], error: .unknownOption("--xyz", index: 1, suggestion: nil),
      message: "unknown option '--xyz'"),
    Case(
      name: "a lone unknown short option", arguments: ["a", "-x"],
      error: .unknownOption("-x", index: 2, suggestion: nil), message: "unknown option '-x'"),
    Case(
      name: "an unknown letter in a bundle names the bundle", arguments: ["-qz"],
      error: .unknownShortOption("z", bundle: "-qz", index: 1, suggestion: nil),
      message: "unknown option '-z' in '-qz'"),
    Case(
      name: "a long option with one dash suggests two", arguments: ["-quiet"],
      error: .unknownShortOption("u", bundle: "-quiet", index: 1, suggestion: "--quiet"),
      message: "unknown option '-u' in '-quiet'; did you mean '--quiet'?"),

    // MARK: Values
    Case(
      name: "a value-taking option at the end lacks its value", arguments: ["--format"],
      error: .missingValue(option: "--format", valueName: "FORMAT", index: 1),
      message: "missing value for '--format'; expected FORMAT"),
    Case(
      name: "a short option at the end of a bundle lacks its value", arguments: ["a", "-qo"],
      error: .missingValue(option: "-o", valueName: "DIR", index: 2),
      message: "missing value for '-o'; expected DIR"),
    Case(
      name: "an option is not taken as a value", arguments: ["--out", "--quiet", "dump"],
      error: .missingValue(option: "--out", valueName: "DIR", index: 1),
      message: "missing value for '--out'; expected DIR"),
    Case(
      name: "a flag rejects an attached value", arguments: ["--quiet=yes"],
      error: .unexpectedValue(option: "--quiet", value: "yes", index: 1),
      message: "unexpected value 'yes' for flag '--quiet'"),
    Case(
      name: "a flag rejects an empty attached value", arguments: ["--jsonl="],
      error: .unexpectedValue(option: "--jsonl", value: "", index: 1),
      message: "unexpected value '' for flag '--jsonl'"),
    Case(
      name: "an empty value is rejected", arguments: ["--field=", "--jsonl"],
      error: .emptyValue(option: "--field", index: 1), message: "empty value for '--field'"),
    Case(
      name: "an empty next argument is rejected", arguments: ["-s", ""],
      error: .emptyValue(option: "-s", index: 1), message: "empty value for '-s'"),
    Case(
      name: "an unknown format lists the allowed ones", arguments: ["--format", "xml"],
      error: .invalidChoice(
        option: "--format", value: "xml", index: 1, allowed: ["text", "json"], suggestion: nil),
      message: "invalid value 'xml' for '--format'; expected 'text' or 'json'"),
    Case(
      name: "a mistyped format suggests the nearest one", arguments: ["-fJSON"],
      error: .invalidChoice(
        option: "-f", value: "JSON", index: 1, allowed: ["text", "json"], suggestion: "json"),
      message: "invalid value 'JSON' for '-f'; did you mean 'json'?"),
    Case(
      name: "zero jobs is rejected", arguments: ["--jobs", "0"],
      error: .invalidPositiveInteger(option: "--jobs", value: "0", index: 1),
      message: "invalid value '0' for '--jobs'; expected a whole number of at least 1"),
    Case(
      name: "a job count that is not a number is rejected", arguments: ["-jx"],
      error: .invalidPositiveInteger(option: "-j", value: "x", index: 1),
      message: "invalid value 'x' for '-j'; expected a whole number of at least 1"),
    Case(
      name: "a negative job count is rejected", arguments: ["--jobs=-2"],
      error: .invalidPositiveInteger(option: "--jobs", value: "-2", index: 1),
      message: "invalid value '-2' for '--jobs'; expected a whole number of at least 1"),

    // MARK: Relations between options
    Case(
      name: "replace without jsonl", arguments: ["--replace"],
      error: .missingRequiredOption(option: "--replace", index: 1, required: "--jsonl"),
      message: "option '--replace' requires '--jsonl'"),
    Case(
      name: "field without jsonl", arguments: ["--field", "body"],
      error: .missingRequiredOption(option: "--field", index: 1, required: "--jsonl"),
      message: "option '--field' requires '--jsonl'"),
    Case(
      name: "url field without jsonl", arguments: ["--url-field=link"],
      error: .missingRequiredOption(option: "--url-field", index: 1, required: "--jsonl"),
      message: "option '--url-field' requires '--jsonl'"),
    Case(
      name: "resume without out", arguments: ["dump", "--resume"],
      error: .missingRequiredOption(option: "--resume", index: 2, required: "--out"),
      message: "option '--resume' requires '--out'"),
    Case(
      name: "strict outside check", arguments: ["--strict"],
      error: .requiresCommand(option: "--strict", index: 1, commands: ["check"]),
      message: "option '--strict' can only be used with 'check'"),
    Case(
      name: "a suggest threshold outside suggest", arguments: ["dump", "--min-docs=3"],
      error: .requiresCommand(option: "--min-docs", index: 2, commands: ["suggest"]),
      message: "option '--min-docs' can only be used with 'suggest'"),
    Case(
      name: "a cleaning option with check", arguments: ["check", "-o", "clean", "x.rules"],
      error: .notAllowedWithCommand(option: "-o", index: 2, command: "check"),
      message: "option '-o' cannot be used with 'check'"),
    Case(
      name: "a suggest option with check", arguments: ["check", "--min-share", "5"],
      error: .notAllowedWithCommand(option: "--min-share", index: 2, command: "check"),
      message: "option '--min-share' cannot be used with 'check'"),
    Case(
      name: "a cleaning option with suggest", arguments: ["suggest", "corpus", "--site=x.fr"],
      error: .notAllowedWithCommand(option: "--site", index: 3, command: "suggest"),
      message: "option '--site' cannot be used with 'suggest'"),
    Case(
      name: "a check option with suggest", arguments: ["suggest", "--strict", "corpus"],
      error: .notAllowedWithCommand(option: "--strict", index: 2, command: "suggest"),
      message: "option '--strict' cannot be used with 'suggest'"),
    Case(
      name: "suggest without a corpus", arguments: ["suggest", "--min-docs", "2"],
      error: .missingCorpus(command: "suggest", index: 1),
      message: "'suggest' needs a corpus: a folder of dumps or a JSON Lines file"),
    Case(
      name: "suggest from standard input", arguments: ["suggest", "corpus", "-"],
      error: .standardInputNotAllowed(option: "suggest", index: 3),
      message: "standard input ('-') cannot be used with 'suggest'"),
    Case(
      name: "a share above 100 percent", arguments: ["suggest", "--min-share=120", "c"],
      error: .invalidPercent(option: "--min-share", value: "120", index: 2),
      message: "invalid value '120' for '--min-share'; expected a whole number from 0 to 100"),
    Case(
      name: "a minimum length of zero", arguments: ["suggest", "--min-length", "0", "c"],
      error: .invalidPositiveInteger(option: "--min-length", value: "0", index: 2),
      message: "invalid value '0' for '--min-length'; expected a whole number of at least 1"),
    Case(
      name: "diff with out", arguments: ["--diff", "--out", "clean", "dump"],
      error: .conflictingOptions(option: "--diff", index: 1, other: "--out", otherIndex: 2),
      message: "option '--diff' cannot be used with '--out'"),
    Case(
      name: "diff with JSON output", arguments: ["-fjson", "--diff", "dump"],
      error: .conflictingOptions(option: "--diff", index: 2, other: "-f json", otherIndex: 1),
      message: "option '--diff' cannot be used with '-f json'"),
    Case(
      name: "captions with out", arguments: ["-c", "caps", "--out", "clean", "dump"],
      error: .conflictingOptions(option: "-c", index: 1, other: "--out", otherIndex: 3),
      message: "option '-c' cannot be used with '--out'"),
    Case(
      name: "captions with jsonl", arguments: ["--jsonl", "--captions=caps"],
      error: .conflictingOptions(option: "--captions", index: 2, other: "--jsonl", otherIndex: 1),
      message: "option '--captions' cannot be used with '--jsonl'"),
    Case(
      name: "out without any path", arguments: ["--out", "clean"],
      error: .missingInputs(option: "--out", index: 1),
      message: "option '--out' requires at least one input PATH"),
    Case(
      name: "out with standard input", arguments: ["-oclean", "dump", "-"],
      error: .standardInputNotAllowed(option: "-o", index: 3),
      message: "standard input ('-') cannot be used with '-o'"),

    // MARK: Which error wins
    Case(
      name: "the first syntax error in argv wins", arguments: ["--format", "xml", "--bogus"],
      error: .invalidChoice(
        option: "--format", value: "xml", index: 1, allowed: ["text", "json"], suggestion: nil),
      message: "invalid value 'xml' for '--format'; expected 'text' or 'json'"),
    Case(
      name: "a syntax error wins over an earlier conflict", arguments: ["--strict", "--xyzzy"],
      error: .unknownOption("--xyzzy", index: 2, suggestion: nil),
      message: "unknown option '--xyzzy'"),
    Case(
      name: "the earliest conflict in argv wins", arguments: ["--resume", "x", "--replace"],
      error: .missingRequiredOption(option: "--resume", index: 1, required: "--out"),
      message: "option '--resume' requires '--out'"),
    Case(
      name: "a repeated option is reported where it last appears",
      arguments: ["--replace", "--replace"],
      error: .missingRequiredOption(option: "--replace", index: 2, required: "--jsonl"),
      message: "option '--replace' requires '--jsonl'"),
  ]

  @Test("bad arguments throw the expected error", arguments: cases)
  func throwsError(_ testCase: Case) {
    #expect(throws: testCase.error) {
      try InvocationParser().parse(testCase.arguments)
    }
  }

  @Test("every error has its exact message", arguments: cases)
  func message(_ testCase: Case) {
    #expect(testCase.error.message == testCase.message)
  }

  @Test("an error renders with the usage line and a pointer to help")
  func rendered() {
    let error = UsageError.unknownOption("--ouput", index: 1, suggestion: "--out")
    #expect(
      error.rendered() == """
        tamis: error: unknown option '--ouput'; did you mean '--out'?
        usage: tamis [OPTIONS] [FILE ...]
        Try 'tamis --help' for more information.

        """)
  }

  @Test("an error renders with the program name it is given")
  func renderedWithProgramName() {
    let error = UsageError.requiresCommand(option: "--strict", index: 1, commands: ["check"])
    #expect(
      error.rendered(programName: "tamis-dev") == """
        tamis-dev: error: option '--strict' can only be used with 'check'
        usage: tamis-dev [OPTIONS] [FILE ...]
        Try 'tamis-dev --help' for more information.

        """)
  }
}
