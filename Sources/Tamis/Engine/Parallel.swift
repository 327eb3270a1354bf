internal import Dispatch
internal import Synchronization

/// Runs independent work on several threads and returns the results in input order, so output
/// is byte-identical whatever the number of jobs.
public enum Parallel {
  /// `items.map(transform)`, computed by at most `jobs` threads at once.
  /// - Parameters:
  ///   - items: the inputs.
  ///   - jobs: the most threads used (1: the calling thread alone).
  ///   - transform: a function without side effects on shared state.
  /// - Returns: the outputs, in the order of `items`.
  public static func map<Item: Sendable, Output: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Output
  ) -> [Output] {
    guard jobs > 1, items.count > 1 else { return items.map(transform) }
    let next = Atomic<Int>(0)
    let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    // Each slot is written by exactly one worker, and read only after all workers are done.
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < items.count else { return }
        slots[index] = transform(items[index])
      }
    }
    // Every index below items.count was claimed by a worker, so no slot is nil.
    return results.compactMap { $0 }
  }
}
