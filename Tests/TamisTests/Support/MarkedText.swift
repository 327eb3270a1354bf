@testable import Tamis

/// Inline text with `⟦1⟧`-style position markers, stripped before use.
///
/// A marker stands just before the character it points at; its location is that character's
/// 1-based line and 1-based column in Characters, as `SourceLocation` counts them.
struct MarkedText {
  /// The text without its markers.
  let text: String
  private let positions: [Int: (line: Int, column: Int)]

  /// Reads `marked`, recording each marker's position.
  init(_ marked: String) {
    var text = ""
    var positions: [Int: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var characters = marked[...]
    while let character = characters.first {
      characters.removeFirst()
      if character == "⟦", let close = characters.firstIndex(of: "⟧"),
        let number = Int(characters[..<close])
      {
        positions[number] = (line, column)
        characters = characters[characters.index(after: close)...]
        continue
      }
      text.append(character)
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    self.text = text
    self.positions = positions
  }

  /// Where marker `number` stands, in a file named `path`.
  func location(_ number: Int, path: String = "t.rules") -> Tamis.SourceLocation {
    let position = positions[number] ?? (line: 0, column: 0)
    return Tamis.SourceLocation(path: path, line: position.line, column: position.column)
  }
}
