internal import Synchronization

/// The tables a `LineScanner` marks while it scans a line and clears before the next one: per
/// pattern, per key and per automaton state, sized by the compiled rule set.
///
/// With a thousand phrases they are tens of kilobytes, and allocating and zeroing them for each
/// document was a fortieth of a JSON Lines run (one short document per record). A scanner takes
/// them from its rule set's `ScannerTablePool` and gives them back when its document is
/// scanned; they come back all false, so which tables a scanner gets never changes a result.
struct ScannerTables: Sendable {
  /// Per pattern: settled on the current line.
  var settled: [Bool]
  /// Per view, per key (at `view * keyCount + key`; the views share one automaton): every
  /// pattern of the key is settled.
  var settledKeys: [Bool]
  /// Per view, per automaton state (at `view * stateCount + state`): its own key and every key
  /// down its floating links are.
  var settledStates: [Bool]

  /// Tables given back by a scanner.
  init(settled: [Bool], settledKeys: [Bool], settledStates: [Bool]) {
    self.settled = settled
    self.settledKeys = settledKeys
    self.settledStates = settledStates
  }

  /// All-false tables for `compiled`.
  init(for compiled: CompiledRuleSet) {
    settled = [Bool](repeating: false, count: compiled.patterns.count)
    let views = compiled.views
    settledKeys = [Bool](repeating: false, count: views.count * views[0].patternsOfKey.count)
    settledStates = [Bool](
      repeating: false, count: views.count * views[0].automaton.stateCount)
  }
}

/// The all-false `ScannerTables` of finished scans, for the next scanners of the same rule set.
///
/// A class shared by every copy of a `CompiledRuleSet`; it holds at most `Settings.pooledScannerTables`
/// sets, so its memory is bounded whatever the number of threads.
final class ScannerTablePool: Sendable {
  private let free = Mutex<[ScannerTables]>([])

  /// A set of tables from the pool, or nil when it is empty.
  func take() -> ScannerTables? {
    free.withLock { $0.popLast() }
  }

  /// Gives back `tables`, which must be all false.
  func give(_ tables: ScannerTables) {
    free.withLock { free in
      if free.count < Settings.pooledScannerTables { free.append(tables) }
    }
  }
}
