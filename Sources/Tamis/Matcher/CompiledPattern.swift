/// A pattern prepared for matching on a folded view: folded literals, anchor, options.
struct CompiledPattern: Sendable {
  /// One piece of a compiled pattern.
  enum Segment: Sendable {
    /// Literal text; `attached` when it also belongs to the preceding hole's value.
    case literal(LiteralSearcher, attached: Bool)
    case hole(name: String, kind: Pattern.HoleKind)
  }

  /// Who asked for the pattern.
  enum Owner: Sendable, Hashable {
    /// The main pattern of compiled rule `rule`.
    case rule(Int)
    /// The end pattern of the `drop-block` rule `rule`.
    case blockEnd(Int)
    /// A `detect:` pattern of pack `pack`.
    case detector(pack: Int)
  }

  let owner: Owner
  let anchor: Pattern.Anchor
  let options: Pattern.Options
  let segments: [Segment]
  /// The index in `segments` of the literal used as the automaton key.
  let keySegment: Int
  /// Each literal's own text without its outer white space, compared with the input's text
  /// under `exact`.
  let exactLiterals: [String]

  /// The key must start at folded offset 0 (it is the first segment of a start-anchored pattern).
  var keyStartsLine: Bool {
    keySegment == 0 && (anchor == .startsWith || anchor == .equals)
  }
  /// The key must end the folded line (it is the last segment of an end-anchored pattern).
  var keyEndsLine: Bool {
    keySegment == segments.count - 1 && (anchor == .endsWith || anchor == .equals)
  }

  /// True when the pattern is one literal with no hole.
  var isLiteral: Bool { segments.count == 1 }
  /// True when the pattern is matched on the accent-stripped view.
  var usesSkeleton: Bool { options.contains(.anyAccent) }

  /// The literal segment used as automaton key.
  var key: [UInt8] {
    if case .literal(let searcher, _) = segments[keySegment] { return searcher.needle }
    return []
  }

  /// Compiles `pattern` for the view that `folder` produces.
  init(_ pattern: Pattern, owner: Owner, folder: TextFolder) {
    self.owner = owner
    self.anchor = pattern.anchor
    self.options = pattern.options
    var segments: [Segment] = []
    var exactLiterals: [String] = []
    for part in pattern.parts {
      switch part {
      case .literal(let text), .attachedLiteral(let text):
        exactLiterals.append(Self.trimmed(text))
        let folded = folder.foldKeepingEdges(text)
        let attached = if case .attachedLiteral = part { true } else { false }
        segments.append(.literal(LiteralSearcher(folded), attached: attached))
      case .hole(let name, let kind):
        segments.append(.hole(name: name, kind: kind))
      }
    }
    var best = 0
    var bestLength = -1
    for (index, segment) in segments.enumerated() {
      if case .literal(let searcher, _) = segment, searcher.needle.count > bestLength {
        best = index
        bestLength = searcher.needle.count
      }
    }
    self.segments = segments
    self.keySegment = best
    self.exactLiterals = exactLiterals
  }

  static func trimmed(_ text: String) -> String {
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
