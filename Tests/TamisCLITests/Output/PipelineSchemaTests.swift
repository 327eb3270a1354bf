import Foundation
import Testing

@testable import Tamis
@testable import TamisCLI

/// Output a pipeline can use without cleaning it again (issue 16): a versioned schema, typed
/// meta values, an ISO 8601 `date` next to the raw text, trimmed names.
@Suite struct PipelineSchemaTests {
  struct DateCase: Sendable, CustomTestStringConvertible {
    let text: String
    let iso: String?
    var testDescription: String { text }
  }

  /// Dates as the shipped packs capture them, in their six languages.
  static let dates: [DateCase] = [
    DateCase(text: "12 mars 2025 à 06h30", iso: "2025-03-12T06:30"),
    DateCase(text: "18 mars 2025 à 19 h 05", iso: "2025-03-18T19:05"),
    DateCase(text: "3 février 2025", iso: "2025-02-03"),
    DateCase(text: "12 March 2025, 07.00 GMT", iso: "2025-03-12T07:00"),
    DateCase(text: "Mon 3 Mar 2025 19.10 GMT", iso: "2025-03-03T19:10"),
    DateCase(text: "10:42 AM EST, March 4, 2025", iso: "2025-03-04T10:42"),
    DateCase(text: "March 4, 2025 at 6:30 p.m.", iso: "2025-03-04T18:30"),
    DateCase(text: "15. Februar 2025, 18:18 Uhr", iso: "2025-02-15T18:18"),
    DateCase(text: "14.03.2025 09:49 Uhr", iso: "2025-03-14T09:49"),
    DateCase(text: "13.03.2025", iso: "2025-03-13"),
    DateCase(text: "12 de marzo de 2025", iso: "2025-03-12"),
    DateCase(text: "12/03/2025 a las 18:40", iso: "2025-03-12T18:40"),
    DateCase(text: "12 marzo 2025 | 14:05", iso: "2025-03-12T14:05"),
    DateCase(text: "12.mar.2025 às 9h12", iso: "2025-03-12T09:12"),
    DateCase(text: "12 de março de 2025", iso: "2025-03-12"),
    DateCase(text: "03/25/2025", iso: "2025-03-25"),
    DateCase(text: "2025-03-12", iso: "2025-03-12"),
    DateCase(text: "2024-09", iso: "2024-09"),
    DateCase(text: "mars 2025", iso: "2025-03"),
    DateCase(text: "2 hours ago", iso: nil),
    DateCase(text: "à 18h40", iso: nil),
    DateCase(text: "31/31/2025", iso: nil),
  ]

  @Test(arguments: dates)
  func readsDate(_ test: DateCase) {
    #expect(PublicationDate.iso8601(test.text) == test.iso)
  }

  @Test("a captured date that is not ISO 8601 moves to date-text; published wins")
  func dateFields() {
    let meta = CleanedArticle.withNormalisedDate([
      "date": "mars 2025", "published": "12 mars 2025 à 06h30",
    ])
    #expect(
      meta == [
        "date": "2025-03-12T06:30", "date-text": "mars 2025", "published": meta["published"],
      ])
    let isoOnly = CleanedArticle.withNormalisedDate(["date": "2024-09", "updated": "13.03.2025"])
    #expect(isoOnly["date"] == "2024-09")
  }

  @Test("names lose the punctuation a capture brings")
  func trimmedNames() {
    var meta = ["author": "Julie Marty, ", "place": " - Madrid", "title": "Pourquoi ?,"]
    MetaDecisions.trimNames(in: &meta)
    #expect(meta == ["author": "Julie Marty", "place": "Madrid", "title": "Pourquoi ?,"])
  }

  @Test("meta values are typed: a boolean, a number, a list, strings")
  func typedMeta() {
    let article = CleanedArticle(
      source: "x", body: "", captions: [],
      meta: [
        "paywalled": "true", "over-removal": "75 %", "over-removal-rules": "a,b",
        "author": "Julie Marty", "paywall-missing": "58.27 %",
      ], removals: [], outcomes: [])
    #expect(
      article.jsonMeta == [
        "paywalled": .bool(true), "over-removal": .number(75),
        "over-removal-rules": .array([.string("a"), .string("b")]),
        "author": .string("Julie Marty"), "paywall-missing": .string("58.27 %"),
      ])
  }

  @Test("--format json carries schema_version, a boolean paywall flag and an ISO date")
  func jsonOutput() throws {
    let run = CLIRun(
      ["-f", "json", "--no-default-rules", "--rules", try Self.rules()],
      input: "Par Julie Marty,\n\nPublié le 12 mars 2025 à 06h30\n\nUn paragraphe.\n\nRéservé.\n")
    #expect(run.status == .success, "\(run.errors)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == CleanedArticle.jsonSchemaVersion)
    let meta = try #require(object["meta"] as? [String: Any])
    #expect(meta["author"] as? String == "Julie Marty")
    #expect(meta["published"] as? String == "12 mars 2025 à 06h30")
    #expect(meta["date"] as? String == "2025-03-12T06:30")
    #expect(meta["paywalled"] as? Bool == true)
  }

  @Test("a JSON Lines record gets schema_version, prefixed like every added field")
  func jsonLinesVersion() throws {
    let path = try TestPaths.file(named: "a.jsonl", #"{"text":"Un."}"# + "\n")
    let run = CLIRun(["--jsonl", "--prefix", "t_", path])
    #expect(run.output.contains(#""t_schema_version":\#(CleanedArticle.jsonSchemaVersion)"#))
  }

  /// A rule file with a byline, a publication date and a paywall flag.
  static func rules() throws -> String {
    try TestPaths.file(
      named: "meta.rules",
      """
      title: test meta
      lang: fr

      rule: t-byline
        why: bylines
        meta: equals "Par {author}"
        example: the byline
          in: Par Julie Marty
          in: Texte.
          body: Texte.
        keeps: Parfois, rien.

      rule: t-published
        why: dates
        meta: equals "Publié le {published}"
        example: the date
          in: Publié le 3 mars 2025
          in: Texte.
          body: Texte.
        keeps: Publié lentement.

      rule: t-paywall
        why: paywall
        sets: paywalled = true
        drop-line: equals "Réservé."
        example: the pitch
          in: Texte.
          in: Réservé.
          body: Texte.
        keeps: Réservé aux abonnés, dit-il.

      """)
  }
}
