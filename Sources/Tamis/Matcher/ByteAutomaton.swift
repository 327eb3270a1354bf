/// An Aho-Corasick automaton over bytes that finds every occurrence of a set of keys in one pass.
///
/// States are numbered breadth-first, so the shallow states, where a scan spends nearly all its
/// steps, come first. The first `denseStates` of them get a full transition row (a dense table:
/// one load per byte); the deeper ones, reached only after several bytes of some key, keep just
/// their trie children and their failure link, and a step from one of them follows failure
/// links down to a child or to a dense row. That keeps the table small whatever the number of
/// keys (it was most of the memory and of the compile time at 10,000 phrases, and a table that
/// fits in the cache scans faster), and the scan stays linear: each failure step undoes at least
/// one byte of depth that an earlier step added.
///
/// Bytes that occur in no key share one equivalence class, so a row has one column per distinct
/// key byte plus one. A step's target is encoded as a *code*: a dense state's row offset
/// (state × columns), or `denseLimit` + its rank among the sparse states; a target that ends a
/// key is stored negated (`~code`), so the scan loop tests one sign bit per byte.
struct ByteAutomaton: Sendable {
  /// The default number of states with a dense row: about 1.5 MB of table for 90 byte classes.
  /// (`Tests/Fuzz/run.sh` with `SPARSE=1` builds with 2, to fuzz the sparse path.)
  #if TAMIS_FUZZ_SPARSE_AUTOMATON
    static let defaultDenseStates = 2
  #else
    static let defaultDenseStates = 4_096
  #endif

  /// The byte → class map (class 0: bytes in no key).
  private let classes: [UInt8]
  /// Per input byte: the class of its fold when it is ASCII (`asciiSpace` for white space,
  /// `notASCII` for bytes 0x80 and up), so a walk over ASCII text folds and classes in one load.
  private let asciiColumns: [Int16]
  private let classCount: Int
  /// `transitions[state * classCount + class]` for the dense states, as codes.
  private let transitions: [Int32]
  /// The number of dense states, and the first sparse code (`denseStates * classCount`).
  private let denseStates: Int
  private let denseLimit: Int
  /// Sparse state `s` (its rank among the sparse states) has the children
  /// `childClass[childStart[s]..<childStart[s + 1]]`, reached at codes `childCode[…]`, and the
  /// failure link `sparseFailure[s]` (a code, never negated).
  private let childStart: [Int32]
  private let childClass: [UInt8]
  private let childCode: [Int32]
  private let sparseFailure: [Int32]
  /// For each state, the keys that end exactly there (flattened: `outputStart[state]..<…`).
  private let outputStart: [Int32]
  private let outputs: [Int32]
  /// For each state, the nearest state on its failure chain that ends a key (-1: none).
  private let outputLink: [Int32]
  /// The length of each key in bytes.
  let keyLengths: [Int32]

