/// Finds the lines of the document that are learned lines of its site (`LearnedLines`): one hash
/// and one lookup per line. A line a `keep` protects is not one.
///
/// Runs before `BodyCorePass`, which treats a learned line as a per-line rule's line: not a
/// candidate of the core, so that a promo under the article does not draw the core over itself.
struct LearnedMatchPass: CleaningPass {
  func apply(to state: inout CleaningState) {
    guard let site = state.learned, !site.entries.isEmpty else { return }
    let document = state.document
    var matches = [LearnedLines.Entry?](repeating: nil, count: document.lineCount)
    var hasher = LearnedLineHash()
    var found = false
    for line in 0..<document.lineCount where !document.isBlank(line) {
      if !state.keepLevel.isEmpty, state.keepLevel[line] >= 0 { continue }
      guard let key = hasher.key(document.content(line)), let entry = site.entries[key.hash]
      else { continue }
      matches[line] = entry
      found = true
    }
    if found { state.learnedMatch = matches }
  }
}
