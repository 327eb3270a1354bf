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
    return withStepper { stepper in
      firstTable.entries.withUnsafeBufferPointer { firstEntries in
        (secondTable ?? firstTable).entries.withUnsafeBufferPointer { secondEntries in
          let walk = FoldedWalk(
            stepper: stepper, firstEntries: firstEntries, secondEntries: secondEntries,
            dual: secondTable != nil)
          return walk.run(line, base, &first, &second)
        }
      }
    }
  }
}

/// Where the walks of the two views stand: automaton state (a code), folded bytes so far, and
/// a space seen since the last folded byte (written only before the next one, so both ends are
/// trimmed). While `merged`, the views stand in the same state with the same pending space, and
/// only `code0` and `pending0` are kept up to date.
private struct WalkState {
  var code0 = 0
  var code1 = 0
  var position0 = 0
  var position1 = 0
  var pending0 = false
  var pending1 = false
  var merged = true

  /// Lets the views walk apart from here.
  @inline(__always)
  mutating func split() {
    guard merged else { return }
    code1 = code0
    pending1 = pending0
    merged = false
  }

  /// Walks the views together again once nothing tells them apart.
  @inline(__always)
  mutating func mergeIfAligned() {
    if code0 == code1, pending0 == pending1, (position0 > 0) == (position1 > 0) {
      merged = true
    }
  }

  /// White space in both views.
  @inline(__always)
  mutating func space() {
    if position0 > 0 { pending0 = true }
    if !merged {
      if position1 > 0 { pending1 = true }
      mergeIfAligned()
    }
  }
}

/// The walk of `ByteAutomaton.walkFolded`: the tables it reads.
private struct FoldedWalk {
  let stepper: ByteAutomaton.Stepper
  let firstEntries: UnsafeBufferPointer<UInt64>
  let secondEntries: UnsafeBufferPointer<UInt64>
  /// Whether there is a second view.
  let dual: Bool

