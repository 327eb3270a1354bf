/// Where keys end on one line, for one view: the code of each automaton state that ends a key
/// (as `ByteAutomaton.state(atRow:)` reads it) and the folded offset just past the key, in
/// order of that offset.
///
/// A view of storage that a `KeyEndStorage` owns: a walk appends to a copy held in a local
/// variable (no exclusivity check, no reference count per byte) and gives it back at the end.
struct KeyEndList {
  private(set) var codes: UnsafeMutablePointer<Int32>
  private(set) var ends: UnsafeMutablePointer<Int>
  private(set) var capacity: Int
  /// The number of key ends recorded.
  var count = 0

  fileprivate init(capacity: Int) {
    self.capacity = capacity
    codes = .allocate(capacity: capacity)
    ends = .allocate(capacity: capacity)
  }

  /// Records a key end.
  @inline(__always)
  mutating func append(_ code: Int32, _ end: Int) {
    if count == capacity { grow() }
    codes[count] = code
    ends[count] = end
    count &+= 1
  }

  @inline(never)
  private mutating func grow() {
    let newCapacity = capacity * 2
    let newCodes = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
    let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
    newCodes.update(from: codes, count: count)
    newEnds.update(from: ends, count: count)
    codes.deallocate()
    ends.deallocate()
    codes = newCodes
    ends = newEnds
    capacity = newCapacity
  }

  fileprivate func deallocate() {
    codes.deallocate()
    ends.deallocate()
  }
}

/// The key-end lists of a `LineScanner`'s two views, reused from line to line.
///
/// A class so that the buffers are freed once; it is owned by one `LineScanner`, which is used
/// by one thread at a time. Its lists are read and written without exclusivity checks (a dynamic check cost a call per
/// access, three per line): the one scanner that owns it never lends a list twice at a time.
final class KeyEndStorage {
  @exclusivity(unchecked) var first = KeyEndList(capacity: 64)
  @exclusivity(unchecked) var second = KeyEndList(capacity: 64)

  deinit {
    first.deallocate()
    second.deallocate()
  }
}
