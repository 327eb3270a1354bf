/// The second pass of `tamis suggest`: finds the text and two example documents of each
/// candidate line that `LineMiner` kept, by hashing every line of the corpus again.
///
/// Memory holds only the candidates; a document of a site without candidates is skipped
/// without being read, and the pass can stop as soon as `isComplete` is true.
public struct LineRecovery: Sendable {
  /// What is known of one candidate so far.
  struct Found: Sendable {
    let line: LineCandidates.Line
    var text: String?
    var examples: [String] = []
  }

  private let candidates: LineCandidates
  private var found: [String: [UInt64: Found]]
  private var missing: Int

  /// Starts recovering `candidates`.
  public init(_ candidates: LineCandidates) {
    self.candidates = candidates
    var found: [String: [UInt64: Found]] = [:]
    for (site, entry) in candidates.sites {
      found[site] = Dictionary(
        entry.lines.map { ($0.hash, Found(line: $0)) }, uniquingKeysWith: { a, _ in a })
    }
    self.found = found
    self.missing = candidates.count
  }

  /// True when every candidate has its text and two examples (or as many as it has documents).
  public var isComplete: Bool { missing == 0 }

  /// True when documents of `site` may still hold something to recover.
  public func wants(site: String) -> Bool { found[site] != nil }

  /// Reads one document: each of its lines that is a candidate of its site gets the line's own
  /// text (trimmed, the first spelling met) and the document's id as an example.
  /// - Parameters:
  ///   - bytes: the document, UTF-8.
  ///   - site: the document's site, as given to `LineMiner.lines(in:site:cleaner:minLength:)`.
  ///   - documentID: how to name the document in the output (an `id` field, a path).
  public mutating func observe(
    _ bytes: UnsafeBufferPointer<UInt8>, site: String, documentID: String
  ) {
    guard var table = found.removeValue(forKey: site) else { return }
    defer { found[site] = table }
    var hasher = FoldedLineHash()
    for line in LineIndex(bytes).lines {
      let content = UnsafeBufferPointer(rebasing: bytes[line.content])
      guard let (hash, _) = hasher.hash(content), var entry = table[hash] else { continue }
      let wasDone = Self.isDone(entry)
      if entry.text == nil {
        entry.text = Whitespace.trimmed(String(decoding: content, as: UTF8.self))
      }
      if entry.examples.count < Settings.suggestionExamples, entry.examples.last != documentID {
        entry.examples.append(documentID)
      }
      if !wasDone && Self.isDone(entry) { missing -= 1 }
      table[hash] = entry
    }
  }

  private static func isDone(_ entry: Found) -> Bool {
    entry.text != nil
      && entry.examples.count >= min(Settings.suggestionExamples, entry.line.documents)
  }

  /// The suggestions, grouped by site (sites in name order, documents without a site last),
  /// each site's lines ranked by the characters they would remove, then by documents, then by
  /// text.
  ///
  /// Lines whose text was not found (only if the corpus changed between the passes) and lines
  /// longer than a rule phrase may be are left out. Near-identical lines of a site are made one
  /// `starts-with` suggestion (`LineSuggestion.grouped(_:siteDocuments:)`).
  public func suggestions() -> [SiteSuggestions] {
    var result: [SiteSuggestions] = []
    for site in found.keys.sorted(by: { $0.isEmpty != $1.isEmpty ? !$0.isEmpty : $0 < $1 }) {
      guard let table = found[site], let entry = candidates.sites[site] else { continue }
      var lines: [LineSuggestion] = []
      for item in table.values {
        guard let text = item.text, !text.isEmpty, text.count <= LineSuggestion.phraseLimit
        else { continue }
        lines.append(
          LineSuggestion(
            text: text, documents: item.line.documents, occurrences: item.line.occurrences,
            characters: item.line.characters, examples: item.examples))
      }
      lines = LineSuggestion.grouped(lines, siteDocuments: entry.documents)
      lines.sort {
        ($0.characters, $0.documents) != ($1.characters, $1.documents)
          ? ($0.characters, $0.documents) > ($1.characters, $1.documents)
          : $0.text < $1.text
      }
      guard !lines.isEmpty else { continue }
      result.append(
        SiteSuggestions(
          site: site, documents: entry.documents, maximumUndercount: entry.evictionFloor,
          lines: lines))
    }
    return result
  }
}

/// The suggested rules for one site.
public struct SiteSuggestions: Sendable, Hashable {
  /// The site (a host such as `lemonde.fr`, or a folder name); empty when unknown.
  public var site: String
  /// How many documents of the site the corpus holds.
  public var documents: Int
  /// How far a count may fall short because rare lines were evicted (0: counts are exact).
  public var maximumUndercount: Int
  /// The suggested lines, the ones that would remove the most text first.
  public var lines: [LineSuggestion]

  /// Creates a site's suggestions.
  public init(site: String, documents: Int, maximumUndercount: Int, lines: [LineSuggestion]) {
    self.site = site
    self.documents = documents
    self.maximumUndercount = maximumUndercount
    self.lines = lines
  }
}

/// One repeated line and the rule that would remove it.
public struct LineSuggestion: Sendable, Hashable {
  /// The longest phrase a rule may hold, in Characters (the rule-file parser's limit).
  public static let phraseLimit = Settings.phraseCharacters

  /// The line, as it first appeared in the corpus, trimmed.
  public var text: String
  /// The documents of its site it appears in.
  public var documents: Int
  /// Its occurrences, repeats inside a document included.
  public var occurrences: Int
  /// The characters its occurrences hold together: what the rule would remove.
  public var characters: Int
  /// The ids of up to two documents it appears in.
  public var examples: [String]
  /// How the rule compares `text` with a line: `.equals`, or `.startsWith` for near-identical
  /// lines grouped into one suggestion.
  public var anchor: Pattern.Anchor
  /// How many distinct folded lines the suggestion stands for (1 unless grouped).
  public var variants: Int

  /// Creates a suggestion.
  public init(
    text: String, documents: Int, occurrences: Int, characters: Int, examples: [String],
    anchor: Pattern.Anchor = .equals, variants: Int = 1
  ) {
    self.text = text
    self.documents = documents
    self.occurrences = occurrences
    self.characters = characters
    self.examples = examples
    self.anchor = anchor
    self.variants = variants
  }

  /// The rule line, ready to paste into a group: `drop-line: equals "…"` (or `starts-with`),
  /// with quotes, backslashes and braces escaped.
  public var rule: String {
    Action.dropLine(Pattern(anchor: anchor, parts: [.literal(text)])).spelling
  }
}