  /// Walks `line`.
  ///
  /// ASCII bytes (nearly all) are walked in this loop, whose state lives in local variables
  /// (in registers); other scalars go through `scalar`.
  @inline(__always)
  func run(
    _ line: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ ends0: inout KeyEndList,
    _ ends1: inout KeyEndList
  ) -> (first: Int, second: Int) {
    let count = line.count
    // An ASCII byte followed by a possible combining mark (lead byte 0xCC or 0xCD) may compose
    // with it, so it takes the scalar path: the tight loop below stops before the byte ahead of
    // the next such lead byte (`markAt`; `count` when there is none left).
    let checkingMarks =
      memchr(base, 0xCC, count) != nil || memchr(base, 0xCD, count) != nil
    var markAt = checkingMarks ? Self.nextMark(base, from: 0, count) : count
    let columns = stepper.asciiColumns
    let table = stepper.table
    let denseLimit = stepper.denseLimit
    let spaceColumn = Int(stepper.classes[0x20])
    let dual = self.dual
    // The walk's state, in local variables that only the rare calls of `scalar` take the
    // address of (through a `WalkState` copy), so that they stay in registers.
    var code0 = 0
    var code1 = 0
    var position0 = 0
    var position1 = 0
    var pending0 = false
    var pending1 = false
    var merged = true
    var first = ends0
    var second = ends1
    var index = 0
    while index < count {
      let column = Int(columns[Int(base[index])])
      if column == Int(ByteAutomaton.asciiSpace) {
        // A space folds alike whatever follows it.
        index &+= 1
        if position0 > 0 { pending0 = true }
        if !merged {
          if position1 > 0 { pending1 = true }
          merged = code0 == code1 && pending0 == pending1 && (position0 > 0) == (position1 > 0)
        }
        continue
      }
      if column < 0 {
        // A scalar of the table not followed by a possible combining mark: looked up here.
        let (scalar, after) = UTF8Scalars.decode(line, at: index)
        if scalar < FoldTable.limit, after == count || base[after] & 0xFE != 0xCC {
          index = after
          let entry0 = firstEntries[Int(scalar)]
          let entry1 = secondEntries[Int(scalar)]
          if merged, entry0 == entry1 {
            Self.applyBoth(
              entry0, table, denseLimit, spaceColumn, stepper, &code0, &position0, &position1,
              &pending0, &first, &second, dual)
          } else {
            if merged {
              code1 = code0
              pending1 = pending0
            }
            Self.apply(
              entry0, table, denseLimit, spaceColumn, stepper, &code0, &position0, &pending0,
              &first)
            Self.apply(
              entry1, table, denseLimit, spaceColumn, stepper, &code1, &position1, &pending1,
              &second)
            merged = code0 == code1 && pending0 == pending1 && (position0 > 0) == (position1 > 0)
          }
          continue
        }
      }
      if column < 0 || (checkingMarks && index &+ 1 < count && base[index &+ 1] & 0xFE == 0xCC) {
        var state = WalkState(
          code0: code0, code1: code1, position0: position0, position1: position1,
          pending0: pending0, pending1: pending1, merged: merged)
        index = scalar(line, at: index, &state, &first, &second)
        code0 = state.code0
        code1 = state.code1
        position0 = state.position0
        position1 = state.position1
        pending0 = state.pending0
        pending1 = state.pending1
        merged = state.merged
        continue
      }
      if merged {
        if pending0 {
          pending0 = false
          Self.stepBoth(
            spaceColumn, table, denseLimit, stepper, &code0, &position0, &position1, &first,
            &second, dual)
        }
        // The run of ASCII bytes from here, in the tightest loop: it stops at a byte that is
        // not plain ASCII (a single space between two ASCII bytes is walked here).
        // A single white-space byte between two such bytes folds to one space, so the folded
        // position still moves one for one with the input here.
        if markAt <= index { markAt = Self.nextMark(base, from: index &+ 1, count) }
        let stop = markAt == count ? count : markAt &- 1
        // `position0 - index` (and the same for view 1): positions move one for one here.
        let offset0 = position0 &- index
        let offset1 = position1 &- index
        let (next, code) = asciiRun(
          base, from: index, column, stop: stop, code0, offset0, offset1, &first, &second)
        position0 = next &+ offset0
        position1 = next &+ offset1
        code0 = code
        index = next
      } else {
        index &+= 1
        if pending0 {
          pending0 = false
          Self.step(spaceColumn, table, denseLimit, stepper, &code0, &position0, &first)
        }
        Self.step(column, table, denseLimit, stepper, &code0, &position0, &first)
        if pending1 {
          pending1 = false
          Self.step(spaceColumn, table, denseLimit, stepper, &code1, &position1, &second)
        }
        Self.step(column, table, denseLimit, stepper, &code1, &position1, &second)
        merged = code0 == code1
      }
    }
    ends0 = first
    ends1 = second
    return (position0, position1)
  }

  /// Walks the merged views over the run of ASCII bytes from `start` (whose column is `column`)
  /// up to `stop`, single spaces between ASCII bytes included, from the state `code`; records
  /// key ends at input index + `offset0` (and + `offset1` for the second view). Returns the
  /// index where the run ends and the state there.
  ///
  /// Out of line, so that the loop holds only its own few values in registers. The inner loop
  /// is the walk from dense state to dense state that ends no key, nearly every byte: one
  /// unsigned compare of the target against `denseLimit` tells both a key end (a negative code)
  /// and a sparse target apart, so it tests one branch a byte for the step.
  @inline(never)
  private func asciiRun(
    _ base: UnsafePointer<UInt8>, from start: Int, _ column: Int, stop: Int, _ code: Int,
    _ offset0: Int, _ offset1: Int, _ first: inout KeyEndList, _ second: inout KeyEndList
  ) -> (next: Int, code: Int) {
    let columns = stepper.asciiColumns
    let table = stepper.table
    let denseLimit = stepper.denseLimit
    let spaceColumn = Int(stepper.classes[0x20])
    var code = code
    var next = start
    var nextColumn = column
    while true {
      if code < denseLimit {
        // From a dense state: the tight loop, counting down the bytes left before `stop`.
        var left = stop &- next
        while true {
          let target = Int(table[code &+ nextColumn])
          next &+= 1
          left &-= 1
          code = target
          if UInt(bitPattern: target) >= UInt(bitPattern: denseLimit) { break }
          if left <= 0 { return (next, code) }
          nextColumn = Self.runColumn(base, next, stop, columns, spaceColumn)
          if nextColumn < 0 { return (next, code) }
        }
      } else {
        // From a sparse state.
        code = Int(stepper.next(from: code, nextColumn))
        next &+= 1
      }
      if code < 0 {
        code = ~code
        first.append(Int32(code), next &+ offset0)
        if dual { second.append(Int32(code), next &+ offset1) }
      }
      if next >= stop { return (next, code) }
      nextColumn = Self.runColumn(base, next, stop, columns, spaceColumn)
      if nextColumn < 0 { return (next, code) }
    }
  }

