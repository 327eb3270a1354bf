extension LineSuggestion {
  /// The shortest share of a longer line, in percent, that a prefix must cover for the two to
  /// be one suggestion.
  static let prefixSharePercent = 80

  /// `lines` with near-identical lines made one `starts-with` suggestion.
  ///
  /// Two lines are near-identical when their folded views (`TextFolder`, accents kept), less
  /// trailing punctuation and spaces, are equal, or when one is a prefix of the other that ends
  /// at a word boundary and covers at least `prefixSharePercent` % of it ("… parle !" and
  /// "… parle"; "Lire la suite" and "Lire la suite ici" is too short a share). A group's phrase
  /// is its shortest line's own text (of those as short, the one in most documents) less
  /// trailing punctuation and spaces; its counts are the sums of its lines' (documents capped
  /// at `siteDocuments`: a document holding two variants counts twice), and its examples the
  /// first ones of its lines, shortest line first. A line alone keeps its `equals` suggestion.
  static func grouped(_ lines: [LineSuggestion], siteDocuments: Int) -> [LineSuggestion] {
    guard lines.count > 1 else { return lines }
    let folder = TextFolder(stripAccents: false)
    let keyed = lines.map { line -> (key: [Unicode.Scalar], line: LineSuggestion) in
      var key = Array(String(decoding: folder.fold(line.text), as: UTF8.self).unicodeScalars)
      while let last = key.last, Self.isTrailing(last) { key.removeLast() }
      return (key, line)
    }.sorted {
      ($0.key.count, -$0.line.documents, $0.line.text)
        < ($1.key.count, -$1.line.documents, $1.line.text)
    }
    var groups: [(key: [Unicode.Scalar], members: [LineSuggestion])] = []
    for (key, line) in keyed {
      if let index = groups.firstIndex(where: { Self.isVariant(key, of: $0.key) }) {
        groups[index].members.append(line)
      } else {
        groups.append((key, [line]))
      }
    }
    return groups.map { group in
      guard group.members.count > 1 else { return group.members[0] }
      var text = Substring(group.members[0].text)
      while let last = text.unicodeScalars.last, Self.isTrailing(last) {
        text = text.dropLast()
      }
      var examples: [String] = []
      for example in group.members.flatMap(\.examples)
      where examples.count < Settings.suggestionExamples && !examples.contains(example) {
        examples.append(example)
      }
      return LineSuggestion(
        text: String(text),
        documents: min(siteDocuments, group.members.reduce(0) { $0 + $1.documents }),
        occurrences: group.members.reduce(0) { $0 + $1.occurrences },
        characters: group.members.reduce(0) { $0 + $1.characters }, examples: examples,
        anchor: .startsWith, variants: group.members.count)
    }
  }

  /// True when `key` equals `root` or extends it past a word boundary, `root` covering at least
  /// `prefixSharePercent` % of it.
  private static func isVariant(_ key: [Unicode.Scalar], of root: [Unicode.Scalar]) -> Bool {
    guard !root.isEmpty, key.count >= root.count, key.starts(with: root) else { return false }
    guard key.count > root.count else { return true }
    let next = key[root.count]
    let boundary =
      !(next.properties.isAlphabetic || next.properties.numericType != nil)
      || !(root[root.count - 1].properties.isAlphabetic
        || root[root.count - 1].properties.numericType != nil)
    return boundary && root.count * 100 >= key.count * prefixSharePercent
  }

  /// Punctuation and white space, which a line's variants add or drop at its end.
  private static func isTrailing(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .spaceSeparator, .otherPunctuation, .finalPunctuation, .initialPunctuation,
      .dashPunctuation, .closePunctuation, .control:
      true
    default: scalar.properties.isWhitespace
    }
  }
}
