import Tamis

/// Validates argv into an `Invocation`, against the `OptionSpec` table.
///
/// Parsing is pure: no I/O, no environment. The rules, in the order they apply:
///
/// 1. `-h`/`--help` and `--version` short-circuit: the first of them wins over every other
///    option and every error (`tamis --bogus --help` is a request for help). After `--` they
///    are operands, and as a value (`--site=--help`) they are values. After a subcommand
///    (`tamis check --help`), help is that command's own (`Invocation.helpTopic`).
/// 2. If the first argument is exactly `check`, the command is `.check` and the operands are
///    rule paths; if it is exactly `suggest`, the command is `.suggest` and the operands are
///    corpus folders and JSON Lines files. Anywhere else, or spelled `./check`, or after `--`,
///    such a word is a file to clean.
/// 3. Options are read in order. A repeated option keeps its last value, except `--rules`,
///    which collects every path in order. The first unknown option or bad value is thrown.
/// 4. Then the options are checked against each other and against the command (`--replace`
///    needs `--jsonl` when cleaning, `--strict` needs `check`, `suggest` needs a corpus, and so
///    on); of those problems, the one earliest in argv is thrown.
struct InvocationParser: Sendable {
  /// The first argument that selects `tamis check`.
  static let checkCommandName = "check"
  /// The first argument that selects `tamis suggest`.
  static let suggestCommandName = "suggest"
  /// The first argument that selects `tamis eval`.
  static let evalCommandName = "eval"

  private let options: [OptionSpec]

  /// Creates a parser for `options`, normally the whole table.
  init(options: [OptionSpec] = OptionSpec.all) {
    self.options = options
  }

  /// The invocation that `arguments` asks for.
  ///
  /// - Parameter arguments: argv without the program name; `arguments[0]` has index 1 in
  ///   errors.
  /// - Returns: a valid invocation; see `Invocation` for the guarantees.
  /// - Throws: the first `UsageError`, as described on the type.
  func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    let tokens = ArgumentLexer(options: options).tokens(arguments)
    var invocation = Invocation()
    var remaining = tokens[...]
    if let first = remaining.first, first.index == 1, case .operand(let word) = first.kind,
      let subcommand = Self.subcommand(named: word)
    {
      invocation.command = subcommand
      remaining = remaining.dropFirst()
    }
    if let command = Self.shortCircuitCommand(in: tokens) {
      var shortCircuit = Invocation(command: command)
      if command == .help { shortCircuit.helpTopic = invocation.command }
      return shortCircuit
    }

    var occurrences: [OptionSpec.Key: Occurrence] = [:]
    var standardInputIndex: Int?
    for token in remaining {
      switch token.kind {
      case .endOfOptions:
        continue
      case .operand(let operand):
        invocation.inputs.append(operand)
        if operand == "-", standardInputIndex == nil {
          standardInputIndex = token.index
        }
      case .unknownOption(let spelling):
        let typed = String(spelling.drop { $0 == "-" })
        throw .unknownOption(spelling, index: token.index, suggestion: suggestion(for: typed))
      case .unknownShortOption(let letter, let bundle):
        let typed = String(bundle.dropFirst())
        throw .unknownShortOption(
          letter, bundle: bundle, index: token.index, suggestion: suggestion(for: typed))
      case .option(let spec, let spelling, let value):
        let occurrence = Occurrence(spelling: spelling, index: token.index)
        try apply(spec, value: value, at: occurrence, to: &invocation)
        occurrences[spec.key] = occurrence
      }
    }

