import Testing

@testable import Tamis

/// How `ExampleCheck` compares an example's expected body with the cleaned one: blank lines
/// left out, unless a blank `body:` line asks for the paragraph breaks to be checked.
@Suite struct ExampleCheckTests {
  /// One example of a one-rule pack and the problems its check must report.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    /// The example's `in:`/`body:` lines, indented under `example:` (marker `⟦1⟧` is put on
    /// the `example:` line by `file`).
    let lines: String
    let expected: [ExampleProblem]
    var testDescription: String { name }

    /// The rule file, marker `⟦1⟧` on the example's line.
    var file: MarkedText {
      MarkedText(
        """
        title: T
        lang: fr
        group: fr-lire-aussi
          why: the scraper keeps the links to other stories
          drop-line: starts-with "Lire aussi"
          ⟦1⟧example: the link goes
        \(lines)
          keeps: Il faut lire aussi le rapport.
        """)
    }
  }

  static let cases: [Case] = [
    Case(
      name: "a blank body line is a paragraph break that the body has",
      lines: """
            in: Le conseil s'est réuni mardi.
            in:
            in: Lire aussi : le budget
            in:
            in: Le maire a parlé.
            body: Le conseil s'est réuni mardi.
            body:
            body: Le maire a parlé.
        """,
      expected: []),
    Case(
      name: "without a blank body line, paragraph breaks are not compared",
      lines: """
            in: Le conseil s'est réuni mardi.
            in:
            in: Lire aussi : le budget
            in:
            in: Le maire a parlé.
            body: Le conseil s'est réuni mardi.
            body: Le maire a parlé.
        """,
      expected: []),
    Case(
      name: "blank body lines in a row or at either end are one break or none",
      lines: """
            in: Le conseil s'est réuni mardi.
            in: Lire aussi : le budget
            in:
            in: Le maire a parlé.
            body:
            body: Le conseil s'est réuni mardi.
            body:
            body:
            body: Le maire a parlé.
            body:
        """,
      expected: []),
    Case(
      name: "a blank body line alone means an empty body",
      lines: """
            in: Lire aussi : le budget
            body:
        """,
      expected: []),
    Case(
      name: "a paragraph break the body does not have is reported",
      lines: """
            in: Le conseil s'est réuni mardi.
            in: Lire aussi : le budget
            in: Le maire a parlé.
            body: Le conseil s'est réuni mardi.
            body:
            body: Le maire a parlé.
        """,
      expected: [
        .bodyDiffers(
          variant: "as written",
          expected: ["Le conseil s'est réuni mardi.", "", "Le maire a parlé."],
          actual: ["Le conseil s'est réuni mardi.", "Le maire a parlé."])
      ]),
  ]

  @Test(
    "an example's body is compared with its paragraph breaks when it writes one",
    arguments: cases)
  func bodyComparison(_ example: Case) throws {
    let file = example.file
    let rules = try RuleSet(parsing: file.text, source: "t.rules")
    let checks = ExampleCheck.all(in: rules).filter {
      if case .example = $0.kind { true } else { false }
    }
    try #require(checks.count == 1)
    let expected = example.expected.map {
      Diagnostic(.error, at: file.location(1), .example($0))
    }
    #expect(checks[0].run() == expected)
  }
}
