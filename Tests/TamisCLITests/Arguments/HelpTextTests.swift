import Testing

@testable import TamisCLI

/// The generated `--help` text: width, alignment, and every option listed.
@Suite struct HelpTextTests {
  /// The help text under test.
  static let help = HelpText.render()
  /// The help text split into lines, blank ones included.
  static let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

  @Test("every line fits in 80 columns")
  func width() {
    for line in Self.lines {
      #expect(line.count < 80, "\(line.count) columns: \(line)")
    }
  }

  @Test("help ends with exactly one newline")
  func trailingNewline() {
    #expect(Self.help.hasSuffix("\n") && !Self.help.hasSuffix("\n\n"))
  }

  @Test("every option appears with all its spellings", arguments: OptionSpec.all)
  func listsOption(_ spec: OptionSpec) throws {
    let label =
      (spec.shortSpelling.map { "\($0), " } ?? "    ") + spec.longSpelling
      + (spec.valueName.map { " \($0)" } ?? "")
    let line = try #require(Self.lines.first { $0.hasPrefix("  \(label) ") }, "\(label)")
    #expect(line.contains(spec.help.split(separator: " ").prefix(3).joined(separator: " ")))
  }

  @Test("option descriptions start in one column")
  func aligned() {
    let columns = Set(
      OptionSpec.all.compactMap { spec -> Int? in
        guard let line = Self.lines.first(where: { $0.contains(spec.longSpelling + " ") })
        else { return nil }
        let firstWord = String(spec.help.prefix { $0 != " " })
        return line.ranges(of: "  " + firstWord).first.map {
          line.distance(from: line.startIndex, to: $0.upperBound) - firstWord.count
        }
      })
    #expect(columns.count == 1, "\(columns)")
  }

  @Test("groups appear in order")
  func groupOrder() {
    let headings = Self.lines.filter { line in
      OptionSpec.Group.allCases.contains { "\($0.title):" == line }
    }
    #expect(headings == OptionSpec.Group.allCases.map { "\($0.title):" })
  }

  @Test("help shows every usage line")
  func usageLines() {
    #expect(Self.lines.contains("usage: tamis [OPTIONS] [FILE ...]"))
    #expect(Self.lines.contains("       tamis [OPTIONS] --out DIR PATH ..."))
    #expect(Self.lines.contains("       tamis --jsonl [OPTIONS] [FILE ...]"))
    #expect(Self.lines.contains("       tamis --explain [--diff] [OPTIONS] [FILE ...]"))
    #expect(Self.lines.contains("       tamis check [--strict] [PATH ...]"))
    #expect(Self.lines.contains("       tamis suggest [OPTIONS] DIR_OR_JSONL ..."))
  }

  @Test("help says that tamis reads standard input without FILE")
  func mentionsStandardInput() {
    let prose = Self.lines.joined(separator: " ")
    #expect(prose.contains("With no FILE, or when FILE is '-', tamis reads standard input"))
  }

  @Test("help says how to clean a file named check")
  func mentionsCheckFile() {
    let prose = Self.lines.joined(separator: " ")
    #expect(prose.contains("write './check' or put it after '--'"))
  }

  @Test("help uses the program name it is given")
  func programName() {
    let help = HelpText.render(programName: "tamis-dev")
    #expect(help.hasPrefix("tamis-dev: "))
    #expect(help.contains("usage: tamis-dev [OPTIONS] [FILE ...]"))
  }

  @Test("a long help line wraps into the description column")
  func wrapsLongHelp() {
    let spec = OptionSpec(
      .site, short: "s", value: "HOST",
      help: Array(repeating: "word", count: 30).joined(separator: " "), group: .input)
    let lines = HelpText.render(options: [spec])
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let optionLines = lines.drop { !$0.hasPrefix("  -s, --site HOST") }.prefix { !$0.isEmpty }
    #expect(optionLines.count > 1)
    #expect(optionLines.allSatisfy { $0.count < 80 })
    let indent = String(repeating: " ", count: "  -s, --site HOST  ".count)
    #expect(optionLines.dropFirst().allSatisfy { $0.hasPrefix(indent + "word") })
  }
}

/// `tamis check --help`, `suggest --help` and `eval --help`: each command's own page, from the
/// same option table.
@Suite struct CommandHelpTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let command: Invocation.Command
    let arguments: [String]
    let title: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(command: .check, arguments: ["check", "--help"], title: "tamis check: "),
    Case(command: .suggest, arguments: ["suggest", "-h"], title: "tamis suggest: "),
    Case(command: .eval, arguments: ["eval", "--help"], title: "tamis eval: "),
  ]

  @Test(arguments: cases)
  func ownPage(_ test: Case) {
    let run = CLIRun(test.arguments)
    #expect(run.status == .success)
    #expect(run.errors.isEmpty)
    #expect(run.output.hasPrefix(test.title))
    #expect(run.output == HelpText.render(for: test.command))
    let availability = OptionSpec.Availability(command: test.command)
    for spec in OptionSpec.all {
      let listed = run.output.split(separator: "\n").contains { line in
        let first = line.split(separator: " ").first.map(String.init)
        return first == spec.longSpelling || first == spec.shortSpelling.map { $0 + "," }
      }
      #expect(listed == spec.availability.contains(availability), "\(spec.longSpelling)")
    }
    for line in run.output.split(separator: "\n") {
      #expect(line.count < 80, "\(line)")
    }
  }

  @Test("the main help names the commands' own help")
  func mainPointsToCommands() {
    #expect(HelpText.render().contains("'tamis COMMAND --help'"))
  }
}
