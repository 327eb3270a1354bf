import Foundation
import Synchronization
import Tamis

/// `tamis PATH... --out DIR`: cleans every document under the inputs and mirrors the tree under
/// DIR, starting from each input's last path component. For `tamis a --out DIR`, `a/b/x.txt`
/// goes to `DIR/a/b/x.txt` (the body) and `DIR/a/b/x.captions.tsv`, or `DIR/a/b/x.json` with
/// `--format json`.
///
/// Before anything is written, the run is refused when DIR is inside an input (or the reverse,
/// links resolved) or when two inputs would write one output (`a/site/x.txt` and
/// `b/site/x.txt`, or `x.txt` and `x.md` sharing `x.captions.tsv`). Outputs are written by
/// `OutputFiles`, which never writes over an input.
struct BatchCommand {
  let invocation: Invocation
  let streams: Streams
  let outputDirectory: String
  /// With `--learn`, the lines learned in the first pass (`LearningCommand`).
  var learning: LearningRun? = nil

  /// How many documents are cleaned between two progress updates.
  static let chunkSize = 64

  /// What happened to one document.
  private enum Outcome: Sendable {
    /// Written; `warning` when the input is not valid UTF-8 (cleaned anyway).
    case written(RunSummary, warning: String?)
    case upToDate
    case skipped(message: String)
    case failed(message: String)
  }

  /// Runs the batch; exit 1 when some document failed or was skipped as not text.
  func run() throws(WriteError) -> ExitCode {
    let started = Date()
    let documents: [InputWalker.Document]
    switch prepare() {
    case .success(let found): documents = found
    case .failure(let failure):
      try streams.errors.write(failure.problems.map { "tamis: error: \($0.message)\n" }.joined())
      return .usageOrRules
    }
    guard let rules = try RuleLoader.load(for: invocation, streams: streams) else {
      return .usageOrRules
    }
    let cleaner = Cleaner(rules: rules, learned: learning?.lines)
    var inputs: [FileID: OutputPathProblem] = [:]
    for document in documents.reversed() {
      if let id = document.fileID { inputs[id] = .isInput(input: document.path) }
    }
    let temporaryFiles = OutputFiles(protecting: inputs)
    let finished = Counter()
    let total = documents.count
    let signalSources = temporaryFiles.removeOnInterrupt { [finished] in
      let count = finished.value
      return "tamis: interrupted after \(RunSummary.counted(count, "document")) of \(total);"
        + " rerun with --resume to clean the rest\n"
    }
    defer { signalSources.forEach { $0.cancel() } }
    let rulesDate = invocation.resume ? rulesModificationDate() : nil
    let jobs = invocation.jobs ?? ProcessInfo.processInfo.activeProcessorCount
    var summary = RunSummary()
    var problems = 0
    var done = 0
    // Small groups of documents are cleaned as workers come free and reported in input order
    // (`OrderedPipeline`), instead of groups of `chunkSize` that each waited for their slowest
    // document; a group of a few documents, not one, so that the hand-over between threads is
    // not paid per document.
    var next = 0
    typealias Group = [InputWalker.Document]
    let pipeline = OrderedPipeline<Group, [Outcome]>(jobs: jobs)
    try pipeline.run(
      read: { (_) throws(WriteError) -> OrderedPipeline<Group, [Outcome]>.Step? in
        guard next < documents.count else { return nil }
        let end = min(next + Settings.pipelineBatchDocuments, documents.count)
        defer { next = end }
        return .batch(Array(documents[next..<end]))
      },
      clean: { [self] group in
        group.map { document in
          let outcome = process(
            document, cleaner: cleaner, files: temporaryFiles, rulesDate: rulesDate)
          finished.increment()
          return outcome
        }
      },
      write: { (_, outcomes) throws(WriteError) in
        for outcome in outcomes {
          switch outcome {
          case .written(let counts, let warning):
            summary.add(counts)
            if let warning { try streams.warn(warning) }
          case .upToDate: summary.skipped += 1
          case .skipped(let message):
            problems += 1
            summary.failed += 1
            try streams.warn(message)
          case .failed(let message):
            problems += 1
            summary.failed += 1
            try streams.errors.write(message)
          }
          done += 1
          if streams.errorsAreTerminal, done % Self.chunkSize == 0 || done == documents.count {
            try streams.errors.write(
              progress(done: done, total: documents.count, summary, started))
          }
        }
      })
    if streams.errorsAreTerminal { try streams.errors.write("\r\u{1B}[K") }
    if !invocation.quiet {
      try streams.errors.write(summary.line(seconds: Date().timeIntervalSince(started)))
    }
    return problems > 0 ? .someInputsFailed : .success
  }

