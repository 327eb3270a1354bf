extension LineMiner {
  /// The lines of one document that `LineMiner` counts: its raw lines at least `minLength`
  /// characters long, each once with its number of occurrences and whether the current rules
  /// left it in the body unchanged.
  public struct DocumentLines: Sendable {
    /// One distinct folded line.
    struct Line: Sendable {
      /// The hash of the folded line (`FoldedLineHash`).
      let hash: UInt64
      /// How many times the line occurs in the document.
      var occurrences: UInt32
      /// The line's length in Unicode scalars of its folded view.
      let characters: UInt32
      /// True when at least one occurrence stays in the body unchanged (not removed, not a
      /// caption, no span cut).
      var kept: Bool
    }

    /// The site the document belongs to (empty when unknown).
    public let site: String
    var lines: [Line]

    /// The number of distinct lines.
    public var count: Int { lines.count }
  }

  /// Cleans a document with the current rules and returns its lines worth counting: every line
  /// at least `minLength` characters long once folded, as it is in the input, with whether the
  /// rules left it in the body unchanged.
  ///
  /// The raw lines are counted, not the body's, so that a footer the rules remove in only some
  /// documents (a heuristic on position or shape) still counts in all of them.
  ///
  /// Pure: call it from any thread, then `add` the results in a fixed order.
  /// - Parameters:
  ///   - bytes: the document, UTF-8.
  ///   - site: the document's site (empty when unknown); also given to the cleaner, so that
  ///     the site's pack applies.
  ///   - cleaner: the current rules; a line they remove in every document is not suggested.
  ///   - language: the document's language, when known.
  ///   - minLength: the fewest characters a line needs.
  /// - Returns: the document's distinct lines.
  public static func lines(
    in bytes: UnsafeBufferPointer<UInt8>, site: String, cleaner: Cleaner, language: String? = nil,
    minLength: Int
  ) -> DocumentLines {
    let article = cleaner.clean(
      bytes: bytes, source: site,
      options: CleaningOptions(site: site.isEmpty ? nil : site, language: language))
    let index = LineIndex(bytes)
    var hasher = FoldedLineHash()
    var found: [UInt64: Int] = [:]
    var lines: [DocumentLines.Line] = []
    for (line, outcome) in zip(index.lines, article.outcomes) {
      let kept = outcome == .body
      let content = UnsafeBufferPointer(rebasing: bytes[line.content])
      guard let (hash, characters) = hasher.hash(content), characters >= minLength else {
        continue
      }
      if let slot = found[hash] {
        lines[slot].occurrences += 1
        lines[slot].kept = lines[slot].kept || kept
      } else {
        found[hash] = lines.count
        lines.append(
          .init(hash: hash, occurrences: 1, characters: UInt32(characters), kept: kept))
      }
    }
    return DocumentLines(site: site, lines: lines)
  }
}

/// Hashes the folded view of a line (as `TextFolder` folds it for the matcher, accents kept):
/// lines that differ only in case, typography, white space or NFC/NFD accents hash alike.
///
/// The hash is `LineHasher`'s (FNV-1a with an avalanche step): deterministic across runs, so
/// the two passes of `tamis suggest` agree. Holds a reusable buffer; make one per thread.
struct FoldedLineHash {
  private let folder = TextFolder(stripAccents: false)
  private var buffer: [UInt8] = []

  /// The hash and the length in Unicode scalars of the folded line, nil for a blank line.
  mutating func hash(_ line: UnsafeBufferPointer<UInt8>) -> (UInt64, Int)? {
    folder.fold(line, into: &buffer)
    guard !buffer.isEmpty else { return nil }
    var hasher = LineHasher()
    var scalars = 0
    for byte in buffer {
      hasher.add(byte)
      if byte & 0xC0 != 0x80 { scalars += 1 }
    }
    return (hasher.finalised, scalars)
  }
}
