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
    var output: [UInt8] = []
    render(into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the compact JSON text to `output`.
  public func render(into output: inout String) {
    var bytes: [UInt8] = []
    render(into: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the compact JSON text, as UTF-8, to `output`.
  public func render(into output: inout [UInt8]) {
    switch self {
    case .string(let text): Self.appendString(text, to: &output)
    case .number(let value): output += String(value).utf8
    case .bool(let value): output += (value ? "true" : "false").utf8
    case .null: output += "null".utf8
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (index, value) in values.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        value.render(into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, key) in Self.sortedKeys(members).enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        Self.appendString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        members[key]?.render(into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// The keys of an object in the order tamis writes them: by their UTF-8 bytes.
  public static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
    members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Appends `text` as a JSON string literal: `"` and `\` escaped, control characters as
  /// `\n`, `\r`, `\t` or `\u00XX`, everything else as is.
  public static func appendString(_ text: String, to output: inout String) {
    var bytes: [UInt8] = []
    appendString(text, to: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal, in UTF-8, to `output`.
  public static func appendString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var pending = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index]))
        switch byte {
        case UInt8(ascii: "\""): output += #"\""#.utf8
        case UInt8(ascii: "\\"): output += #"\\"#.utf8
        case 0x0A: output += #"\n"#.utf8
        case 0x0D: output += #"\r"#.utf8
        case 0x09: output += #"\t"#.utf8
        default:
          let hex = String(byte, radix: 16)
          output += "\\u".utf8
          output += String(repeating: "0", count: 4 - hex.count).utf8
          output += hex.utf8
        }
        pending = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<bytes.count]))
    }
    output.append(UInt8(ascii: "\""))
  }
}
