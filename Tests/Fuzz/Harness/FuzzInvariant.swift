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
    for (index, outcome) in article.outcomes.enumerated() {
      let content = UnsafeBufferPointer(rebasing: bytes[lines[index].content])
      switch outcome {
      case .blank:
        guard LineIndex.isBlank(content) else { fatalError("line \(index + 1) lost as blank") }
      case .body: break
      case .stripped(let cut):
        for i in cut {
          guard article.removals.indices.contains(i), removals.insert(i).inserted,
            article.removals[i].line == index + 1
          else { fatalError("line \(index + 1): bad stripped removal \(i)") }
        }
      case .caption(let i):
        guard article.captions.indices.contains(i), captions.insert(i).inserted else {
          fatalError("line \(index + 1): bad caption \(i)")
        }
      case .removed(let i):
        guard article.removals.indices.contains(i), removals.insert(i).inserted,
          article.removals[i].line == index + 1
        else { fatalError("line \(index + 1): bad removal \(i)") }
      }
    }
    guard removals.count == article.removals.count, captions.count == article.captions.count
    else { fatalError("removals or captions no line accounts for") }
  }
}