    let problems = relationProblems(
      of: invocation, occurrences: occurrences, standardInputIndex: standardInputIndex)
    if let first = problems.min(by: { $0.index < $1.index }) {
      throw first
    }
    return invocation
  }

  // MARK: - Private

  /// Where and how an option was last spelled.
  private struct Occurrence {
    /// The spelling the user typed, such as `-o`.
    let spelling: String
    /// The argv index of the option.
    let index: Int
  }

  /// The subcommand a first argument names exactly (`check`, `suggest`, `eval`), if any.
  private static func subcommand(named word: String) -> Invocation.Command? {
    switch word {
    case checkCommandName: .check
    case suggestCommandName: .suggest
    case evalCommandName: .eval
    default: nil
    }
  }

  /// `.help` or `.version` if either was asked for (the first wins), otherwise `nil`.
  private static func shortCircuitCommand(in tokens: [ArgumentToken]) -> Invocation.Command? {
    for token in tokens {
      guard case .option(let spec, _, _) = token.kind else { continue }
      switch spec.key {
      case .help: return .help
      case .version: return .version
      default: continue
      }
    }
    return nil
  }

  /// The long spelling nearest to `typed`, such as `--out` for `ouput`.
  private func suggestion(for typed: String) -> String? {
    Self.nearest(to: typed, among: options.map(\.longName)).map { "--\($0)" }
  }

  /// The candidate nearest to `typed`, ignoring case, if it is a likely typo.
  ///
  /// On top of the library's limit (at most `Settings.suggestionDistance` edits), the
  /// distance must be smaller than both words, so that `-x` does not suggest `--out`:
  /// option names are short, and three edits can turn any short name into another.
  private static func nearest(to typed: String, among candidates: [String]) -> String? {
    let folded = typed.lowercased()
    guard let candidate = Suggestion.nearest(to: folded, in: candidates) else { return nil }
    let distance = Suggestion.editDistance(folded, candidate)
    return distance < min(folded.count, candidate.count) ? candidate : nil
  }

  /// Stores one option's value (or sets one flag) after checking its syntax.
  private func apply(
    _ spec: OptionSpec, value: String?, at occurrence: Occurrence,
    to invocation: inout Invocation
  ) throws(UsageError) {
    /// The option's value, which must be present and non-empty.
    func required() throws(UsageError) -> String {
      guard let value else {
        throw .missingValue(
          option: occurrence.spelling, valueName: spec.valueName ?? "a value",
          index: occurrence.index)
      }
      guard !value.isEmpty else {
        throw .emptyValue(option: occurrence.spelling, index: occurrence.index)
      }
      return value
    }
    /// Checks that a flag came without a value.
    func flag() throws(UsageError) -> Bool {
      if let value {
        throw .unexpectedValue(option: occurrence.spelling, value: value, index: occurrence.index)
      }
      return true
    }

    switch spec.key {
    case .site: invocation.site = try required()
    case .lang: invocation.language = try required()
    case .field: invocation.textField = try required()
    case .urlField: invocation.urlField = try required()
    case .format: invocation.format = try format(try required(), at: occurrence)
    case .encoding: invocation.encoding = try encoding(try required(), at: occurrence)
    case .captions: invocation.captionsPath = try required()
    case .explain: invocation.explain = try flag()
    case .diff: invocation.diff = try flag()
    case .replace: invocation.replaceText = try flag()
    case .prefix: invocation.fieldPrefix = try required()
    case .rules: invocation.rulePaths.append(try required())
    case .noDefaultRules: invocation.useDefaultRules = !(try flag())
    case .noStructure: invocation.structure = !(try flag())
    case .keepTitle: invocation.keepTitle = try flag()
    case .jsonl: invocation.jsonLines = try flag()
    case .out: invocation.outputDirectory = try required()
    case .resume: invocation.resume = try flag()
    case .jobs: invocation.jobs = try positiveInteger(try required(), at: occurrence)
    case .strict: invocation.strict = try flag()
    case .minDocs: invocation.minDocuments = try positiveInteger(try required(), at: occurrence)
    case .minShare: invocation.minSharePercent = try percent(try required(), at: occurrence)
    case .minLength: invocation.minLength = try positiveInteger(try required(), at: occurrence)
    case .quiet: invocation.quiet = try flag()
    case .learn: invocation.learn = try flag()
    case .learnMinDocs:
      invocation.learnMinDocuments = try positiveInteger(try required(), at: occurrence)
    case .learnMinShare:
      invocation.learnMinSharePercent = try percent(try required(), at: occurrence)
    case .learnOut: invocation.learnOutDirectory = try required()
    // Unreachable after the short circuit, but a value is still a syntax error.
    case .help, .version: _ = try flag()
    }
  }

  /// The format named by `value`.
  private func format(_ value: String, at occurrence: Occurrence) throws(UsageError)
    -> Invocation.Format
  {
    if let format = Invocation.Format(rawValue: value) {
      return format
    }
    let allowed = Invocation.Format.allCases.map(\.rawValue)
    throw .invalidChoice(
      option: occurrence.spelling, value: value, index: occurrence.index, allowed: allowed,
      suggestion: Self.nearest(to: value, among: allowed))
  }

  /// The input encoding named by `value`.
  private func encoding(_ value: String, at occurrence: Occurrence) throws(UsageError)
    -> InputEncoding
  {
    if let encoding = InputEncoding(rawValue: value.lowercased()) {
      return encoding
    }
    let allowed = InputEncoding.allCases.map(\.rawValue)
    throw .invalidChoice(
      option: occurrence.spelling, value: value, index: occurrence.index, allowed: allowed,
      suggestion: Self.nearest(to: value, among: allowed))
  }

  /// The whole number of at least 1 written as `value`.
  private func positiveInteger(_ value: String, at occurrence: Occurrence) throws(UsageError)
    -> Int
  {
    guard let number = Int(value), number >= 1 else {
      throw .invalidPositiveInteger(
        option: occurrence.spelling, value: value, index: occurrence.index)
    }
    return number
  }

  /// The whole number from 0 to 100 written as `value`.
  private func percent(_ value: String, at occurrence: Occurrence) throws(UsageError) -> Int {
    guard let number = Int(value), (0...100).contains(number) else {
      throw .invalidPercent(option: occurrence.spelling, value: value, index: occurrence.index)
    }
    return number
  }

  /// Every problem between options, or between an option and the command, in table order.
  private func relationProblems(
    of invocation: Invocation, occurrences: [OptionSpec.Key: Occurrence],
    standardInputIndex: Int?
  ) -> [UsageError] {
    var problems: [UsageError] = []
    for spec in options {
      guard let occurrence = occurrences[spec.key] else { continue }
      let command = OptionSpec.Availability(command: invocation.command)
      if !spec.availability.contains(command) {
        if invocation.command == .clean {
          problems.append(
            .requiresCommand(
              option: occurrence.spelling, index: occurrence.index,
              commands: spec.availability.subcommandNames))
        } else {
          problems.append(
            .notAllowedWithCommand(
              option: occurrence.spelling, index: occurrence.index,
              command: Self.name(of: invocation.command)))
        }
        continue
      }
      if invocation.command == .clean, let required = spec.requirement,
        occurrences[required] == nil
      {
        problems.append(
          .missingRequiredOption(
            option: occurrence.spelling, index: occurrence.index,
            required: OptionSpec.longSpelling(of: required)))
      }
      for conflict in spec.conflicts {
        guard let other = occurrences[conflict] else { continue }
        problems.append(
          .conflictingOptions(
            option: occurrence.spelling, index: occurrence.index, other: other.spelling,
            otherIndex: other.index))
      }
    }
    if invocation.command == .clean, invocation.diff, invocation.format == .json,
      let diff = occurrences[.diff], let format = occurrences[.format]
    {
      problems.append(
        .conflictingOptions(
          option: diff.spelling, index: diff.index, other: "\(format.spelling) json",
          otherIndex: format.index))
    }
    if invocation.command == .eval, invocation.inputs.isEmpty {
      problems.append(.missingCorpus(command: Self.evalCommandName, index: 1))
    }
    if invocation.command == .suggest {
      if invocation.inputs.isEmpty {
        problems.append(.missingCorpus(command: Self.suggestCommandName, index: 1))
      }
      if let standardInputIndex {
        problems.append(
          .standardInputNotAllowed(option: Self.suggestCommandName, index: standardInputIndex))
      }
    }
    if invocation.command == .clean, let out = occurrences[.out] {
      if invocation.inputs.isEmpty {
        problems.append(.missingInputs(option: out.spelling, index: out.index))
      }
      if let standardInputIndex {
        problems.append(.standardInputNotAllowed(option: out.spelling, index: standardInputIndex))
      }
    }
    return problems
  }

  /// The name users type for a subcommand (`check`, `suggest`).
  private static func name(of command: Invocation.Command) -> String {
    switch command {
    case .check: checkCommandName
    case .suggest: suggestCommandName
    case .eval: evalCommandName
    case .clean, .help, .version: "tamis"
    }
  }
}
