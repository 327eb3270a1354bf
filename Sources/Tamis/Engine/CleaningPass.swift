/// One step of cleaning a document: it reads the document and the decisions of the passes
/// before it, and records its own in the state.
///
/// A new kind of decision (structure, learned repeats) is a new pass: a new file and one entry in
/// `CleaningPasses.standard`.
protocol CleaningPass: Sendable {
  /// Adds this pass's decisions to `state`.
  func apply(to state: inout CleaningState)
}

/// The passes of a cleaning run, in order.
enum CleaningPasses {
  /// Scan the lines, select the packs and the kept lines, find the learned lines, find the body
  /// core, resolve the zones, then each line, then remove the learned lines left in the body.
  static let standard: [any CleaningPass] = [
    ScanPass(), PackSelectionPass(), LearnedMatchPass(), BodyCorePass(), ZonePass(), LinePass(),
    LearnedLinePass(),
  ]
}
