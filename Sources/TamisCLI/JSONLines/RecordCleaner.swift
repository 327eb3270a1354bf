import Foundation
import Tamis

/// Cleans one JSON Lines record: reads the text field, cleans it, and writes the record back
/// with every input field as it was and the results added.
///
/// Output keys, after the input's own: `body` (unless `replaceText`), `captions`, `meta`, and
/// `removed` with `explain`; a record that cannot be cleaned gets an `error` field instead, and a
/// line that is not JSON becomes `{"error", "raw"}`. Each added key starts with `fieldPrefix`. A
/// record that already has a field of one of those names (`error` included) is never merged,
/// which would drop its own value: it is written as `{"error", "raw"}` and reported.
struct RecordCleaner: Sendable {
  let cleaner: Cleaner
  let textField: String
  let urlField: String
  let replaceText: Bool
  let explain: Bool
  let fieldPrefix: String
  let language: String?
  let site: String?
  /// Whether the structure layer runs (`CleaningOptions.structure`).
  let structure: Bool
  /// Whether the headline stays in the body (`CleaningOptions.keepTitle`).
  let keepTitle: Bool
  /// `--encoding`: how each line's bytes are read; nil for UTF-8, not named in `meta`.
  let encoding: InputEncoding?
  /// The names of the fields tamis may add to a record, prefixed.
  private let addedFields: Set<String>
  /// The members tamis adds to a cleaned record, their keys rendered once.
  private let addedMembers: CleanedArticle.JSONMembers
  /// With `--learn-out`, what each cleaned record tells of the learned lines.
  var recorder: LearningRecorder?
  /// Whether each outcome's summary counts the removals by action and the captions, for the
  /// summary line; without it, only documents and failures are counted.
  var summarises = true

  init(
    cleaner: Cleaner, textField: String, urlField: String, replaceText: Bool, explain: Bool,
    fieldPrefix: String = "", language: String?, site: String?, encoding: InputEncoding? = nil,
    structure: Bool = true, keepTitle: Bool = false
  ) {
    self.encoding = encoding
    self.cleaner = cleaner
    self.textField = textField
    self.urlField = urlField
    self.replaceText = replaceText
    self.explain = explain
    self.fieldPrefix = fieldPrefix
    self.language = language
    self.site = site
    self.structure = structure
    self.keepTitle = keepTitle
    var added = ["captions", "meta", "error", "schema_version"]
    if !replaceText { added.append("body") }
    if explain { added.append("removed") }
    self.addedFields = Set(added.map { fieldPrefix + $0 })
    self.addedMembers = CleanedArticle.JSONMembers(
      prefix: fieldPrefix, body: !replaceText, removals: explain)
  }

  /// What cleaning one line gives besides its output line: the error to report when there is
  /// one, and the counts.
  struct Outcome: Sendable {
    var problem: RecordProblem?
    var summary: RunSummary
    /// A warning that does not fail the record (invalid UTF-8, read as U+FFFD).
    var warning: String? = nil
    /// Whether the line was a JSON object, and whether it had the URL field.
    var record: RecordKind = .notARecord
  }

  /// What a line held, for the check that `--url-field` names a field some record has.
  enum RecordKind: Sendable {
    /// A blank line, or not a JSON object.
    case notARecord
    /// A JSON object without the URL field.
    case withoutURLField
    /// A JSON object with the URL field.
    case withURLField
  }

