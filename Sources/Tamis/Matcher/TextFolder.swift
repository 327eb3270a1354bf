#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Writes the folded view of a line: the text the matcher compares patterns with.
///
/// Folding lower-cases, maps typographic variants to ASCII (’ → ', « → ", … → ...), turns every
/// kind of white space into one space, drops zero-width characters, composes NFD accents, trims
/// both ends, and with `stripAccents` removes accents. Invalid UTF-8 bytes fold to U+FFFD.
/// The view is only for matching: output is always cut from the input's own bytes.
struct TextFolder: Sendable {
  /// Whether accents are removed (`é` → `e`).
  let stripAccents: Bool
  let table: FoldTable

  /// Creates a folder for one of the two views.
  init(stripAccents: Bool) {
    self.stripAccents = stripAccents
    self.table = stripAccents ? FoldTable.strippingAccents : FoldTable.keepingAccents
  }

  /// Folds `input` into `output` (replacing its contents).
  ///
  /// - Parameters:
  ///   - input: the line's bytes, without its terminator.
  ///   - output: receives the folded UTF-8 bytes.
  func fold(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    var sink = ByteCollector(bytes: [])
    swap(&sink.bytes, &output)
    sink.bytes.removeAll(keepingCapacity: true)
    fold(input, into: &sink)
    swap(&sink.bytes, &output)
  }

  /// Folds `input`, handing each folded byte to `sink` with the input range it came from.
  ///
  /// This is the one folding algorithm: collecting the bytes, collecting them with their source
  /// offsets, and feeding the automaton directly are three sinks of it, so they cannot disagree.
  @inline(__always)
  func fold<Sink: FoldSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
    var unused = DiscardingSink()
    Self.fold(input, table, into: &sink, nil, into: &unused)
  }

  /// Folds `input` for two views in one pass: `first` receives the fold by `firstFolder`, and
  /// `second` the fold by `secondFolder`, exactly as two calls of `fold(_:into:)` would.
  ///
  /// Each scalar is decoded (and its combining marks composed) once for both views; only the
  /// table lookup and the white-space state are per view.
  @inline(__always)
  static func fold<First: FoldSink, Second: FoldSink>(
    _ input: UnsafeBufferPointer<UInt8>, _ firstFolder: TextFolder, into first: inout First,
    _ secondFolder: TextFolder, into second: inout Second
  ) {
    fold(input, firstFolder.table, into: &first, secondFolder.table, into: &second)
  }

  /// The folding algorithm, for one table (`secondTable` nil: `second` receives nothing) or two.
  @inline(__always)
  private static func fold<First: FoldSink, Second: FoldSink>(
    _ input: UnsafeBufferPointer<UInt8>, _ firstTable: FoldTable, into first: inout First,
    _ secondTable: FoldTable?, into second: inout Second
  ) {
    guard let base = input.baseAddress else { return }
    let both = secondTable != nil
    firstTable.entries.withUnsafeBufferPointer { firstEntries in
      (secondTable ?? firstTable).entries.withUnsafeBufferPointer { secondEntries in
        Self.asciiFold.withUnsafeBufferPointer { ascii in
          let count = input.count
          // Lines without a possible combining mark (lead byte 0xCC or 0xCD) skip the
          // look-ahead.
          let mayHaveMarks =
            memchr(base, 0xCC, count) != nil || memchr(base, 0xCD, count) != nil
          var index = 0
          var firstLane = Lane()
          var secondLane = Lane()
          while index < count {
            let start = index
            let byte = base[index]
            let folded = ascii[Int(byte)]
            // ASCII not followed by a possible combining mark (lead byte 0xCC or 0xCD): fast
            // path, the same in both views.
            if folded != Self.slow,
              !mayHaveMarks || index &+ 1 == count || base[index &+ 1] & 0xFE != 0xCC
            {
              index &+= 1
              if folded == Self.space {
                firstLane.space(at: start)
                if both { secondLane.space(at: start) }
                continue
              }
              firstLane.emit(folded, from: start, to: index, into: &first)
              if both { secondLane.emit(folded, from: start, to: index, into: &second) }
              continue
            }
            let scalarValue: UInt32
            (scalarValue, index) = FoldTable.composedScalar(input, at: index)
            if scalarValue < FoldTable.limit {
              firstLane.apply(
                firstEntries[Int(scalarValue)], from: start, to: index, into: &first)
              if both {
                secondLane.apply(
                  secondEntries[Int(scalarValue)], from: start, to: index, into: &second)
              }
            } else if scalarValue == Whitespace.byteOrderMark {
              continue
            } else if Whitespace.isSpace(scalarValue) {
              firstLane.space(at: start)
              if both { secondLane.space(at: start) }
            } else {
              firstLane.emit(scalar: scalarValue, from: start, to: index, into: &first)
              if both {
                secondLane.emit(scalar: scalarValue, from: start, to: index, into: &second)
              }
            }
          }
        }
      }
    }
  }

  /// What one view's fold carries from scalar to scalar: spaces are collapsed into one, and
  /// written only between folded bytes (so both ends are trimmed).
  private struct Lane {
    var emitted = false
    var pendingSpace = false
    var spaceStart = 0

    /// White space at `start`.
    @inline(__always)
    mutating func space(at start: Int) {
      if emitted && !pendingSpace {
        pendingSpace = true
        spaceStart = start
      }
    }

    @inline(__always)
    mutating func flushSpace<Sink: FoldSink>(before start: Int, into sink: inout Sink) {
      if pendingSpace {
        sink.emit(0x20, from: spaceStart, to: start)
        pendingSpace = false
      }
    }

    /// One folded byte from `input[start..<end]`.
    @inline(__always)
    mutating func emit<Sink: FoldSink>(
      _ byte: UInt8, from start: Int, to end: Int, into sink: inout Sink
    ) {
      flushSpace(before: start, into: &sink)
      sink.emit(byte, from: start, to: end)
      emitted = true
    }

    /// A scalar past the table, written as it is.
    @inline(__always)
    mutating func emit<Sink: FoldSink>(
      scalar: UInt32, from start: Int, to end: Int, into sink: inout Sink
    ) {
      flushSpace(before: start, into: &sink)
      UTF8Scalars.encode(scalar) { sink.emit($0, from: start, to: end) }
      emitted = true
    }

    /// A table entry: white space, nothing, or up to 7 folded bytes.
    @inline(__always)
    mutating func apply<Sink: FoldSink>(
      _ entry: UInt64, from start: Int, to end: Int, into sink: inout Sink
    ) {
      var entry = entry
      let length = entry & 0xFF
      if length == FoldTable.spaceCode {
        space(at: start)
        return
      }
      if length == 0 { return }
      flushSpace(before: start, into: &sink)
      for _ in 0..<length {
        entry >>= 8
        sink.emit(UInt8(truncatingIfNeeded: entry), from: start, to: end)
      }
      emitted = true
    }
  }

  /// `asciiFold[byte]`: the folded ASCII byte, `space` for white space, `slow` for bytes that
  /// need the full path (non-ASCII lead and continuation bytes).
  static let asciiFold: [UInt8] = (0..<256).map { value in
    let byte = UInt8(value)
    switch byte {
    case 0x80...0xFF: return slow
    case _ where Whitespace.isSpace(UInt32(byte)): return space
    case 0x41...0x5A: return byte + 0x20
    case 0x60: return 0x27
    default: return byte
    }
  }
  static let slow: UInt8 = 0xFF
  static let space: UInt8 = 0xFE

  /// Folds a Swift string (a pattern literal) to the bytes the matcher compares.
  func fold(_ text: String) -> [UInt8] {
    var output: [UInt8] = []
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      fold(UnsafeBufferPointer(buffer), into: &output)
    }
    return output
  }

  /// Folds a pattern literal without trimming its ends: a leading or trailing space is kept.
  ///
  /// Literals inside templates (`" // Source : "`) need their outer spaces, which `fold(_:)`
  /// would trim as it trims lines.
  func foldKeepingEdges(_ text: String) -> [UInt8] {
    let core = fold(text)
    guard !core.isEmpty else { return text.isEmpty ? [] : [0x20] }
    let leading = text.unicodeScalars.first.map(Self.isFoldedSpace) ?? false
    let trailing = text.unicodeScalars.last.map(Self.isFoldedSpace) ?? false
    return (leading ? [0x20] : []) + core + (trailing ? [0x20] : [])
  }

  private static func isFoldedSpace(_ scalar: Unicode.Scalar) -> Bool {
    Whitespace.isSpace(scalar.value)
  }
}

