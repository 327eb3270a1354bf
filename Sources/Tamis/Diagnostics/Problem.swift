/// Every kind of problem tamis reports, one case per layer.
public enum Problem: Sendable, Hashable {
  /// A problem in a rule file.
  case ruleFile(RuleFileProblem)
  /// A rule example that does not give what it says.
  case example(ExampleProblem)
  /// A problem reading an input document.
  case input(InputProblem)
  /// A rule that loads but probably does not do what its author meant (`tamis check`).
  case lint(LintProblem)

  /// The message text, lower-case, without a final period.
  public var message: String {
    switch self {
    case .ruleFile(let problem): problem.message
    case .example(let problem): problem.message
    case .input(let problem): problem.message
    case .lint(let problem): problem.message
    }
  }
}
