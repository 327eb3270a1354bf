/// The `--help` text, generated from the `OptionSpec` table.
///
/// Layout: a one-line description, the `usage:` lines, a paragraph on operands, then the
/// options under their group headings with every description starting in one column, and
/// the exit statuses. Every line is at most `maximumWidth` columns; long descriptions wrap
/// onto continuation lines in the same column.
enum HelpText {
  /// The widest a help line may be, in Characters, so it fits an 80-column terminal.
  static let maximumWidth = 79

  /// The synopsis lines, most common first, without the `usage:` prefix.
  ///
  /// - Parameter programName: the name shown to the user, normally `tamis`.
  /// - Returns: one synopsis per mode.
  static func usageLines(programName: String = "tamis") -> [String] {
    [
      "\(programName) [OPTIONS] [FILE ...]",
      "\(programName) [OPTIONS] --out DIR PATH ...",
      "\(programName) --jsonl [OPTIONS] [FILE ...]",
      "\(programName) --explain [--diff] [OPTIONS] [FILE ...]",
      "\(programName) \(InvocationParser.checkCommandName) [--strict] [PATH ...]",
      "\(programName) \(InvocationParser.suggestCommandName) [OPTIONS] DIR_OR_JSONL ...",
      "\(programName) \(InvocationParser.evalCommandName) [--rules PATH] GOLD_DIR ...",
    ]
  }

  /// The whole help text of `command`, ending with a newline, ready to be written to stdout.
  ///
  /// The main page lists every option; a command's page lists only the options it accepts
  /// (`OptionSpec.availability`), so `tamis check --help` and `tamis --help` come from the same
  /// table.
  /// - Parameters:
  ///   - command: the command whose help is shown: `.clean` (also for `.help`, `.version`) is the
  ///     main help, `.check`, `.suggest` and `.eval` their own.
  ///   - programName: the name shown to the user, normally `tamis`.
  ///   - options: the options to list, normally the whole table.
  /// - Returns: the help text.
  static func render(
    for command: Invocation.Command = .clean, programName: String = "tamis",
    options: [OptionSpec] = OptionSpec.all
  ) -> String {
    let page = Page(command: command, programName: programName)
    var lines = [page.title, ""]
    for (number, usage) in page.usages.enumerated() {
      lines.append((number == 0 ? "usage: " : "       ") + usage)
    }
    lines.append("")
    lines += wrapped(page.description)
    lines.append("")

    // The main page lists every option, each saying which command it belongs to; a command's
    // page only those it accepts.
    let availability = OptionSpec.Availability(command: page.command)
    let listed =
      page.command == .clean ? options : options.filter { $0.availability.contains(availability) }
    let column = listed.map { label(of: $0).count }.max().map { $0 + 2 } ?? 0
    for group in OptionSpec.Group.allCases {
      let members = listed.filter { $0.group == group }
      guard !members.isEmpty else { continue }
      lines.append("\(group.title):")
      for spec in members {
        let label = label(of: spec)
        let padding = String(repeating: " ", count: column - label.count)
        lines += wrapped(
          spec.help, firstPrefix: label + padding,
          prefix: String(repeating: " ", count: column))
      }
      lines.append("")
    }
    lines += wrapped(page.exitStatus)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The parts of one command's help page that are not the option list.
  private struct Page {
    /// The command the page is about, `.clean` for the main page.
    let command: Invocation.Command
    /// The one-line description.
    let title: String
    /// The synopsis lines, without `usage:`.
    let usages: [String]
    /// The paragraph on operands and what the command does.
    let description: String
    /// The paragraph on exit statuses.
    let exitStatus: String

    init(command given: Invocation.Command, programName name: String) {
      let check = "\(name) \(InvocationParser.checkCommandName)"
      let suggest = "\(name) \(InvocationParser.suggestCommandName)"
      let eval = "\(name) \(InvocationParser.evalCommandName)"
      switch given {
      case .check:
        command = .check
        title = "\(check): load rule files, lint them and run their examples"
        usages = ["\(check) [--strict] [-q] [PATH ...]"]
        description =
          "Each PATH is a rule file or a folder of '.rules' files; with no PATH the built-in"
          + " rules are checked. Every problem is reported as 'path:line:col: error|warning:"
          + " message', all files at once."
        exitStatus =
          "Exit status: 0 if every example passed, 1 if an example failed (or a warning was"
          + " found with --strict), 2 for a rule-file error."
      case .suggest:
        command = .suggest
        title = "\(suggest): propose drop-line rules for lines repeated across a site"
        usages = ["\(suggest) [OPTIONS] DIR_OR_JSONL ..."]
        description =
          "Reads a corpus (a folder with one subfolder per site, or JSON Lines with a URL"
          + " field), cleans each document with the current rules and prints, per site, a"
          + " ready-to-paste rule for each line left in many documents. It changes nothing."
        exitStatus =
          "Exit status: 0 if the corpus was read, 1 if some inputs failed, 2 for a usage or"
          + " rule error."
      case .eval:
        command = .eval
        title = "\(eval): score the rules against folders of labelled dumps"
        usages = ["\(eval) [--rules PATH] [--no-default-rules] GOLD_DIR ..."]
        description =
          "Each GOLD_DIR holds LANG/NAME.txt dumps, each with NAME.body.txt (its true body) and"
          + " NAME.captions.txt (its true captions, text<TAB>credit per line). Prints body"
          + " lost, body precision, boilerplate removed and captions right, per language,"
          + " with and without a site pack, and overall."
        exitStatus =
          "Exit status: 0 if every floor is met, 1 if a floor is missed, 2 for a usage or rule"
          + " error."
      case .clean, .help, .version:
        command = .clean
        title = "\(name): remove boilerplate, paywall pitches and captions from scraped news"
        usages = HelpText.usageLines(programName: name)
        description =
          "With no FILE, or when FILE is '-', \(name) reads standard input and writes"
          + " the cleaned text to standard output. With --out, each PATH (a file or a"
          + " directory) is cleaned into a mirrored tree under DIR; nothing is written next"
          + " to the inputs. '\(check)' loads rule files, lints them and runs"
          + " their examples; '\(suggest)' proposes rules for lines repeated in a corpus;"
          + " '\(eval)' scores the rules on labelled dumps. '\(name) COMMAND --help' shows"
          + " a command's own help. To clean a file named 'check', 'suggest' or 'eval', write"
          + " './check' or put it after '--'."
        exitStatus =
          "Exit status: 0 if every input was processed, 1 if some inputs failed, 2 for a usage"
          + " or rule error."
      }
    }
  }

  // MARK: - Private

  /// The left column of an option line, such as `  -o, --out DIR` or `      --jsonl`.
  private static func label(of spec: OptionSpec) -> String {
    let short = spec.shortSpelling.map { "\($0), " } ?? "    "
    let value = spec.valueName.map { " \($0)" } ?? ""
    return "  \(short)\(spec.longSpelling)\(value)"
  }

  /// `text` broken at spaces into lines of at most `maximumWidth` Characters, the first
  /// starting with `firstPrefix` and the rest with `prefix`. A word longer than a line
  /// stays whole.
  private static func wrapped(_ text: String, firstPrefix: String = "", prefix: String = "")
    -> [String]
  {
    var lines: [String] = []
    var line = firstPrefix
    var lineIsEmpty = true
    for word in text.split(separator: " ") {
      if lineIsEmpty {
        line += word
      } else if line.count + 1 + word.count <= maximumWidth {
        line += " \(word)"
      } else {
        lines.append(line)
        line = prefix + word
      }
      lineIsEmpty = false
    }
    lines.append(line)
    return lines
  }
}
