import Foundation
import Tamis
import Testing

@testable import TamisCLI

/// `tamis suggest` on small generated corpora: folder and JSON Lines layouts, thresholds,
/// escaping, and lines the current rules already remove.
@Suite struct SuggestCommandTests {
  /// The lines of document `index` of site `a.fr` (ten documents).
  static func siteA(_ index: Int) -> [String] {
    var lines = ["Un paragraphe unique numéro \(index) sur la politique locale.", ""]
    // Typography varies as in the wild: the folded view makes them one line.
    lines.append(
      index.isMultiple(of: 2)
        ? "Abonnez-vous à notre lettre d’information" : "ABONNEZ-VOUS à notre lettre d'information")
    if index < 6 { lines.append(#"Cliquez sur "Suivre" \ {ici} pour la suite"#) }
    lines += ["Lire aussi : quelque chose", "Court.", ""]
    return lines
  }

  /// The lines of document `index` of site `b.com` (three documents).
  static func siteB(_ index: Int) -> [String] {
    ["A story of its own, number \(index), about the harbour.", "Share this story on social media"]
  }

  /// A corpus folder: `a.fr/doc00.txt`…, `b.com/doc0.txt`…, and `loose.txt` at the top.
  static func corpusFolder() throws -> URL {
    let root = try TestPaths.temporaryFolder().appendingPathComponent("corpus")
    for site in ["a.fr", "b.com"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(site), withIntermediateDirectories: true)
    }
    for index in 0..<10 {
      let name = "a.fr/doc" + (index < 10 ? "0" : "") + "\(index).txt"
      try Data(siteA(index).joined(separator: "\n").utf8).write(
        to: root.appendingPathComponent(name))
    }
    for index in 0..<3 {
      try Data(siteB(index).joined(separator: "\n").utf8).write(
        to: root.appendingPathComponent("b.com/doc\(index).txt"))
    }
    try Data("Abonnez-vous à notre lettre d’information\n".utf8).write(
      to: root.appendingPathComponent("loose.txt"))
    return root
  }

  /// The same corpus as JSON Lines, plus a record without URL and a malformed line.
  static func corpusJSONLines() throws -> String {
    var records: [String] = []
    func record(_ id: String, _ url: String?, _ lines: [String]) -> String {
      var object: [String: JSONValue] = [
        "id": .string(id), "text": .string(lines.joined(separator: "\n")),
      ]
      if let url { object["url"] = .string(url) }
      return JSONValue.object(object).rendered
    }
    for index in 0..<10 {
      records.append(record("a-\(index)", "https://www.a.fr/actu/\(index)", siteA(index)))
    }
    records.append("{\"id\": 7, \"text\": ")
    for index in 0..<3 {
      records.append(record("b-\(index)", "https://b.com/news/\(index)", siteB(index)))
    }
    records.append(record("loose", nil, ["Abonnez-vous à notre lettre d’information"]))
    return try TestPaths.file(named: "corpus.jsonl", records.joined(separator: "\n") + "\n")
  }

  static let header = """
    # tamis suggest: 14 documents; lines in at least 5 documents and 20 % of their site's, of \
    at least 12 characters, that the current rules do not always remove
    # Paste a site's rule lines into a group of rules/sites/HOST.rules, give the group a why:,
    # an example: and a keeps: line, then run 'tamis check' and 'tamis --explain' on a dump.

    """

  @Test("a folder corpus gives ranked, escaped rule lines per site with counts and examples")
  func folderCorpus() throws {
    let root = try Self.corpusFolder()
    let run = CLIRun(["suggest", "--no-default-rules", "-q", root.path])
    #expect(run.status == .success)
    #expect(run.errors == "")
    expectEqualLines(
      run.output,
      Self.header + """

        # a.fr: 10 documents, 3 suggestions
        # 10 documents (100 %), 10 lines, 410 characters; e.g. a.fr/doc00.txt, a.fr/doc01.txt
          drop-line: equals "Abonnez-vous à notre lettre d’information"
        # 10 documents (100 %), 10 lines, 260 characters; e.g. a.fr/doc00.txt, a.fr/doc01.txt
          drop-line: equals "Lire aussi : quelque chose"
        # 6 documents (60 %), 6 lines, 252 characters; e.g. a.fr/doc00.txt, a.fr/doc01.txt
          drop-line: equals "Cliquez sur \\"Suivre\\" \\\\ {{ici}} pour la suite"

        """)
  }

  @Test("a JSON Lines corpus takes sites from URLs and names documents by id")
  func jsonLinesCorpus() throws {
    let path = try Self.corpusJSONLines()
    let run = CLIRun(["suggest", "--no-default-rules", "--min-docs=3", path])
    #expect(run.status == .someInputsFailed)
    #expect(run.errors.hasPrefix("\(path):11: error: invalid JSON: unexpected end of line\n"))
    #expect(run.errors.contains("tamis: 14 documents, "))
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines.contains("# a.fr: 10 documents, 3 suggestions"))
    #expect(lines.contains("# b.com: 3 documents, 1 suggestion"))
    #expect(lines.contains("# 3 documents (100 %), 3 lines, 96 characters; e.g. b-0, b-1"))
    #expect(lines.contains("  drop-line: equals \"Share this story on social media\""))
    #expect(lines.contains("# 10 documents (100 %), 10 lines, 410 characters; e.g. a-0, a-1"))
    #expect(!lines.contains { $0.hasPrefix("# (no site)") })
  }

