import Foundation
import Tamis

/// The documents of a `tamis suggest` corpus, read batch by batch so memory holds one batch.
///
/// Folders are walked as `InputWalker` walks them (path order, hidden files skipped); the site
/// of a document is the first folder under the operand. Files are JSON Lines.
struct Corpus {
  let invocation: Invocation

  /// Calls `body` with each batch of documents, in corpus order, until it returns false.
  ///
  /// - Parameters:
  ///   - jobs: threads used to read and parse a batch.
  ///   - problems: receives one message (with its line end) per unreadable document or record;
  ///     with `--quiet`, a document skipped with a warning (binary) gives an empty message, so it
  ///     still counts for the exit status without being shown.
  ///   - body: takes a batch; returns whether to go on.
  func forEachBatch(
    jobs: Int, problems: inout [String], _ body: ([SuggestCommand.Document]) -> Bool
  ) {
    for operand in invocation.inputs {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: operand, isDirectory: &isDirectory)
      let goOn =
        isDirectory.boolValue
        ? folder(operand, jobs: jobs, problems: &problems, body)
        : jsonLines(operand, jobs: jobs, problems: &problems, body)
      if !goOn { return }
    }
  }

  // MARK: - Folders

  private func folder(
    _ operand: String, jobs: Int, problems: inout [String],
    _ body: ([SuggestCommand.Document]) -> Bool
  ) -> Bool {
    let documents: [InputWalker.Document]
    switch InputWalker.documents(in: [operand]) {
    case .success(let found): documents = found
    case .failure(let problem):
      problems.append("tamis: error: \(problem.message)\n")
      return true
    }
    let prefix = operand.hasSuffix("/") ? operand : operand + "/"
    let streams = Streams(output: MemorySink(), errors: MemorySink(), readInput: { [] })
    for start in stride(from: 0, to: documents.count, by: SuggestCommand.batchDocuments) {
      let chunk = Array(
        documents[start..<min(start + SuggestCommand.batchDocuments, documents.count)])
      let read = Parallel.map(chunk, jobs: jobs) {
        document -> Result<SuggestCommand.Document, Failure> in
        let relative =
          document.path.hasPrefix(prefix)
          ? String(document.path.dropFirst(prefix.count))
          : (document.path as NSString).lastPathComponent
        let components = relative.split(separator: "/")
        let site = components.count > 1 ? String(components[0]) : ""
        switch InputReader.read(document.path, streams: streams) {
        case .success(let bytes):
          return .success(SuggestCommand.Document(id: relative, site: site, bytes: bytes))
        case .failure(let problem):
          let severity: Severity = problem == .binary || problem.isInvalidUTF8 ? .warning : .error
          return .failure(
            Failure(
              isWarning: severity == .warning,
              message: DiagnosticRenderer.render(
                Diagnostic(severity, at: nil, .input(problem)), programName: document.path)
                + "\n"))
        }
      }
      var batch: [SuggestCommand.Document] = []
      for result in read {
        switch result {
        case .success(let document): batch.append(document)
        case .failure(let failure):
          problems.append(failure.isWarning && invocation.quiet ? "" : failure.message)
        }
      }
      if !body(batch) { return false }
    }
    return true
  }

  /// A document that could not be read, with its message.
  struct Failure: Error, Sendable {
    /// True for a document skipped with a warning (binary), which `--quiet` does not show.
    var isWarning = false
    let message: String
  }

  // MARK: - JSON Lines

  private func jsonLines(
    _ path: String, jobs: Int, problems: inout [String],
    _ body: ([SuggestCommand.Document]) -> Bool
  ) -> Bool {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      problems.append("\(path): error: cannot read: \(String(cString: strerror(errno)))\n")
      return true
    }
    defer { close(descriptor) }
    var reader = LineReader(descriptor: descriptor)
    let textField = invocation.textField
    let urlField = invocation.urlField
    // A URL field named on the command line that no record has is reported at the end.
    var sawURLField = !invocation.urlFieldGiven
    while true {
      let lines: [(number: Int, bytes: [UInt8])]
      do {
        guard
          let batch = try reader.nextBatch(
            maxLines: SuggestCommand.batchLines, maxBytes: SuggestCommand.batchBytes)
        else {
          if !sawURLField { problems.append(Self.noURLField(urlField, path: path)) }
          return true
        }
        lines = batch
      } catch {
        problems.append("\(path): error: cannot read: \(error.localizedDescription)\n")
        return true
      }
      let parsed = Parallel.map(lines, jobs: jobs) {
        line -> Result<SuggestCommand.Document, Failure>? in
        Self.document(
          line.bytes, number: line.number, path: path, textField: textField, urlField: urlField)
      }
      var batch: [SuggestCommand.Document] = []
      for result in parsed {
        switch result {
        case .success(let document):
          sawURLField = sawURLField || document.hasURLField
          batch.append(document)
        case .failure(let failure): problems.append(failure.message)
        case nil: break
        }
      }
      if !body(batch) { return false }
    }
  }

  /// The document in one JSON Lines record; nil for a blank line.
  static func document(
    _ bytes: [UInt8], number: Int, path: String, textField: String, urlField: String
  ) -> Result<SuggestCommand.Document, Failure>? {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
    func failure(_ message: String) -> Result<SuggestCommand.Document, Failure> {
      .failure(Failure(message: "\(path):\(number): error: \(message)\n"))
    }
    let record: JSONRecord
    switch JSONRecordReader.record(bytes[...]) {
    case .success(let read): record = read
    case .failure(let error): return failure("invalid JSON: \(error.message)")
    }
    let text: String
    switch record.string(textField) {
    case .none: return failure("no '\(textField)' field")
    case .failure: return failure("the '\(textField)' field is not a string")
    case .success(let value): text = value
    }
    var site = ""
    let hasURLField = record.members.contains { $0.key == urlField }
    if case .success(let url) = record.string(urlField), let host = URL(string: url)?.host {
      site = host.lowercased()
      if site.hasPrefix("www.") { site.removeFirst(4) }
    }
    var id = "\(path):\(number)"
    if case .success(let value) = record.string("id") {
      id = value
    } else if let member = record.members.first(where: { $0.key == "id" }) {
      id = String(decoding: member.rawValue, as: UTF8.self)
    }
    return .success(
      SuggestCommand.Document(
        id: id, site: site, bytes: Array(text.utf8), hasURLField: hasURLField))
  }

  /// The error for a JSON Lines file where no record has the field `--url-field` names.
  static func noURLField(_ field: String, path: String) -> String {
    "\(path): error: no record has the '\(field)' field named by '--url-field'\n"
  }
}
