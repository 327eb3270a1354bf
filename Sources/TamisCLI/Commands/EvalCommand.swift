import Foundation
import Tamis

/// `tamis eval GOLD_DIR...`: cleans every labelled dump of a gold folder and prints the score
/// table (per language, with and without a site pack, overall).
///
/// A gold folder holds `<lang>/<name>.txt` dumps, each with `<name>.body.txt` (the true body)
/// and `<name>.captions.txt` (the true captions, `text<TAB>credit` per line). Exit 1 when the
/// scores miss the floors of `GoldEvaluation.Floors`.
struct EvalCommand {
  let invocation: Invocation
  let streams: Streams

  /// Scores the rules and prints the table on stdout.
  func run() throws(WriteError) -> ExitCode {
    guard let rules = try RuleLoader.load(for: invocation, reportingTo: streams.errors) else {
      return .usageOrRules
    }
    var dumps: [GoldEvaluation.Dump] = []
    for folder in invocation.inputs {
      switch Self.dumps(in: folder) {
      case .success(let found): dumps += found
      case .failure(let problem):
        try streams.errors.write("tamis: error: \(problem.message)\n")
        return .usageOrRules
      }
    }
    let evaluation = GoldEvaluation(
      dumps: dumps, cleaner: Cleaner(rules: rules), structure: invocation.structure)
    try streams.output.write(evaluation.table())
    let missed = evaluation.missedFloors()
    for floor in missed { try streams.errors.write("tamis: floor missed: \(floor)\n") }
    return missed.isEmpty ? .success : .someInputsFailed
  }

  /// The labelled dumps under `folder/<lang>/`, or what is wrong with the folder.
  static func dumps(in folder: String) -> Result<[GoldEvaluation.Dump], EvalProblem> {
    let manager = FileManager.default
    guard let languages = try? manager.contentsOfDirectory(atPath: folder) else {
      return .failure(.unreadableFolder(path: folder))
    }
    var dumps: [GoldEvaluation.Dump] = []
    for language in languages.sorted() where !language.hasPrefix(".") {
      let languageFolder = (folder as NSString).appendingPathComponent(language)
      let names = (try? manager.contentsOfDirectory(atPath: languageFolder)) ?? []
      for name in names.sorted() where Self.isDump(name) {
        let stem = (languageFolder as NSString).appendingPathComponent(String(name.dropLast(4)))
        guard let input = try? String(contentsOfFile: stem + ".txt", encoding: .utf8),
          let body = try? String(contentsOfFile: stem + ".body.txt", encoding: .utf8),
          let captions = try? String(contentsOfFile: stem + ".captions.txt", encoding: .utf8)
        else { return .failure(.incompleteDump(path: stem + ".txt")) }
        dumps.append(
          GoldEvaluation.Dump(
            name: "\(language)/\(name.dropLast(4))", language: language, input: input,
            body: body, captions: Self.captions(captions)))
      }
    }
    return .success(dumps)
  }

  private static func isDump(_ name: String) -> Bool {
    name.hasSuffix(".txt") && !name.hasSuffix(".body.txt") && !name.hasSuffix(".captions.txt")
  }

  /// Captions from `text<TAB>credit` lines.
  static func captions(_ text: String) -> [Caption] {
    text.split(separator: "\n").map { line in
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      return Caption(text: String(parts[0]), credit: parts.count > 1 ? String(parts[1]) : "")
    }
  }
}

/// What stops `tamis eval` before it scores anything.
enum EvalProblem: Error, Equatable {
  /// The gold folder cannot be listed.
  case unreadableFolder(path: String)
  /// A dump lacks its expected body or captions file.
  case incompleteDump(path: String)

  /// The message text.
  var message: String {
    switch self {
    case .unreadableFolder(let path): "cannot read gold folder '\(path)'"
    case .incompleteDump(let path): "'\(path)' lacks its .body.txt or .captions.txt"
    }
  }
}
