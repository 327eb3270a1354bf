import Foundation
import Tamis

/// How a cleaned article is written out, shared by the filter, batch and JSON Lines modes.
enum ArticleRendering {
  /// The body's own bytes (invalid UTF-8 kept) and a final line end (nothing for an empty body).
  static func text(_ article: CleanedArticle) -> [UInt8] {
    article.isBodyEmpty ? [] : article.bodyBytes + Array(article.lineTerminator.utf8)
  }

  /// One JSON object on one line, with the `removed` list.
  static func json(_ article: CleanedArticle) -> String {
    article.json(includeRemovals: true).rendered + "\n"
  }

  /// The captions file's lines for one document: one caption per line, the document's name
  /// (its path, or `<stdin>`), a tab, the text, a tab, the credit. Tabs and line ends inside a
  /// field become spaces, so every line has three columns.
  static func captionsTSV(_ captions: [Caption], source: String) -> String {
    let document = field(source)
    return captions.map { caption in
      "\(document)\t\(field(caption.text))\t\(field(caption.credit))\n"
    }.joined()
  }

  /// `text` with tabs and line ends replaced by spaces.
  private static func field(_ text: String) -> String {
    // Most texts hold none of the bytes a tab or a line end (\t \n \u{B} \u{C} \r, U+0085,
    // U+2028, U+2029) is made of: returned as they are, not rebuilt character by character.
    guard text.utf8.contains(where: { $0 &- 0x09 < 5 || $0 == 0xC2 || $0 == 0xE2 }) else {
      return text
    }
    return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }
}

/// Counts for the summary line printed at the end of a batch or JSON Lines run.
struct RunSummary: Sendable {
  var documents = 0
  var failed = 0
  var skipped = 0
  var bytes = 0
  var captions = 0
  /// Removals per action, indexed by `ActionKind.allCases` position (`summaryIndex`): an array,
  /// not a dictionary, so counting a removal is one add with no hashing.
  var removedByAction = [Int](repeating: 0, count: ActionKind.allCases.count)

  /// Adds one cleaned article.
  mutating func add(_ article: CleanedArticle, bytes count: Int) {
    documents += 1
    bytes += count
    captions += article.captions.count
    guard !article.removals.isEmpty else { return }
    removedByAction.withUnsafeMutableBufferPointer { counts in
      for removal in article.removals { counts[removal.action.summaryIndex] += 1 }
    }
  }

  /// Adds another summary's counts.
  mutating func add(_ other: RunSummary) {
    documents += other.documents
    failed += other.failed
    skipped += other.skipped
    bytes += other.bytes
    captions += other.captions
    for index in removedByAction.indices { removedByAction[index] += other.removedByAction[index] }
  }

  /// `1 document`, `2 documents`: a count and an English noun that takes an `s` in the plural.
  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// `tamis: 120 documents (3 failed), 4.2 MB, removed: drop-line 310, …; 95 captions; 0.8 s`.
  func line(seconds: Double) -> String {
    var parts: [String] = []
    var documentsPart = Self.counted(documents, "document")
    if failed > 0 { documentsPart += " (\(failed) failed)" }
    if skipped > 0 { documentsPart += " (\(skipped) up to date)" }
    parts.append(documentsPart)
    parts.append(String(format: "%.1f MB", Double(bytes) / 1_000_000))
    let removed = ActionKind.allCases.compactMap { kind in
      let count = removedByAction[kind.summaryIndex]
      return count > 0 ? "\(kind.name) \(count)" : nil
    }
    parts.append("removed: " + (removed.isEmpty ? "nothing" : removed.joined(separator: ", ")))
    parts.append(Self.counted(captions, "caption"))
    parts.append(String(format: "%.2f s", seconds))
    return "tamis: " + parts.joined(separator: "; ") + "\n"
  }
}

extension ActionKind {
  /// The action's position in `allCases`, which indexes `RunSummary.removedByAction`.
  var summaryIndex: Int {
    switch self {
    case .dropLine: 0
    case .stripSpan: 1
    case .dropFrom: 2
    case .dropUntil: 3
    case .dropBlock: 4
    case .dropRun: 5
    case .dropTail: 6
    case .caption: 7
    case .credit: 8
    case .meta: 9
    case .keep: 10
    }
  }
}
