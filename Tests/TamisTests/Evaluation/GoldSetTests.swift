import Foundation
import Testing

@testable import Tamis

/// Scores the built-in rules on the gold set (`Tests/Fixtures/gold/<lang>/`) and holds them to
/// the floors of issue 5.
@Suite struct GoldSetTests {
  static let gold = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/gold")

  /// Every labelled dump of the gold folder.
  static func dumps() throws -> [GoldEvaluation.Dump] {
    var dumps: [GoldEvaluation.Dump] = []
    let languages = try FileManager.default.contentsOfDirectory(atPath: gold.path).sorted()
    for language in languages {
      let folder = gold.appendingPathComponent(language)
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      for name in names
      where name.hasSuffix(".txt") && !name.hasSuffix(".body.txt")
        && !name.hasSuffix(".captions.txt")
      {
        let stem = String(name.dropLast(4))
        let base = folder.appendingPathComponent(stem)
        let captions = try String(
          contentsOf: base.appendingPathExtension("captions.txt"), encoding: .utf8
        )
        .split(separator: "\n").map { line in
          let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
          return Caption(text: String(parts[0]), credit: parts.count > 1 ? String(parts[1]) : "")
        }
        dumps.append(
          GoldEvaluation.Dump(
            name: "\(language)/\(stem)", language: language,
            input: try String(contentsOf: base.appendingPathExtension("txt"), encoding: .utf8),
            body: try String(
              contentsOf: base.appendingPathExtension("body.txt"), encoding: .utf8),
            captions: captions))
      }
    }
    return dumps
  }

  @Test("the built-in rules meet the gold-set floors")
  func floorsAreMet() throws {
    let dumps = try Self.dumps()
    // The exact count, so that a dump lost from the folder (or a new one) is noticed and the
    // floors are read against the set they were set on.
    #expect(dumps.count == 131)
    let evaluation = GoldEvaluation(dumps: dumps, cleaner: Cleaner(rules: try RuleSet.builtin()))
    for missed in evaluation.missedFloors() {
      Issue.record(Comment(rawValue: "\(missed)\n\(evaluation.table())"))
    }
  }

  @Test("the score counts body, boilerplate and captions as documented")
  func scoringIsExact() throws {
    let rules = try RuleSet(
      parsing: """
        title: T
        lang: any
        group: t
          drop-line: equals "Publicité"
          caption: ends-with "{text} // Source : {credit}"
        """, source: "t.rules")
    let dump = GoldEvaluation.Dump(
      name: "x", language: "fr",
      input: "Un.\n\nPublicité\n\nLire aussi : x\n\nUne photo. // Source : AFP\n\nDeux.\n",
      body: "Un.\n\nDeux.\n", captions: [Caption(text: "Une photo.", credit: "AFP")])
    let score = GoldEvaluation(dumps: [dump], cleaner: Cleaner(rules: rules)).total()
    #expect(score.bodyLines == 2 && score.bodyLinesKept == 2)
    #expect(score.boilerplateLines == 2 && score.boilerplateRemoved == 1)
    #expect(score.outputLines == 3 && score.outputLinesCorrect == 2)
    #expect(score.captions == 1 && score.captionsRight == 1)
  }
}