  /// Arguments added to `suggest --no-default-rules` and the rule lines expected, in order.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let rules: [String]
    var testDescription: String { name }
  }

  static let abonnez = #"  drop-line: equals "Abonnez-vous à notre lettre d’information""#
  static let lire = #"  drop-line: equals "Lire aussi : quelque chose""#
  static let cliquez = #"  drop-line: equals "Cliquez sur \"Suivre\" \\ {{ici}} pour la suite""#
  static let share = #"  drop-line: equals "Share this story on social media""#

  static let cases: [Case] = [
    Case(name: "defaults", arguments: [], rules: [abonnez, lire, cliquez]),
    Case(
      name: "fewer documents needed", arguments: ["--min-docs", "3"],
      rules: [abonnez, lire, cliquez, share]),
    Case(name: "more documents needed", arguments: ["--min-docs=7"], rules: [abonnez, lire]),
    Case(name: "a larger share needed", arguments: ["--min-share", "61"], rules: [abonnez, lire]),
    Case(
      name: "a share of 100 % with few documents", arguments: ["--min-share=100", "--min-docs=1"],
      rules: [
        abonnez, lire, share, "  drop-line: equals \"Abonnez-vous à notre lettre d’information\"",
      ]),
    Case(
      name: "longer lines needed", arguments: ["--min-length", "30"], rules: [abonnez, cliquez]),
    Case(name: "more than the corpus has", arguments: ["--min-docs", "11"], rules: []),
  ]

  @Test("thresholds select the lines", arguments: cases)
  func thresholds(_ testCase: Case) throws {
    let root = try Self.corpusFolder()
    let run = CLIRun(["suggest", "--no-default-rules", "-q"] + testCase.arguments + [root.path])
    #expect(run.status == .success)
    let rules = run.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") }
    #expect(rules == testCase.rules)
  }

  @Test("lines the current rules already remove are not suggested")
  func knowsTheRules() throws {
    let root = try Self.corpusFolder()
    let rules = try TestPaths.file(
      named: "mine.rules",
      """
      title: Mine
      lang: fr
      group: mine-links
        why: test
        drop-line: starts-with "Lire aussi"
        strip-span: "{{ici}}" inside-words
        example: e
          in: Lire aussi : x
        keeps: k
      """)
    let run = CLIRun(["suggest", "--no-default-rules", "-q", "-r", rules, root.path])
    let lines = run.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") }
    #expect(lines == [Self.abonnez])
  }

  @Test("a footer the rules remove in only some documents is counted in all of them")
  func rawLines() throws {
    let root = try TestPaths.temporaryFolder().appendingPathComponent("corpus")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("c.fr"), withIntermediateDirectories: true)
    let footer = "Retrouvez toute l'actualité de la région chaque matin"
    for index in 0..<10 {
      var lines = [
        "Un premier paragraphe numéro \(index) sur la politique locale du canton.",
        "Un second paragraphe numéro \(index) sur le marché couvert de la ville.",
      ]
      // Last in half the documents, where the rule below takes it; elsewhere in the middle.
      lines.insert(footer, at: index < 5 ? 2 : 1)
      try Data(lines.joined(separator: "\n").utf8).write(
        to: root.appendingPathComponent("c.fr/doc\(index).txt"))
    }
    let rules = try TestPaths.file(
      named: "last.rules",
      """
      title: Last
      lang: fr
      group: last-footer
        why: test
        drop-line: starts-with "Retrouvez toute"
        when: last 1 lines
        example: e
          in: Texte.
          in: Retrouvez toute l'actualité
        keeps: k
      """)
    let run = CLIRun(
      ["suggest", "--no-default-rules", "-q", "--min-docs=6", "-r", rules, root.path])
    #expect(run.status == .success)
    let lines = run.output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("# ") }
    #expect(lines.filter { !$0.isEmpty } == ["  drop-line: equals \"\(footer)\""])
    #expect(run.output.contains("# 10 documents (100 %), 10 lines, "))
  }

  @Test("lines that differ in trailing punctuation or by a short tail make one starts-with")
  func variantsGrouped() throws {
    let root = try TestPaths.temporaryFolder().appendingPathComponent("corpus")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("v.fr"), withIntermediateDirectories: true)
    let endings = [
      "La rédaction vous parle !", "La rédaction vous parle", "La rédaction vous parle.",
      "La rédaction vous parle, abonnez-vous",
    ]
    for index in 0..<12 {
      let lines = [
        "Un paragraphe numéro \(index) sur la politique locale du canton.",
        endings[index % 3],
        "Un autre paragraphe \(index) sur le marché.",
        endings[3],
      ]
      try Data(lines.joined(separator: "\n").utf8).write(
        to: root.appendingPathComponent("v.fr/doc\(index < 10 ? "0" : "")\(index).txt"))
    }
    let run = CLIRun(["suggest", "--no-default-rules", "-q", "--min-docs=3", root.path])
    #expect(run.status == .success)
    expectEqualLines(
      run.output,
      Self.header.replacingOccurrences(of: "14 documents", with: "12 documents")
        .replacingOccurrences(of: "at least 5 documents", with: "at least 3 documents")
          + """

          # v.fr: 12 documents, 2 suggestions
          # 12 documents (100 %), 12 lines, 444 characters; e.g. v.fr/doc00.txt, v.fr/doc01.txt
            drop-line: equals "La rédaction vous parle, abonnez-vous"
          # 12 documents (100 %), 12 lines, 288 characters, 3 variants; e.g. v.fr/doc01.txt, \
          v.fr/doc04.txt
            drop-line: starts-with "La rédaction vous parle"

          """)
  }

  @Test("a suggested rule parses and removes the line it came from")
  func suggestionsRoundTrip() throws {
    let line = #"Cliquez sur "Suivre" \ {ici} pour la suite"#
    let suggestion = LineSuggestion(
      text: line, documents: 6, occurrences: 6, characters: 252, examples: [])
    #expect(
      suggestion.rule == #"drop-line: equals "Cliquez sur \"Suivre\" \\ {{ici}} pour la suite""#)
    let rules = try RuleSet(
      parsing: "title: T\nlang: fr\nrule: t-x\n  \(suggestion.rule)\n", source: "t.rules")
    let article = Cleaner(rules: rules).clean(
      "Avant.\n\(line)\nAprès.\n", options: .init(language: "fr"))
    #expect(article.body == "Avant.\nAprès.")
  }

  @Test("a missing corpus path is a usage error before anything is read")
  func missingCorpus() {
    let run = CLIRun(["suggest", "/nonexistent/corpus"])
    #expect(run.status == .usageOrRules)
    #expect(run.errors == "tamis: error: no such file or folder '/nonexistent/corpus'\n")
    #expect(run.output == "")
  }

  @Test("the counting table stays bounded and says when counts may be low")
  func boundedTable() {
    let cleaner = Cleaner(rules: .empty)
    var miner = LineMiner(
      thresholds: .init(minDocuments: 5, minSharePercent: 50, minLength: 5), capacityPerSite: 64,
      totalCapacity: 64)
    var recovery: LineRecovery?
    var documents: [[UInt8]] = []
    for index in 0..<200 {
      var lines = (0..<20).map { "Ligne unique \(index) \($0) du document." }
      lines.insert("Le pied de page de chaque article", at: 10)
      documents.append(Array(lines.joined(separator: "\n").utf8))
    }
    for document in documents {
      document.withUnsafeBufferPointer {
        miner.add(LineMiner.lines(in: $0, site: "s.fr", cleaner: cleaner, minLength: 5))
      }
      #expect(miner.entryCount <= 64)
    }
    recovery = LineRecovery(miner.candidates())
    for (index, document) in documents.enumerated() {
      document.withUnsafeBufferPointer {
        recovery?.observe($0, site: "s.fr", documentID: "d\(index)")
      }
    }
    let sites = recovery?.suggestions() ?? []
    #expect(sites.map(\.site) == ["s.fr"])
    let site = sites.first
    #expect(site?.lines.map(\.text) == ["Le pied de page de chaque article"])
    #expect((site?.maximumUndercount ?? 0) > 0)
    let counted = site?.lines.first?.documents ?? 0
    #expect(counted <= 200 && counted >= 200 - (site?.maximumUndercount ?? 0))
    #expect(site?.lines.first?.examples == ["d0", "d1"])
  }
}
