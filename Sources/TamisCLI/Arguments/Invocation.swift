import Tamis

/// What the user asked tamis to do.
///
/// `InvocationParser` builds it from argv and guarantees the combinations documented on each
/// property; the commands can rely on them without checking again.
struct Invocation: Equatable, Sendable {
  /// The command to run.
  enum Command: Equatable, Sendable {
    /// Clean documents (the default).
    case clean
    /// Check rule files and run their examples (`tamis check`).
    case check
    /// Mine a corpus for repeated lines and print rules for them (`tamis suggest`).
    case suggest
    /// Score the rules against a folder of labelled dumps (`tamis eval`).
    case eval
    /// Print help to stdout and exit 0.
    case help
    /// Print the version to stdout and exit 0.
    case version
  }

  /// The form of the cleaned output.
  enum Format: String, CaseIterable, Equatable, Sendable {
    /// Plain text: the cleaned body.
    case text
    /// JSON: the cleaned body with captions and removals.
    case json
  }

  /// The command to run; `.help` and `.version` leave every other property at its default.
  var command: Command = .clean
  /// With `.help`, the command whose help was asked for: `tamis check --help` gives `.check`;
  /// `.clean` for the main help.
  var helpTopic: Command = .clean
  /// Operands in order: files or directories to clean, rule paths for `check`, or the
  /// folders and JSON Lines files of a corpus for `suggest`.
  ///
  /// `-` means standard input. When cleaning, an empty list also means standard input. For
  /// `suggest` the list is non-empty and does not contain `-`.
  var inputs: [String] = []
  /// `--encoding NAME`: how the input's bytes are read; nil for the default, UTF-8 with the
  /// bytes kept, in which case `meta` does not name the encoding.
  var encoding: InputEncoding?
  /// `--format text|json` (`-f`).
  var format: Format = .text
  /// `--captions PATH` (`-c`); never set together with `outputDirectory` or `jsonLines`.
  var captionsPath: String?
  /// `--rules PATH` (`-r`), repeatable, in the order given.
  var rulePaths: [String] = []
  /// False with `--no-default-rules`.
  var useDefaultRules = true
  /// False with `--no-structure`: the structure layer (body core, rules around it) is off.
  var structure = true
  /// True with `--keep-title`: the headline stays in the body (`CleaningOptions.keepTitle`).
  var keepTitle = false
  /// The user's rules folders (`UserRules`), loaded after the built-in rules unless
  /// `--no-default-rules`; set by `TamisCommand` from the environment, never from argv.
  var userRuleFolders: [String] = []
  /// The rule paths to load after the built-in rules: the user's folders (unless
  /// `--no-default-rules`), then `--rules` in order.
  var addedRulePaths: [String] { (useDefaultRules ? userRuleFolders : []) + rulePaths }
  /// `--site HOST` (`-s`).
  var site: String?
  /// `--lang CODE` (`-l`).
  var language: String?
  /// `--explain` (`-e`): include what was removed and why.
  var explain = false
  /// `--diff`: in text format, print only what cleaning changed; never with `format == .json`.
  var diff = false
  /// `--out DIR` (`-o`): batch mode writes a mirrored tree here.
  ///
  /// When set, `inputs` is non-empty and does not contain `-`.
  var outputDirectory: String?
  /// `--jsonl`: read and write JSON Lines.
  var jsonLines = false
  /// `--field NAME`: the JSON field holding the text; only set away from the default
  /// together with `jsonLines` or for `suggest`.
  var textField = "text"
  /// `--url-field NAME`: the JSON field holding the URL; only set away from the default
  /// together with `jsonLines` or for `suggest`.
  var urlField = Invocation.defaultURLField
  /// The URL field read when `--url-field` is not given.
  static let defaultURLField = "url"
  /// True when `--url-field` names another field than the default: a field the user expects
  /// to be there, so a run where no record has it fails (exit 1) at the end of the input.
  var urlFieldGiven: Bool { urlField != Self.defaultURLField }
  /// `--replace`: write the cleaned text over the text field; only with `jsonLines`.
  var replaceText = false
  /// `--prefix NAME`: put before the name of every field tamis adds to a JSON Lines record
  /// (`body`, `captions`, `meta`, `removed`, `error`, `raw`); only set away from the default
  /// together with `jsonLines`.
  var fieldPrefix = ""
  /// `--jobs N` (`-j`), at least 1; `nil` lets the command choose.
  var jobs: Int?
  /// `--resume`: skip outputs that already exist; only with `outputDirectory`.
  var resume = false
  /// `--strict`: treat warnings as errors; only with `.check`.
  var strict = false
  /// `--quiet` (`-q`): no warnings or summary on stderr.
  var quiet = false
  /// `--min-docs N`: `suggest` keeps lines found in at least N documents of a site (N >= 1).
  var minDocuments = 5
  /// `--min-share P`: `suggest` keeps lines found in at least P % of a site's documents
  /// (0...100).
  var minSharePercent = 20
  /// `--min-length N`: `suggest` ignores lines shorter than N characters (N >= 1).
  var minLength = 12
  /// `--learn`: learn each site's repeated lines in a first pass and remove them in the second
  /// (`LearningCommand`).
  var learn = false
  /// `--learn-min-docs N`: lines learned are in at least N documents of their site (N >= 1).
  var learnMinDocuments = Settings.learnMinimumDocuments
  /// `--learn-min-share P`: lines learned are in at least P % of their site's documents.
  var learnMinSharePercent = Settings.learnMinimumSharePercent
  /// `--learn-out DIR`: where `--learn` writes a site pack per site; only with `learn`.
  var learnOutDirectory: String?
}
