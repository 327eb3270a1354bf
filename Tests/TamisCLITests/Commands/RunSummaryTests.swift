import Testing

@testable import Tamis
@testable import TamisCLI

@Suite struct RunSummaryTests {
  /// `RunSummary.removedByAction` is indexed by `summaryIndex`, which must be each action's
  /// position in `allCases` (the order the summary line lists them in).
  @Test func summaryIndexIsAllCasesPosition() {
    for (position, kind) in ActionKind.allCases.enumerated() {
      #expect(kind.summaryIndex == position, "\(kind.name)")
    }
  }

  /// Merging two summaries adds their per-action counts.
  @Test func mergeAddsCounts() {
    var first = RunSummary()
    first.removedByAction[ActionKind.dropLine.summaryIndex] = 2
    var second = RunSummary()
    second.removedByAction[ActionKind.dropLine.summaryIndex] = 3
    second.removedByAction[ActionKind.meta.summaryIndex] = 1
    first.add(second)
    let line = first.line(seconds: 0)
    #expect(line.contains("removed: drop-line 5, meta 1;"))
  }
}
