import Tamis

/// A JSON object read from one line, with each member's value kept as the input's own bytes so
/// it can be written back unchanged.
struct JSONRecord {
  /// One member of the object.
  struct Member {
    /// The decoded key.
    var key: String
    /// The key's string literal as written (quotes included) when it holds no escape, which is
    /// then what `JSONValue.appendString(key)` writes; nil when it has one.
    var rawKey: ArraySlice<UInt8>?
    /// The raw bytes of the value.
    var rawValue: ArraySlice<UInt8>

    /// Appends the key as a JSON string literal: the input's own bytes when it has no escape.
    func appendKey(to output: inout [UInt8]) {
      if let rawKey {
        output += rawKey
      } else {
        JSONValue.appendString(key, to: &output)
      }
    }
  }

  /// The members in input order.
  var members: [Member]
  /// The decoded bytes of the first member named `key`, when the reader was asked to keep it
  /// and it is a string: the text field, decoded once while the line is read (the input's own
  /// bytes, not a copy, when it holds no escape).
  var decoded: (key: String, bytes: ArraySlice<UInt8>)? = nil

  /// The decoded value of a string member, nil when absent; `.failure` when it is not a string.
  func string(_ key: String) -> Result<String, JSONSyntaxError>? {
    stringBytes(key).map { $0.map { String(decoding: $0, as: UTF8.self) } }
  }

  /// The decoded UTF-8 bytes of a string member, without building a `String`.
  func stringBytes(_ key: String) -> Result<ArraySlice<UInt8>, JSONSyntaxError>? {
    if let decoded, decoded.key == key { return .success(decoded.bytes) }
    guard let member = members.first(where: { $0.key == key }) else { return nil }
    var reader = JSONRecordReader(bytes: member.rawValue)
    return Result { () throws(JSONSyntaxError) in try reader.readStringBytes() }
  }
}

/// Why a line is not a JSON object. Offsets are 0-based byte offsets into the line.
enum JSONSyntaxError: Error, Equatable {
  case unexpectedEnd
  case unexpectedByte(UInt8, offset: Int)
  case notAnObject
  case invalidEscape(offset: Int)
  case invalidUnicodeEscape(offset: Int)
  case controlCharacterInString(offset: Int)
  case tooDeep(limit: Int)
  case notAString
  case trailingContent(offset: Int)

  /// The message text.
  var message: String {
    switch self {
    case .unexpectedEnd: "unexpected end of line"
    case .unexpectedByte(let byte, let offset):
      if byte >= 0x20 && byte < 0x7F {
        "unexpected '\(Character(Unicode.Scalar(byte)))' at byte \(offset + 1)"
      } else {
        "unexpected byte 0x\(String(byte, radix: 16)) at byte \(offset + 1)"
      }
    case .notAnObject: "the line is not a JSON object"
    case .invalidEscape(let offset): "invalid escape at byte \(offset + 1)"
    case .invalidUnicodeEscape(let offset): "invalid \\u escape at byte \(offset + 1)"
    case .controlCharacterInString(let offset):
      "unescaped control character in a string at byte \(offset + 1)"
    case .tooDeep(let limit): "nested deeper than \(limit) levels"
    case .notAString: "the field is not a string"
    case .trailingContent(let offset): "unexpected content after the object at byte \(offset + 1)"
    }
  }
}

/// A small, strict JSON reader (RFC 8259) for JSON Lines records: it validates the whole line and
/// returns the top-level members without building values it does not need.
struct JSONRecordReader {
  /// The deepest nesting accepted, so a hostile line cannot exhaust the stack.
  static let depthLimit = 256

  private let bytes: ArraySlice<UInt8>
  private var index: Int

  /// Reads from `bytes`.
  init(bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    self.index = bytes.startIndex
  }

  /// Reads one line holding one JSON object (surrounding white space allowed); the first
  /// member named `keeping`, when it is a string, is decoded on the way
  /// (`JSONRecord.decoded`), so that its value is not read twice.
  static func record(_ line: ArraySlice<UInt8>, keeping key: String? = nil) -> Result<
    JSONRecord, JSONSyntaxError
  > {
    var reader = JSONRecordReader(bytes: line)
    return Result { () throws(JSONSyntaxError) in try reader.readRecord(keeping: key) }
  }

  private var offset: Int { index - bytes.startIndex }

