extension OptionSpec {
  /// Every option tamis accepts, in the order `--help` lists them within each group.
  ///
  /// Each `Key` appears exactly once, and short names are unique (`OptionSpecTests` checks
  /// both). Help lines that mention another option by name must match `requires:`.
  static let all: [OptionSpec] = [
    // MARK: - Input
    OptionSpec(
      .site, short: "s", value: "HOST", help: "apply the site rules for HOST (e.g. lemonde.fr)",
      group: .input),
    OptionSpec(
      .lang, short: "l", value: "CODE", help: "apply the language rules for CODE (e.g. fr)",
      group: .input, availability: [.clean, .suggest]),
    OptionSpec(
      .field, value: "NAME", help: "with --jsonl or suggest, the text field (default: text)",
      group: .input, availability: [.clean, .suggest], requires: .jsonl),
    OptionSpec(
      .urlField, value: "NAME", help: "with --jsonl or suggest, the URL field (default: url)",
      group: .input, availability: [.clean, .suggest], requires: .jsonl, conflicts: [.site]),

    OptionSpec(
      .encoding, value: "NAME",
      help: "read input as 'utf-8' (default), 'latin-1', 'windows-1252' or 'auto'",
      group: .input),

    // MARK: - Output
    OptionSpec(
      .format, short: "f", value: "FORMAT", help: "write 'text' or 'json' (default: text)",
      group: .output, conflicts: [.jsonl]),
    OptionSpec(
      .captions, short: "c", value: "PATH", help: "write the image captions found to PATH",
      group: .output, conflicts: [.out, .jsonl]),
    OptionSpec(
      .explain, short: "e",
      help: "mark each line kept, removed (with its rule), caption or cut",
      group: .output, conflicts: [.out]),
    OptionSpec(
      .diff, help: "print only what changed: '-' removed, '+' left after a cut, '~' caption",
      group: .output, conflicts: [.out, .jsonl]),
    OptionSpec(
      .replace, help: "with --jsonl, overwrite the text field in place",
      group: .output, requires: .jsonl),
    OptionSpec(
      .prefix, value: "NAME", help: "with --jsonl, start every field tamis adds with NAME",
      group: .output, requires: .jsonl),

    // MARK: - Rules
    OptionSpec(
      .rules, short: "r", value: "PATH",
      help: "add rules from a file or directory (repeatable)",
      group: .rules, availability: [.clean, .suggest, .eval]),
    OptionSpec(
      .noDefaultRules, help: "load neither the built-in rules nor the user's rules folder",
      group: .rules,
      availability: [.clean, .suggest, .eval]),
    OptionSpec(
      .noStructure, help: "clean on phrases alone: no body core, no rules around it",
      group: .rules, availability: [.clean, .eval]),
    OptionSpec(
      .keepTitle, help: "keep the headline in the body (default: it goes to meta.title)",
      group: .rules, availability: [.clean]),

    // MARK: - Modes
    OptionSpec(
      .jsonl, help: "read and write JSON Lines, one article per line", group: .modes,
      conflicts: [.out]),
    OptionSpec(
      .out, short: "o", value: "DIR",
      help: "clean each PATH into a mirrored tree under DIR", group: .modes),
    OptionSpec(
      .resume,
      help: "with --out, skip documents whose outputs are newer than the input and the rules",
      group: .modes, requires: .out),
    OptionSpec(
      .jobs, short: "j", value: "N", help: "process at most N documents at a time (N >= 1)",
      group: .modes, availability: [.clean, .suggest]),
    OptionSpec(
      .learn, help: "with --jsonl or --out, remove each site's repeated lines (2 passes)",
      group: .modes),
    OptionSpec(
      .learnMinDocs, value: "N",
      help: "with --learn, lines in N documents of a site (default: 5)",
      group: .modes, requires: .learn),
    OptionSpec(
      .learnMinShare, value: "P",
      help: "with --learn, and in P % of them (default: 20)",
      group: .modes, requires: .learn),
    OptionSpec(
      .learnOut, value: "DIR", help: "with --learn, write what was learned as DIR/HOST.rules",
      group: .modes, requires: .learn),
    OptionSpec(
      .strict, help: "with check, treat warnings as errors", group: .modes,
      availability: .checkOnly),

    // MARK: - Suggest
    OptionSpec(
      .minDocs, value: "N", help: "with suggest, at least N documents per line (default: 5)",
      group: .suggest, availability: .suggestOnly),
    OptionSpec(
      .minShare, value: "P",
      help: "with suggest, at least P % of the site's documents (default: 20)",
      group: .suggest, availability: .suggestOnly),
    OptionSpec(
      .minLength, value: "N",
      help: "with suggest, at least N characters per line (default: 12)",
      group: .suggest, availability: .suggestOnly),

    // MARK: - General
    OptionSpec(
      .quiet, short: "q", help: "print no warnings or summary on stderr", group: .general,
      availability: .always),
    OptionSpec(
      .help, short: "h", help: "show this help and exit", group: .general,
      availability: .always),
    OptionSpec(
      .version, help: "show the version and exit", group: .general, availability: .always),
  ]
}