  /// Cleans the record on one line (its bytes, without the line end) and appends the output
  /// line, without its line end, to `output`.
  ///
  /// A line that is not valid UTF-8 is read with each invalid byte as U+FFFD, so the output
  /// line is valid JSON, and the outcome carries a warning saying so (README "Bad input").
  func clean(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) -> Outcome {
    var decoded: [UInt8]?
    var used: InputEncoding?
    if let encoding {
      let (bytes, encodingUsed) = encoding.decode(Array(line))
      (decoded, used) = (bytes, encodingUsed)
    }
    let bytes = decoded.map { $0[...] } ?? line
    guard let invalid = bytes.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:)) else {
      return cleanValid(bytes, encoding: used, into: &output)
    }
    var outcome = cleanValid(
      Array(String(decoding: bytes, as: UTF8.self).utf8)[...], encoding: nil, into: &output)
    outcome.warning =
      InputProblem.invalidUTF8Cleaned(
        byteOffset: invalid.firstOffset, count: invalid.count, replaced: true
      ).message
    return outcome
  }

  /// Cleans a line that is valid UTF-8 into `output`; `encoding`, when given, is named in
  /// `meta`.
  private func cleanValid(
    _ bytes: ArraySlice<UInt8>, encoding: InputEncoding?, into output: inout [UInt8]
  ) -> Outcome {
    var summary = RunSummary()
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      output += bytes
      return Outcome(problem: nil, summary: summary)
    }
    /// The record refused whole: its line kept as a string next to the error.
    func refused(_ problem: RecordProblem, _ output: inout [UInt8]) -> Outcome {
      summary.failed = 1
      JSONValue.object([
        fieldPrefix + "error": .string(problem.message),
        fieldPrefix + "raw": .string(String(decoding: bytes, as: UTF8.self)),
      ]).render(into: &output)
      return Outcome(problem: problem, summary: summary)
    }
    /// The record with its fields and an error field.
    func failed(_ problem: RecordProblem, _ record: JSONRecord, _ output: inout [UInt8])
      -> Outcome
    {
      summary.failed = 1
      Self.render(record, replacing: nil, into: &output) { output in
        JSONValue.appendString(fieldPrefix + "error", to: &output)
        output.append(UInt8(ascii: ":"))
        JSONValue.appendString(problem.message, to: &output)
      }
      return Outcome(problem: problem, summary: summary)
    }
    let record: JSONRecord
    switch JSONRecordReader.record(bytes, keeping: textField) {
    case .success(let read): record = read
    case .failure(let error): return refused(.invalidJSON(error.message), &output)
    }
    let kind: RecordKind =
      record.members.contains { $0.key == urlField } ? .withURLField : .withoutURLField
    if let clash = record.members.first(where: { addedFields.contains($0.key) }) {
      var outcome = refused(.fieldClash(field: clash.key), &output)
      outcome.record = kind
      return outcome
    }
    let text: ArraySlice<UInt8>
    switch record.stringBytes(textField) {
    case .none:
      var outcome = failed(.missingTextField(textField), record, &output)
      outcome.record = kind
      return outcome
    case .failure:
      var outcome = failed(.textFieldNotString(textField), record, &output)
      outcome.record = kind
      return outcome
    case .success(let value): text = value
    }
    var host = site
    if host == nil, case .success(let url) = record.string(urlField) {
      host = URL(string: url)?.host
    }
    var article = text.withUnsafeBufferPointer {
      cleaner.clean(
        bytes: $0, source: textField,
        options: CleaningOptions(
          site: host, language: language, structure: structure, keepTitle: keepTitle))
    }
    if let encoding { article.meta["encoding"] = encoding.rawValue }
    recorder?.record(site: host, text: Array(text), article: article)
    if summarises {
      summary.add(article, bytes: bytes.count)
    } else {
      summary.documents += 1
    }
    // The added members, in the order of their keys (one prefix for all, so the order of the
    // names): body, captions, meta, removed, schema_version. The body is written from its bytes,
    // never decoded into a string.
    Self.render(
      record, replacing: replaceText ? (textField, { article.appendBodyJSON(to: &$0) }) : nil,
      into: &output
    ) { output in
      article.appendJSONMembers(addedMembers, to: &output)
    }
    return Outcome(problem: nil, summary: summary, record: kind)
  }

  /// Appends the record with its members as read (the replaced one's value written by
  /// `replacement`), then the members `appendAdded` writes, as UTF-8 bytes, to `output`.
  static func render(
    _ record: JSONRecord,
    replacing replacement: (key: String, value: (inout [UInt8]) -> Void)?,
    into output: inout [UInt8],
    appendAdded: (inout [UInt8]) -> Void
  ) {
    output.append(UInt8(ascii: "{"))
    var first = true
    for member in record.members {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      member.appendKey(to: &output)
      output.append(UInt8(ascii: ":"))
      if let replacement, replacement.key == member.key {
        replacement.value(&output)
      } else {
        output += member.rawValue
      }
    }
    if !first { output.append(UInt8(ascii: ",")) }
    appendAdded(&output)
    output.append(UInt8(ascii: "}"))
  }
}

/// Why a JSON Lines record was not cleaned; the line is reported with `message`.
enum RecordProblem: Error, Equatable, Sendable {
  /// The line is not a JSON object (the parser's message).
  case invalidJSON(String)
  /// The record has no text field of this name.
  case missingTextField(String)
  /// The text field is there but is not a string.
  case textFieldNotString(String)
  /// The record has a field named like one tamis adds, whose value merging would drop.
  case fieldClash(field: String)

  /// The message text.
  var message: String {
    switch self {
    case .invalidJSON(let reason): "invalid JSON: \(reason)"
    case .missingTextField(let field): "no '\(field)' field"
    case .textFieldNotString(let field): "the '\(field)' field is not a string"
    case .fieldClash(let field):
      "the record already has a '\(field)' field, which tamis adds; use '--prefix NAME' to "
        + "start every field tamis adds with NAME, such as '--prefix tamis_'"
    }
  }
}
