import Foundation
import Tamis

/// `tamis --jsonl [FILE...]`: cleans the text field of every JSON Lines record and writes one
/// output line per input line, in input order.
///
/// Memory stays bounded: records are read in batches, batches are cleaned on every core while
/// the next ones are read, and written in order (`OrderedPipeline`). A batch closes early when the
/// input has nothing more to read at once (`LineReader.nextBatch(untilInputWaits:)`), so a
/// program that writes one record and waits for its answer gets it (tamis as a co-process).
/// Files and busy pipes still come in full batches, written with one call each.
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

  /// Cleans one stream batch by batch: a batch is read while earlier ones are cleaned on
  /// `jobs` threads and the oldest is written (`OrderedPipeline`), so memory holds a fixed
  /// number of batches. Before a read that would wait for the input, every batch read so far
  /// is answered.
  private func stream(_ descriptor: Int32, name: String, cleaner: RecordCleaner, jobs: Int)
    throws(WriteError) -> (summary: RunSummary, failed: Bool)
  {
    var reader = LineReader(descriptor: descriptor)
    var summary = RunSummary()
    var failed = false
    var recordSeen = false
    var urlFieldSeen = false
    typealias Batch = [(number: Int, bytes: [UInt8])]
    let pipeline = OrderedPipeline<Batch, [RecordCleaner.Output]>(jobs: jobs)
    try pipeline.run(
      read: {
        (pending) throws(WriteError) -> OrderedPipeline<Batch, [RecordCleaner.Output]>.Step? in
        // Answer what was read before waiting for more input.
        if pending, reader.nextBatchWouldWait() { return .flush }
        let batch: Batch
        do {
          guard
            let next = try reader.nextBatch(
              maxLines: Settings.pipelineBatchRecords, maxBytes: Settings.pipelineBatchBytes,
              untilInputWaits: true)
          else { return nil }
          batch = next
        } catch {
          try streams.errors.write("\(name): error: cannot read: \(error.localizedDescription)\n")
          failed = true
          return nil
        }
        return .batch(batch)
      },
      clean: { batch in batch.map { cleaner.clean($0.bytes) } },
      write: { (batch, outputs) throws(WriteError) in
        let written = try write(batch, outputs, name: name)
        summary.add(written.summary)
        failed = failed || written.failed
        for output in outputs {
          switch output.record {
          case .withURLField: urlFieldSeen = true
          case .withoutURLField: recordSeen = true
          case .notARecord: break
          }
        }
      })
    // A field named on the command line that no record has is a mistake, not a corpus without
    // URLs: every record would silently go without its site pack.
    if invocation.urlFieldGiven, recordSeen, !urlFieldSeen {
      try streams.errors.write(Corpus.noURLField(invocation.urlField, path: name))
      failed = true
    }
    return (summary, failed)
  }

  private func write(
    _ lines: [(number: Int, bytes: [UInt8])], _ outputs: [RecordCleaner.Output], name: String
  ) throws(WriteError) -> (summary: RunSummary, failed: Bool) {
    var text: [UInt8] = []
    // One allocation for the batch's answer: this runs on the thread that also reads, which
    // the workers wait for with `--jobs 2`.
    text.reserveCapacity(outputs.reduce(0) { $0 + $1.line.count + 1 })
    var messages = ""
    var failed = false
    var summary = RunSummary()
    for (line, output) in zip(lines, outputs) {
      text += output.line
      text.append(UInt8(ascii: "\n"))
      summary.add(output.summary)
      if let warning = output.warning {
        // Kept in line order with the errors, so not written through `streams.warn`.
        if !streams.quiet { messages += "\(name):\(line.number): warning: \(warning)\n" }
      }
      if let problem = output.problem {
        messages += "\(name):\(line.number): error: \(problem.message)\n"
        failed = true
      }
    }
    try streams.output.write(text)
    if !messages.isEmpty { try streams.errors.write(messages) }
    return (summary, failed)
  }
}
