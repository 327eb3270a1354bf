/// Which rules decided some line of a text: the rules that removed, captioned, captured or cut
/// something, as the engine resolved them (a rule that matched but lost to another is not one).
enum FiredRules {
  /// The locations of the action lines of every rule that fired on `text`.
  ///
  /// - Parameters:
  ///   - text: the dump.
  ///   - cleaner: the compiled rules.
  ///   - options: the options the engine runs with.
  /// - Returns: one location per rule that fired (`Rule.location`).
  static func locations(in text: String, cleaner: Cleaner, options: CleaningOptions)
    -> Set<SourceLocation>
  {
    var text = text
    return text.withUTF8 { bytes in
      var run = CleaningRun(compiled: cleaner.compiled, bytes: bytes, options: options)
      run.decideFates()
      var fired: Set<Int> = []
      for (line, fate) in run.fates.enumerated() {
        switch fate {
        case .blank, .captionText: break
        case .body: fired.formUnion(run.strips[line].map(\.rule))
        case .caption(let rule, _), .meta(let rule, _), .removed(let rule),
          .credit(let rule, _, _):
          fired.insert(rule)
        }
      }
      return Set(fired.map { cleaner.compiled.rules[$0].rule.location })
    }
  }
}
