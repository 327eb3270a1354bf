import Foundation
import Tamis

/// `tamis --learn (--jsonl FILE... | PATH... --out DIR)`: learns each site's repeated lines from
/// the inputs, then cleans them with those lines removed.
///
/// Two passes over the same inputs. The first counts, per site, in how many documents each
/// folded, number-normalised line appears (`LineCounter`, bounded memory) and keeps the lines in
/// at least `--learn-min-docs` documents and `--learn-min-share` % of the site's; the second is
/// the ordinary JSON Lines or batch run, with a cleaner that removes them (`LearnedLinePass`).
/// A document's site is `--site`, else its URL field's host (JSON Lines), else the first folder
/// under its input folder (batch), else the first host of the site pack whose `detect:` matches
/// it (`CompiledRuleSet.detectedSite(in:)`). Standard input and pipes cannot be read twice: they
/// are refused before anything is read.
///
/// With `--learn-out DIR`, the learned lines are written after the cleaning pass as one site
/// pack per site (`LearnedPack`), `DIR/HOST.rules`; an existing file there is never replaced.
struct LearningCommand {
  let invocation: Invocation
  let streams: Streams

  /// Documents read and hashed at a time in a batch run's first pass.
  static let batchDocuments = 64

  /// Runs both passes; the exit status is the cleaning pass's (1 also when a pack could not be
  /// written).
  func run() throws(WriteError) -> ExitCode {
    let started = Date()
    if let problem = refusal() {
      try streams.errors.write("tamis: error: \(problem)\n")
      return .usageOrRules
    }
    let detection = LearningDetection(invocation: invocation)
    let jobs = invocation.jobs ?? ProcessInfo.processInfo.activeProcessorCount
    let folders = folderPrefixes()
    let counter =
      invocation.jsonLines
      ? countJSONLines(detection, jobs: jobs) : countFiles(folders, detection, jobs: jobs)
    let thresholds = LineCounter.Thresholds(
      minDocuments: invocation.learnMinDocuments,
      minSharePercent: invocation.learnMinSharePercent)
    let learned = counter.learned(thresholds)
    if !invocation.quiet {
      let seconds = String(format: "%.2f s", Date().timeIntervalSince(started))
      try streams.errors.write(
        "tamis: learned \(RunSummary.counted(learned.count, "line")) of "
          + "\(learned.sites.count) of \(RunSummary.counted(counter.siteCount, "site")) from "
          + "\(RunSummary.counted(counter.documentCount, "document")) "
          + "(\(counter.documentsWithoutSite) without a site, cleaned without learned lines);"
          + " \(seconds)\n")
    }
    if let directory = invocation.learnOutDirectory,
      let existing = learned.sites.keys.sorted().lazy.map({
        (directory as NSString).appendingPathComponent($0 + ".rules")
      }).first(where: { FileManager.default.fileExists(atPath: $0) })
    {
      try streams.errors.write(
        "tamis: error: '\(existing)' exists, and --learn-out never replaces a file; "
          + "name a new folder or move the old packs away\n")
      return .usageOrRules
    }
    let recorder =
      invocation.learnOutDirectory == nil
      ? nil : LearningRecorder(learned: learned, detector: detection.neededDetector)
    let learning = LearningRun(lines: learned, folderPrefixes: folders, recorder: recorder)
    var status: ExitCode
    if let outputDirectory = invocation.outputDirectory {
      status = try BatchCommand(
        invocation: invocation, streams: streams, outputDirectory: outputDirectory,
        learning: learning
      ).run()
    } else {
      status = try JSONLinesCommand(invocation: invocation, streams: streams, learning: learning)
        .run()
    }
    if let recorder, let directory = invocation.learnOutDirectory, status != .usageOrRules {
      if try !LearningPackWriter(streams: streams, inputs: invocation.inputs).write(
        recorder, to: directory, thresholds: thresholds, quiet: invocation.quiet)
      {
        status = .someInputsFailed
      }
    }
    return status
  }

