import Foundation
import Tamis

/// How a cleaned article is written out, shared by the filter, batch and JSON Lines modes.
enum ArticleRendering {
  /// The body's own bytes (invalid UTF-8 kept) and a final line end (nothing for an empty body).
  static func text(_ article: CleanedArticle) -> [UInt8] {
    article.body.isEmpty ? [] : article.bodyBytes + Array(article.lineTerminator.utf8)
  }

  /// One JSON object on one line, with the `removed` list.
  static func json(_ article: CleanedArticle) -> String {
    article.json(includeRemovals: true).rendered + "\n"
  }

  /// The captions file: one caption per line, text, a tab, the credit (tabs inside become
  /// spaces, so the columns stay two).
  static func captionsTSV(_ captions: [Caption]) -> String {
    captions.map { caption in
      let text = caption.text.replacingOccurrences(of: "\t", with: " ")
      let credit = caption.credit.replacingOccurrences(of: "\t", with: " ")
      return "\(text)\t\(credit)\n"
    }.joined()
  }
}

/// Counts for the summary line printed at the end of a batch or JSON Lines run.
struct RunSummary: Sendable {
  var documents = 0
  var failed = 0
  var skipped = 0
  var bytes = 0
  var captions = 0
  var removedByAction: [ActionKind: Int] = [:]

  /// Adds one cleaned article.
  mutating func add(_ article: CleanedArticle, bytes count: Int) {
    documents += 1
    bytes += count
    captions += article.captions.count
    for removal in article.removals { removedByAction[removal.action, default: 0] += 1 }
  }

  /// Adds another summary's counts.
  mutating func add(_ other: RunSummary) {
    documents += other.documents
    failed += other.failed
    skipped += other.skipped
    bytes += other.bytes
    captions += other.captions
    removedByAction.merge(other.removedByAction, uniquingKeysWith: +)
  }

  /// `tamis: 120 documents (3 failed), 4.2 MB, removed: drop-line 310, …; 95 captions; 0.8 s`.
  func line(seconds: Double) -> String {
    var parts: [String] = []
    var documentsPart = "\(documents) documents"
    if failed > 0 { documentsPart += " (\(failed) failed)" }
    if skipped > 0 { documentsPart += " (\(skipped) up to date)" }
    parts.append(documentsPart)
    parts.append(String(format: "%.1f MB", Double(bytes) / 1_000_000))
    let removed = ActionKind.allCases.compactMap { kind in
      removedByAction[kind].map { "\(kind.name) \($0)" }
    }
    parts.append("removed: " + (removed.isEmpty ? "nothing" : removed.joined(separator: ", ")))
    parts.append("\(captions) captions")
    parts.append(String(format: "%.2f s", seconds))
    return "tamis: " + parts.joined(separator: "; ") + "\n"
  }
}
