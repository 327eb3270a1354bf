#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

extension ByteAutomaton {
  /// Folds `line` for one view (`secondTable` nil) or two, and walks the automaton over each
  /// fold: the key ends of the fold by `firstTable` go to `first`, those of the fold by
  /// `secondTable` to `second`. Returns the folded lengths.
  ///
  /// It folds exactly as `TextFolder.fold` does (the tests compare the two), but walks the
  /// automaton once for both views wherever their folds agree: the views differ only on
  /// accented letters, and after one the walks are merged again as soon as they stand in the
  /// same state (the automaton holds the keys of both views, so the same folded text leads both
  /// to the same state). An ASCII byte is folded and classed with one table load.
  func walkFolded(
    _ line: UnsafeBufferPointer<UInt8>, first firstTable: FoldTable,
    into first: inout KeyEndList, second secondTable: FoldTable?,
    into second: inout KeyEndList
  ) -> (first: Int, second: Int) {
    first.count = 0
    second.count = 0
    guard let base = line.baseAddress, !line.isEmpty else { return (0, 0) }
    return withFeeder { feeder in
      firstTable.entries.withUnsafeBufferPointer { firstEntries in
        (secondTable ?? firstTable).entries.withUnsafeBufferPointer { secondEntries in
          var walk = FoldedWalk(
            stepper: feeder.stepper, firstEntries: firstEntries, secondEntries: secondEntries,
            first: first, second: second, dual: secondTable != nil)
          let lengths = walk.run(line, base)
          first = walk.firstEnds
          second = walk.secondEnds
          return lengths
        }
      }
    }
  }
}

/// One view's walk: the automaton state (a code), the folded bytes so far, and a space seen
/// since the last folded byte (written only before the next one, so both ends are trimmed).
private struct Track {
  var code = 0
  var position = 0
  var pendingSpace = false

  @inline(__always)
  mutating func space() {
    if position > 0 { pendingSpace = true }
  }
}

/// The walk of `ByteAutomaton.walkFolded` over one line.
private struct FoldedWalk {
  let stepper: ByteAutomaton.Stepper
  let firstEntries: UnsafeBufferPointer<UInt64>
  let secondEntries: UnsafeBufferPointer<UInt64>
  var firstEnds: KeyEndList
  var secondEnds: KeyEndList
  /// Whether there is a second view.
  let dual: Bool
  let spaceColumn: Int
  var first = Track()
  var second = Track()
  /// Both views stand in the same state with the same pending space: `first` walks for both,
  /// and the second view's position is `first.position + delta`.
  var merged = true
  var delta = 0

  init(
    stepper: ByteAutomaton.Stepper, firstEntries: UnsafeBufferPointer<UInt64>,
    secondEntries: UnsafeBufferPointer<UInt64>, first: KeyEndList, second: KeyEndList,
    dual: Bool
  ) {
    self.stepper = stepper
    self.firstEntries = firstEntries
    self.secondEntries = secondEntries
    self.firstEnds = first
    self.secondEnds = second
    self.dual = dual
    self.spaceColumn = Int(stepper.classes[0x20])
  }

