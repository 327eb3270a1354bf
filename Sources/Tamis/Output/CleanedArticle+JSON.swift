extension CleanedArticle {
  /// The version of the JSON schema below, written as `schema_version` in every object (and
  /// every JSON Lines record). It changes when a field changes meaning or type.
  ///
  /// Version 1: typed `meta` values and the normalised `date`; before it, objects had no
  /// version and every meta value was a string.
  public static let jsonSchemaVersion = 1

  /// The article as the JSON object tamis prints with `--format json`.
  ///
  /// Schema version 1 (keys sorted):
  /// `{"body": string, "captions": [{"credit", "id", "position", "text"}], "meta": {…},
  /// "removed": [{"action", "id", "line", "rule", "text"}], "schema_version": 1}`, where
  /// `position` is the 0-based index of the body paragraph a caption followed (-1: before the
  /// first), `line` is the 1-based input line, and `rule` is `path:line:col` of the rule's action
  /// line. `meta` values are typed as `jsonMeta` says.
  /// - Parameter includeRemovals: whether to include the `removed` list.
  public func json(includeRemovals: Bool = true) -> JSONValue {
    .object(jsonMembers(includeRemovals: includeRemovals))
  }

  /// The members of `json(includeRemovals:)`, for callers that merge them into another object.
  /// - Parameter includeBody: whether to include `body`; a caller that leaves it out can write
  ///   it from the body's bytes with `appendBodyJSON(to:)`.
  public func jsonMembers(includeRemovals: Bool = true, includeBody: Bool = true) -> [String:
    JSONValue]
  {
    var object: [String: JSONValue] = [
      "captions": .array(
        captions.map { caption in
          .object([
            "text": .string(caption.text), "credit": .string(caption.credit),
            "position": .number(caption.position), "id": .string(caption.ruleID),
          ])
        }),
      "meta": .object(jsonMeta),
      "schema_version": .number(Self.jsonSchemaVersion),
    ]
    if includeBody { object["body"] = .string(body) }
    if includeRemovals {
      object["removed"] = .array(
        removals.map { removal in
          var members: [String: JSONValue] = [
            "line": .number(removal.line), "text": .string(removal.text),
            "rule": .string(removal.rule.description), "id": .string(removal.ruleID),
            "action": .string(removal.action.name),
          ]
          if let reason = removal.reason { members["why"] = .string(reason) }
          return .object(members)
        })
    }
    return object
  }

  /// Which members `appendJSONMembers(_:to:)` writes, and their keys, rendered once for a run.
  public struct JSONMembers: Sendable {
    let body: [UInt8]?
    let captions: [UInt8]
    let meta: [UInt8]
    let removed: [UInt8]?
    let schemaVersion: [UInt8]

    /// The members of `jsonMembers(includeRemovals:includeBody:)`, each key starting with
    /// `prefix`.
    /// - Parameters:
    ///   - prefix: what every key starts with (empty: the names as they are).
    ///   - body: whether to write `body`.
    ///   - removals: whether to write `removed`.
    public init(prefix: String, body: Bool, removals: Bool) {
      func key(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.appendString(prefix + name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        return bytes
      }
      self.body = body ? key("body") : nil
      self.captions = key("captions")
      self.meta = key("meta")
      self.removed = removals ? key("removed") : nil
      self.schemaVersion = key("schema_version")
    }
  }

  /// Appends the members `members` names, comma-separated and in key order, as UTF-8 JSON text
  /// to `output`: what rendering `jsonMembers` into an object writes between its braces (the
  /// order of the names is the order of the prefixed keys), without building the values.
  public func appendJSONMembers(_ members: JSONMembers, to output: inout [UInt8]) {
    if let key = members.body {
      output += key
      appendBodyJSON(to: &output)
      output.append(UInt8(ascii: ","))
    }
    output += members.captions
    output.append(UInt8(ascii: "["))
    for (index, caption) in captions.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      output += #"{"credit":"#.utf8
      JSONValue.appendString(caption.credit, to: &output)
      output += #","id":"#.utf8
      JSONValue.appendString(caption.ruleID, to: &output)
      output += #","position":"#.utf8
      output += String(caption.position).utf8
      output += #","text":"#.utf8
      JSONValue.appendString(caption.text, to: &output)
      output.append(UInt8(ascii: "}"))
    }
    output += "],".utf8
    output += members.meta
    appendMetaJSON(to: &output)
    output.append(UInt8(ascii: ","))
    if let key = members.removed {
      output += key
      output.append(UInt8(ascii: "["))
      for (index, removal) in removals.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        output += #"{"action":"#.utf8
        JSONValue.appendString(removal.action.name, to: &output)
        output += #","id":"#.utf8
        JSONValue.appendString(removal.ruleID, to: &output)
        output += #","line":"#.utf8
        output += String(removal.line).utf8
        output += #","rule":"#.utf8
        JSONValue.appendString(removal.rule.description, to: &output)
        output += #","text":"#.utf8
        JSONValue.appendString(removal.text, to: &output)
        if let reason = removal.reason {
          output += #","why":"#.utf8
          JSONValue.appendString(reason, to: &output)
        }
        output.append(UInt8(ascii: "}"))
      }
      output += "],".utf8
    }
    output += members.schemaVersion
    output += String(Self.jsonSchemaVersion).utf8
  }

  /// The meta fields as typed JSON values, with the normalised `date`.
  ///
  /// `date` is the ISO 8601 form (`PublicationDate`) of the first readable of `published`, a
  /// captured `date` and `updated`, next to the raw text, which stays in its own field; a captured
  /// `date` that is not ISO 8601 text is written as `date-text`, so that `date` is always ISO 8601
  /// (`meta` itself keeps every capture as it was). `paywalled` is a boolean; `over-removal` is a whole number (percent); `over-removal-rules`
  /// is a list of group ids; every other field is a string (`paywall-missing` too, as the page
  /// words it: `58.27 %`). A value a rule set in another shape (`paywalled = yes`) stays a
  /// string.
  public var jsonMeta: [String: JSONValue] {
    var typed: [String: JSONValue] = [:]
    for (key, value) in Self.withNormalisedDate(meta) {
      typed[key] = Self.typedMetaValue(key: key, value) ?? .string(value)
    }
    return typed
  }

  /// Appends `jsonMeta` rendered as a JSON object, without building its values.
  func appendMetaJSON(to output: inout [UInt8]) {
    output.append(UInt8(ascii: "{"))
    for (index, field) in JSONValue.sortedMembers(Self.withNormalisedDate(meta)).enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      JSONValue.appendString(field.key, to: &output)
      output.append(UInt8(ascii: ":"))
      if let typed = Self.typedMetaValue(key: field.key, field.value) {
        typed.render(into: &output)
      } else {
        JSONValue.appendString(field.value, to: &output)
      }
    }
    output.append(UInt8(ascii: "}"))
  }

  /// `meta` with `date` in ISO 8601, as `jsonMeta` describes.
  static func withNormalisedDate(_ meta: [String: String]) -> [String: String] {
    var fields = meta
    let captured = meta["date"]
    // The captured date is read once: it is both checked and a source.
    let capturedDate = captured.flatMap(PublicationDate.iso8601)
    if let captured, capturedDate != captured {
      fields["date-text"] = captured
      fields["date"] = nil
    }
    if let date = meta["published"].flatMap(PublicationDate.iso8601) ?? capturedDate
      ?? meta["updated"].flatMap(PublicationDate.iso8601)
    {
      fields["date"] = date
    }
    return fields
  }

  /// The typed value of one meta field, or nil when it is a string.
  private static func typedMetaValue(key: String, _ value: String) -> JSONValue? {
    switch key {
    case "paywalled":
      switch value {
      case "true": return .bool(true)
      case "false": return .bool(false)
      default: return nil
      }
    case "over-removal":
      var digits = Substring(value)
      if digits.hasSuffix("%") { digits = digits.dropLast() }
      while digits.last == " " || digits.last == "\u{A0}" || digits.last == "\u{202F}" {
        digits = digits.dropLast()
      }
      return Int(digits).map(JSONValue.number)
    case "over-removal-rules":
      return .array(value.split(separator: ",").map { .string(String($0)) })
    default:
      return nil
    }
  }
}
