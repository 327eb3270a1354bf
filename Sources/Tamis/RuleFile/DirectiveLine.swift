/// One non-blank, non-comment line of a rule file, split into `name:` and value.
struct DirectiveLine: Sendable {
  /// The whole line, without its line terminator.
  var text: String
  /// The 1-based line number.
  var lineNumber: Int
  /// The directive name (`drop-line`), or nil when the line is not a directive.
  var name: String?
  /// The range of the name in `text`.
  var nameRange: Range<String.Index>
  /// Where the value starts in `text` (after `:` and spaces).
  var valueStart: String.Index

  /// The value, with trailing white space removed.
  var value: Substring {
    var value = text[valueStart...]
    while let last = value.last, Whitespace.isSpace(last) { value.removeLast() }
    return value
  }

  /// The 1-based Character column of an index in the line.
  func column(of index: String.Index) -> Int {
    text.distance(from: text.startIndex, to: index) + 1
  }
}

/// Splits rule-file text into directive lines, skipping blank lines and comments.
enum DirectiveLexer {
  /// The directive lines of `text`, in order. Accepts `\n`, `\r\n` and `\r` line ends and
  /// skips a leading byte-order mark.
  static func lines(of text: String) -> [DirectiveLine] {
    var result: [DirectiveLine] = []
    var lineNumber = 0
    // Split on bytes (LF, CRLF or CR), which is far cheaper than on Characters.
    let bytes = Array(text.utf8)
    var rawLines: [ArraySlice<UInt8>] = []
    // A byte-order mark is not part of the first line (tamis accepts one in dumps too).
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var start = bom
    var index = bom
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        rawLines.append(bytes[start..<index])
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    if start < bytes.count { rawLines.append(bytes[start...]) }
    for rawLine in rawLines {
      lineNumber += 1
      let line = String(decoding: rawLine, as: UTF8.self)
      if let fast = asciiDirective(line, lineNumber: lineNumber) {
        if case .directive(let directive) = fast { result.append(directive) }
        continue
      }
      guard let first = line.firstIndex(where: { !Whitespace.isSpace($0) }) else { continue }
      if line[first] == "#" { continue }
      result.append(directive(line, lineNumber: lineNumber, start: first))
    }
    return result
  }

  private enum FastLine {
    case skipped
    case directive(DirectiveLine)
  }

  /// The common shapes read on bytes: a blank line of spaces and tabs, a comment, and an
  /// ASCII `name:` with its value. Nil when the line needs the Character-based reading; the
  /// shapes are only taken when every Character they look at is one ASCII byte (no combining
  /// mark after it), so both readings agree.
  private static func asciiDirective(_ line: String, lineNumber: Int) -> FastLine? {
    let utf8 = line.utf8
    var index = utf8.startIndex
    func byte(at position: String.Index) -> UInt8? {
      position < utf8.endIndex ? utf8[position] : nil
    }
    func isPlainASCII(at position: String.Index) -> Bool {
      guard let value = byte(at: position), value > 0x20, value < 0x7F else { return false }
      let next = byte(at: utf8.index(after: position))
      return next.map { $0 < 0x80 } ?? true
    }
    while let value = byte(at: index), value == 0x20 || value == 0x09 {
      index = utf8.index(after: index)
    }
    if index == utf8.endIndex { return .skipped }
    guard isPlainASCII(at: index) else { return nil }
    if utf8[index] == UInt8(ascii: "#") { return .skipped }
    let start = index
    while let value = byte(at: index), isNameByte(value) { index = utf8.index(after: index) }
    guard index > start, byte(at: index) == UInt8(ascii: ":"), isPlainASCIIOrEnd(utf8, after: index)
    else { return nil }
    let nameRange = start..<index
    var valueStart = utf8.index(after: index)
    while let value = byte(at: valueStart), value == 0x20 || value == 0x09 {
      valueStart = utf8.index(after: valueStart)
    }
    if let value = byte(at: valueStart), value >= 0x80 { return nil }
    return .directive(
      DirectiveLine(
        text: line, lineNumber: lineNumber, name: String(line[nameRange]), nameRange: nameRange,
        valueStart: valueStart))
  }

  private static func isPlainASCIIOrEnd(_ utf8: String.UTF8View, after index: String.Index)
    -> Bool
  {
    let next = utf8.index(after: index)
    return next == utf8.endIndex || utf8[next] < 0x80
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
  }

  private static func directive(_ line: String, lineNumber: Int, start: String.Index)
    -> DirectiveLine
  {
    var index = start
    while index < line.endIndex, isNameCharacter(line[index]) { index = line.index(after: index) }
    guard index > start, index < line.endIndex, line[index] == ":" else {
      return DirectiveLine(
        text: line, lineNumber: lineNumber, name: nil, nameRange: start..<start, valueStart: start)
    }
    let nameRange = start..<index
    var valueStart = line.index(after: index)
    while valueStart < line.endIndex, line[valueStart] == " " || line[valueStart] == "\t" {
      valueStart = line.index(after: valueStart)
    }
    return DirectiveLine(
      text: line, lineNumber: lineNumber, name: String(line[nameRange]), nameRange: nameRange,
      valueStart: valueStart)
  }

  private static func isNameCharacter(_ character: Character) -> Bool {
    character == "-" || ("a"..."z").contains(character) || ("A"..."Z").contains(character)
  }
}