/// Receives the bytes of a folded view, one at a time, with the input range each came from.
protocol FoldSink {
  /// Takes one folded byte that came from `input[start..<end]`.
  mutating func emit(_ byte: UInt8, from start: Int, to end: Int)
}

/// Receives nothing: the second view of a one-view fold.
struct DiscardingSink: FoldSink {
  @inline(__always)
  mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {}
}

/// Collects the folded bytes.
struct ByteCollector: FoldSink {
  var bytes: [UInt8]

  @inline(__always)
  mutating func emit(_ byte: UInt8, from start: Int, to end: Int) { bytes.append(byte) }
}

/// Collects the folded bytes and, for each, the input range it came from, in storage that is
/// reused from line to line (a line on which a key occurs is folded again into it).
///
/// The storage is a class so that the buffers are freed once; the collector is owned by one
/// `LineScanner`, which is used by one thread at a time.
final class OffsetCollector: FoldSink {
  private var capacity = 0
  private var byteStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
  private var startStorage = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  private var endStorage = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  /// The number of folded bytes collected.
  private(set) var count = 0

  deinit {
    byteStorage.deallocate()
    startStorage.deallocate()
    endStorage.deallocate()
  }

  /// Empties the collector and makes room for the fold of `inputCount` input bytes (most
  /// lines fold to fewer bytes than they have; `emit` grows the storage when one does not).
  func reset(forInputCount inputCount: Int) {
    count = 0
    if inputCount + 8 > capacity { grow(to: inputCount + 8) }
  }

  private func grow(to newCapacity: Int) {
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    let starts = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
    let ends = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
    bytes.update(from: byteStorage, count: count)
    starts.update(from: startStorage, count: count)
    ends.update(from: endStorage, count: count)
    byteStorage.deallocate()
    startStorage.deallocate()
    endStorage.deallocate()
    byteStorage = bytes
    startStorage = starts
    endStorage = ends
    capacity = newCapacity
  }

  /// The folded bytes collected so far.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: byteStorage, count: count) }

  /// The input offset of the scalar that folded byte `index` came from.
  func start(_ index: Int) -> Int { Int(startStorage[index]) }

  /// The input offset just past the scalar that folded byte `index` came from.
  func end(_ index: Int) -> Int { Int(endStorage[index]) }

  @inline(__always)
  func emit(_ byte: UInt8, from start: Int, to end: Int) {
    if count == capacity { grow(to: capacity * 2) }
    byteStorage[count] = byte
    startStorage[count] = Int32(truncatingIfNeeded: start)
    endStorage[count] = Int32(truncatingIfNeeded: end)
    count &+= 1
  }
}
