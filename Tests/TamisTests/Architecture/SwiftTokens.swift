/// The code tokens of a Swift source file that the layer check needs: identifiers (keywords
/// included) and punctuation (one token per character), each with its 1-based line.
///
/// Comments (line, block, nested block) and the text of string literals (plain, multi-line and
/// raw) are skipped; the code inside a string's interpolations `\(…)` is read as code. Numbers
/// give no token. This is enough to tell which names a file uses; it is not a
/// full Swift lexer (no regex literals, which `Sources/Tamis` does not use).
struct SwiftTokens {
  /// One token.
  struct Token: Equatable, CustomStringConvertible {
    /// The identifier without backticks, or the punctuation character.
    var text: String
    /// The 1-based line it starts on.
    var line: Int
    /// Whether it is an identifier or keyword rather than punctuation.
    var isIdentifier: Bool

    var description: String { "\(line):\(text)" }
  }

  /// The tokens, in source order.
  private(set) var tokens: [Token] = []
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var line = 1

  /// Reads `source`.
  init(_ source: String) {
    scalars = Array(source.unicodeScalars)
    readCode(untilClosingParenthesis: false)
  }

  // MARK: - Code

  /// Reads code up to the end of the text, or up to the `)` that closes an interpolation.
  private mutating func readCode(untilClosingParenthesis: Bool) {
    var parentheses = 0
    while let scalar = peek() {
      switch scalar {
      case "\n":
        line += 1
        index += 1
      case "/" where peek(1) == "/":
        while let next = peek(), next != "\n" { index += 1 }
      case "/" where peek(1) == "*":
        skipBlockComment()
      case "\"":
        readString(hashes: 0)
      case "#":
        var hashes = 0
        while peek(hashes) == "#" { hashes += 1 }
        if peek(hashes) == "\"" {
          index += hashes
          readString(hashes: hashes)
        } else {
          index += 1
        }
      case "`":
        index += 1
        let start = index
        while let next = peek(), next != "`", next != "\n" { index += 1 }
        emit(String(String.UnicodeScalarView(scalars[start..<index])), isIdentifier: true)
        if peek() == "`" { index += 1 }
      case "(":
        parentheses += 1
        emit("(", isIdentifier: false)
        index += 1
      case ")":
        index += 1
        if untilClosingParenthesis {
          if parentheses == 0 { return }
          parentheses -= 1
        }
        emit(")", isIdentifier: false)
      default:
        if Self.isIdentifierStart(scalar) {
          let start = index
          while let next = peek(), Self.isIdentifierStart(next) || Self.isDigit(next) {
            index += 1
          }
          emit(String(String.UnicodeScalarView(scalars[start..<index])), isIdentifier: true)
        } else if Self.isDigit(scalar) {
          // A number, hexadecimal and `1_000` included; `.` only when a digit follows, so that
          // `0..<n` still ends the number at `0`.
          while let next = peek(),
            Self.isIdentifierStart(next) || Self.isDigit(next)
              || (next == "." && peek(1).map(Self.isDigit) == true)
          {
            index += 1
          }
        } else {
          if !scalar.properties.isWhitespace { emit(String(scalar), isIdentifier: false) }
          index += 1
        }
      }
    }
  }

  private mutating func skipBlockComment() {
    var depth = 0
    while let scalar = peek() {
      if scalar == "/", peek(1) == "*" {
        depth += 1
        index += 2
      } else if scalar == "*", peek(1) == "/" {
        depth -= 1
        index += 2
        if depth == 0 { return }
      } else {
        if scalar == "\n" { line += 1 }
        index += 1
      }
    }
  }

  // MARK: - Strings

  /// Reads a string literal whose opening `"` is at `index`, after `hashes` `#` signs.
  private mutating func readString(hashes: Int) {
    let isMultiline = peek(1) == "\"" && peek(2) == "\""
    let quotes = isMultiline ? 3 : 1
    index += quotes
    while let scalar = peek() {
      if scalar == "\"", (0..<quotes).allSatisfy({ peek($0) == "\"" }),
        (0..<hashes).allSatisfy({ peek(quotes + $0) == "#" })
      {
        index += quotes + hashes
        return
      }
      if scalar == "\\", (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
        index += 1 + hashes
        if peek() == "(" {
          index += 1
          readCode(untilClosingParenthesis: true)
        } else if let escaped = peek() {
          if escaped == "\n" { line += 1 }
          index += 1
        }
        continue
      }
      if scalar == "\n" {
        line += 1
        // An unterminated one-line string ends at the line end; so does this reading.
        if !isMultiline {
          index += 1
          return
        }
      }
      index += 1
    }
  }

  // MARK: - Helpers

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func emit(_ text: String, isIdentifier: Bool) {
    tokens.append(Token(text: text, line: line, isIdentifier: isIdentifier))
  }

  private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }
}