  /// The column of the byte at `index` inside an ASCII run that ends at `stop` (a single space
  /// followed by an ASCII byte that is not white space counts as a space), or -1 where the run
  /// ends at `index`.
  @inline(__always)
  private static func runColumn(
    _ base: UnsafePointer<UInt8>, _ index: Int, _ stop: Int, _ columns: UnsafeBufferPointer<Int16>,
    _ spaceColumn: Int
  ) -> Int {
    let column = Int(columns[Int(base[index])])
    if column >= 0 { return column }
    guard column == Int(ByteAutomaton.asciiSpace), index &+ 1 < stop,
      columns[Int(base[index &+ 1])] >= 0
    else { return -1 }
    return spaceColumn
  }

  /// The index of the first byte from `start` on that may lead a combining mark, or `count`.
  private static func nextMark(_ base: UnsafePointer<UInt8>, from start: Int, _ count: Int) -> Int {
    var index = start
    while index < count, base[index] & 0xFE != 0xCC { index &+= 1 }
    return index
  }

  /// A fold-table entry (white space, nothing, or up to 7 folded bytes) for one view.
  @inline(__always)
  private static func apply(
    _ entry: UInt64, _ table: UnsafeBufferPointer<Int32>, _ denseLimit: Int, _ spaceColumn: Int,
    _ stepper: ByteAutomaton.Stepper, _ code: inout Int, _ position: inout Int,
    _ pending: inout Bool, _ ends: inout KeyEndList
  ) {
    var entry = entry
    let length = entry & 0xFF
    if length == FoldTable.spaceCode {
      if position > 0 { pending = true }
      return
    }
    guard length > 0 else { return }
    if pending {
      pending = false
      step(spaceColumn, table, denseLimit, stepper, &code, &position, &ends)
    }
    for _ in 0..<length {
      entry >>= 8
      step(
        Int(stepper.classes[Int(entry & 0xFF)]), table, denseLimit, stepper, &code, &position, &ends
      )
    }
  }

  /// A fold-table entry for both views while they are merged.
  @inline(__always)
  private static func applyBoth(
    _ entry: UInt64, _ table: UnsafeBufferPointer<Int32>, _ denseLimit: Int, _ spaceColumn: Int,
    _ stepper: ByteAutomaton.Stepper, _ code: inout Int, _ position0: inout Int,
    _ position1: inout Int, _ pending: inout Bool, _ first: inout KeyEndList,
    _ second: inout KeyEndList, _ dual: Bool
  ) {
    var entry = entry
    let length = entry & 0xFF
    if length == FoldTable.spaceCode {
      if position0 > 0 { pending = true }
      return
    }
    guard length > 0 else { return }
    if pending {
      pending = false
      stepBoth(
        spaceColumn, table, denseLimit, stepper, &code, &position0, &position1, &first, &second,
        dual)
    }
    for _ in 0..<length {
      entry >>= 8
      stepBoth(
        Int(stepper.classes[Int(entry & 0xFF)]), table, denseLimit, stepper, &code, &position0,
        &position1, &first, &second, dual)
    }
  }

  /// One step of both views while they are merged.
  @inline(__always)
  private static func stepBoth(
    _ column: Int, _ table: UnsafeBufferPointer<Int32>, _ denseLimit: Int,
    _ stepper: ByteAutomaton.Stepper, _ code: inout Int, _ position0: inout Int,
    _ position1: inout Int, _ first: inout KeyEndList, _ second: inout KeyEndList, _ dual: Bool
  ) {
    let next = code < denseLimit ? table[code &+ column] : stepper.next(from: code, column)
    position0 &+= 1
    position1 &+= 1
    if next < 0 {
      code = Int(~next)
      first.append(~next, position0)
      if dual { second.append(~next, position1) }
    } else {
      code = Int(next)
    }
  }

