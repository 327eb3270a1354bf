import Foundation
import Tamis

/// The default command: clean each input and print its body (or JSON) on stdout.
///
/// In text format, `--explain` prints each dump with every line marked instead of its body,
/// and `--diff` only the lines that changed (see `ExplainRenderer`); with several inputs each
/// listing starts with a `==> NAME <==` line. JSON output already lists the removals.
struct CleanCommand {
  let invocation: Invocation
  let streams: Streams
  /// The size above which a plain-text input is cleaned in sections (tests lower it).
  var sectionBytes = SectionedInput.defaultSectionBytes

  /// Cleans every input in order. An input that fails is reported and skipped.
  func run() throws(WriteError) -> ExitCode {
    let operands = invocation.inputs.isEmpty ? ["-"] : invocation.inputs
    // The captions file is checked before anything is read: it must not be an input or the
    // output (the same check runs again when it is written).
    let files = OutputFiles(
      protecting: OutputFiles.protectedFiles(inputs: operands, streams: streams))
    if let path = invocation.captionsPath, case .failure(let problem) = files.destination(of: path),
      problem == .isOutput || problem.isInput
    {
      try streams.errors.write(
        "tamis: error: cannot write the captions to '\(path)': \(problem.message)\n")
      return .usageOrRules
    }
    guard let rules = try RuleLoader.load(for: invocation, streams: streams) else {
      return .usageOrRules
    }
    let cleaner = Cleaner(rules: rules)
    // One large dump is scanned on every core; the result does not depend on the count.
    let options = CleaningOptions(
      site: invocation.site, language: invocation.language,
      jobs: invocation.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
      structure: invocation.structure, keepTitle: invocation.keepTitle)
    var failed = false
    var captions = ""
    // Plain text output can be written section by section; JSON and listings need the whole
    // document.
    let sectioned = invocation.format == .text && !invocation.explain && !invocation.diff
    for operand in operands {
      let name = InputReader.displayName(operand)
      let bytes: [UInt8]
      do {
        switch sectioned
          ? try SectionedInput.prepare(operand, streams: streams, sectionBytes: sectionBytes)
          : .whole(try InputReader.read(operand, streams: streams).get())
        {
        case .whole(let read): bytes = read
        case .sections(var input):
          defer { input.finish() }
          captions += ArticleRendering.captionsTSV(
            try cleanInSections(&input, name: name, cleaner: cleaner, options: options),
            source: name)
          continue
        }
      } catch {
        try report(error, name: name)
        failed = true
        continue
      }
      let (text, encoding) = (invocation.encoding ?? .utf8).decode(bytes)
      let replaced = invocation.format == .json || invocation.explain || invocation.diff
      if let warning = InputReader.invalidUTF8Warning(text, name: name, replaced: replaced) {
        try streams.warn(warning)
      }
      var article = text.withUnsafeBufferPointer {
        cleaner.clean(bytes: $0, source: name, options: options)
      }
      if invocation.encoding != nil { article.meta["encoding"] = encoding.rawValue }
      try streams.output.write(
        render(article, bytes: text, name: name, several: operands.count > 1))
      captions += ArticleRendering.captionsTSV(article.captions, source: name)
    }
    if let path = invocation.captionsPath {
      let signalSources = files.removeOnInterrupt()
      defer { signalSources.forEach { $0.cancel() } }
      do {
        try files.write(Array(captions.utf8), to: path)
      } catch {
        try streams.errors.write(
          "tamis: error: cannot write the captions to '\(path)': \(error.message)\n")
        failed = true
      }
    }
    return failed ? .someInputsFailed : .success
  }

