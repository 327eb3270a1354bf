/// Finds a byte string in a text in linear time (Knuth–Morris–Pratt), whatever the string.
struct LiteralSearcher: Sendable, Hashable {
  /// The bytes searched for.
  let needle: [UInt8]
  private let failure: [Int]

  /// Prepares the search for `needle`.
  init(_ needle: [UInt8]) {
    self.needle = needle
    var failure = [Int](repeating: 0, count: max(needle.count, 1))
    var k = 0
    if needle.count > 1 {
      for i in 1..<needle.count {
        while k > 0, needle[i] != needle[k] { k = failure[k - 1] }
        if needle[i] == needle[k] { k += 1 }
        failure[i] = k
      }
    }
    self.failure = failure
  }

  /// The start of the first occurrence in `text[from..<limit]` for which `accept(start)` holds.
  func firstOccurrence(
    in text: UnsafeBufferPointer<UInt8>, from: Int, limit: Int,
    accept: (Int) -> Bool = { _ in true }
  ) -> Int? {
    let m = needle.count
    guard m > 0, from >= 0, limit - from >= m else { return nil }
    var k = 0
    var i = from
    while i < limit {
      while k > 0, text[i] != needle[k] { k = failure[k - 1] }
      if text[i] == needle[k] { k += 1 }
      i += 1
      if k == m {
        let start = i - m
        if accept(start) { return start }
        k = failure[k - 1]
      }
    }
    return nil
  }

  /// The start of the last occurrence in `text[from..<limit]` (one linear pass).
  func lastOccurrence(in text: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
    let m = needle.count
    guard m > 0, from >= 0, limit - from >= m else { return nil }
    var last: Int?
    var k = 0
    var i = from
    while i < limit {
      while k > 0, text[i] != needle[k] { k = failure[k - 1] }
      if text[i] == needle[k] { k += 1 }
      i += 1
      if k == m {
        last = i - m
        k = failure[k - 1]
      }
    }
    return last
  }

  /// True when `text[at..<at+count]` equals the needle.
  func occurs(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    guard start >= 0, start + needle.count <= text.count else { return false }
    for offset in 0..<needle.count where text[start + offset] != needle[offset] { return false }
    return true
  }
}
