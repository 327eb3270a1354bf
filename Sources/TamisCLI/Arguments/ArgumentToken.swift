/// One argument, or one letter of a bundle such as `-qe`, as `ArgumentLexer` read it.
///
/// Tokens are not yet validated: a flag may carry a value (`--quiet=yes`) and an option that
/// needs a value may lack one. `InvocationParser` turns those into `UsageError`s.
struct ArgumentToken: Equatable, Sendable {
  /// What the argument turned out to be.
  enum Kind: Equatable, Sendable {
    /// A known option, as spelled by the user (`-o`, `--out`), and its value if one was
    /// attached (`--out=DIR`, `-oDIR`) or taken from the next argument.
    case option(OptionSpec, spelling: String, value: String?)
    /// A long option, or a lone short one (`-z`), that no `OptionSpec` defines. The
    /// spelling excludes any `=value`.
    case unknownOption(spelling: String)
    /// A letter inside a bundle of short options (`z` in `-qz`) that no `OptionSpec` defines.
    case unknownShortOption(Character, bundle: String)
    /// A file or path operand; `-` stands for standard input.
    case operand(String)
    /// The `--` that ends options; every later argument is an operand.
    case endOfOptions
  }

  /// What the argument turned out to be.
  let kind: Kind
  /// The argument's position in argv: 0 is the program name, 1 the first argument.
  ///
  /// Every letter of a bundle has the bundle's index. A value taken from the next argument
  /// does not get a token of its own; the option's token has the option's index.
  let index: Int
}