  // MARK: - Steps

  /// The problems that stop a run before it starts.
  private struct PrepareFailure: Error {
    var problems: [BatchProblem]
  }

  /// The documents to clean, once the inputs and outputs are known not to overlap or collide;
  /// the output folder is made last, so a refused run writes nothing.
  private func prepare() -> Result<[InputWalker.Document], PrepareFailure> {
    for input in invocation.inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        return .failure(PrepareFailure(problems: [.missingInput(path: input)]))
      }
      if isDirectory.boolValue, InputWalker.isInside(outputDirectory, input) {
        return .failure(
          PrepareFailure(problems: [.outputInsideInput(output: outputDirectory, input: input)]))
      }
      if InputWalker.isInside(input, outputDirectory) {
        return .failure(
          PrepareFailure(problems: [.inputInsideOutput(input: input, output: outputDirectory)]))
      }
    }
    let documents: [InputWalker.Document]
    switch InputWalker.documents(in: invocation.inputs) {
    case .success(let found): documents = found
    case .failure(let problem): return .failure(PrepareFailure(problems: [problem]))
    }
    let (unique, clashes) = OutputClashes.check(documents, outputs: outputPaths(for:))
    if !clashes.isEmpty { return .failure(PrepareFailure(problems: clashes)) }
    do {
      try FileManager.default.createDirectory(
        atPath: outputDirectory, withIntermediateDirectories: true)
    } catch {
      return .failure(
        PrepareFailure(
          problems: [.cannotCreateOutput(path: outputDirectory, reason: InputReader.reason(error))]
        ))
    }
    return .success(unique)
  }

  private func process(
    _ document: InputWalker.Document, cleaner: Cleaner, files: OutputFiles, rulesDate: Date?
  ) -> Outcome {
    if let code = document.unlistableFolderError {
      let reason = FileBytes.reason(code)
      return .failed(message: "\(document.path): error: cannot list folder: \(reason)\n")
    }
    let targets = outputPaths(for: document)
    if let rulesDate, isUpToDate(document.path, outputs: targets, rulesDate: rulesDate) {
      return .upToDate
    }
    let bytes: [UInt8]
    let encoding: InputEncoding
    switch InputReader.read(document.path, streams: streams) {
    case .success(let read): (bytes, encoding) = (invocation.encoding ?? .utf8).decode(read)
    case .failure(let problem):
      let severity: Severity = problem == .binary || problem.isInvalidUTF8 ? .warning : .error
      let message =
        DiagnosticRenderer.render(
          Diagnostic(severity, at: nil, .input(problem)), programName: document.path) + "\n"
      return severity == .warning ? .skipped(message: message) : .failed(message: message)
    }
    let warning = InputReader.invalidUTF8Warning(
      bytes, name: document.path, replaced: invocation.format == .json)
    // With --learn, a document's site is its folder under the input, as the first pass read it.
    let site = invocation.site ?? learning?.site(of: document.path)
    var article = bytes.withUnsafeBufferPointer {
      cleaner.clean(
        bytes: $0, source: document.path,
        options: CleaningOptions(
          site: site, language: invocation.language, structure: invocation.structure,
          keepTitle: invocation.keepTitle))
    }
    learning?.recorder?.record(site: site, text: bytes, article: article)
    if invocation.encoding != nil { article.meta["encoding"] = encoding.rawValue }
    let folder = (targets[0] as NSString).deletingLastPathComponent
    do {
      try files.makeFolder(folder)
    } catch {
      return .failed(message: "\(folder): error: cannot create: \(InputReader.reason(error))\n")
    }
    // The captions file is written first and the body last: a body newer than its input means
    // the document is done (`--resume`), even when an interrupt came in between. A document
    // without captions gets no captions file, and loses the one a previous run left.
    var writes: [(target: String, bytes: [UInt8])] = []
    if invocation.format == .json {
      writes = [(targets[0], Array(ArticleRendering.json(article).utf8))]
    } else {
      if article.captions.isEmpty {
        if FileManager.default.fileExists(atPath: targets[1]) {
          do {
            try FileManager.default.removeItem(atPath: targets[1])
          } catch {
            return .failed(
              message: "\(targets[1]): error: cannot remove: \(InputReader.reason(error))\n")
          }
        }
      } else {
        let captions = ArticleRendering.captionsTSV(article.captions, source: document.path)
        writes.append((targets[1], Array(captions.utf8)))
      }
      writes.append((targets[0], ArticleRendering.text(article)))
    }
    for (target, bytes) in writes {
      do {
        try files.write(bytes, to: target)
      } catch {
        return .failed(message: "\(target): error: cannot write: \(error.message)\n")
      }
    }
    var counts = RunSummary()
    counts.add(article, bytes: bytes.count)
    return .written(counts, warning: warning)
  }

  /// The output paths: `[body, captions]` in text mode (the captions file only exists for a
  /// document with captions), `[json]` in JSON mode.
  func outputPaths(for document: InputWalker.Document) -> [String] {
    let target = (outputDirectory as NSString).appendingPathComponent(document.relativePath)
    let stem = (target as NSString).deletingPathExtension
    if invocation.format == .json { return [stem + ".json"] }
    return [target, stem + ".captions.tsv"]
  }

  private func isUpToDate(_ input: String, outputs: [String], rulesDate: Date) -> Bool {
    guard let inputDate = modificationDate(input) else { return false }
    // The first output (body or JSON) is written last, so it must be there; a captions file
    // exists only for a document with captions.
    return outputs.enumerated().allSatisfy { index, output in
      guard let outputDate = modificationDate(output) else { return index > 0 }
      return outputDate > inputDate && outputDate > rulesDate
    }
  }

  /// The newest of the rule files given with `--rules` and of the tamis executable (which
  /// carries the built-in rules).
  private func rulesModificationDate() -> Date {
    var paths = invocation.addedRulePaths
    if invocation.useDefaultRules, let executable = Bundle.main.executablePath {
      paths.append(executable)
    }
    var newest = Date.distantPast
    for path in paths {
      if let date = modificationDate(path), date > newest { newest = date }
      if let enumerator = FileManager.default.enumerator(atPath: path) {
        while let relative = enumerator.nextObject() as? String {
          let full = (path as NSString).appendingPathComponent(relative)
          if let date = modificationDate(full), date > newest { newest = date }
        }
      }
    }
    return newest
  }

  /// `stat(2)` rather than `FileManager.attributesOfItem`, which also looks up the file's
  /// owner and group names (two database reads per file on Linux).
  private func modificationDate(_ path: String) -> Date? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
  }

  private func progress(done: Int, total: Int, _ summary: RunSummary, _ started: Date) -> String {
    let elapsed = max(Date().timeIntervalSince(started), 0.001)
    let rate = Double(summary.bytes) / 1_000_000 / elapsed
    let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
    return String(
      format: "\r\u{1B}[K%d/%d files, %.1f MB/s, ETA %.0f s", done, total, rate, remaining)
  }
}

extension InputProblem {
  /// True for `invalidUTF8`, whatever the offset.
  var isInvalidUTF8: Bool {
    if case .invalidUTF8 = self { return true }
    return false
  }
}

/// A count shared by the threads of a batch and read by its signal handler.
final class Counter: Sendable {
  private let count = Atomic<Int>(0)

  /// Adds one.
  func increment() { count.add(1, ordering: .relaxed) }

  /// The count so far.
  var value: Int { count.load(ordering: .relaxed) }
}
