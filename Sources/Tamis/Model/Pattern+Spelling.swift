extension Pattern {
  /// The pattern as a rule file spells it, in canonical form: the anchor always written, the
  /// phrase quoted and escaped, the modifiers after it (`starts-with "Lire aussi" any-accent`).
  ///
  /// Parsing the spelling gives back an equal pattern.
  public var spelling: String {
    if isAnyLine { return "any" }
    var phrase = ""
    for part in parts {
      switch part {
      case .literal(let text): phrase += Self.escaped(text)
      case .hole(let name, .text): phrase += "{\(name)}"
      case .hole(let name, .word): phrase += "{\(name):word}"
      case .hole(let name, .number): phrase += "{\(name):number}"
      case .attachedLiteral(let text): phrase += "{+\(text)}"
      }
    }
    var words = [anchor.name, "\"\(phrase)\""]
    if options.contains(.anyAccent) { words.append("any-accent") }
    if options.contains(.exact) { words.append("exact") }
    if options.contains(.insideWords) { words.append("inside-words") }
    return words.joined(separator: " ")
  }

  /// `text` as a quoted phrase that matches it literally: `"` and `\` escaped with a backslash,
  /// `{` and `}` doubled, so that no part of it reads as a hole.
  ///
  /// - Parameter text: the literal text, such as a line found in a corpus.
  /// - Returns: the phrase with its quotes, ready to follow an anchor in a rule file.
  public static func quoted(_ text: String) -> String {
    "\"" + escaped(text) + "\""
  }

  private static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "{": result += "{{"
      case "}": result += "}}"
      default: result.append(character)
      }
    }
    return result
  }
}

extension Pattern.Anchor {
  /// The anchor as rule files spell it: `contains`, `starts-with`, `ends-with`, `equals`.
  public var name: String {
    switch self {
    case .contains: "contains"
    case .startsWith: "starts-with"
    case .endsWith: "ends-with"
    case .equals: "equals"
    }
  }
}

extension Action {
  /// The action line as a rule file spells it, without indentation:
  /// `drop-line: starts-with "Lire aussi"`, `drop-block: equals "Pub" until equals "Fin"`,
  /// `drop-tail: min-words 20`.
  ///
  /// Parsing the spelling gives back an equal action.
  public var spelling: String {
    switch self {
    case .dropBlock(let start, let end):
      "\(kind.name): \(start.spelling) until \(end.spelling)"
    case .dropTail(let minimumWords):
      "\(kind.name): min-words \(minimumWords)"
    default:
      "\(kind.name): " + patterns.map(\.spelling).joined(separator: " ")
    }
  }
}