  /// Why the run cannot learn, before anything is read.
  private func refusal() -> String? {
    guard invocation.jsonLines || invocation.outputDirectory != nil else {
      return "--learn cleans a JSON Lines crawl ('--jsonl FILE') or a folder ('--out DIR')"
    }
    let pipe = invocation.inputs.isEmpty ? "-" : invocation.inputs.first(where: Self.isStream)
    if let pipe {
      let name = pipe == "-" ? "standard input" : "'\(pipe)'"
      return "--learn reads its input twice, and \(name) is a stream that can be read once; "
        + "learn from a file or a folder, or clean the stream with the packs that "
        + "'--learn-out DIR' wrote on a file: '--rules DIR'"
    }
    for input in invocation.inputs where !FileManager.default.fileExists(atPath: input) {
      return "no such file or folder '\(input)'"
    }
    if let directory = invocation.learnOutDirectory {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return "--learn-out needs a folder, and '\(directory)' is a file"
      }
    }
    return nil
  }

  /// True for `-` and for an operand that is a FIFO, a socket or a character device (a pipe
  /// named as `/dev/stdin` or `<(…)`).
  private static func isStream(_ path: String) -> Bool {
    if path == "-" { return true }
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    let kind = info.st_mode & S_IFMT
    return kind == S_IFIFO || kind == S_IFSOCK || kind == S_IFCHR
  }

  /// The folder operands, each ending with `/`, in the form `InputWalker` builds paths under
  /// them.
  private func folderPrefixes() -> [String] {
    invocation.inputs.filter { input in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
  }

  // MARK: - First pass

  /// Counts the records of the JSON Lines operands; their errors are left to the cleaning pass.
  private func countJSONLines(_ detection: LearningDetection, jobs: Int) -> LineCounter {
    var counter = LineCounter()
    var problems: [String] = []
    let site = invocation.site.flatMap { $0.isEmpty ? nil : $0 }
    Corpus(invocation: invocation).forEachBatch(jobs: jobs, problems: &problems) { batch in
      let counted = Parallel.map(batch, jobs: jobs) { document in
        document.bytes.withUnsafeBufferPointer { bytes in
          (
            LineCounter.lines(in: bytes),
            site ?? (document.site.isEmpty ? detection.site(in: bytes) : document.site)
          )
        }
      }
      for (lines, site) in counted { counter.add(lines, site: site) }
      return true
    }
    return counter
  }

  /// Counts the documents of a batch run; unreadable ones are left to the cleaning pass.
  private func countFiles(_ folders: [String], _ detection: LearningDetection, jobs: Int)
    -> LineCounter
  {
    var counter = LineCounter()
    guard case .success(let documents) = InputWalker.documents(in: invocation.inputs) else {
      return counter
    }
    let quiet = Streams(output: MemorySink(), errors: MemorySink(), readInput: { [] })
    let encoding = invocation.encoding ?? .utf8
    for start in stride(from: 0, to: documents.count, by: Self.batchDocuments) {
      let chunk = documents[start..<min(start + Self.batchDocuments, documents.count)]
      let site = invocation.site.flatMap { $0.isEmpty ? nil : $0 }
      let counted = Parallel.map(Array(chunk), jobs: jobs) {
        document -> (LineCounter.DocumentLines, String?)? in
        guard document.unlistableFolderError == nil,
          case .success(let read) = InputReader.read(document.path, streams: quiet)
        else { return nil }
        return encoding.decode(read).bytes.withUnsafeBufferPointer { bytes in
          (
            LineCounter.lines(in: bytes),
            site ?? LearningRun.site(of: document.path, folderPrefixes: folders)
              ?? detection.site(in: bytes)
          )
        }
      }
      for case (let lines, let site)? in counted { counter.add(lines, site: site) }
    }
    return counter
  }
}