  mutating func run(_ line: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>) -> (
    first: Int, second: Int
  ) {
    let count = line.count
    // Lines without a possible combining mark (lead byte 0xCC or 0xCD) skip the look-ahead.
    let mayHaveMarks = memchr(base, 0xCC, count) != nil || memchr(base, 0xCD, count) != nil
    let asciiColumns = stepper.asciiColumns
    var index = 0
    while index < count {
      if merged {
        index =
          mayHaveMarks
          ? mergedASCIIRun(base, from: index, count, checkingMarks: true)
          : mergedASCIIRun(base, from: index, count, checkingMarks: false)
        if index == count { break }
      }
      let column = Int(asciiColumns[Int(base[index])])
      // ASCII not followed by a possible combining mark: the same in both views.
      if column != Int(ByteAutomaton.notASCII),
        !mayHaveMarks || index &+ 1 == count || base[index &+ 1] & 0xFE != 0xCC
      {
        index &+= 1
        if column == Int(ByteAutomaton.asciiSpace) {
          first.space()
          if !merged {
            second.space()
            mergeIfAligned()
          }
        } else if merged {
          emitMerged(column)
        } else {
          emitFirst(column)
          emitSecond(column)
          mergeIfAligned()
        }
        continue
      }
      var scalar: UInt32
      (scalar, index) = UTF8Scalars.decode(line, at: index)
      // Compose a following combining mark (U+0300–U+036F) into the base when a precomposed
      // form exists, so NFD and NFC text fold alike.
      while index + 1 < count, base[index] & 0xFE == 0xCC {
        let (mark, next) = UTF8Scalars.decode(line, at: index)
        guard (0x300...0x36F).contains(mark),
          let composed = FoldTable.compositions[UInt64(scalar) << 32 | UInt64(mark)]
        else { break }
        scalar = composed
        index = next
      }
      if scalar < FoldTable.limit {
        let firstEntry = firstEntries[Int(scalar)]
        let secondEntry = secondEntries[Int(scalar)]
        if merged, firstEntry == secondEntry {
          applyMerged(firstEntry)
        } else {
          split()
          applyFirst(firstEntry)
          applySecond(secondEntry)
          mergeIfAligned()
        }
      } else if scalar == Whitespace.byteOrderMark {
        continue
      } else if Whitespace.isSpace(scalar) {
        first.space()
        if !merged {
          second.space()
          mergeIfAligned()
        }
      } else {
        // A scalar past the table, folded as it is in both views.
        if merged {
          UTF8Scalars.encode(scalar) { emitMerged(Int(stepper.classes[Int($0)])) }
        } else {
          UTF8Scalars.encode(scalar) { emitFirst(Int(stepper.classes[Int($0)])) }
          UTF8Scalars.encode(scalar) { emitSecond(Int(stepper.classes[Int($0)])) }
          mergeIfAligned()
        }
      }
    }
    return merged
      ? (first.position, first.position &+ delta) : (first.position, second.position)
  }

  /// Walks both views over the ASCII bytes from `start` on, while the views are merged, and
  /// returns the index of the first byte that needs the scalar path (not ASCII, or followed by a
  /// possible combining mark when `checkingMarks`), or `count`.
  ///
  /// The walk's state lives in local variables here (in registers), not in `self`.
  @inline(__always)
  private mutating func mergedASCIIRun(
    _ base: UnsafePointer<UInt8>, from start: Int, _ count: Int, checkingMarks: Bool
  ) -> Int {
    let stepper = self.stepper
    let columns = stepper.asciiColumns
    let table = stepper.table
    let denseLimit = stepper.denseLimit
    let spaceColumn = self.spaceColumn
    let dual = self.dual
    let delta = self.delta
    var code = first.code
    var position = first.position
    var pending = first.pendingSpace
    var ends = firstEnds
    var secondEnds = self.secondEnds
    var index = start
    while index < count {
      let column = Int(columns[Int(base[index])])
      if column < 0 {
        guard column == Int(ByteAutomaton.asciiSpace) else { break }
        // A space is pending once something was folded (so both ends are trimmed).
        pending = position > 0
        index &+= 1
        continue
      }
      if checkingMarks, index &+ 1 < count, base[index &+ 1] & 0xFE == 0xCC { break }
      index &+= 1
      if pending {
        pending = false
        Self.stepMerged(
          spaceColumn, table, denseLimit, stepper, &code, &position, &ends, &secondEnds, dual,
          delta)
      }
      Self.stepMerged(
        column, table, denseLimit, stepper, &code, &position, &ends, &secondEnds, dual, delta)
    }
    first.code = code
    first.position = position
    first.pendingSpace = pending
    firstEnds = ends
    self.secondEnds = secondEnds
    return index
  }

