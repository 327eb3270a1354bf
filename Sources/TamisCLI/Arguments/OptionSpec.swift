/// One command-line option: its spellings, its value, its help line and where it applies.
///
/// `OptionSpec.all` (in `OptionSpec+Table.swift`) is the only place options are defined.
/// `ArgumentLexer`, `InvocationParser` and `HelpText` all read that table, so the parser and
/// `--help` cannot drift apart.
struct OptionSpec: Equatable, Sendable {
  /// Identifies an option. The raw value is its long name, the one place each is spelled.
  enum Key: String, CaseIterable, Sendable {
    /// `--site HOST`.
    case site
    /// `--lang CODE`.
    case lang
    /// `--field NAME`.
    case field
    /// `--url-field NAME`.
    case urlField = "url-field"
    /// `--encoding NAME`.
    case encoding
    /// `--format FORMAT`.
    case format
    /// `--captions PATH`.
    case captions
    /// `--explain`.
    case explain
    /// `--diff`.
    case diff
    /// `--replace`.
    case replace
    /// `--prefix NAME`.
    case prefix
    /// `--rules PATH`.
    case rules
    /// `--no-default-rules`.
    case noDefaultRules = "no-default-rules"
    /// `--no-structure`.
    case noStructure = "no-structure"
    /// `--keep-title`.
    case keepTitle = "keep-title"
    /// `--jsonl`.
    case jsonl
    /// `--out DIR`.
    case out
    /// `--resume`.
    case resume
    /// `--jobs N`.
    case jobs
    /// `--strict`.
    case strict
    /// `--min-docs N`.
    case minDocs = "min-docs"
    /// `--min-share P`.
    case minShare = "min-share"
    /// `--min-length N`.
    case minLength = "min-length"
    /// `--learn`.
    case learn
    /// `--learn-min-docs N`.
    case learnMinDocs = "learn-min-docs"
    /// `--learn-min-share P`.
    case learnMinShare = "learn-min-share"
    /// `--learn-out DIR`.
    case learnOut = "learn-out"
    /// `--quiet`.
    case quiet
    /// `--help`.
    case help
    /// `--version`.
    case version
  }

  /// A heading under which `--help` lists options; cases are in display order.
  enum Group: CaseIterable, Sendable {
    /// What the input looks like and where it comes from.
    case input
    /// What is written and in which form.
    case output
    /// Which rules are loaded.
    case rules
    /// How the run is organised: batch, JSON Lines, parallelism, `check`.
    case modes
    /// The thresholds of `tamis suggest`.
    case suggest
    /// Options every program has.
    case general

    /// The heading shown in help, without the colon.
    var title: String {
      switch self {
      case .input: "Input"
      case .output: "Output"
      case .rules: "Rules"
      case .modes: "Modes"
      case .suggest: "Suggest"
      case .general: "General"
      }
    }
  }

  /// Which commands accept an option: a set of `clean` (the default command), `check` and
  /// `suggest`.
  struct Availability: OptionSet, Sendable {
    let rawValue: UInt8

    /// Cleaning, the default command.
    static let clean = Availability(rawValue: 1 << 0)
    /// `tamis check`.
    static let check = Availability(rawValue: 1 << 1)
    /// `tamis suggest`.
    static let suggest = Availability(rawValue: 1 << 2)
    /// `tamis eval`.
    static let eval = Availability(rawValue: 1 << 3)
    /// Every command.
    static let always: Availability = [.clean, .check, .suggest, .eval]
    /// Only cleaning.
    static let cleanOnly: Availability = .clean
    /// Only `tamis check`.
    static let checkOnly: Availability = .check
    /// Only `tamis suggest`.
    static let suggestOnly: Availability = .suggest

    /// The availability that includes `command`, or an empty set for help and version.
    init(command: Invocation.Command) {
      switch command {
      case .clean: self = .clean
      case .check: self = .check
      case .suggest: self = .suggest
      case .eval: self = .eval
      case .help, .version: self = []
      }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The names of the subcommands included (`check`, `suggest`, `eval`), in that order.
    var subcommandNames: [String] {
      var names: [String] = []
      if contains(.check) { names.append(InvocationParser.checkCommandName) }
      if contains(.suggest) { names.append(InvocationParser.suggestCommandName) }
      if contains(.eval) { names.append(InvocationParser.evalCommandName) }
      return names
    }
  }

  /// Which option this is; the parser switches on this, never on spellings.
  let key: Key
  /// The single-letter spelling without its dash (`f` for `-f`), if the option has one.
  let shortName: Character?
  /// The placeholder shown in help for the option's value (`DIR`), or `nil` for a flag.
  let valueName: String?
  /// One line of help: lower-case start, no final period.
  let help: String
  /// The help heading the option is listed under.
  let group: Group
  /// Which commands accept the option.
  let availability: Availability
  /// Another option that must also be given for this one to make sense when cleaning.
  let requirement: Key?
  /// Options that cannot be combined with this one.
  let conflicts: [Key]

  /// Creates an option definition; only `OptionSpec.all` and tests call this.
  init(
    _ key: Key,
    short shortName: Character? = nil,
    value valueName: String? = nil,
    help: String,
    group: Group,
    availability: Availability = .cleanOnly,
    requires requirement: Key? = nil,
    conflicts: [Key] = []
  ) {
    self.key = key
    self.shortName = shortName
    self.valueName = valueName
    self.help = help
    self.group = group
    self.availability = availability
    self.requirement = requirement
    self.conflicts = conflicts
  }

  /// The long name without dashes, such as `url-field`.
  var longName: String { key.rawValue }

  /// The long spelling users type, such as `--url-field`.
  var longSpelling: String { Self.longSpelling(of: key) }

  /// The short spelling users type, such as `-f`, if the option has one.
  var shortSpelling: String? { shortName.map { "-\($0)" } }

  /// Whether the option takes a value (`--out DIR`) rather than being a flag (`--quiet`).
  var takesValue: Bool { valueName != nil }

  /// The long spelling of the option identified by `key`, such as `--jsonl`.
  static func longSpelling(of key: Key) -> String { "--\(key.rawValue)" }
}
