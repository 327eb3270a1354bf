// The accounting invariant the engine targets check on every input; a violation traps, so
// libFuzzer saves the input as a crash.
import Foundation

enum FuzzInvariant {
  static func check(_ article: CleanedArticle, bytes: UnsafeBufferPointer<UInt8>) {
    let lines = LineIndex(bytes).lines
    guard article.outcomes.count == lines.count else {
      fatalError("\(article.outcomes.count) outcomes for \(lines.count) lines")
    }
    var removals = Set<Int>()
    var captions = Set<Int>()
    var captionLines: [Int: Int] = [:]
    for (index, outcome) in article.outcomes.enumerated() {
      let content = UnsafeBufferPointer(rebasing: bytes[lines[index].content])
      switch outcome {
      case .blank:
        guard Whitespace.isBlank(content) else { fatalError("line \(index + 1) lost as blank") }
      case .body: break
      case .stripped(let cut):
        for i in cut {
          guard article.removals.indices.contains(i), removals.insert(i).inserted,
            article.removals[i].line == index + 1
          else { fatalError("line \(index + 1): bad stripped removal \(i)") }
        }
      case .caption(let i):
        // A caption made of a text line and a credit line below it (`credit:`) is claimed by
        // both lines, and by no other.
        captionLines[i, default: 0] += 1
        guard article.captions.indices.contains(i), captionLines[i, default: 0] <= 2 else {
          fatalError("line \(index + 1): bad caption \(i)")
        }
        captions.insert(i)
      case .removed(let i):
        guard article.removals.indices.contains(i), removals.insert(i).inserted,
          article.removals[i].line == index + 1
        else { fatalError("line \(index + 1): bad removal \(i)") }
      }
    }
    guard removals.count == article.removals.count, captions.count == article.captions.count
    else { fatalError("removals or captions no line accounts for") }
    checkBody(article, bytes: bytes, lines: lines)
  }

  /// Each line kept whole is in the body as the input's own bytes, in input order: its core
  /// (without the edge bytes that are white space or not ASCII) is found after the previous one.
  static func checkBody(
    _ article: CleanedArticle, bytes: UnsafeBufferPointer<UInt8>, lines: [LineIndex.Line]
  ) {
    let body = article.bodyBytes
    var cursor = 0
    for (index, outcome) in article.outcomes.enumerated() where outcome == .body {
      var core = bytes[lines[index].content]
      while let first = core.first, first <= 0x20 || first >= 0x80 { core = core.dropFirst() }
      while let last = core.last, last <= 0x20 || last >= 0x80 { core = core.dropLast() }
      guard !core.isEmpty else { continue }
      guard let found = body[cursor...].firstRange(of: core) else {
        fatalError("line \(index + 1) is not in the body as it was")
      }
      cursor = found.upperBound
    }
  }
}
