/// A pattern prepared for matching on a folded view: folded literals, anchor, options.
struct CompiledPattern: Sendable {
  /// One piece of a compiled pattern.
  enum Segment: Sendable {
    /// Literal text, searched as one piece; its first `attached` folded bytes also belong to
    /// the preceding hole's value (from `{+…}`).
    case literal(LiteralSearcher, attached: Int)
    case hole(name: String, kind: Pattern.HoleKind)
  }

  /// Who asked for the pattern.
  enum Owner: Sendable, Hashable {
    /// The main pattern of compiled rule `rule`.
    case rule(RuleIndex)
    /// The end pattern of the `drop-block` rule `rule`.
    case blockEnd(RuleIndex)
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
    // Adjacent literal parts (`{+.}` then `" "`) are searched as one piece, so a separator is
    // found whole; `attached` remembers how much of it belongs to the hole before.
    var pending: (folded: [UInt8], raw: String, attached: Int)?
    func flush() {
      guard let literal = pending else { return }
      segments.append(.literal(LiteralSearcher(literal.folded), attached: literal.attached))
      exactLiterals.append(Whitespace.trimmed(literal.raw))
      pending = nil
    }
    for part in pattern.parts {
      switch part {
      case .literal(let text), .attachedLiteral(let text):
        var folded = folder.foldKeepingEdges(text)
        var current = pending ?? (folded: [], raw: "", attached: 0)
        if current.folded.last == 0x20 && folded.first == 0x20 { folded.removeFirst() }
        current.folded += folded
        current.raw += text
        if case .attachedLiteral = part { current.attached = current.folded.count }
        pending = current
      case .hole(let name, let kind):
        flush()
        segments.append(.hole(name: name, kind: kind))
      }
    }
    flush()
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
}

/// What a line scanner reads of a pattern at each occurrence of its key, as one plain value:
/// reading a `CompiledPattern` out of its array copies it and retains each of its arrays, and a
/// scan reads these at every key it visits.
struct PatternFacts: Sendable {
  let owner: CompiledPattern.Owner
  let anchor: Pattern.Anchor
  /// The key's length in folded bytes.
  let keyLength: Int
  /// `CompiledPattern.keyStartsLine`, `keyEndsLine` and `isLiteral`.
  let keyStartsLine: Bool
  let keyEndsLine: Bool
  let isLiteral: Bool
  /// The pattern's `insideWords` and `exact` options.
  let insideWords: Bool
  let isExact: Bool
  /// The engine needs every occurrence (strip-span), not only the first.
  let collectsEveryOccurrence: Bool

  init(_ pattern: CompiledPattern, collectsEveryOccurrence: Bool) {
    owner = pattern.owner
    anchor = pattern.anchor
    keyLength = pattern.key.count
    keyStartsLine = pattern.keyStartsLine
    keyEndsLine = pattern.keyEndsLine
    isLiteral = pattern.isLiteral
    insideWords = pattern.options.contains(.insideWords)
    isExact = pattern.options.contains(.exact)
    self.collectsEveryOccurrence = collectsEveryOccurrence
  }
}
