/// Cleans dumps with a compiled rule set: the library's main entry point.
///
/// ```swift
/// let cleaner = Cleaner(rules: try RuleSet.builtin())
/// let article = cleaner.clean(text, source: "dump/0042.txt")
/// ```
/// A `Cleaner` is immutable and `Sendable`: compile it once and share it between threads.
public struct Cleaner: Sendable {
  /// The compiled rules.
  public let compiled: CompiledRuleSet

  /// Compiles `rules` once for every later `clean` call.
  public init(rules: RuleSet) {
    self.compiled = CompiledRuleSet(rules)
  }

  /// Cleans one dump given as a string.
  ///
  /// Never throws: messy text is normal input.
  /// - Parameters:
  ///   - text: the dump.
  ///   - source: a name for the dump, carried into the result.
  ///   - options: what is known of the dump (site, language).
  /// - Returns: body, captions, meta and every removal.
  public func clean(_ text: String, source: String = "<string>", options: CleaningOptions = .init())
    -> CleanedArticle
  {
    var text = text
    return text.withUTF8 { clean(bytes: $0, source: source, options: options) }
  }

  /// Cleans one dump given as UTF-8 bytes. Invalid UTF-8 is matched as U+FFFD and rendered
  /// as U+FFFD in the result's strings.
  public func clean(
    bytes: UnsafeBufferPointer<UInt8>, source: String = "<bytes>",
    options: CleaningOptions = .init()
  ) -> CleanedArticle {
    var run = CleaningRun(compiled: compiled, bytes: bytes, options: options)
    run.decideFates()
    return run.assemble(source: source)
  }
}
