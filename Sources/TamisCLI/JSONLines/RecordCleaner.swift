import Foundation
import Tamis

/// Cleans one JSON Lines record: reads the text field, cleans it, and writes the record back
/// with every input field as it was and the results added.
///
/// Output keys, after the input's own: `body` (unless `replaceText`), `captions`, `meta`, and
/// `removed` with `explain`; a record that cannot be cleaned gets an `error` field instead.
struct RecordCleaner: Sendable {
  let cleaner: Cleaner
  let textField: String
  let urlField: String
  let replaceText: Bool
  let explain: Bool
  let language: String?
  let site: String?

  /// The output line for one input line, and the error to report when there is one.
  struct Output: Sendable {
    /// The output line's UTF-8 bytes, without the line end.
    var line: [UInt8]
    var problem: String?
    var summary: RunSummary
    /// A warning that does not fail the record (invalid UTF-8, read as U+FFFD).
    var warning: String? = nil
  }

  /// Cleans the record on one line (its bytes, without the line end).
  ///
  /// A line that is not valid UTF-8 is read with each invalid byte as U+FFFD, so the output
  /// line is valid JSON, and the output carries a warning saying so (README "Bad input").
  func clean(_ bytes: [UInt8]) -> Output {
    guard let invalid = bytes.withUnsafeBufferPointer(TextCheck.invalidUTF8(in:)) else {
      return cleanValid(bytes)
    }
    var output = cleanValid(Array(String(decoding: bytes, as: UTF8.self).utf8))
    output.warning =
      InputProblem.invalidUTF8Cleaned(
        byteOffset: invalid.firstOffset, count: invalid.count, replaced: true
      ).message
    return output
  }

  private func cleanValid(_ bytes: [UInt8]) -> Output {
    var summary = RunSummary()
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      return Output(line: bytes, problem: nil, summary: summary)
    }
    let record: JSONRecord
    switch JSONRecordReader.record(bytes[...]) {
    case .success(let read): record = read
    case .failure(let error):
      summary.failed = 1
      let message = "invalid JSON: \(error.message)"
      let line = JSONValue.object([
        "error": .string(message), "raw": .string(String(decoding: bytes, as: UTF8.self)),
      ]).rendered
      return Output(line: Array(line.utf8), problem: message, summary: summary)
    }
    let text: [UInt8]
    switch record.stringBytes(textField) {
    case .none:
      summary.failed = 1
      let message = "no '\(textField)' field"
      return Output(
        line: Self.render(record, adding: ["error": .string(message)], replacing: nil),
        problem: message, summary: summary)
    case .failure:
      summary.failed = 1
      let message = "the '\(textField)' field is not a string"
      return Output(
        line: Self.render(record, adding: ["error": .string(message)], replacing: nil),
        problem: message, summary: summary)
    case .success(let value): text = value
    }
    var host = site
    if host == nil, case .success(let url) = record.string(urlField) {
      host = URL(string: url)?.host
    }
    let article = text.withUnsafeBufferPointer {
      cleaner.clean(
        bytes: $0, source: textField, options: CleaningOptions(site: host, language: language))
    }
    summary.add(article, bytes: bytes.count)
    var added = article.jsonMembers(includeRemovals: explain)
    var replacement: (key: String, value: JSONValue)?
    if replaceText, let body = added.removeValue(forKey: "body") {
      replacement = (textField, body)
    }
    return Output(
      line: Self.render(record, adding: added, replacing: replacement), problem: nil,
      summary: summary)
  }

  /// The record with its members as read (except those `adding` overrides and the replaced
  /// one), then the added members in key order, as UTF-8 bytes.
  static func render(
    _ record: JSONRecord, adding added: [String: JSONValue],
    replacing replacement: (key: String, value: JSONValue)?
  ) -> [UInt8] {
    var output: [UInt8] = [UInt8(ascii: "{")]
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
    for key in JSONValue.sortedKeys(added) {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      JSONValue.appendString(key, to: &output)
      output.append(UInt8(ascii: ":"))
      added[key]?.render(into: &output)
    }
    output.append(UInt8(ascii: "}"))
    return output
  }
}
