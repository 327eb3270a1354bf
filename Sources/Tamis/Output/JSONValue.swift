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
      for (index, member) in Self.sortedMembers(members).enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        Self.appendString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        member.value.render(into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// The members of an object in the order tamis writes them: by their keys' UTF-8 bytes. Sorted
  /// with their values, so writing them needs no look-up (a string hash) per key.
  public static func sortedMembers<Value>(_ members: [String: Value])
    -> [Dictionary<String, Value>.Element]
  {
    members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
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
    var text = text
    text.withUTF8 { appendString(utf8: $0, to: &output) }
  }

  /// Appends the text whose UTF-8 bytes are `bytes` (valid UTF-8) as a JSON string literal, in
  /// UTF-8, to `output`: what `appendString(_:to:)` writes for that text.
  public static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8])
  {
    output.append(UInt8(ascii: "\""))
    var pending = 0
    var index = 0
    while true {
      index = firstEscaped(in: bytes, from: index)
      guard index < bytes.count else { break }
      let byte = bytes[index]
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
      index += 1
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<bytes.count]))
    output.append(UInt8(ascii: "\""))
  }

  /// The index of the first byte at or after `start` that a string literal escapes (`"`, `\\`
  /// or below 0x20), or `bytes.count`: the bytes a JSON string holds as they are, and the bytes
  /// a JSON reader must look at. Sixteen bytes at a time (one vector compare each), then eight.
  public static func firstEscaped(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var cursor = start
    guard let base = bytes.baseAddress else { return cursor }
    let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
    let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
    let space = SIMD16<UInt8>(repeating: 0x20)
    while cursor &+ 16 <= bytes.count {
      let chunk = UnsafeRawPointer(base + cursor).loadUnaligned(as: SIMD16<UInt8>.self)
      let special = (chunk .== quote) .| (chunk .== backslash) .| (chunk .< space)
      if any(special) {
        // The lanes as two words, lane 0 in the low byte of the first (every platform Swift
        // runs on is little-endian): the first set byte is the first special one.
        let lanes = SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: special)
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        if words[0] != 0 { return cursor + words[0].trailingZeroBitCount / 8 }
        return cursor + 8 + words[1].trailingZeroBitCount / 8
      }
      cursor &+= 16
    }
    // The last few bytes: eight at a time, then one.
    while cursor &+ 8 <= bytes.count {
      let chunk = UInt64(
        littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
      let special = escapedBytes(chunk)
      if special != 0 { return cursor + special.trailingZeroBitCount / 8 }
      cursor &+= 8
    }
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
      cursor &+= 1
    }
    return cursor
  }

  /// The high bit of each byte of `chunk` set when the byte is `"`, `\\` or below 0x20; exact
  /// for every byte value (no sum carries into the next byte).
  @inline(__always)
  static func escapedBytes(_ chunk: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quotes = chunk ^ 0x2222_2222_2222_2222
    let backslashes = chunk ^ 0x5C5C_5C5C_5C5C_5C5C
    let isQuote = ~(((quotes & lows) &+ lows) | quotes) & highs
    let isBackslash = ~(((backslashes & lows) &+ lows) | backslashes) & highs
    let isControl = ~(((chunk & lows) &+ 0x6060_6060_6060_6060) | chunk) & highs
    return isQuote | isBackslash | isControl
  }
}