  private mutating func readRecord(keeping keptKey: String?) throws(JSONSyntaxError)
    -> JSONRecord
  {
    var decoded: (key: String, bytes: ArraySlice<UInt8>)?
    var keptKeySeen = keptKey == nil
    skipSpace()
    guard index < bytes.endIndex else { throw .unexpectedEnd }
    guard bytes[index] == UInt8(ascii: "{") else { throw .notAnObject }
    index += 1
    var members: [JSONRecord.Member] = []
    skipSpace()
    if try peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        skipSpace()
        guard try peek() == UInt8(ascii: "\"") else { throw unexpected() }
        let keyStart = index
        let (keyBytes, keyIsRaw) = try readStringSlice()
        let key = String(decoding: keyBytes, as: UTF8.self)
        let rawKey = keyIsRaw ? bytes[keyStart..<index] : nil
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        let start = index
        if !keptKeySeen, key == keptKey {
          keptKeySeen = true
          if try peek() == UInt8(ascii: "\"") {
            decoded = (key, try readStringSlice(reservingRest: true).bytes)
          } else {
            try skipValue(depth: 1)
          }
        } else {
          try skipValue(depth: 1)
        }
        members.append(JSONRecord.Member(key: key, rawKey: rawKey, rawValue: bytes[start..<index]))
        skipSpace()
        let next = try peek()
        index += 1
        if next == UInt8(ascii: "}") { break }
        if next != UInt8(ascii: ",") {
          index -= 1
          throw unexpected()
        }
      }
    }
    skipSpace()
    if index < bytes.endIndex { throw .trailingContent(offset: offset) }
    return JSONRecord(members: members, decoded: decoded)
  }

  /// Reads a whole value that must be a string, as decoded UTF-8 bytes.
  mutating func readStringBytes() throws(JSONSyntaxError) -> ArraySlice<UInt8> {
    skipSpace()
    guard try peek() == UInt8(ascii: "\"") else { throw .notAString }
    return try readStringSlice().bytes
  }

  // MARK: - Values

  private mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
    guard depth <= Self.depthLimit else { throw .tooDeep(limit: Self.depthLimit) }
    switch try peek() {
    case UInt8(ascii: "\""):
      // Checked, but not decoded: the skipped value may be the whole text, which
      // `JSONRecord.stringBytes` decodes when it is asked for.
      _ = try readStringContent(keeping: false)
    case UInt8(ascii: "{"):
      index += 1
      skipSpace()
      if try peek() == UInt8(ascii: "}") {
        index += 1
        return
      }
      while true {
        skipSpace()
        guard try peek() == UInt8(ascii: "\"") else { throw unexpected() }
        _ = try readStringContent(keeping: false)
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        try skipValue(depth: depth + 1)
        skipSpace()
        if try peek() == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expect(UInt8(ascii: "}"))
        return
      }
    case UInt8(ascii: "["):
      index += 1
      skipSpace()
      if try peek() == UInt8(ascii: "]") {
        index += 1
        return
      }
      while true {
        skipSpace()
        try skipValue(depth: depth + 1)
        skipSpace()
        if try peek() == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expect(UInt8(ascii: "]"))
        return
      }
    case UInt8(ascii: "t"): try expectWord("true")
    case UInt8(ascii: "f"): try expectWord("false")
    case UInt8(ascii: "n"): try expectWord("null")
    default: try skipNumber()
    }
  }

  private mutating func skipNumber() throws(JSONSyntaxError) {
    if try peek() == UInt8(ascii: "-") { index += 1 }
    guard let first = try? peek(), isDigit(first) else { throw unexpected() }
    index += 1
    if first != UInt8(ascii: "0") {
      while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.endIndex, isDigit(bytes[index]) else { throw unexpectedOrEnd() }
      while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.endIndex,
        bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.endIndex, isDigit(bytes[index]) else { throw unexpectedOrEnd() }
      while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
    }
  }

  /// The index of the first quote, backslash or control byte at or after `position`
  /// (`endIndex` if none): the plain run of a string literal (`JSONValue.firstEscaped`, the
  /// same set of bytes).
  private func nextSpecialByte(from position: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      JSONValue.firstEscaped(in: buffer, from: position - bytes.startIndex) + bytes.startIndex
    }
  }

  /// Reads a string literal at `index` (which holds `"`) into its decoded UTF-8 bytes: the
  /// input's own bytes between the quotes when the literal holds no escape (`raw`), a decoded
  /// copy when it does.
  /// - Parameter reservingRest: as for `readStringContent`.
  private mutating func readStringSlice(reservingRest: Bool = false) throws(JSONSyntaxError)
    -> (bytes: ArraySlice<UInt8>, raw: Bool)
  {
    let contentStart = index + 1
    let special = nextSpecialByte(from: contentStart)
    if special < bytes.endIndex, bytes[special] == UInt8(ascii: "\"") {
      index = special + 1
      return (bytes[contentStart..<special], true)
    }
    return (
      try readStringContent(keeping: true, reservingRest: reservingRest, firstSpecial: special)[
        ...],
      false
    )
  }

  /// Reads a string literal at `index` (which holds `"`) into its decoded UTF-8 bytes; without
  /// `keeping`, checks it the same way (same errors) and returns nothing.
  /// - Parameters:
  ///   - reservingRest: whether to reserve room for the rest of the line at once (for the text
  ///     field, not for keys and short values).
  ///   - firstSpecial: where the first quote, backslash or control byte after the opening quote
  ///     is, when the caller has looked already.
  private mutating func readStringContent(
    keeping: Bool, reservingRest: Bool = false, firstSpecial: Int? = nil
  ) throws(JSONSyntaxError) -> [UInt8] {
    index += 1
    var known = firstSpecial
    var decoded: [UInt8] = []
    // The rest of the line bounds the string: one allocation instead of a doubling every few
    // runs between escapes (a text field is most of its record, and has an escape per line).
    if reservingRest { decoded.reserveCapacity(bytes.endIndex - index) }
    var runStart = index
    while true {
      index = known ?? nextSpecialByte(from: index)
      known = nil
      guard index < bytes.endIndex else { throw .unexpectedEnd }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        if keeping { decoded += bytes[runStart..<index] }
        index += 1
        return decoded
      }
      if byte < 0x20 { throw .controlCharacterInString(offset: offset) }
      if byte != UInt8(ascii: "\\") {
        index += 1
        continue
      }
      if keeping { decoded += bytes[runStart..<index] }
      let escapeOffset = offset
      index += 1
      guard index < bytes.endIndex else { throw .unexpectedEnd }
      let escaped = bytes[index]
      index += 1
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
        if keeping { decoded.append(escaped) }
      case UInt8(ascii: "b"): if keeping { decoded.append(0x08) }
      case UInt8(ascii: "f"): if keeping { decoded.append(0x0C) }
      case UInt8(ascii: "n"): if keeping { decoded.append(0x0A) }
      case UInt8(ascii: "r"): if keeping { decoded.append(0x0D) }
      case UInt8(ascii: "t"): if keeping { decoded.append(0x09) }
      case UInt8(ascii: "u"):
        var scalar = try readHex4(escapeOffset)
        if (0xD800...0xDBFF).contains(scalar) {
          // A high surrogate must be followed by an escaped low surrogate.
          guard index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
          else { throw .invalidUnicodeEscape(offset: escapeOffset) }
          index += 2
          let low = try readHex4(escapeOffset)
          guard (0xDC00...0xDFFF).contains(low) else {
            throw .invalidUnicodeEscape(offset: escapeOffset)
          }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw .invalidUnicodeEscape(offset: escapeOffset)
        }
        guard let unicode = Unicode.Scalar(scalar) else {
          throw .invalidUnicodeEscape(offset: escapeOffset)
        }
        if keeping { decoded += Array(String(Character(unicode)).utf8) }
      default:
        throw .invalidEscape(offset: escapeOffset)
      }
      runStart = index
    }
  }

  private mutating func readHex4(_ escapeOffset: Int) throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.endIndex else { throw .invalidUnicodeEscape(offset: escapeOffset) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw .invalidUnicodeEscape(offset: escapeOffset)
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  // MARK: - Small steps

  private mutating func skipSpace() {
    while index < bytes.endIndex {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private func peek() throws(JSONSyntaxError) -> UInt8 {
    guard index < bytes.endIndex else { throw .unexpectedEnd }
    return bytes[index]
  }

  private mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
    guard try peek() == byte else { throw unexpected() }
    index += 1
  }

  private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
    for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
      guard try peek() == expected else { throw unexpected() }
      index += 1
    }
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private func unexpected() -> JSONSyntaxError {
    index < bytes.endIndex ? .unexpectedByte(bytes[index], offset: offset) : .unexpectedEnd
  }

  private func unexpectedOrEnd() -> JSONSyntaxError { unexpected() }
}
