import Testing

@testable import TamisCLI

/// Tokenising argv: bundles, attached values, `--`, `-` and argument indices.
@Suite struct ArgumentLexerTests {
  /// A token reduced to comparable parts, naming options by key rather than by whole spec.
  /// A token reduced to comparable parts, naming options by key rather than by whole spec.
  enum Token: Equatable, Sendable {
    case option(OptionSpec.Key, String, String?, at: Int)
    case unknown(String, at: Int)
    case unknownShort(Character, in: String, at: Int)
    case operand(String, at: Int)
    case end(at: Int)

    init(_ token: ArgumentToken) {
      switch token.kind {
      case .option(let spec, let spelling, let value):
        self = .option(spec.key, spelling, value, at: token.index)
      case .unknownOption(let spelling): self = .unknown(spelling, at: token.index)
      case .unknownShortOption(let letter, let bundle):
        self = .unknownShort(letter, in: bundle, at: token.index)
      case .operand(let operand): self = .operand(operand, at: token.index)
      case .endOfOptions: self = .end(at: token.index)
      }
    }
  }

  /// Arguments and the tokens they lex into.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let tokens: [Token]
    var testDescription: String { name }
  }

  /// The lexing cases, one per rule in the `ArgumentLexer` doc comment.
  static let cases: [Case] = [
    Case(name: "no arguments give no tokens", arguments: [], tokens: []),
    Case(
      name: "operands keep their argv index", arguments: ["a.txt", "b.txt"],
      tokens: [.operand("a.txt", at: 1), .operand("b.txt", at: 2)]),
    Case(name: "a lone dash is an operand", arguments: ["-"], tokens: [.operand("-", at: 1)]),
    Case(
      name: "a long flag", arguments: ["--quiet"],
      tokens: [.option(.quiet, "--quiet", nil, at: 1)]),
    Case(
      name: "a long option takes the next argument as its value",
      arguments: ["--format", "json", "a"],
      tokens: [.option(.format, "--format", "json", at: 1), .operand("a", at: 3)]),
    Case(
      name: "a long option takes an attached value", arguments: ["--format=json"],
      tokens: [.option(.format, "--format", "json", at: 1)]),
    Case(
      name: "an attached value keeps later equals signs", arguments: ["--site=a=b"],
      tokens: [.option(.site, "--site", "a=b", at: 1)]),
    Case(
      name: "an attached value may be empty", arguments: ["--site="],
      tokens: [.option(.site, "--site", "", at: 1)]),
    Case(
      name: "an attached value may start with a dash", arguments: ["--out=-x", "-o-y"],
      tokens: [.option(.out, "--out", "-x", at: 1), .option(.out, "-o", "-y", at: 2)]),
    Case(
      name: "a flag keeps an attached value for the parser to reject", arguments: ["--quiet=yes"],
      tokens: [.option(.quiet, "--quiet", "yes", at: 1)]),
    Case(
      name: "a value-taking option at the end has no value", arguments: ["a", "--out"],
      tokens: [.operand("a", at: 1), .option(.out, "--out", nil, at: 2)]),
    Case(
      name: "an option-like next argument is not taken as a value",
      arguments: ["--out", "--quiet"],
      tokens: [.option(.out, "--out", nil, at: 1), .option(.quiet, "--quiet", nil, at: 2)]),
    Case(
      name: "a lone dash is taken as a value", arguments: ["--rules", "-"],
      tokens: [.option(.rules, "--rules", "-", at: 1)]),
    Case(
      name: "short flags bundle", arguments: ["-qe"],
      tokens: [.option(.quiet, "-q", nil, at: 1), .option(.explain, "-e", nil, at: 1)]),
    Case(
      name: "a short option takes the rest of its bundle", arguments: ["-qfjson"],
      tokens: [.option(.quiet, "-q", nil, at: 1), .option(.format, "-f", "json", at: 1)]),
    Case(
      name: "a short option at the end of a bundle takes the next argument",
      arguments: ["-qo", "clean", "dump"],
      tokens: [
        .option(.quiet, "-q", nil, at: 1), .option(.out, "-o", "clean", at: 1),
        .operand("dump", at: 3),
      ]),
    Case(
      name: "an unknown long option keeps its spelling without the value",
      arguments: ["--ouput=x"], tokens: [.unknown("--ouput", at: 1)]),
    Case(name: "a lone unknown short option", arguments: ["-z"], tokens: [.unknown("-z", at: 1)]),
    Case(
      name: "an unknown letter in a bundle does not hide the letters after it",
      arguments: ["-zh"],
      tokens: [.unknownShort("z", in: "-zh", at: 1), .option(.help, "-h", nil, at: 1)]),
    Case(
      name: "double dash ends options", arguments: ["--", "-q", "--", "--out", "-"],
      tokens: [
        .end(at: 1), .operand("-q", at: 2), .operand("--", at: 3), .operand("--out", at: 4),
        .operand("-", at: 5),
      ]),
    Case(
      name: "a value-taking option before double dash has no value", arguments: ["--out", "--"],
      tokens: [.option(.out, "--out", nil, at: 1), .end(at: 2)]),
    Case(
      name: "options and operands interleave", arguments: ["a", "-q", "b"],
      tokens: [.operand("a", at: 1), .option(.quiet, "-q", nil, at: 2), .operand("b", at: 3)]),
    Case(
      name: "check is lexed as a plain operand", arguments: ["check", "--strict"],
      tokens: [.operand("check", at: 1), .option(.strict, "--strict", nil, at: 2)]),
  ]

  @Test("argv is split into tokens", arguments: cases)
  func tokens(_ testCase: Case) {
    let tokens = ArgumentLexer().tokens(testCase.arguments).map(Token.init)
    #expect(tokens == testCase.tokens)
  }
}
