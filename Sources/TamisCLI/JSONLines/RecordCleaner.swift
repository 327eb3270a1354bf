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
  /// With `--learn-out`, what each cleaned record tells of the learned lines.
  var recorder: LearningRecorder?

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
  }

  /// The output line for one input line, and the error to report when there is one.
  struct Output: Sendable {
    /// The output line's UTF-8 bytes, without the line end.
    var line: [UInt8]
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

  /// Cleans the record on one line (its bytes, without the line end).
  ///
  /// A line that is not valid UTF-8 is read with each invalid byte as U+FFFD, so the output
  /// line is valid JSON, and the output carries a warning saying so (README "Bad input").
  func clean(_ line: [UInt8]) -> Output {
    let (bytes, used) = (encoding ?? .utf8).decode(line)
    guard let invalid = bytes.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:)) else {
      return cleanValid(bytes, encoding: encoding == nil ? nil : used)
    }
    var output = cleanValid(Array(String(decoding: bytes, as: UTF8.self).utf8), encoding: nil)
    output.warning =
      InputProblem.invalidUTF8Cleaned(
        byteOffset: invalid.firstOffset, count: invalid.count, replaced: true
      ).message
    return output
  }

  /// Cleans a line that is valid UTF-8; `encoding`, when given, is named in `meta`.
  private func cleanValid(_ bytes: [UInt8], encoding: InputEncoding?) -> Output {
    var summary = RunSummary()
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      return Output(line: bytes, problem: nil, summary: summary)
    }
    /// The record refused whole: its line kept as a string next to the error.
    func refused(_ problem: RecordProblem) -> Output {
      summary.failed = 1
      let line = JSONValue.object([
        fieldPrefix + "error": .string(problem.message),
        fieldPrefix + "raw": .string(String(decoding: bytes, as: UTF8.self)),
      ]).rendered
      return Output(line: Array(line.utf8), problem: problem, summary: summary)
    }
    /// The record with its fields and an error field.
    func failed(_ problem: RecordProblem, _ record: JSONRecord) -> Output {
      summary.failed = 1
      return Output(
        line: Self.render(
          record, adding: [fieldPrefix + "error": .json(.string(problem.message))],
          replacing: nil),
        problem: problem, summary: summary)
    }
    let record: JSONRecord
    switch JSONRecordReader.record(bytes[...], keeping: textField) {
    case .success(let read): record = read
    case .failure(let error): return refused(.invalidJSON(error.message))
    }
    let kind: RecordKind =
      record.members.contains { $0.key == urlField } ? .withURLField : .withoutURLField
    if let clash = record.members.first(where: { addedFields.contains($0.key) }) {
      var output = refused(.fieldClash(field: clash.key))
      output.record = kind
      return output
    }
    let text: [UInt8]
    switch record.stringBytes(textField) {
    case .none:
      var output = failed(.missingTextField(textField), record)
      output.record = kind
      return output
    case .failure:
      var output = failed(.textFieldNotString(textField), record)
      output.record = kind
      return output
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
    recorder?.record(site: host, text: text, article: article)
    summary.add(article, bytes: bytes.count)
    // The body is written from its bytes (`Added.body`), never decoded into a string.
    var added = article.jsonMembers(includeRemovals: explain, includeBody: false).mapValues {
      Added.json($0)
    }
    var replacement: (key: String, value: Added)?
    if replaceText {
      replacement = (textField, .body(article))
    } else {
      added["body"] = .body(article)
    }
    if !fieldPrefix.isEmpty {
      added = Dictionary(uniqueKeysWithValues: added.map { (fieldPrefix + $0.key, $0.value) })
    }
    return Output(
      line: Self.render(record, adding: added, replacing: replacement), problem: nil,
      summary: summary, record: kind)
  }

  /// A value a record gets from tamis: a JSON value, or the article's body, written as the JSON
  /// string `JSONValue.string(article.body)` renders, from the body's bytes.
  enum Added {
    case json(JSONValue)
    case body(CleanedArticle)

    /// Appends the value's JSON text, as UTF-8, to `output`.
    func render(into output: inout [UInt8]) {
      switch self {
      case .json(let value): value.render(into: &output)
      case .body(let article): article.appendBodyJSON(to: &output)
      }
    }
  }

  /// The record with its members as read (except those `adding` overrides and the replaced
  /// one), then the added members in key order, as UTF-8 bytes.
  static func render(
    _ record: JSONRecord, adding added: [String: Added],
    replacing replacement: (key: String, value: Added)?
  ) -> [UInt8] {
    var output: [UInt8] = [UInt8(ascii: "{")]
    // The record's own bytes, and as much again for the body and the rest tamis adds: one
    // allocation instead of a doubling per few kilobytes.
    output.reserveCapacity(
      2 * record.members.reduce(64) { $0 + $1.key.utf8.count + $1.rawValue.count })
    var first = true
    for member in record.members where added[member.key] == nil {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      JSONValue.appendString(member.key, to: &output)
      output.append(UInt8(ascii: ":"))
      if let replacement, replacement.key == member.key {
        replacement.value.render(into: &output)
      } else {
        output += member.rawValue
      }
    }
    for member in JSONValue.sortedMembers(added) {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      JSONValue.appendString(member.key, to: &output)
      output.append(UInt8(ascii: ":"))
      member.value.render(into: &output)
    }
    output.append(UInt8(ascii: "}"))
    return output
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
