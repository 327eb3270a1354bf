import Synchronization
import Tamis

/// The `detect:` patterns of the run's site packs, which name the site of a document that has
/// none in `--learn`'s first pass (`CompiledRuleSet.detectedSite(in:)`).
///
/// The rules are loaded and their detectors compiled when the first document without a site
/// needs them, once, whatever the thread: a crawl whose documents all have a site (URL fields,
/// folders) does not load the rules a second time. A rule set that does not load detects
/// nothing here; the cleaning pass reports its errors.
final class LearningDetection: Sendable {
  private let invocation: Invocation
  /// Nil until loaded; then the detectors, or nil when no site pack has one.
  private let loaded = Mutex<CompiledRuleSet??>(nil)

  /// Creates the detection of the rules `invocation` names, not loaded yet.
  init(invocation: Invocation) {
    self.invocation = invocation
  }

  /// The site a site pack's `detect:` recognises in `bytes`, if any.
  func site(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    detector(loading: true)?.detectedSite(in: bytes)
  }

  /// The detectors if some document needed them and some site pack has one, else nil: what
  /// the cleaning pass's recorder uses, on the same documents.
  var neededDetector: CompiledRuleSet? { detector(loading: false) }

  private func detector(loading: Bool) -> CompiledRuleSet? {
    loaded.withLock { loaded in
      if let loaded { return loaded }
      guard loading else { return nil }
      var detector: CompiledRuleSet?
      let rules = RuleLoader.load(
        defaults: invocation.useDefaultRules, paths: invocation.addedRulePaths)
      if case .success(let rules) = rules {
        let compiled = CompiledRuleSet(detectorsOf: rules)
        detector = compiled.hasDetectors ? compiled : nil
      }
      loaded = .some(detector)
      return detector
    }
  }
}