  /// One step of one view.
  @inline(__always)
  private static func step(
    _ column: Int, _ table: UnsafeBufferPointer<Int32>, _ denseLimit: Int,
    _ stepper: ByteAutomaton.Stepper, _ code: inout Int, _ position: inout Int,
    _ ends: inout KeyEndList
  ) {
    let next = code < denseLimit ? table[code &+ column] : stepper.next(from: code, column)
    position &+= 1
    if next < 0 {
      code = Int(~next)
      ends.append(~next, position)
    } else {
      code = Int(next)
    }
  }

  /// Walks the scalar at `index` (not ASCII, or ASCII followed by a possible combining mark),
  /// composed with a following combining mark as `TextFolder` does; returns the next index.
  @inline(never)
  private func scalar(
    _ line: UnsafeBufferPointer<UInt8>, at start: Int,
    _ state: inout WalkState, _ first: inout KeyEndList, _ second: inout KeyEndList
  ) -> Int {
    let (scalar, index) = FoldTable.composedScalar(line, at: start)
    if scalar < FoldTable.limit {
      let firstEntry = firstEntries[Int(scalar)]
      let secondEntry = secondEntries[Int(scalar)]
      if state.merged, firstEntry == secondEntry {
        apply(firstEntry, view: nil, &state, &first, &second)
      } else {
        state.split()
        apply(firstEntry, view: 0, &state, &first, &second)
        apply(secondEntry, view: 1, &state, &first, &second)
        state.mergeIfAligned()
      }
    } else if scalar == Whitespace.byteOrderMark {
      return index
    } else if Whitespace.isSpace(scalar) {
      state.space()
    } else {
      // A scalar past the table, folded as it is in both views.
      var entry: UInt64 = 0
      var length: UInt64 = 0
      UTF8Scalars.encode(scalar) { byte in
        length += 1
        entry |= UInt64(byte) << (8 * length)
      }
      entry |= length
      if state.merged {
        apply(entry, view: nil, &state, &first, &second)
      } else {
        apply(entry, view: 0, &state, &first, &second)
        apply(entry, view: 1, &state, &first, &second)
        state.mergeIfAligned()
      }
    }
    return index
  }

  /// A fold-table entry (white space, nothing, or up to 7 folded bytes) for one view (0 or 1),
  /// or for both while they are merged (`view` nil).
  private func apply(
    _ entry: UInt64, view: Int?, _ state: inout WalkState, _ first: inout KeyEndList,
    _ second: inout KeyEndList
  ) {
    var entry = entry
    let length = entry & 0xFF
    if length == FoldTable.spaceCode {
      switch view {
      case nil: state.space()
      case 0: if state.position0 > 0 { state.pending0 = true }
      default: if state.position1 > 0 { state.pending1 = true }
      }
      return
    }
    guard length > 0 else { return }
    let table = stepper.table
    let denseLimit = stepper.denseLimit
    let spaceColumn = Int(stepper.classes[0x20])
    for index in 0..<length {
      entry >>= 8
      let column = Int(stepper.classes[Int(entry & 0xFF)])
      switch view {
      case nil:
        if index == 0, state.pending0 {
          state.pending0 = false
          Self.stepBoth(
            spaceColumn, table, denseLimit, stepper, &state.code0, &state.position0,
            &state.position1, &first, &second, dual)
        }
        Self.stepBoth(
          column, table, denseLimit, stepper, &state.code0, &state.position0, &state.position1,
          &first, &second, dual)
      case 0:
        if index == 0, state.pending0 {
          state.pending0 = false
          Self.step(spaceColumn, table, denseLimit, stepper, &state.code0, &state.position0, &first)
        }
        Self.step(column, table, denseLimit, stepper, &state.code0, &state.position0, &first)
      default:
        if index == 0, state.pending1 {
          state.pending1 = false
          Self.step(
            spaceColumn, table, denseLimit, stepper, &state.code1, &state.position1, &second)
        }
        Self.step(column, table, denseLimit, stepper, &state.code1, &state.position1, &second)
      }
    }
  }
}
