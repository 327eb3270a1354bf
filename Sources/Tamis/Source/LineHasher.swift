/// 64-bit FNV-1a over bytes, with a final avalanche step so that the low bits (used as table
/// slots) depend on every byte: deterministic across runs and processes, unlike `Hasher`, so two
/// passes over a corpus, or two processes, agree on a line's hash.
struct LineHasher {
  private(set) var state: UInt64

  /// Starts a hash; `seed` is mixed into the offset basis (a length, say).
  init(seed: UInt64 = 0) { state = 0xcbf2_9ce4_8422_2325 ^ seed }

  /// Adds one byte.
  @inline(__always) mutating func add(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// The hash of the bytes added, after the avalanche step.
  var finalised: UInt64 {
    var hash = state
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
  }
}
