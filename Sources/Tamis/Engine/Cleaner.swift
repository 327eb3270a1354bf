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

  /// The lines learned from a crawl (`--learn`), removed from the documents of their site.
  public let learned: LearnedLines?

  /// Compiles `rules` once for every later `clean` call.
  /// - Parameters:
  ///   - rules: the rules.
  ///   - learned: lines learned from a crawl; a document whose `CleaningOptions.site` has some
  ///     loses them (see `LearnedLines`), and so does one without a site whose text a site
  ///     pack's `detect:` recognises (`CompiledRuleSet.detectedSite(in:)`).
  public init(rules: RuleSet, learned: LearnedLines? = nil) {
    self.compiled = CompiledRuleSet(rules)
    self.learned = learned
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
    let state = decide(bytes, options: options)
    let assembly = ArticleAssembly(state)
    let terminator = state.document.terminator
    // The state is handed over, not copied: a copy retains and releases each of its arrays.
    let meta = MetaDecisions(state: consume state, assembly: assembly).fields()
    // Invalid UTF-8 shows as U+FFFD in `body`; `rawBody` keeps the input's bytes (issue 7).
    return CleanedArticle(
      source: source, bodyBytes: assembly.body, captions: assembly.captions, meta: meta,
      removals: assembly.removals, outcomes: assembly.outcomes, lineTerminator: terminator)
  }

  /// The rules that decided some line of `text` (removed, captioned, captured or cut
  /// something), in rule-set order; a rule that matched but lost to another is not one.
  func firedRules(in text: String, options: CleaningOptions) -> [Rule] {
    var text = text
    return text.withUTF8 { bytes in
      decide(bytes, options: options).firedRules.sorted().map { compiled[rule: $0].rule }
    }
  }

  /// Runs every pass of `CleaningPasses.standard` over the dump.
  private func decide(_ bytes: UnsafeBufferPointer<UInt8>, options: CleaningOptions)
    -> CleaningState
  {
    let document = Document(
      bytes: bytes, language: options.language, measuresShapes: options.structure)
    var state = CleaningState(compiled: compiled, document: document, options: options)
    if let learned {
      // As `--learn` counted it: a document without a site is its detected site's.
      let named = options.site?.isEmpty == false ? options.site : nil
      state.learned = learned.site(for: named ?? compiled.detectedSite(in: bytes))
    }
    for pass in CleaningPasses.standard { pass.apply(to: &state) }
    return state
  }
}
