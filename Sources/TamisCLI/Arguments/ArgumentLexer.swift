/// Splits argv into `ArgumentToken`s, POSIX/GNU style, keeping each argument's index.
///
/// - `--name=value` and `--name value` give a long option its value.
/// - Short options bundle (`-qe`); a short option that takes a value ends the bundle and
///   takes the rest of it (`-fjson`, `-qo DIR`) or, if nothing is left, the next argument.
/// - A value is taken from the next argument only if that argument does not look like an
///   option (`--out --quiet` lacks a value). `-` is a valid value; a value that starts with
///   `-` can be attached: `--out=-dir`, `-o-dir`.
/// - `--` ends options: every later argument is an operand, even `-q` or `--`.
/// - `-` alone is an operand meaning standard input.
/// - Options and operands may be interleaved.
///
/// Lexing never fails: unknown options become tokens, and `InvocationParser` reports them.
struct ArgumentLexer: Sendable {
  private let optionsByLongName: [String: OptionSpec]
  private let optionsByShortName: [Character: OptionSpec]

  /// Creates a lexer that recognises `options`; the first definition wins if names repeat.
  init(options: [OptionSpec] = OptionSpec.all) {
    optionsByLongName = Dictionary(
      options.map { ($0.longName, $0) }, uniquingKeysWith: { first, _ in first })
    optionsByShortName = Dictionary(
      options.compactMap { spec in spec.shortName.map { ($0, spec) } },
      uniquingKeysWith: { first, _ in first })
  }

  /// The tokens of `arguments`, in order.
  ///
  /// - Parameter arguments: argv without the program name; `arguments[0]` gets index 1.
  /// - Returns: one token per operand, option, bundle letter or `--`.
  func tokens(_ arguments: [String]) -> [ArgumentToken] {
    var tokens: [ArgumentToken] = []
    var position = 0
    var optionsEnded = false

    /// Consumes and returns the next argument as a value, unless it looks like an option.
    func nextValue() -> String? {
      let next = position + 1
      guard next < arguments.count, !Self.looksLikeOption(arguments[next]) else { return nil }
      position = next
      return arguments[next]
    }

    while position < arguments.count {
      let argument = arguments[position]
      let index = position + 1
      if optionsEnded || !Self.looksLikeOption(argument) {
        tokens.append(ArgumentToken(kind: .operand(argument), index: index))
      } else if argument == "--" {
        optionsEnded = true
        tokens.append(ArgumentToken(kind: .endOfOptions, index: index))
      } else if argument.hasPrefix("--") {
        tokens.append(ArgumentToken(kind: longOption(argument, nextValue: nextValue), index: index))
      } else {
        tokens += shortOptions(argument, nextValue: nextValue).map {
          ArgumentToken(kind: $0, index: index)
        }
      }
      position += 1
    }
    return tokens
  }

  // MARK: - Private

  /// Whether `argument` is spelled like an option: a dash followed by anything.
  private static func looksLikeOption(_ argument: String) -> Bool {
    argument.hasPrefix("-") && argument != "-"
  }

  /// Reads `--name`, `--name=value` or `--name value`.
  private func longOption(_ argument: String, nextValue: () -> String?) -> ArgumentToken.Kind {
    let body = argument.dropFirst(2)
    let name: Substring
    var value: String?
    if let equals = body.firstIndex(of: "=") {
      name = body[..<equals]
      value = String(body[body.index(after: equals)...])
    } else {
      name = body
    }
    let spelling = name.isEmpty ? argument : "--\(name)"
    guard let spec = optionsByLongName[String(name)] else {
      return .unknownOption(spelling: spelling)
    }
    if value == nil, spec.takesValue {
      value = nextValue()
    }
    return .option(spec, spelling: spelling, value: value)
  }

  /// Reads a bundle such as `-qe`, `-fjson` or `-qo DIR`, one kind per letter used.
  private func shortOptions(_ argument: String, nextValue: () -> String?) -> [ArgumentToken.Kind] {
    let letters = argument.dropFirst()
    var kinds: [ArgumentToken.Kind] = []
    var cursor = letters.startIndex
    while cursor < letters.endIndex {
      let letter = letters[cursor]
      cursor = letters.index(after: cursor)
      guard let spec = optionsByShortName[letter] else {
        // Later letters are still read, so that `-zh` is still a request for help.
        kinds.append(
          letters.count == 1
            ? .unknownOption(spelling: argument) : .unknownShortOption(letter, bundle: argument))
        continue
      }
      guard spec.takesValue else {
        kinds.append(.option(spec, spelling: "-\(letter)", value: nil))
        continue
      }
      let attached = letters[cursor...]
      let value = attached.isEmpty ? nextValue() : String(attached)
      kinds.append(.option(spec, spelling: "-\(letter)", value: value))
      break
    }
    return kinds
  }
}
