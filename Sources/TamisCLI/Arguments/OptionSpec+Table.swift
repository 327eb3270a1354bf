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
      group: .input),
    OptionSpec(
      .field, value: "NAME", help: "with --jsonl, the text field (default: text)",
      group: .input, requires: .jsonl),
    OptionSpec(
      .urlField, value: "NAME", help: "with --jsonl, the URL field (default: url)",
      group: .input, requires: .jsonl),

    // MARK: - Output
    OptionSpec(
      .format, short: "f", value: "FORMAT", help: "write 'text' or 'json' (default: text)",
      group: .output, availability: .always),
    OptionSpec(
      .captions, short: "c", value: "PATH", help: "write the image captions found to PATH",
      group: .output, conflicts: [.out, .jsonl]),
    OptionSpec(
      .explain, short: "e", help: "also report what was removed and by which rule",
      group: .output),
    OptionSpec(
      .replace, help: "with --jsonl, overwrite the text field in place",
      group: .output, requires: .jsonl),

    // MARK: - Rules
    OptionSpec(
      .rules, short: "r", value: "PATH",
      help: "add rules from a file or directory (repeatable)",
      group: .rules),
    OptionSpec(.noDefaultRules, help: "do not load the built-in rules", group: .rules),

    // MARK: - Modes
    OptionSpec(.jsonl, help: "read and write JSON Lines, one article per line", group: .modes),
    OptionSpec(
      .out, short: "o", value: "DIR",
      help: "clean each PATH into a mirrored tree under DIR", group: .modes),
    OptionSpec(
      .resume, help: "with --out, skip files whose output already exists", group: .modes,
      requires: .out),
    OptionSpec(
      .jobs, short: "j", value: "N", help: "process at most N documents at a time (N >= 1)",
      group: .modes, availability: .always),
    OptionSpec(
      .strict, help: "with check, treat warnings as errors", group: .modes,
      availability: .checkOnly),

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
