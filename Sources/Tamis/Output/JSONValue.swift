/// A JSON value with a deterministic rendering: object keys sorted, no insignificant space.
///
/// tamis writes JSON by hand rather than through `JSONEncoder`: the output must be byte-stable
/// (sorted keys, `/` unescaped, non-ASCII kept as UTF-8) and fast on large streams.
public enum JSONValue: Sendable, Hashable {
  case string(String)
  case number(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([String: JSONValue])

  /// The compact JSON text, keys sorted by their UTF-8 bytes.
  public var rendered: String {
    var output = ""
    render(into: &output)
    return output
  }

  /// Appends the compact JSON text to `output`.
  public func render(into output: inout String) {
    switch self {
    case .string(let text): Self.appendString(text, to: &output)
    case .number(let value): output += String(value)
    case .bool(let value): output += value ? "true" : "false"
    case .null: output += "null"
    case .array(let values):
      output += "["
      for (index, value) in values.enumerated() {
        if index > 0 { output += "," }
        value.render(into: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        .enumerated()
      {
        if index > 0 { output += "," }
        Self.appendString(key, to: &output)
        output += ":"
        members[key]?.render(into: &output)
      }
      output += "}"
    }
  }

  /// Appends `text` as a JSON string literal: `"` and `\` escaped, control characters as
  /// `\n`, `\r`, `\t` or `\u00XX`, everything else as is.
  public static func appendString(_ text: String, to output: inout String) {
    output += "\""
    var pending = text.unicodeScalars.startIndex
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let escape: String?
      switch scalar {
      case "\"": escape = "\\\""
      case "\\": escape = "\\\\"
      case "\n": escape = "\\n"
      case "\r": escape = "\\r"
      case "\t": escape = "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          escape = nil
        }
      }
      if let escape {
        output.unicodeScalars.append(contentsOf: scalars[pending..<index])
        output += escape
        pending = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    output.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
    output += "\""
  }
}
