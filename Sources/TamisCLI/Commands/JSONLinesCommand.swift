import Foundation
import Tamis

/// `tamis --jsonl [FILE...]`: cleans the text field of every JSON Lines record and writes one
/// output line per input line, in input order.
///
/// Memory stays bounded: the input is read in chunks of whole lines, chunks are parsed, cleaned
/// and rendered on every core while the next ones are read, and written in order
/// (`OrderedPipeline`). A chunk closes early when the input has nothing more to read at once
/// (`RecordChunkReader.next()`), so a program that writes one record and waits for its answer
/// gets it (tamis as a co-process). Files and busy pipes still come in full chunks, written with
/// one call each.
struct JSONLinesCommand {
  let invocation: Invocation
  let streams: Streams
  /// With `--learn`, the lines learned in the first pass (`LearningCommand`).
  var learning: LearningRun? = nil

  /// Runs the command: exit 1 when some record was malformed or lacked the text field.
  func run() throws(WriteError) -> ExitCode {
    let started = Date()
    guard let rules = try RuleLoader.load(for: invocation, streams: streams) else {
      return .usageOrRules
    }
    var recordCleaner = RecordCleaner(
      cleaner: Cleaner(rules: rules, learned: learning?.lines), textField: invocation.textField,
      urlField: invocation.urlField, replaceText: invocation.replaceText,
      explain: invocation.explain, fieldPrefix: invocation.fieldPrefix,
      language: invocation.language, site: invocation.site, encoding: invocation.encoding,
      structure: invocation.structure, keepTitle: invocation.keepTitle)
    recordCleaner.recorder = learning?.recorder
    // The counts by action cost a walk over each record's removals: only for the summary line.
    recordCleaner.summarises = !invocation.quiet && streams.errorsAreTerminal
    let jobs = invocation.jobs ?? ProcessInfo.processInfo.activeProcessorCount
    var summary = RunSummary()
    var failed = false
    for operand in invocation.inputs.isEmpty ? ["-"] : invocation.inputs {
      let name = InputReader.displayName(operand)
      let descriptor = operand == "-" ? STDIN_FILENO : open(operand, O_RDONLY)
      guard descriptor >= 0 else {
        try streams.errors.write(
          "\(name): error: cannot read: \(String(cString: strerror(errno)))\n")
        failed = true
        continue
      }
      defer { if descriptor != STDIN_FILENO { close(descriptor) } }
      let result = try stream(descriptor, name: name, cleaner: recordCleaner, jobs: jobs)
      summary.add(result.summary)
      failed = failed || result.failed
    }
    if !invocation.quiet, streams.errorsAreTerminal {
      try streams.errors.write(summary.line(seconds: Date().timeIntervalSince(started)))
    }
    return failed ? .someInputsFailed : .success
  }

  /// Cleans one stream chunk by chunk: the reading thread only finds where whole lines end
  /// (`RecordChunkReader`); workers split, parse, clean and render each chunk into one buffer;
  /// the same thread writes finished chunks in order (`OrderedPipeline`), so memory holds a fixed
  /// number of chunks. Before a read that would wait for the input, every chunk read so far is
  /// answered.
  private func stream(_ descriptor: Int32, name: String, cleaner: RecordCleaner, jobs: Int)
    throws(WriteError) -> (summary: RunSummary, failed: Bool)
  {
    var reader = RecordChunkReader(descriptor: descriptor)
    var summary = RunSummary()
    var failed = false
    var recordSeen = false
    var urlFieldSeen = false
    // Lines written so far: a chunk's notes count from its first line.
    var linesWritten = 0
    let pipeline = OrderedPipeline<RecordChunk, RecordCleaner.CleanedChunk>(jobs: jobs)
    try pipeline.run(
      read: {
        (pending) throws(WriteError) -> OrderedPipeline<RecordChunk, RecordCleaner.CleanedChunk>
          .Step? in
        // Answer what was read before waiting for more input.
        if pending, reader.nextWouldWait() { return .flush }
        do {
          return try reader.next().map { .batch($0) }
        } catch {
          try streams.errors.write("\(name): error: cannot read: \(error.localizedDescription)\n")
          failed = true
          return nil
        }
      },
      clean: { chunk in cleaner.clean(chunk) },
      write: { (_, cleaned) throws(WriteError) in
        try streams.output.write(cleaned.text)
        summary.add(cleaned.summary)
        recordSeen = recordSeen || cleaned.recordSeen
        urlFieldSeen = urlFieldSeen || cleaned.urlFieldSeen
        if !cleaned.notes.isEmpty {
          var messages = ""
          for note in cleaned.notes {
            let number = linesWritten + note.line + 1
            // Kept in line order with the errors, so not written through `streams.warn`.
            if let warning = note.warning, !streams.quiet {
              messages += "\(name):\(number): warning: \(warning)\n"
            }
            if let problem = note.problem {
              messages += "\(name):\(number): error: \(problem.message)\n"
              failed = true
            }
          }
          if !messages.isEmpty { try streams.errors.write(messages) }
        }
        linesWritten += cleaned.lineCount
      })
    // A field named on the command line that no record has is a mistake, not a corpus without
    // URLs: every record would silently go without its site pack.
    if invocation.urlFieldGiven, recordSeen, !urlFieldSeen {
      try streams.errors.write(Corpus.noURLField(invocation.urlField, path: name))
      failed = true
    }
    return (summary, failed)
  }
}
