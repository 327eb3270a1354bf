/// What the passes have decided about one document so far.
///
/// Each pass reads the `Document` and the decisions of the passes before it, and adds its own;
/// `ArticleAssembly` and `MetaDecisions` turn the final state into a `CleanedArticle`.
struct CleaningState {
  /// What was decided for one line.
  enum Fate {
    case blank
    case body
    case caption(rule: RuleIndex, hit: LineHit)
    /// A lone credit whose caption text is line `textLine`.
    case credit(rule: RuleIndex, hit: LineHit, textLine: Int)
    /// A body line that became the text of the caption whose credit is on `creditLine`.
    case captionText(creditLine: Int)
    /// The winning meta rule and hit first, then the other meta hits of the line, which may
    /// fill fields the winner does not capture.
    case meta(rule: RuleIndex, hits: [LineHit])
    case removed(rule: RuleIndex)
    /// A credit line that is the article's copyright: removed, its text in `meta.copyright`.
    case copyright(rule: RuleIndex)
    /// A line learned as its site's boilerplate (`LearnedLinePass`): removed.
    case learned(LearnedLines.Entry)
  }

  /// A span of a body line that a `strip-span` rule cuts out.
  struct Strip {
    /// The compiled rule that cuts it.
    let rule: RuleIndex
    /// Byte offsets into the line's content.
    let span: Range<Int>
  }

  /// The compiled rules.
  let compiled: CompiledRuleSet
  /// The dump.
  let document: Document
  /// What the caller knows of the dump.
  let options: CleaningOptions

  // MARK: - Scan (`ScanPass`)

  /// Per pack: false when it is known before scanning not to apply (a generic pack of another
  /// language); for generic packs this is also whether they apply.
  var packMayApply: [Bool] = []
  /// Per line: the pattern hits (none for blank lines).
  var hits: [[LineHit]] = []

  // MARK: - Packs (`PackSelectionPass`)

  /// Per pack: whether it applies to this document.
  var activePacks: [Bool] = []
  /// Per line: the highest specificity of a `keep` rule that protects it (-1: none).
  var keepLevel: [Int] = []

  // MARK: - Body core (`BodyCorePass`)

  /// The body core, when the structure layer runs.
  var body: BodyCore?

  // MARK: - Zones (`ZonePass`)

  /// Per line: the zone rule that removes it, if any.
  var zoneRule: [RuleIndex?] = []
  /// Per line: it is far after the body core (`far-after-body`): past the core's last line
  /// and `Settings.bodyEdgeLines` non-blank lines no zone removes, counted again from each list
  /// entry. Empty without a core.
  var farAfter: [Bool] = []

  // MARK: - Learned lines (`LearnedMatchPass`, `LearnedLinePass`)

  /// The learned lines of the document's site, when the cleaner has some for it.
  var learned: LearnedLines.Site?
  /// Per line: the learned line it is, if any (empty when the site has no learned lines).
  var learnedMatch: [LearnedLines.Entry?] = []

  /// Whether the line is one its site repeats (`learnedMatch`): boilerplate by repetition,
  /// which the passes that find the body's edges read as absent.
  func isLearned(_ line: Int) -> Bool {
    !learnedMatch.isEmpty && learnedMatch[line] != nil
  }

  // MARK: - Lines (`LinePass`)

  /// Per line: its fate.
  var fates: [Fate] = []
  /// Per body line: the spans to strip.
  var strips: [[Strip]] = []

  /// A state with no decisions yet.
  init(compiled: CompiledRuleSet, document: Document, options: CleaningOptions) {
    self.compiled = compiled
    self.document = document
    self.options = options
  }

  /// The compiled rules that decided some line: removed, captioned, captured or cut something
  /// (a rule that matched but lost to another is not one).
  var firedRules: Set<RuleIndex> {
    var fired: Set<RuleIndex> = []
    for (line, fate) in fates.enumerated() {
      switch fate {
      case .blank, .captionText, .learned: break
      case .body: fired.formUnion(strips[line].map(\.rule))
      case .caption(let rule, _), .meta(let rule, _), .removed(let rule), .credit(let rule, _, _),
        .copyright(let rule):
        fired.insert(rule)
      }
    }
    return fired
  }
}
