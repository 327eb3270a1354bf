import Tamis

extension RecordCleaner {
  /// One chunk of lines cleaned on a worker: the output lines, and what the writing thread
  /// reports and counts.
  struct CleanedChunk: Sendable {
    /// The output lines, each followed by `\n`, written as they are.
    var text: [UInt8] = []
    /// How many lines the chunk held.
    var lineCount = 0
    /// The lines with a warning or an error, by their 0-based index in the chunk, in order.
    var notes: [(line: Int, warning: String?, problem: RecordProblem?)] = []
    var summary = RunSummary()
    /// Whether a line was a JSON object without the URL field.
    var recordSeen = false
    /// Whether a line was a JSON object with the URL field.
    var urlFieldSeen = false
  }

  /// Cleans every line of `chunk`, rendering each output line straight into one buffer.
  func clean(_ chunk: RecordChunk) -> CleanedChunk {
    var cleaned = CleanedChunk()
    // An output line holds its record and a body no longer than the text: one allocation for
    // twice the chunk, instead of a doubling every few records.
    cleaned.text.reserveCapacity(2 * chunk.end + 4096)
    chunk.forEachLine { line in
      let outcome = clean(line, into: &cleaned.text)
      cleaned.text.append(UInt8(ascii: "\n"))
      if outcome.warning != nil || outcome.problem != nil {
        cleaned.notes.append((cleaned.lineCount, outcome.warning, outcome.problem))
      }
      cleaned.lineCount += 1
      cleaned.summary.add(outcome.summary)
      switch outcome.record {
      case .withURLField: cleaned.urlFieldSeen = true
      case .withoutURLField: cleaned.recordSeen = true
      case .notARecord: break
      }
    }
    return cleaned
  }
}