  /// Cleans a large input section by section (see `SectionedInput`), writing each section's
  /// body as it is done, a blank line between sections; returns the captions. With several
  /// jobs, sections are cleaned at once (one thread each) while the next ones are read, and
  /// written in order (`OrderedPipeline`); `jobs + Settings.sectionReadAhead` sections at most
  /// are in memory. The reading thread only reads: each section's UTF-8 check runs with its
  /// cleaning, on a worker.
  /// - Throws: `CleanFailure` for a read error in the middle (what was written stays written).
  private func cleanInSections(
    _ input: inout SectionedInput, name: String, cleaner: Cleaner, options: CleaningOptions
  ) throws(CleanFailure) -> [Caption] {
    var captions: [Caption] = []
    var wroteBody = false
    var invalid: (firstOffset: Int, count: Int)?
    let jobs = max(1, options.jobs)
    // Several sections share the cores one section each; with one job, one section at a time.
    var sectionOptions = options
    if jobs > 1 { sectionOptions.jobs = 1 }
    let pipeline = OrderedPipeline<Section, Section.Cleaned>(
      jobs: jobs, inFlight: jobs + Settings.sectionReadAhead)
    try pipeline.run(
      read: { (_) throws(CleanFailure) -> OrderedPipeline<Section, Section.Cleaned>.Step? in
        let start = input.nextOffset
        let section: [UInt8]
        do throws(InputProblem) {
          guard let next = try input.nextSection() else { return nil }
          section = (invocation.encoding ?? .utf8).decode(next).bytes
        } catch {
          throw CleanFailure.input(error)
        }
        return .batch(Section(start: start, bytes: section))
      },
      clean: { [sectionOptions] section in
        section.bytes.withUnsafeBufferPointer {
          Section.Cleaned(
            article: cleaner.clean(bytes: $0, source: name, options: sectionOptions),
            invalidUTF8: TextCheck.invalidUTF8(in: $0))
        }
      },
      write: { (section, cleaned) throws(CleanFailure) in
        // In input order, as the sections were read: the first invalid byte is the input's.
        if let bad = cleaned.invalidUTF8 {
          invalid = (
            invalid?.firstOffset ?? section.start + bad.firstOffset,
            (invalid?.count ?? 0) + bad.count
          )
        }
        let article = cleaned.article
        var text = ArticleRendering.text(article)
        if !text.isEmpty {
          if wroteBody { text = Array(article.lineTerminator.utf8) + text }
          wroteBody = true
          do throws(WriteError) {
            try streams.output.write(text)
          } catch {
            throw CleanFailure.write(error)
          }
        }
        captions += article.captions
      })
    if let invalid {
      let warning = InputReader.invalidUTF8Warning(
        firstOffset: invalid.firstOffset, count: invalid.count, name: name, replaced: false)
      do { try streams.warn(warning) } catch { throw CleanFailure.write(error) }
    }
    return captions
  }

  /// Why cleaning one input stopped: its input, or the output.
  private enum CleanFailure: Error {
    case input(InputProblem)
    case write(WriteError)
  }

  /// One section of a large input: its bytes and the input offset of its first byte.
  private struct Section: Sendable {
    let start: Int
    let bytes: [UInt8]

    /// A section's article, and where its invalid UTF-8 is (offsets within the section).
    struct Cleaned: Sendable {
      let article: CleanedArticle
      let invalidUTF8: TextCheck.InvalidUTF8?
    }
  }

  /// Reports a failed input on stderr; a write error ends the run.
  private func report(_ error: any Error, name: String) throws(WriteError) {
    switch error {
    case let problem as InputProblem:
      try streams.errors.write(
        DiagnosticRenderer.render(Diagnostic(.error, at: nil, .input(problem)), programName: name)
          + "\n")
    case CleanFailure.input(let problem):
      try report(problem, name: name)
    case CleanFailure.write(let writeError):
      throw writeError
    default:
      try streams.errors.write("\(name): error: \(error)\n")
    }
  }

  /// What to print for one cleaned input.
  private func render(_ article: CleanedArticle, bytes: [UInt8], name: String, several: Bool)
    -> [UInt8]
  {
    if invocation.format == .json { return Array(ArticleRendering.json(article).utf8) }
    guard invocation.explain || invocation.diff else { return ArticleRendering.text(article) }
    let renderer = ExplainRenderer(colour: streams.outputIsTerminal)
    let listing =
      invocation.diff
      ? renderer.diff(article, bytes: bytes) : renderer.explain(article, bytes: bytes)
    guard several, !listing.isEmpty else { return Array(listing.utf8) }
    return Array((renderer.paint("==> \(name) <==", .dim) + "\n" + listing).utf8)
  }
}
