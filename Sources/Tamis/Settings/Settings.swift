/// Every threshold of the library in one place, each with the reason for its value.
///
/// The bottom layer: every other layer may read it, and it names no other type. Values are
/// constants; callers that need another value take it as a parameter (and default to these).
public enum Settings {
  // MARK: - Line shapes

  /// The most words the line above a lone credit may have to become the credit's caption.
  /// Captions in the gold set run to about 35 words; a longer line is a body paragraph, and
  /// joining it would take prose out of the body.
  public static let captionWords = 40

  /// The most words a line of a `drop-run` list (a related-headlines list) may have. Headlines
  /// run to 10 to 12 words in the six languages; 14 leaves room and stops before a teaser
  /// sentence.
  public static let titleWords = 14

  /// The most words of the line `meta.title` names as the headline. Headlines, subtitle
  /// included, stay under it; a longer first line is a lead paragraph.
  public static let headlineWords = 24

  /// The fewest words of that headline line: shorter first lines are mostly bylines, section
  /// names and buttons.
  public static let headlineMinimumWords = 4

  // MARK: - Removal budget

  /// The share of a dump's words that cleaning may remove before the article is flagged
  /// `over-removal`. Boilerplate is rarely more than half of an article dump; past 60 % a rule
  /// has more likely cut into the body.
  public static let removalBudget = 0.6

  /// Dumps with fewer words than this are never flagged: a teaser and a caption legitimately
  /// lose most of their words.
  public static let removalBudgetMinimumWords = 150

  // MARK: - Language detection

  /// How many bytes of a dump language detection reads: the first paragraphs hold enough
  /// function words, and reading more would cost time on every dump.
  public static let detectionSampleBytes = 2_048

  /// The fewest stop words detection needs for an answer; fewer is a caption or a menu, where a
  /// guess would switch the wrong packs on.
  public static let detectionMinimumHits = 5

  /// The lead the best language needs over the runner-up, as a ratio (1.5 times): French and
  /// Italian, or Spanish and Portuguese, share enough words that a narrower lead is a coin toss.
  public static let detectionLead = 1.5

  // MARK: - Scanning

  /// Dumps smaller than this (in bytes) are scanned on the calling thread whatever `jobs` says:
  /// below 1 MB, starting threads costs more than it saves.
  public static let parallelScanBytes = 1 << 20

  // MARK: - Rule files

  /// The most rules a rule set may hold: far above the largest real pack set, it stops a
  /// runaway generated file before it takes gigabytes to compile.
  public static let ruleLimit = 200_000

  /// The largest rule file read, in bytes, for the same reason.
  public static let ruleFileBytes = 16 * 1024 * 1024

  /// The longest phrase, in Characters: a pattern longer than a paragraph is a mistake.
  public static let phraseCharacters = 1_000

  // MARK: - Lint and suggestions

  /// Unanchored (`contains`) phrases shorter than this, in Characters, are reported: they match
  /// inside ordinary words.
  public static let shortPhraseCharacters = 4

  /// A "did you mean" suggestion is made only within this edit distance; further, it is noise.
  public static let suggestionDistance = 3

  /// How many example lines `tamis suggest` shows per suggested line: two show the variation.
  public static let suggestionExamples = 2
}
