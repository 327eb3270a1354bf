import Foundation
import Synchronization
import Testing

@testable import TamisCLI

/// The reader-workers-writer pipeline of JSON Lines and sectioned input writes every batch in
/// input order whatever the number of jobs, holds a bounded number of batches, and stops
/// cleanly when reading or writing fails in the middle.
@Suite struct OrderedPipelineTests {
  struct Stop: Error, Equatable {}

  /// Cleaning that takes longer for some batches, so workers finish out of order.
  static let clean: @Sendable (Int) -> Int = { batch in
    if batch % 3 == 0 { usleep(2_000) }
    return batch * 10
  }

  @Test(arguments: [1, 2, 4])
  func batchesAreWrittenInInputOrder(jobs: Int) throws {
    var next = 0
    var written: [Int] = []
    try OrderedPipeline<Int, Int>(jobs: jobs).run(
      read: { (_) throws(Stop) -> OrderedPipeline<Int, Int>.Step? in
        guard next < 200 else { return nil }
        next += 1
        return .batch(next - 1)
      },
      clean: Self.clean,
      write: { (batch, output) throws(Stop) in
        #expect(output == batch * 10)
        written.append(batch)
      })
    #expect(written == Array(0..<200))
  }

  @Test(arguments: [1, 2, 3])
  func batchesInFlightAndWorkersAtOnceAreBounded(jobs: Int) throws {
    let pipeline = OrderedPipeline<Int, Int>(jobs: jobs)
    var read = 0
    var written = 0
    var mostInFlight = 0
    let busy = Mutex((now: 0, most: 0))
    try pipeline.run(
      read: { (_) throws(Stop) -> OrderedPipeline<Int, Int>.Step? in
        guard read < 100 else { return nil }
        read += 1
        mostInFlight = max(mostInFlight, read - written)
        return .batch(read)
      },
      clean: { batch in
        busy.withLock {
          $0.now += 1; $0.most = max($0.most, $0.now)
        }
        usleep(500)
        busy.withLock { $0.now -= 1 }
        return batch
      },
      write: { (_, _) throws(Stop) in written += 1 })
    #expect(written == 100)
    #expect(mostInFlight <= pipeline.inFlight)
    #expect(busy.withLock { $0.most } <= jobs)
  }

  /// A read error in the middle: what came before it is written, in order, and the error is
  /// the one thrown.
  @Test(arguments: [1, 2, 4])
  func aReadErrorStopsAfterTheBatchesBeforeIt(jobs: Int) {
    var next = 0
    var written: [Int] = []
    #expect(throws: Stop()) {
      try OrderedPipeline<Int, Int>(jobs: jobs).run(
        read: { (_) throws(Stop) -> OrderedPipeline<Int, Int>.Step? in
          guard next < 37 else { throw Stop() }
          next += 1
          return .batch(next - 1)
        },
        clean: Self.clean,
        write: { (batch, _) throws(Stop) in written.append(batch) })
    }
    // Batches still in flight when the read fails are not written.
    #expect(written == Array(0..<written.count))
    #expect(written.count <= 37)
  }

  /// A write error (a closed pipe): nothing is written after it, and reading stops within the
  /// batches in flight.
  @Test(arguments: [1, 2, 4])
  func aWriteErrorStopsTheRun(jobs: Int) {
    let pipeline = OrderedPipeline<Int, Int>(jobs: jobs)
    var next = 0
    var written: [Int] = []
    #expect(throws: Stop()) {
      try pipeline.run(
        read: { (_) throws(Stop) -> OrderedPipeline<Int, Int>.Step? in
          next += 1
          return .batch(next - 1)
        },
        clean: Self.clean,
        write: { (batch, _) throws(Stop) in
          guard batch < 20 else { throw Stop() }
          written.append(batch)
        })
    }
    #expect(written == Array(0..<20))
    #expect(next <= 21 + pipeline.inFlight)
  }

  /// `.flush` (the input waits): every batch read so far is written before the next read,
  /// which then knows nothing is pending and may wait.
  @Test(arguments: [1, 2, 4])
  func aFlushWritesEverythingBeforeTheNextRead(jobs: Int) throws {
    var next = 0
    var written: [Int] = []
    var flushedAt: [Int] = []
    var pendingAfterFlush: [Bool] = []
    var justFlushed = false
    try OrderedPipeline<Int, Int>(jobs: jobs).run(
      read: { (pending) throws(Stop) -> OrderedPipeline<Int, Int>.Step? in
        if justFlushed {
          pendingAfterFlush.append(pending)
          justFlushed = false
        }
        if pending, next % 5 == 0, flushedAt.last != next {
          flushedAt.append(next)
          justFlushed = true
          #expect(written.count < next)
          return .flush
        }
        guard next < 30 else { return nil }
        next += 1
        return .batch(next - 1)
      },
      clean: Self.clean,
      write: { (batch, _) throws(Stop) in written.append(batch) })
    #expect(written == Array(0..<30))
    #expect(pendingAfterFlush.allSatisfy { !$0 })
  }
  /// A batch that counts how many of its kind are alive.
  final class Counted: Sendable {
    let counter: Counter
    init(_ counter: Counter) {
      self.counter = counter
      counter.state.withLock {
        $0.now += 1
        $0.most = max($0.most, $0.now)
      }
    }
    deinit { counter.state.withLock { $0.now -= 1 } }
  }

  final class Counter: Sendable {
    let state = Mutex((now: 0, most: 0))
  }

  /// Written batches are let go at once: memory holds at most the batches in flight.
  @Test(arguments: [1, 2, 3])
  func writtenBatchesAreNotKept(jobs: Int) throws {
    let pipeline = OrderedPipeline<Counted, Int>(jobs: jobs)
    let counter = Counter()
    var read = 0
    try pipeline.run(
      read: { (_) throws(Stop) -> OrderedPipeline<Counted, Int>.Step? in
        guard read < 100 else { return nil }
        read += 1
        return .batch(Counted(counter))
      },
      clean: { _ in 0 },
      write: { (_, _) throws(Stop) in })
    #expect(counter.state.withLock { $0.most } <= pipeline.inFlight + 1)
  }
}
