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

  /// The whole help text, ending with a newline, ready to be written to stdout.
  ///
  /// - Parameters:
  ///   - programName: the name shown to the user, normally `tamis`.
  ///   - options: the options to list, normally the whole table.
  /// - Returns: the help text.
  static func render(programName: String = "tamis", options: [OptionSpec] = OptionSpec.all)
    -> String
  {
    var lines = [
      "\(programName): remove boilerplate, paywall pitches and captions from scraped news"
    ]
    lines.append("")
    for (number, usage) in usageLines(programName: programName).enumerated() {
      lines.append((number == 0 ? "usage: " : "       ") + usage)
    }
    lines.append("")
    lines += wrapped(
      "With no FILE, or when FILE is '-', \(programName) reads standard input and writes"
        + " the cleaned text to standard output. With --out, each PATH (a file or a"
        + " directory) is cleaned into a mirrored tree under DIR; nothing is written next"
        + " to the inputs. '\(programName) check' loads rule files, lints them and runs"
        + " their examples. '\(programName) suggest' reads a corpus (a folder with one"
        + " subfolder per site, or JSON Lines with a URL field) and prints drop-line rules for"
        + " the lines repeated across a site's documents; it changes nothing. To clean a file"
        + " named 'check' or 'suggest', write './check' or put it after '--'.")
    lines.append("")

    let column = options.map { label(of: $0).count }.max().map { $0 + 2 } ?? 0
    for group in OptionSpec.Group.allCases {
      let members = options.filter { $0.group == group }
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
    lines += wrapped(
      "Exit status: 0 if every input was processed, 1 if some inputs failed, 2 for a usage"
        + " or rule error.")
    return lines.joined(separator: "\n") + "\n"
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
