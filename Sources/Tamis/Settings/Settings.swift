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

  /// The most JSON Lines records in one batch of the reader-workers-writer pipeline. 64
  /// one-article records are about 0.5 MB of work, long enough that handing a batch to a worker
  /// costs nothing next to cleaning it, short enough that both cores get a batch early.
  public static let pipelineBatchRecords = 64

  /// The bytes after which a JSON Lines batch closes early: a few long records make a batch of
  /// their own, so memory stays bounded by batches in flight times this.
  public static let pipelineBatchBytes = 1 << 20

  /// Batches in flight per job (read, cleaning or waiting to be written): two keep each worker
  /// busy while the writer writes the oldest, and bound memory to `2 × jobs` batches.
  public static let pipelineBatchesPerJob = 2

  /// Sections of a large filter input read ahead of the workers (beyond one per job): equal
  /// sections end nearly together, and with two waiting, the second worker to finish finds one
  /// ready while the writer is still writing the first's and reading the next.
  public static let sectionReadAhead = 2

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

  // MARK: - Body core (see `BodyCore`, `LineClass`)

  /// A CJK character counts as this many words: a Chinese word is about 1.7 characters.
  public static let cjkTokenWeight = 0.6

  /// A line of CJK script with at least this many characters and sentence punctuation is prose.
  public static let cjkProseCharacters = 25

  /// A line of CJK script with at least this many characters is prose even without sentence
  /// punctuation: pages that write clauses apart with spaces, and no headline runs this long.
  public static let cjkClauseCharacters = 30

  /// A line of CJK script with at least this many characters and punctuation is a short sentence.
  public static let cjkNearCharacters = 12

  /// A line of at least this many tokens can be a paragraph (jusText's lower length, about 70
  /// characters).
  public static let proseTokens = 10

  /// A line of at least this many tokens that ends like a sentence is prose whatever its words.
  public static let longProseTokens = 30

  /// A line of at least this many tokens that ends like a sentence is a short sentence.
  public static let nearProseTokens = 6

  /// The stop-word share of running text in a language with a table: menus and headlines stay
  /// under 0.15, prose is above 0.3.
  public static let proseStopShare = 0.22

  /// Without a stop-word table (Czech, Chinese…), the share of words in lower case that marks
  /// running text: title-case lines stay under one half.
  public static let proseLowerShare = 0.55

  /// The items of a separator list (`A | B | C`) average at most this many tokens; a line with
  /// longer ones is text that happens to hold a separator.
  public static let separatorItemTokens = 8

  /// A line of at most this many tokens with no sentence end reads like a menu item.
  public static let menuItemTokens = 4

  /// A mostly capitalised line (this share of its long words) reads like a headline.
  public static let menuTitleShare = 0.7

  /// ... up to this many tokens; longer, it is a caption or a sentence.
  public static let titleTokens = 10

  /// A bulleted or numbered line of at least this many tokens is list text, not a menu entry.
  public static let listItemTokens = 4

  /// This many short lines in a row, three quarters of them menu items, make a navigation run;
  /// three could be a heading and a short list.
  public static let navigationRunLines = 4

  /// The anchor's prose lines are at most this many lines apart (a figure and its caption).
  public static let coreAnchorGap = 2

  /// Each line between two prose lines of the anchor costs this many tokens, so a list of
  /// headline-and-teaser pairs scores below an article of the same length.
  public static let coreGapCost = 15.0

  /// One line counts at most this many tokens, so one giant line does not decide alone.
  public static let coreProseCap = 120

  /// What a boundary line ("Related", "11 Comments") costs the core's reach: about a paragraph,
  /// which a lone related link inside an article pays back and a related list does not.
  public static let coreBoundaryCost = 30.0

  /// What a junk line (a date, a separator list) costs the reach.
  public static let coreJunkCost = 6.0

  /// What a line of code, a formula or a table row costs the reach: almost nothing.
  public static let coreCodeCost = 0.3
  /// A table row holds at least this many numbers: one number beside a name is a label
  /// ("Page 2"), two are figures ("63 16.6%").
  public static let tableRowNumbers = 2
  /// A table row has at most this many tokens: longer lines with numbers are text.
  public static let tableRowTokens = 12

  /// What a menu-like line costs the reach; a heading between paragraphs costs little.
  public static let coreMenuCost = 3.0

  /// The share of the dump's prose tokens the core must hold for the rules around it to act: a
  /// core with less is one story of many (a weekly edition, a live page), and prose elsewhere is
  /// as likely to be the reader's. Whole pages put much prose around an article (teasers,
  /// comments), so the bar is under a half.
  public static let coreMinimumProseShare = 0.3

  /// The core must hold at least this many prose lines for the rules around it to act: one
  /// paragraph alone may be a teaser or a comment as well as the article.
  public static let coreMinimumProseLines = 2

  /// The core's reach stops at this many lines in a row that are not prose, a list, code or a
  /// line ending with `:`: a comment form or a footer, not headings between paragraphs.
  public static let coreReachBreakLines = 8

  /// The core's reach goes on past such a run when this many prose lines follow it back to
  /// back: a gallery or a share row set in the article; comments and teasers have a name, a date
  /// or a headline between their paragraphs.
  public static let coreResumeParagraphs = 3

  /// A run that the reach goes on past is at most this many lines longer than
  /// `coreReachBreakLines`: a gallery's or a share row's few lines, not a page's worth of
  /// headlines before another story.
  public static let coreResumeExtraLines = 4

  /// A short line whose text comes back this many times among a dump's candidate lines parts
  /// the core like a zone's first line: the "Reply" under each comment, the "Read more" of each
  /// teaser; twice may be chance (a label above and below a table).
  public static let repeatedLabelCount = 3

  /// A line a zone rule would remove stays when it lies in the core, is prose-like and has at
  /// least this many tokens: the article itself, not a label.
  public static let guardedProseTokens = 8

  /// A line above a lone credit with at least this many tokens of prose is a paragraph, not a
  /// caption: the credit is the article's, and the paragraph stays in the body.
  public static let captionProseTokens = 25

  // MARK: - Bylines, datelines and the headline

  /// A line at most this many non-blank lines from an edge of the body core is at its edge
  /// (`when: body-edge`): a headline, a teaser, a byline and a date stamp fit above the first
  /// paragraph, a signature and an update stamp below the last.
  public static let bodyEdgeLines = 4

  /// A line with a year or a clock time whose tokens are at least this share digits reads as a
  /// date stamp (`when: date-stamp`): "Mis à jour le 13 mars 2025" is two digit tokens of seven,
  /// a sentence that names a year far fewer.
  public static let stampNumericShare = 0.25

  /// A date stamp has at most this many tokens ("Friday 25 December 2015, 14:05 GMT" has 8);
  /// a longer line is a sentence that names a date.
  public static let stampTokens = 12

  /// A headline is mostly letters: at least this share of its non-space characters, so a date
  /// stamp or a gallery counter on the first line is not taken for the title.
  public static let headlineLetterShare = 0.6

  /// A line more than this many non-blank lines above the core's first line is far before it
  /// (`when: far-before-body`): an article's head (kicker, headline, dek, byline, date, photo,
  /// credit, share row) fits in fewer, a page's head of menus and other stories does not.
  public static let farBeforeLines = 8

  // MARK: - Learning (`--learn`)

  /// The fewest documents of its site a line must appear in to be learned as boilerplate
  /// (`--learn-min-docs`). Quotes and stock phrases recur in two or three articles of a site;
  /// five is past them, and still reached by a footer of a small site.
  public static let learnMinimumDocuments = 5

  /// The smallest share of its site's documents, in percent, a learned line must appear in
  /// (`--learn-min-share`). A menu, footer or promo is on a fifth of a site's pages or more; a
  /// running story's stock sentence is on fewer.
  public static let learnMinimumSharePercent = 20

  /// The most distinct lines counted per site while learning. A site's boilerplate is a few
  /// hundred lines at most, but its articles' lines pass through the table too: with 1,024, a
  /// site of 30 long articles was halved before its last documents and a line in 6 of them fell
  /// under the threshold. Past it the lines seen in the fewest documents are evicted.
  public static let learnCapacityPerSite = 1 << 13

  /// The most distinct lines counted over all sites while learning: about 30 MB of tables.
  /// Past it every site's table is halved the same way, so a crawl of many sites stays in
  /// bounded memory.
  public static let learnTotalCapacity = 1 << 20

  /// The fewest characters (Unicode scalars of the folded line) of a line worth learning: short
  /// menu items ("Home", "Tech") are boilerplate too, two letters are not a line.
  public static let learnMinimumCharacters = 3

  /// The longest line, in bytes, that learning folds before hashing. Longer lines are the
  /// articles' paragraphs, folding them was a fifth of a learning run, and boilerplate that long
  /// (a legal notice) is printed byte for byte the same: they are known by their length and
  /// their first and last 64 bytes, as written.
  public static let learnFoldedLineBytes = 400

  /// The fewest words of the lines on both sides of a learned line for it to sit between
  /// paragraphs (`LearnedLines.Entry.isInline`): a paragraph of prose has ten words or more, a
  /// menu item, a date or a footer line fewer.
  public static let learnParagraphWords = 10

  /// The most sets of line-scanner tables a compiled rule set keeps for its next documents:
  /// one per thread that scans at once is enough, and more would only hold memory.
  public static let pooledScannerTables = 16

  /// Batch mode hands documents to its worker threads in groups of this many: one document per
  /// hand-over left the workers waiting for the next on a loaded machine, and a few kilobytes
  /// each, sixteen still keep both cores busy to the last group.
  public static let pipelineBatchDocuments = 16

  /// The most lines under a line ending with `:` that count as the list it announces (guarded
  /// from `drop-run` and `drop-tail` inside the core): a list of steps, dates or rankings has a
  /// few to a dozen lines; a longer run is the page's.
  public static let introducedListLines = 12

  /// The fewest slide counters (`1/50`, `2/50`, …) running up by one that make a photo
  /// gallery: two could be a fraction and a page count, three in a row are slides.
  public static let galleryMinimumSlides = 3

  /// The most lines from one slide counter to the next: a slide is a title, a caption and a
  /// credit, a few lines; farther apart, the numbers are not one gallery's.
  public static let gallerySlideLines = 6

  /// The fewest numbered entry headers (`#1 … 10:28`, `#2 …`) that make a comment thread: one
  /// or two could be an article's numbered notes, three running up with clock times are entries.
  public static let commentThreadMinimumEntries = 3

  /// The most a thread's entry number may jump from one header to the next: a deleted or private
  /// comment keeps its number, so `#11` may be followed by `#13`; a bigger jump is another list.
  public static let commentNumberSkip = 3

  /// The most lines from one entry header to the next: a comment and its replies run to a few
  /// dozen lines; farther apart, the numbers are not one thread's.
  public static let commentEntryLines = 40

  /// The most words of an unnumbered comment header ("Ann (rhymes with sketch) · March 10, 2017
  /// at 12:20 AM"): a name, a date and a time fit; a longer line with a time is a sentence.
  public static let commentHeaderWords = 16

  /// A thread's last entry runs to the next "Reply" or comment form when one comes within this
  /// many times the thread's longest entry: the last comment has no "Reply" under it on some
  /// pages, and farther down the form, what lies between is not one comment.
  public static let commentLastEntrySpan = 2

  /// The fewest time stamps running down, newest first ("14:44 …", "14:32 …"), that make a news
  /// ticker: two or three could be an article's own times, four in a row are a feed.
  public static let tickerMinimumEntries = 4

  /// The most candidate lines from one ticker stamp to the next: an item is a headline, or a
  /// title, a paragraph and a credit or an embedded post's few lines; farther apart, the times
  /// are not one feed's.
  public static let tickerEntryLines = 6

  /// The bytes the JSON Lines reader asks the input for per chunk of whole lines, each chunk one
  /// worker's task: 256 KB is about fifty one-article records, long enough that handing it over
  /// costs nothing next to cleaning it, short enough that both cores get work early and that the
  /// batches in flight stay a few megabytes.
  public static let jsonLinesChunkBytes = 256 << 10

  /// The fewest teaser items (a headline cut off by an ellipsis, or followed by its date) that
  /// make a list of other stories: one or two could be a quote trailing off or a dated note,
  /// three close together are links.
  public static let teaserListMinimumItems = 3

  /// The most non-blank lines from one teaser item to the next: an item is a headline, perhaps
  /// a summary, a source and a picture's caption; farther apart, the lines are not one list's.
  public static let teaserListGap = 6

  /// The most words of a teaser cut off by an ellipsis: a headline's length; a longer line
  /// that trails off is a sentence of the text.
  public static let teaserEllipsisWords = 16

  /// The most words of a teaser followed by its date: a headline and its source; a longer line
  /// is a paragraph that happens to end with a time.
  public static let teaserDatedWords = 30

  /// The fewest words before a teaser's date: a headline holds a few; a schedule's "Doors 9:00"
  /// or a table's label does not.
  public static let teaserHeadWords = 3

  /// The same for scripts written without spaces: the fewest bytes from 0x80 before the date
  /// (four CJK characters).
  public static let teaserHeadWideBytes = 12

  /// The fewest headlines in a row that make a list of other stories above the core: a
  /// headline, a dek and a kicker are three, six with no paragraph between are a list.
  public static let headlineRunLines = 6

  /// The most words of a line of such a run: a headline's length; a longer line is a teaser's
  /// sentence.
  public static let headlineRunWords = 12

  /// The fewest slots of a stop-word table per word: at a load of 1/8 most misses end at the
  /// first slot, where 1/4 took a second probe on almost one lookup in three.
  public static let stopWordSlotsPerWord = 8
}
