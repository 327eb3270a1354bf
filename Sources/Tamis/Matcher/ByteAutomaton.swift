/// An Aho-Corasick automaton over bytes, compiled to a dense table, that finds every occurrence
/// of a set of keys in one pass.
///
/// Bytes that occur in no key share one equivalence class, so the table has one column per
/// distinct key byte plus one. Transitions store the target's row offset (state × columns), so
/// a step is one add and one load; a transition into a state that ends a key is stored negated
/// (`~offset`), so the scan loop tests one sign bit per byte. Cost: O(text length + occurrences).
struct ByteAutomaton: Sendable {
  /// The byte → class map (class 0: bytes in no key).
  private let classes: [UInt8]
  private let classCount: Int
  /// `transitions[state * classCount + class]`, negated when the target ends a key.
  private let transitions: [Int32]
  /// For each state, the keys that end exactly there (flattened: `outputStart[state]..<…`).
  private let outputStart: [Int32]
  private let outputs: [Int32]
  /// For each state, the nearest state on its failure chain that ends a key (-1: none).
  private let outputLink: [Int32]
  /// The length of each key in bytes.
  let keyLengths: [Int32]

  /// Compiles the keys. Empty keys are never reported.
  init(keys: [[UInt8]]) {
    var classes = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for key in keys {
      for byte in key where classes[Int(byte)] == 0 {
        // More than 255 distinct bytes cannot occur: byte 0..255 at most, class 0 reserved.
        classes[Int(byte)] = UInt8(truncatingIfNeeded: classCount)
        classCount += 1
      }
    }
    classCount = max(classCount, 1)
    // Trie, stored flat: row `state` holds its children (-1: none), and becomes the full
    // transition row below, so building needs no per-state allocation.
    var table = [Int32](repeating: -1, count: classCount)
    var ownKeys: [[Int32]] = [[]]
    var stateCount = 1
    for (keyIndex, key) in keys.enumerated() where !key.isEmpty {
      var state = 0
      for byte in key {
        let slot = state * classCount + Int(classes[Int(byte)])
        if table[slot] < 0 {
          table[slot] = Int32(stateCount)
          table.append(contentsOf: repeatElement(-1, count: classCount))
          ownKeys.append([])
          stateCount += 1
        }
        state = Int(table[slot])
      }
      ownKeys[state].append(Int32(keyIndex))
    }
    // Breadth-first: failure links, full transitions, output links. A state's children are
    // still marked by being deeper than it (queue order); missing ones take the failure row.
    var failure = [Int32](repeating: 0, count: stateCount)
    var outputLink = [Int32](repeating: -1, count: stateCount)
    var queue: [Int32] = []
    queue.reserveCapacity(stateCount)
    var isChild = [Bool](repeating: false, count: table.count)
    for slot in table.indices where table[slot] >= 0 { isChild[slot] = true }
    for column in 0..<classCount {
      if table[column] >= 0 {
        queue.append(table[column])
      } else {
        table[column] = 0
      }
    }
    table.withUnsafeMutableBufferPointer { table in
      isChild.withUnsafeBufferPointer { isChild in
        var head = 0
        while head < queue.count {
          let state = Int(queue[head])
          head += 1
          let fail = Int(failure[state])
          outputLink[state] = ownKeys[fail].isEmpty ? outputLink[fail] : Int32(fail)
          let row = state * classCount
          let failRow = fail * classCount
          for column in 0..<classCount {
            if isChild[row + column] {
              let child = Int(table[row + column])
              failure[child] = table[failRow + column]
              queue.append(Int32(child))
            } else {
              table[row + column] = table[failRow + column]
            }
          }
        }
      }
    }
    // Mark transitions into states that report something.
    var reports = [Bool](repeating: false, count: stateCount)
    for state in 0..<stateCount {
      reports[state] = !ownKeys[state].isEmpty || outputLink[state] >= 0
    }
    isChild = []
    table.withUnsafeMutableBufferPointer { table in
      for index in table.indices {
        let target = Int(table[index])
        table[index] = Int32(target * classCount)
        if reports[target] { table[index] = ~table[index] }
      }
    }
    var outputStart = [Int32](repeating: 0, count: stateCount + 1)
    var outputs: [Int32] = []
    for state in 0..<stateCount {
      outputStart[state] = Int32(outputs.count)
      outputs += ownKeys[state]
    }
    outputStart[stateCount] = Int32(outputs.count)
    self.classes = classes
    self.classCount = classCount
    self.transitions = table
    self.outputStart = outputStart
    self.outputs = outputs
    self.outputLink = outputLink
    self.keyLengths = keys.map { Int32($0.count) }
  }

