/// A mistake in the command line, found before any input is read (exit status 2).
///
/// Option spellings are the user's own (`-o` or `--out`) except for options the user did not
/// type, such as the one a `missingRequiredOption` asks for. Every `index` is a position in
/// argv, where 0 is the program name; for an option it is the option's own argument, even
/// when its value came from the next one.
enum UsageError: Error, Equatable, Sendable {
  /// A long option, or a lone short one, that tamis does not define.
  case unknownOption(String, index: Int, suggestion: String?)
  /// A letter in a bundle of short options that tamis does not define (`z` in `-qz`).
  case unknownShortOption(Character, bundle: String, index: Int, suggestion: String?)
  /// An option that needs a value came last, or before something that looks like an option.
  case missingValue(option: String, valueName: String, index: Int)
  /// A flag was given a value (`--quiet=yes`).
  case unexpectedValue(option: String, value: String, index: Int)
  /// An option was given an empty value (`--out=`).
  case emptyValue(option: String, index: Int)
  /// A value outside a fixed list (`--format xml`).
  case invalidChoice(
    option: String, value: String, index: Int, allowed: [String], suggestion: String?)
  /// A value that is not a whole number of at least 1 (`--jobs 0`).
  case invalidPositiveInteger(option: String, value: String, index: Int)
  /// A value that is not a whole number from 0 to 100 (`--min-share 120`).
  case invalidPercent(option: String, value: String, index: Int)
  /// An option given without another one it only makes sense with when cleaning (`--replace`
  /// without `--jsonl`); `required` is the missing option's long spelling.
  case missingRequiredOption(option: String, index: Int, required: String)
  /// Two options that cannot be combined (`--captions` with `--out`).
  case conflictingOptions(option: String, index: Int, other: String, otherIndex: Int)
  /// An option of a subcommand used while cleaning (`--strict`); `commands` names the
  /// subcommands that accept it.
  case requiresCommand(option: String, index: Int, commands: [String])
  /// An option used with a subcommand that does not accept it (`check --out DIR`).
  case notAllowedWithCommand(option: String, index: Int, command: String)
  /// `tamis suggest` without a corpus to read.
  case missingCorpus(command: String, index: Int)
  /// Batch mode (`--out DIR`) without any PATH to clean.
  case missingInputs(option: String, index: Int)
  /// Standard input (`-`) as an operand in batch mode, which needs named files.
  case standardInputNotAllowed(option: String, index: Int)

  /// The argv position the error points at (0 is the program name).
  var index: Int {
    switch self {
    case .unknownOption(_, let index, _), .unknownShortOption(_, _, let index, _),
      .missingValue(_, _, let index), .unexpectedValue(_, _, let index),
      .emptyValue(_, let index), .invalidChoice(_, _, let index, _, _),
      .invalidPositiveInteger(_, _, let index), .invalidPercent(_, _, let index),
      .missingRequiredOption(_, let index, _), .conflictingOptions(_, let index, _, _),
      .requiresCommand(_, let index, _), .notAllowedWithCommand(_, let index, _),
      .missingCorpus(_, let index), .missingInputs(_, let index),
      .standardInputNotAllowed(_, let index):
      index
    }
  }

  /// The one-line description: lower-case start, user text in single quotes, no final
  /// period, any suggestion after `; `.
  var message: String {
    switch self {
    case .unknownOption(let option, _, let suggestion):
      "unknown option '\(option)'\(Self.didYouMean(suggestion))"
    case .unknownShortOption(let letter, let bundle, _, let suggestion):
      "unknown option '-\(letter)' in '\(bundle)'\(Self.didYouMean(suggestion))"
    case .missingValue(let option, let valueName, _):
      "missing value for '\(option)'; expected \(valueName)"
    case .unexpectedValue(let option, let value, _):
      "unexpected value '\(value)' for flag '\(option)'"
    case .emptyValue(let option, _):
      "empty value for '\(option)'"
    case .invalidChoice(let option, let value, _, let allowed, let suggestion):
      "invalid value '\(value)' for '\(option)'"
        + (suggestion == nil
          ? "; expected \(Self.alternatives(allowed))" : Self.didYouMean(suggestion))
    case .invalidPositiveInteger(let option, let value, _):
      "invalid value '\(value)' for '\(option)'; expected a whole number of at least 1"
    case .invalidPercent(let option, let value, _):
      "invalid value '\(value)' for '\(option)'; expected a whole number from 0 to 100"
    case .missingRequiredOption(let option, _, let required):
      "option '\(option)' requires '\(required)'"
    case .conflictingOptions(let option, _, let other, _):
      "option '\(option)' cannot be used with '\(other)'"
    case .requiresCommand(let option, _, let commands):
      "option '\(option)' can only be used with \(Self.alternatives(commands))"
    case .notAllowedWithCommand(let option, _, let command):
      "option '\(option)' cannot be used with '\(command)'"
    case .missingCorpus(let command, _):
      "'\(command)' needs a corpus: a folder of dumps or a JSON Lines file"
    case .missingInputs(let option, _):
      "option '\(option)' requires at least one input PATH"
    case .standardInputNotAllowed(let option, _):
      "standard input ('-') cannot be used with '\(option)'"
    }
  }

  /// The full report for stderr: the message, the main usage line and a pointer to `--help`.
  ///
  /// - Parameter programName: the name shown to the user, normally `tamis`.
  /// - Returns: three lines, each ending in a newline, ready to be written as they are:
  ///   ```
  ///   tamis: error: unknown option '--ouput'; did you mean '--out'?
  ///   usage: tamis [OPTIONS] [FILE ...]
  ///   Try 'tamis --help' for more information.
  ///   ```
  func rendered(programName: String = "tamis") -> String {
    let usage = HelpText.usageLines(programName: programName).first ?? programName
    return """
      \(programName): error: \(message)
      usage: \(usage)
      Try '\(programName) --help' for more information.

      """
  }

  // MARK: - Private

  /// `; did you mean 'x'?` for a suggestion, or nothing.
  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }

  /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
  private static func alternatives(_ values: [String]) -> String {
    let quoted = values.map { "'\($0)'" }
    guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " or " + last
  }
}
