import Foundation
import Tamis

/// `tamis suggest DIR_OR_JSONL...`: mines a corpus for lines repeated across the documents of a
/// site and prints `drop-line` rules for them; it never changes anything.
///
/// A folder operand holds one subfolder per site (`corpus/lemonde.fr/…/x.txt`); files directly
/// under it belong to no site. A file operand is JSON Lines: the site is the host of the URL
/// field (`--url-field`, default `url`) without `www.`, the text is `--field` (default `text`),
/// and a document is named by its `id` field, else by `path:line`.
///
/// Two passes, in bounded memory (`LineMiner`, `LineRecovery`): the first counts the hashes of
/// every document's raw lines, cleaning it with the current rules to leave out the lines they
/// remove wherever they appear; the second reads the corpus again only to recover the text and
/// two example documents of the lines that passed the thresholds, and groups near-identical
/// lines into one `starts-with` rule.
struct SuggestCommand {
  let invocation: Invocation
  let streams: Streams

  /// Documents read and cleaned at a time (folder mode), and records per batch (JSON Lines).
  static let batchDocuments = 64
  static let batchLines = 512
  static let batchBytes = 4 << 20

  /// One document of the corpus, ready for either pass.
  struct Document: Sendable {
    var id: String
    var site: String
    var bytes: [UInt8]
    /// False for a JSON Lines record without the URL field (`--url-field`).
    var hasURLField = true
  }

  /// Runs both passes and prints the suggestions; exit 1 when some input could not be read.
  func run() throws(WriteError) -> ExitCode {
    let started = Date()
    for operand in invocation.inputs where !FileManager.default.fileExists(atPath: operand) {
      try streams.errors.write("tamis: error: no such file or folder '\(operand)'\n")
      return .usageOrRules
    }
    guard let rules = try RuleLoader.load(for: invocation, streams: streams) else {
      return .usageOrRules
    }
    let cleaner = Cleaner(rules: rules)
    let thresholds = LineMiner.Thresholds(
      minDocuments: invocation.minDocuments, minSharePercent: invocation.minSharePercent,
      minLength: invocation.minLength)
    let jobs = invocation.jobs ?? ProcessInfo.processInfo.activeProcessorCount
    let language = invocation.language
    let minLength = thresholds.minLength

    // Pass 1: count the hashes of the raw lines, and whether the rules leave each in the body.
    var miner = LineMiner(thresholds: thresholds)
    var bytesRead = 0
    var problems: [String] = []
    let corpus = Corpus(invocation: invocation)
    corpus.forEachBatch(jobs: jobs, problems: &problems) { batch in
      let counted = Parallel.map(batch, jobs: jobs) { document in
        document.bytes.withUnsafeBufferPointer {
          LineMiner.lines(
            in: $0, site: document.site, cleaner: cleaner, language: language,
            minLength: minLength)
        }
      }
      for (document, lines) in zip(batch, counted) {
        bytesRead += document.bytes.count
        miner.add(lines)
      }
      return true
    }
    try writeProblems(problems)

    // Pass 2: recover the text and examples of the candidates.
    let candidates = miner.candidates()
    var recovery = LineRecovery(candidates)
    if !candidates.isEmpty {
      var ignored: [String] = []
      corpus.forEachBatch(jobs: jobs, problems: &ignored) { batch in
        for document in batch where recovery.wants(site: document.site) {
          document.bytes.withUnsafeBufferPointer {
            recovery.observe($0, site: document.site, documentID: document.id)
          }
        }
        return !recovery.isComplete
      }
    }
    let suggestions = recovery.suggestions()
    try streams.output.write(
      SuggestionRendering.text(
        suggestions, documents: miner.documentCount, thresholds: thresholds))
    if !invocation.quiet {
      let count = suggestions.reduce(0) { $0 + $1.lines.count }
      let megabytes = String(format: "%.1f MB", Double(bytesRead) / 1_000_000)
      let seconds = String(format: "%.2f s", Date().timeIntervalSince(started))
      try streams.errors.write(
        "tamis: \(RunSummary.counted(miner.documentCount, "document")), \(megabytes), "
          + "\(RunSummary.counted(count, "suggestion")) for "
          + "\(RunSummary.counted(suggestions.count, "site")); \(seconds)\n")
    }
    return problems.isEmpty ? .success : .someInputsFailed
  }

  private func writeProblems(_ problems: [String]) throws(WriteError) {
    guard !problems.isEmpty else { return }
    try streams.errors.write(problems.joined())
  }
}