  /// The number of states, for memory estimates.
  var stateCount: Int { transitions.count / classCount }

  /// Calls `report(key, end)` for every occurrence of every key in `text`, where `end` is the
  /// offset just past the occurrence. Occurrences are reported in order of their end offset.
  func scan(_ text: UnsafeBufferPointer<UInt8>, _ report: (Int, Int) -> Void) {
    withFeeder { feeder in
      for byte in text { feeder.emit(byte, from: 0, to: 0) }
      for hit in feeder.hits { reportKeys(endingAt: hit.offset, end: hit.end, report) }
    }
  }

  /// Runs `body` with a feeder that steps the automaton one folded byte at a time.
  @inline(__always)
  func withFeeder<Result>(_ body: (inout Feeder) -> Result) -> Result {
    transitions.withUnsafeBufferPointer { table in
      classes.withUnsafeBufferPointer { classes in
        var feeder = Feeder(table: table, classes: classes)
        return body(&feeder)
      }
    }
  }

  /// Steps the automaton over folded bytes and records where keys end; a `FoldSink`, so folding
  /// and matching happen in one pass without storing the folded line.
  struct Feeder: FoldSink {
    let table: UnsafeBufferPointer<Int32>
    let classes: UnsafeBufferPointer<UInt8>
    /// The current state's row offset.
    var state: Int32 = 0
    /// How many folded bytes have been fed.
    var position = 0
    /// States that end a key (row offsets) and the position just past the key's end.
    var hits: [(offset: Int32, end: Int)] = []

    /// Starts a new line: back to the root, no hits.
    mutating func reset() {
      state = 0
      position = 0
      hits.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {
      state = table[Int(state) &+ Int(classes[Int(byte)])]
      position &+= 1
      if state < 0 {
        state = ~state
        hits.append((state, position))
      }
    }
  }

  /// Calls `report(key, end)` for every key that ends in the state at row `offset`.
  func reportKeys(endingAt offset: Int32, end: Int, _ report: (Int, Int) -> Void) {
    reportOutputs(of: Int(offset) / classCount, end: end, report)
  }

  // MARK: - Output chains, for scanners that skip keys they are done with

  /// The state whose row starts at `offset` (as recorded in `Feeder.hits`).
  func state(atRow offset: Int32) -> Int { Int(offset) / classCount }

  /// The keys that end exactly in `state` (not those of its output link).
  func ownKeys(of state: Int) -> ArraySlice<Int32> {
    outputs[Int(outputStart[state])..<Int(outputStart[state + 1])]
  }

  /// The next state on `state`'s failure chain that ends a key, or -1. Following these links
  /// from a state visits every key that ends there, longest first; all of them are suffixes of
  /// one another, so they share their last byte.
  func outputLink(of state: Int) -> Int { Int(outputLink[state]) }

  private func reportOutputs(of state: Int, end: Int, _ report: (Int, Int) -> Void) {
    var current = state
    while current >= 0 {
      for index in Int(outputStart[current])..<Int(outputStart[current + 1]) {
        report(Int(outputs[index]), end)
      }
      current = Int(outputLink[current])
    }
  }
}
