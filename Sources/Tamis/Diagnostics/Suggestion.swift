/// Finds the known name closest to a misspelt one, for "did you mean" messages.
public enum Suggestion {

  /// The candidate nearest to `word`, when it is within `Settings.suggestionDistance` edits.
  ///
  /// - Parameters:
  ///   - word: what the user wrote.
  ///   - candidates: the names that exist.
  /// - Returns: the nearest candidate (the first one on ties), or nil when none is close.
  public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(word, candidate)
      if distance <= Settings.suggestionDistance, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// The Levenshtein distance between two strings, counted in Characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
