import Testing

@testable import Tamis

/// `LineSuggestion.grouped`: which repeated lines of a site make one `starts-with` suggestion.
@Suite struct LineSuggestionGroupingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let texts: [String]
    /// The rule lines expected, in the order of the grouped suggestions' shortest lines (the
    /// earlier a text, the more documents it is in).
    let rules: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "trailing punctuation and spaces differ",
      texts: ["La rédaction vous parle !", "La rédaction vous parle", "LA RÉDACTION VOUS PARLE…"],
      rules: [#"drop-line: starts-with "La rédaction vous parle""#]),
    Case(
      name: "a prefix covering 80 % of the longer line",
      texts: ["Abonnez-vous pour lire la suite", "Abonnez-vous pour lire la suite ici"],
      rules: [#"drop-line: starts-with "Abonnez-vous pour lire la suite""#]),
    Case(
      name: "a prefix covering less than 80 % stays apart",
      texts: ["Lire la suite de l'article", "Lire la suite de l'article sur notre site web"],
      rules: [
        #"drop-line: equals "Lire la suite de l'article""#,
        #"drop-line: equals "Lire la suite de l'article sur notre site web""#,
      ]),
    Case(
      name: "a prefix that ends inside a word stays apart",
      texts: ["Le journal vous parle", "Le journal vous parlera"],
      rules: [
        #"drop-line: equals "Le journal vous parle""#,
        #"drop-line: equals "Le journal vous parlera""#,
      ]),
    Case(
      name: "a line alone keeps its own text and equals",
      texts: ["Suivez-nous sur les réseaux !"],
      rules: [#"drop-line: equals "Suivez-nous sur les réseaux !""#]),
  ]

  @Test("near-identical lines are one starts-with suggestion", arguments: cases)
  func grouping(_ testCase: Case) {
    let lines = testCase.texts.enumerated().map { index, text in
      LineSuggestion(
        text: text, documents: 4 - index, occurrences: 5, characters: 100,
        examples: ["d\(index)"])
    }
    let grouped = LineSuggestion.grouped(lines, siteDocuments: 10)
    #expect(grouped.map(\.rule) == testCase.rules)
  }

  @Test("a group sums its lines' counts, documents at most the site's")
  func counts() {
    let lines = ["Fin de l'article !", "Fin de l'article", "Fin de l'article."].map {
      LineSuggestion(text: $0, documents: 4, occurrences: 5, characters: 100, examples: [$0])
    }
    let grouped = LineSuggestion.grouped(lines, siteDocuments: 10)
    #expect(
      grouped == [
        LineSuggestion(
          text: "Fin de l'article", documents: 10, occurrences: 15, characters: 300,
          examples: ["Fin de l'article", "Fin de l'article !"], anchor: .startsWith, variants: 3)
      ])
  }
}