  /// One step of the merged walk, on local state.
  @inline(__always)
  private static func stepMerged(
    _ column: Int, _ table: UnsafeBufferPointer<Int32>, _ denseLimit: Int,
    _ stepper: ByteAutomaton.Stepper, _ code: inout Int, _ position: inout Int,
    _ ends: inout KeyEndList, _ secondEnds: inout KeyEndList, _ dual: Bool, _ delta: Int
  ) {
    let next = code < denseLimit ? table[code &+ column] : stepper.next(from: code, column)
    position &+= 1
    if next < 0 {
      code = Int(~next)
      ends.append(~next, position)
      if dual { secondEnds.append(~next, position &+ delta) }
    } else {
      code = Int(next)
    }
  }

  /// Lets the views walk apart from here.
  @inline(__always)
  private mutating func split() {
    guard merged else { return }
    second = first
    second.position = first.position &+ delta
    merged = false
  }

  /// Walks the views together again once nothing tells them apart.
  @inline(__always)
  private mutating func mergeIfAligned() {
    if first.code == second.code, first.pendingSpace == second.pendingSpace,
      (first.position > 0) == (second.position > 0)
    {
      merged = true
      delta = second.position &- first.position
    }
  }

  /// One folded byte (of class `column`) for both views, after the pending space if any.
  @inline(__always)
  private mutating func emitMerged(_ column: Int) {
    if first.pendingSpace {
      first.pendingSpace = false
      stepMerged(spaceColumn)
    }
    stepMerged(column)
  }

  @inline(__always)
  private mutating func stepMerged(_ column: Int) {
    let next = stepper.next(from: first.code, column)
    first.position &+= 1
    if next < 0 {
      let code = ~next
      first.code = Int(code)
      firstEnds.append(code, first.position)
      if dual { secondEnds.append(code, first.position &+ delta) }
    } else {
      first.code = Int(next)
    }
  }

  @inline(__always)
  private mutating func emitFirst(_ column: Int) {
    if first.pendingSpace {
      first.pendingSpace = false
      Self.step(&first, spaceColumn, stepper, &firstEnds)
    }
    Self.step(&first, column, stepper, &firstEnds)
  }

  @inline(__always)
  private mutating func emitSecond(_ column: Int) {
    if second.pendingSpace {
      second.pendingSpace = false
      Self.step(&second, spaceColumn, stepper, &secondEnds)
    }
    Self.step(&second, column, stepper, &secondEnds)
  }

  @inline(__always)
  private static func step(
    _ track: inout Track, _ column: Int, _ stepper: ByteAutomaton.Stepper,
    _ ends: inout KeyEndList
  ) {
    let next = stepper.next(from: track.code, column)
    track.position &+= 1
    if next < 0 {
      let code = ~next
      track.code = Int(code)
      ends.append(code, track.position)
    } else {
      track.code = Int(next)
    }
  }

  /// A fold-table entry (white space, nothing, or up to 7 folded bytes) for both views.
  @inline(__always)
  private mutating func applyMerged(_ entry: UInt64) {
    var entry = entry
    let length = entry & 0xFF
    if length == FoldTable.spaceCode {
      first.space()
      return
    }
    for _ in 0..<length {
      entry >>= 8
      emitMerged(Int(stepper.classes[Int(entry & 0xFF)]))
    }
  }

  @inline(__always)
  private mutating func applyFirst(_ entry: UInt64) {
    var entry = entry
    let length = entry & 0xFF
    if length == FoldTable.spaceCode {
      first.space()
      return
    }
    for _ in 0..<length {
      entry >>= 8
      emitFirst(Int(stepper.classes[Int(entry & 0xFF)]))
    }
  }

  @inline(__always)
  private mutating func applySecond(_ entry: UInt64) {
    var entry = entry
    let length = entry & 0xFF
    if length == FoldTable.spaceCode {
      second.space()
      return
    }
    for _ in 0..<length {
      entry >>= 8
      emitSecond(Int(stepper.classes[Int(entry & 0xFF)]))
    }
  }
}