  /// Compiles the keys. Empty keys are never reported.
  /// - Parameter denseStates: how many states (breadth-first) get a full transition row; tests
  ///   lower it to make every step go through the sparse path.
  init(keys: [[UInt8]], denseStates: Int = ByteAutomaton.defaultDenseStates) {
    var classes = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for key in keys {
      for byte in key where classes[Int(byte)] == 0 {
        // More than 255 distinct bytes cannot occur: byte 0..255 at most, class 0 reserved.
        classes[Int(byte)] = UInt8(truncatingIfNeeded: classCount)
        classCount += 1
      }
    }
    let trie = Trie(keys: keys, classes: classes)
    let stateCount = trie.stateCount

    // Breadth-first order: `order[new] = old`, `rank[old] = new`; failure links and depths are
    // computed on the way (a state's failure is shallower, so it is numbered before it).
    var order: [Int32] = [0]
    order.reserveCapacity(stateCount)
    var failure = [Int32](repeating: 0, count: stateCount)
    var head = 0
    while head < order.count {
      let state = Int(order[head])
      head += 1
      var child = trie.firstChild[state]
      while child >= 0 {
        let column = trie.edgeClass[Int(child)]
        if state != 0 {
          var fall = Int(failure[state])
          while true {
            if let next = trie.child(of: fall, class: column) {
              failure[Int(child)] = Int32(next)
              break
            }
            if fall == 0 { break }
            fall = Int(failure[fall])
          }
        }
        order.append(child)
        child = trie.nextSibling[Int(child)]
      }
    }
    var rank = [Int32](repeating: 0, count: stateCount)
    for (new, old) in order.enumerated() { rank[Int(old)] = Int32(new) }

    // Outputs and output links, in the new numbering.
    var outputStart = [Int32](repeating: 0, count: stateCount + 1)
    var outputs: [Int32] = []
    var outputLink = [Int32](repeating: -1, count: stateCount)
    for new in 0..<stateCount {
      let old = Int(order[new])
      outputStart[new] = Int32(outputs.count)
      outputs += trie.ownKeys[old]
      if new > 0 {
        let fail = Int(failure[old])
        let failNew = Int(rank[fail])
        outputLink[new] = trie.ownKeys[fail].isEmpty ? outputLink[failNew] : Int32(failNew)
      }
    }
    outputStart[stateCount] = Int32(outputs.count)

    let dense = min(max(denseStates, 1), stateCount)
    let denseLimit = dense * classCount
    func code(_ new: Int) -> Int32 {
      let base = new < dense ? new * classCount : denseLimit + (new - dense)
      let reports = outputStart[new] < outputStart[new + 1] || outputLink[new] >= 0
      return reports ? ~Int32(base) : Int32(base)
    }

    // Dense rows: a child where the trie has one, else the failure state's row (already
    // filled: it is shallower) or, from the root, the root itself.
    var table = [Int32](repeating: 0, count: denseLimit)
    for new in 0..<dense {
      let old = Int(order[new])
      let row = new * classCount
      if new > 0 {
        let failRow = Int(rank[Int(failure[old])]) * classCount
        for column in 0..<classCount { table[row + column] = table[failRow + column] }
      }
      var child = trie.firstChild[old]
      while child >= 0 {
        table[row + Int(trie.edgeClass[Int(child)])] = code(Int(rank[Int(child)]))
        child = trie.nextSibling[Int(child)]
      }
    }

    // Sparse states: their children and failure links.
    var childStart: [Int32] = []
    var childClass: [UInt8] = []
    var childCode: [Int32] = []
    var sparseFailure: [Int32] = []
    childStart.reserveCapacity(stateCount - dense + 1)
    for new in dense..<stateCount {
      let old = Int(order[new])
      childStart.append(Int32(childClass.count))
      var child = trie.firstChild[old]
      while child >= 0 {
        childClass.append(trie.edgeClass[Int(child)])
        childCode.append(code(Int(rank[Int(child)])))
        child = trie.nextSibling[Int(child)]
      }
      let fail = code(Int(rank[Int(failure[old])]))
      sparseFailure.append(fail < 0 ? ~fail : fail)
    }
    childStart.append(Int32(childClass.count))

    self.classes = classes
    self.asciiColumns = (0..<256).map { value in
      let folded = TextFolder.asciiFold[value]
      switch folded {
      case TextFolder.slow: return Self.notASCII
      case TextFolder.space: return Self.asciiSpace
      default: return Int16(classes[Int(folded)])
      }
    }
    self.classCount = classCount
    self.transitions = table
    self.denseStates = dense
    self.denseLimit = denseLimit
    self.childStart = childStart
    self.childClass = childClass
    self.childCode = childCode
    self.sparseFailure = sparseFailure
    self.outputStart = outputStart
    self.outputs = outputs
    self.outputLink = outputLink
    self.keyLengths = keys.map { Int32($0.count) }
  }

  /// `asciiColumns` of white space and of bytes that are not ASCII.
  static let asciiSpace: Int16 = -1
  static let notASCII: Int16 = -2

  /// The number of states.
  var stateCount: Int { outputLink.count }

