import Dispatch
import Synchronization
import Tamis

/// Cleans a stream of batches on `jobs` worker threads while the calling thread reads the next
/// batches and writes finished ones in input order, so reading, cleaning and writing overlap
/// and both cores stay busy.
///
/// Memory is bounded: at most `inFlight` batches are read and not yet written. The calling
/// thread reads until that many are in flight, then writes the oldest once it is done. With one
/// job everything runs on the calling thread, batch by batch, as before.
struct OrderedPipeline<Batch: Sendable, Output: Sendable> {
  /// The most worker threads cleaning at once.
  let jobs: Int
  /// The most batches read and not yet written.
  let inFlight: Int

  init(jobs: Int, inFlight: Int? = nil) {
    self.jobs = max(1, jobs)
    self.inFlight = max(1, inFlight ?? self.jobs * Settings.pipelineBatchesPerJob)
  }

  /// What `read` returns.
  enum Step {
    /// The next batch.
    case batch(Batch)
    /// Write every batch read so far before reading again: the input waits, and a co-process
    /// waits for its answers. Only returned while batches are pending.
    case flush
  }

  /// Runs the pipeline until `read` returns nil or `read` or `write` throws; batches already
  /// handed to workers are waited for (not written) before an error is rethrown.
  /// - Parameters:
  ///   - read: the next batch, nil at the end; called on the calling thread, in order, with
  ///     whether batches are pending (read and not yet written).
  ///   - clean: the work on one batch; called on worker threads, any order.
  ///   - write: the output of each batch; called on the calling thread, in input order.
  func run<Failure: Error>(
    read: (_ pending: Bool) throws(Failure) -> Step?,
    clean: @escaping @Sendable (Batch) -> Output,
    write: (Batch, Output) throws(Failure) -> Void
  ) throws(Failure) {
    guard jobs > 1 else {
      while let step = try read(false) {
        if case .batch(let batch) = step { try write(batch, clean(batch)) }
      }
      return
    }
    let queue = DispatchQueue(
      label: "tamis.pipeline", qos: .userInitiated, attributes: .concurrent)
    let workers = DispatchSemaphore(value: jobs)
    // Read and not yet written, oldest first; written batches leave at once, so memory holds
    // at most `inFlight` batches.
    var pending: [(batch: Batch, slot: Slot<Output>)] = []
    // Every batch handed to a worker is waited for, even when reading or writing fails, so no
    // worker outlives the call.
    defer { for entry in pending { _ = entry.slot.wait() } }
    var ended = false
    while !ended || !pending.isEmpty {
      var mustFlush = false
      while !ended, pending.count < inFlight, !mustFlush {
        guard let step = try read(!pending.isEmpty) else {
          ended = true
          break
        }
        guard case .batch(let batch) = step else {
          mustFlush = true
          break
        }
        let slot = Slot<Output>()
        let handoff = Handoff(batch)
        queue.async {
          // At most `jobs` batches are cleaned at once; the others wait their turn here.
          workers.wait()
          let output: Output
          // The worker lets go of its batch before handing the output over: a worker thread
          // that is slow to drop its closure must not keep a written batch alive.
          do { output = clean(handoff.take()) }
          slot.fill(output)
          workers.signal()
        }
        pending.append((batch, slot))
      }
      // Write the oldest; when the input waits, all of them.
      repeat {
        guard let entry = pending.first else { break }
        let output = entry.slot.wait()
        pending.removeFirst()
        try write(entry.batch, output)
      } while mustFlush
    }
  }
}

/// One batch on its way to a worker, which takes it out: once written, the batch is freed with
/// the writer's copy, however long the worker's closure lives on.
private final class Handoff<Batch: Sendable>: Sendable {
  private let batch: Mutex<Batch?>

  init(_ batch: Batch) { self.batch = Mutex(batch) }

  /// The batch; taken once, by its worker.
  func take() -> Batch {
    let taken = batch.withLock { batch in
      defer { batch = nil }
      return batch
    }
    guard let taken else { preconditionFailure("a batch is taken once, by its worker") }
    return taken
  }
}

/// One batch's output, filled by a worker and taken by the writer.
private final class Slot<Output: Sendable>: @unchecked Sendable {
  // Written once by a worker before `done` is signalled, read only after `wait`.
  private var output: [Output] = []
  private let done = DispatchSemaphore(value: 0)

  func fill(_ value: Output) {
    output = [value]
    done.signal()
  }

  /// Waits until the output is there; may be called more than once.
  func wait() -> Output {
    done.wait()
    done.signal()
    return output[0]
  }
}
