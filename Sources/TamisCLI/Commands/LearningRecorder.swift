import Synchronization
import Tamis

/// Collects, while the cleaning pass of `--learn --learn-out` runs, what happened to each learned
/// line: in how many documents it was removed or kept as body prose, a real line of the crawl
/// for its example, and per site a body line for the `keeps:` of its pack.
///
/// Documents are cleaned on several threads; each adds its observations under one lock. The
/// result does not depend on the order: counts are sums, and the example and the body line kept
/// are the least of their candidates (by text, and by hash).
final class LearningRecorder: Sendable {
  /// What happened to one learned line.
  struct Line: Sendable {
    /// Documents where a learned rule removed it.
    var removed = 0
    /// Documents where it stayed in the body (prose of the body core, or a `keep`).
    var kept = 0
    /// The least of its trimmed texts in the documents seen.
    var example: String?
  }

  /// What was seen of one site.
  struct Site: Sendable {
    /// By rank.
    var lines: [Int32: Line] = [:]
    /// A body line of the site, for `keeps:`, with its hash (the least hash wins).
    var keeps: (hash: UInt64, text: String)?
  }

  let learned: LearnedLines
  /// The site packs' detectors, which name the site of a document that has none, as the first
  /// pass did; nil when no pack has one.
  let detector: CompiledRuleSet?
  private let sites = Mutex<[String: Site]>([:])

  /// Creates a recorder for `learned`; `detector` names the site of a document without one.
  init(learned: LearnedLines, detector: CompiledRuleSet? = nil) {
    self.learned = learned
    self.detector = detector
  }

  /// What was recorded, by site key.
  var recorded: [String: Site] { sites.withLock { $0 } }

  /// Records one cleaned document: `text` is what was cleaned, `article` the result, `host` the
  /// site the run gave it (nil: the one its pack's `detect:` names, as the cleaner found it).
  func record(site host: String?, text: [UInt8], article: CleanedArticle) {
    let named = host?.isEmpty == false ? host : nil
    let host = named ?? text.withUnsafeBufferPointer { detector?.detectedSite(in: $0) }
    guard let site = learned.site(for: host) else { return }
    var seen = Site()
    var hasher = LearnedLineHash()
    text.withUnsafeBufferPointer { bytes in
      for (line, outcome) in zip(LineIndex(bytes).lines, article.outcomes) {
        let content = UnsafeBufferPointer(rebasing: bytes[line.content])
        switch outcome {
        case .removed(let index) where article.removals[index].reason != nil:
          guard let key = hasher.key(content), let entry = site.entries[key.hash] else { continue }
          Self.note(&seen.lines[entry.rank, default: Line()], removed: true, content)
        case .body:
          guard let key = hasher.key(content) else { continue }
          if let entry = site.entries[key.hash] {
            Self.note(&seen.lines[entry.rank, default: Line()], removed: false, content)
          } else if seen.keeps.map({ key.hash < $0.hash }) ?? true, Self.isKeepsCandidate(content) {
            seen.keeps = (key.hash, String(decoding: Whitespace.trimmed(content), as: UTF8.self))
          }
        default: continue
        }
      }
    }
    let key = LearnedLines.siteKey(site.host)
    sites.withLock { all in
      var merged = all[key] ?? Site()
      for (rank, line) in seen.lines {
        var total = merged.lines[rank] ?? Line()
        total.removed += line.removed
        total.kept += line.kept
        if let example = line.example, total.example.map({ example < $0 }) ?? true {
          total.example = example
        }
        merged.lines[rank] = total
      }
      if let keeps = seen.keeps, merged.keeps.map({ keeps.hash < $0.hash }) ?? true {
        merged.keeps = keeps
      }
      all[key] = merged
    }
  }

  /// Counts one document for a line (once, however often the line is in it).
  private static func note(_ line: inout Line, removed: Bool, _ content: UnsafeBufferPointer<UInt8>)
  {
    let text = String(decoding: Whitespace.trimmed(content), as: UTF8.self)
    if line.removed + line.kept == 0 || text < (line.example ?? text) { line.example = text }
    if removed { line.removed = 1 } else if line.removed == 0 { line.kept = 1 }
  }

  /// A body line fit for `keeps:`: a sentence of 12 to 60 words, which a look-alike check runs
  /// alone and the structure layer reads as prose.
  private static func isKeepsCandidate(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
    let text = Whitespace.trimmed(content)
    guard text.count < 400, text.last == UInt8(ascii: ".") else { return false }
    let words = text.split(separator: 0x20).count
    return words >= 12 && words <= 60
  }
}