  /// The bytes the tables take, for memory estimates.
  var tableBytes: Int {
    transitions.count * 4 + childClass.count * 5 + (childStart.count + sparseFailure.count) * 4
  }

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
    withStepper { stepper in
      var feeder = Feeder(stepper: stepper)
      return body(&feeder)
    }
  }

  /// Runs `body` with the automaton's tables as plain pointers (no feeder and its array, which
  /// cost an allocation check and a release per line).
  @inline(__always)
  func withStepper<Result>(_ body: (Stepper) -> Result) -> Result {
    transitions.withUnsafeBufferPointer { table in
      classes.withUnsafeBufferPointer { classes in
        asciiColumns.withUnsafeBufferPointer { asciiColumns in
          childStart.withUnsafeBufferPointer { childStart in
            childClass.withUnsafeBufferPointer { childClass in
              childCode.withUnsafeBufferPointer { childCode in
                sparseFailure.withUnsafeBufferPointer { sparseFailure in
                  body(
                    Stepper(
                      table: table, classes: classes, asciiColumns: asciiColumns,
                      denseLimit: denseLimit,
                      sparse: SparseStates(
                        childStart: childStart, childClass: childClass, childCode: childCode,
                        failure: sparseFailure)))
                }
              }
            }
          }
        }
      }
    }
  }

  /// The sparse states' tables, as the feeder reads them.
  struct SparseStates {
    let childStart: UnsafeBufferPointer<Int32>
    let childClass: UnsafeBufferPointer<UInt8>
    let childCode: UnsafeBufferPointer<Int32>
    let failure: UnsafeBufferPointer<Int32>
  }

  /// The automaton's tables as a step reads them: plain pointers, so a walk can hold them
  /// without reference counting.
  struct Stepper {
    let table: UnsafeBufferPointer<Int32>
    let classes: UnsafeBufferPointer<UInt8>
    let asciiColumns: UnsafeBufferPointer<Int16>
    let denseLimit: Int
    let sparse: SparseStates

    /// The code of the step from the state whose code is `code` over a byte of class `column`
    /// (negated when the target ends a key).
    @inline(__always)
    func next(from code: Int, _ column: Int) -> Int32 {
      code < denseLimit ? table[code &+ column] : sparseStep(from: code, column)
    }

    /// A step from a sparse state: its child on `column`, else the same from its failure
    /// state, down to a dense row.
    @inline(never)
    private func sparseStep(from code: Int, _ column: Int) -> Int32 {
      var current = code
      while current >= denseLimit {
        let rank = current - denseLimit
        for index in Int(sparse.childStart[rank])..<Int(sparse.childStart[rank + 1])
        where Int(sparse.childClass[index]) == column {
          return sparse.childCode[index]
        }
        current = Int(sparse.failure[rank])
      }
      return table[current + column]
    }
  }

  /// Steps the automaton over folded bytes and records where keys end; a `FoldSink`, so folding
  /// and matching happen in one pass without storing the folded line.
  struct Feeder: FoldSink {
    let stepper: Stepper
    /// The current state's code.
    var state: Int32 = 0
    /// How many folded bytes have been fed.
    var position = 0
    /// States that end a key (codes) and the position just past the key's end.
    var hits: [(offset: Int32, end: Int)] = []

    /// Starts a new line: back to the root, no hits.
    mutating func reset() {
      state = 0
      position = 0
      hits.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {
      state = stepper.next(from: Int(state), Int(stepper.classes[Int(byte)]))
      position &+= 1
      if state < 0 {
        state = ~state
        hits.append((state, position))
      }
    }
  }

  /// Calls `report(key, end)` for every key that ends in the state whose code is `offset`.
  func reportKeys(endingAt offset: Int32, end: Int, _ report: (Int, Int) -> Void) {
    reportOutputs(of: state(atRow: offset), end: end, report)
  }

  // MARK: - Output chains, for scanners that skip keys they are done with

  /// The state whose code is `offset` (as recorded in `Feeder.hits`).
  func state(atRow offset: Int32) -> Int {
    let code = Int(offset)
    return code < denseLimit ? code / classCount : denseStates + (code - denseLimit)
  }

  /// What `state(atRow:)` reads, as plain values, for a loop that decodes many codes.
  var codeDecoder: CodeDecoder {
    CodeDecoder(
      denseLimit: UInt32(truncatingIfNeeded: denseLimit),
      classCount: UInt32(truncatingIfNeeded: classCount), denseStates: denseStates)
  }

  /// Turns codes into states as `state(atRow:)` does, with 32-bit unsigned arithmetic (codes
  /// are non-negative `Int32`s, so no sign or overflow check is needed).
  struct CodeDecoder {
    let denseLimit: UInt32
    let classCount: UInt32
    let denseStates: Int

    /// The state whose code is `code` (non-negative, as recorded in a `KeyEndList`).
    @inline(__always)
    func state(_ code: Int32) -> Int {
      let value = UInt32(bitPattern: code)
      return value < denseLimit
        ? Int(value / classCount) : denseStates &+ Int(value &- denseLimit)
    }
  }

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

/// The keys' trie, built with first-child / next-sibling links (no per-state allocation).
/// State 0 is the root; the edge into a state is labelled by `edgeClass[state]`.
private struct Trie {
  var firstChild: [Int32] = [-1]
  var nextSibling: [Int32] = [-1]
  var edgeClass: [UInt8] = [0]
  var ownKeys: [[Int32]] = [[]]

  var stateCount: Int { firstChild.count }

  init(keys: [[UInt8]], classes: [UInt8]) {
    for (keyIndex, key) in keys.enumerated() where !key.isEmpty {
      var state = 0
      for byte in key {
        let column = classes[Int(byte)]
        if let next = child(of: state, class: column) {
          state = next
        } else {
          let next = firstChild.count
          firstChild.append(-1)
          nextSibling.append(firstChild[state])
          edgeClass.append(column)
          ownKeys.append([])
          firstChild[state] = Int32(next)
          state = next
        }
      }
      ownKeys[state].append(Int32(keyIndex))
    }
  }

  /// The child of `state` on `column`, if the trie has one.
  func child(of state: Int, class column: UInt8) -> Int? {
    var child = firstChild[state]
    while child >= 0 {
      if edgeClass[Int(child)] == column { return Int(child) }
      child = nextSibling[Int(child)]
    }
    return nil
  }
}
