/// Scores cleaning against labelled dumps: how much body is kept, how much boilerplate removed,
/// how many captions found with the right credit; per language and overall.
///
/// A labelled dump is the input, its true body (the lines a perfect cleaner keeps) and its true
/// captions. Every non-blank input line is classed by the truth: a body line (the input line
/// is, or contains, a true body line), a caption line (it starts with a true caption's text), or
/// boilerplate (anything else).
public struct GoldEvaluation: Sendable {
  /// One labelled dump.
  public struct Dump: Sendable {
    /// A name for reports (`fr/lemonde.fr`).
    public var name: String
    /// The dump's language code, for grouping.
    public var language: String
    /// The dump.
    public var input: String
    /// The true body.
    public var body: String
    /// The true captions, in order.
    public var captions: [Caption]

    /// Creates a labelled dump.
    public init(name: String, language: String, input: String, body: String, captions: [Caption]) {
      self.name = name
      self.language = language
      self.input = input
      self.body = body
      self.captions = captions
    }
  }

  /// Counts for a group of dumps; the rates derive from them.
  public struct Score: Sendable, Hashable {
    /// Dumps counted.
    public var dumps = 0
    /// True body lines.
    public var bodyLines = 0
    /// True body lines that the output body holds.
    public var bodyLinesKept = 0
    /// Lines in the output body.
    public var outputLines = 0
    /// Output body lines that are true body lines.
    public var outputLinesCorrect = 0
    /// Boilerplate input lines.
    public var boilerplateLines = 0
    /// Boilerplate input lines absent from the output body.
    public var boilerplateRemoved = 0
    /// True captions.
    public var captions = 0
    /// True captions that the output has with the same text and credit.
    public var captionsRight = 0

    /// Creates an empty score.
    public init() {}

    /// The share of true body lines lost (0…1).
    public var bodyLost: Double {
      bodyLines == 0 ? 0 : 1 - Double(bodyLinesKept) / Double(bodyLines)
    }
    /// The share of output body lines that are true body (0…1).
    public var bodyPrecision: Double {
      outputLines == 0 ? 1 : Double(outputLinesCorrect) / Double(outputLines)
    }
    /// The share of boilerplate lines removed (0…1).
    public var boilerplateRecall: Double {
      boilerplateLines == 0 ? 1 : Double(boilerplateRemoved) / Double(boilerplateLines)
    }
    /// The share of captions found with the right credit (0…1).
    public var captionAccuracy: Double {
      captions == 0 ? 1 : Double(captionsRight) / Double(captions)
    }

    mutating func add(_ other: Score) {
      dumps += other.dumps
      bodyLines += other.bodyLines
      bodyLinesKept += other.bodyLinesKept
      outputLines += other.outputLines
      outputLinesCorrect += other.outputLinesCorrect
      boilerplateLines += other.boilerplateLines
      boilerplateRemoved += other.boilerplateRemoved
      captions += other.captions
      captionsRight += other.captionsRight
    }
  }

  /// The score of each dump, by name.
  public private(set) var perDump: [(name: String, language: String, hasPack: Bool, score: Score)]

  /// Cleans every dump with `cleaner` and scores it; `structure` switches the structure layer
  /// (`CleaningOptions.structure`).
  public init(dumps: [Dump], cleaner: Cleaner, structure: Bool = true) {
    perDump = dumps.map { dump in
      let article = cleaner.clean(
        dump.input, source: dump.name, options: CleaningOptions(structure: structure))
      return (dump.name, dump.language, article.meta["site"] != nil, Self.score(dump, article))
    }
  }

  /// The summed score of the dumps that `include` selects.
  public func total(where include: (String, Bool) -> Bool = { _, _ in true }) -> Score {
    var total = Score()
    for entry in perDump where include(entry.language, entry.hasPack) { total.add(entry.score) }
    return total
  }

  static func score(_ dump: Dump, _ article: CleanedArticle) -> Score {
    var score = Score()
    score.dumps = 1
    let truthBody = nonBlankLines(dump.body)
    let outputBody = nonBlankLines(article.body)
    let truthSet = Set(truthBody)
    let outputSet = Set(outputBody)
    score.bodyLines = truthBody.count
    score.bodyLinesKept = truthBody.filter { outputSet.contains($0) }.count
    score.outputLines = outputBody.count
    score.outputLinesCorrect = outputBody.filter { truthSet.contains($0) }.count
    let captionTexts = dump.captions.map(\.text).filter { !$0.isEmpty }
    for line in nonBlankLines(dump.input) {
      let isBody =
        truthSet.contains(line) || truthBody.contains { !$0.isEmpty && line.contains($0) }
      let isCaption = captionTexts.contains { line.hasPrefix($0) }
      guard !isBody, !isCaption else { continue }
      score.boilerplateLines += 1
      if !outputSet.contains(line) { score.boilerplateRemoved += 1 }
    }
    score.captions = dump.captions.count
    var found = article.captions.map { ($0.text, $0.credit) }
    for caption in dump.captions {
      if let index = found.firstIndex(where: { $0 == (caption.text, caption.credit) }) {
        score.captionsRight += 1
        found.remove(at: index)
      }
    }
    return score
  }

  /// Non-blank lines, trimmed, in NFC-independent form (Swift compares canonically).
  static func nonBlankLines(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map(Whitespace.trimmed).filter { !$0.isEmpty }
  }

  // MARK: - Report

  /// The floors the gold set must meet (issue 5), as fractions.
  public struct Floors: Sendable {
    /// Most body lost overall.
    public var bodyLost = 0.005
    /// Least boilerplate removed on dumps with a site pack.
    public var boilerplateWithPack = 0.97
    /// Least boilerplate removed on dumps without one.
    public var boilerplateWithoutPack = 0.90
    /// Least captions found with the right credit.
    public var captions = 0.95

    /// The floors of issue 5.
    public init() {}
  }

  /// The floors that the overall scores miss, as readable lines (empty: all met).
  public func missedFloors(_ floors: Floors = Floors()) -> [String] {
    var missed: [String] = []
    let all = total()
    let withPack = total { _, pack in pack }
    let withoutPack = total { _, pack in !pack }
    if all.bodyLost > floors.bodyLost {
      missed.append("body lost \(Self.percent(all.bodyLost)) > \(Self.percent(floors.bodyLost))")
    }
    if withPack.dumps > 0, withPack.boilerplateRecall < floors.boilerplateWithPack {
      missed.append(
        "boilerplate removed with a site pack \(Self.percent(withPack.boilerplateRecall)) < "
          + Self.percent(floors.boilerplateWithPack))
    }
    if withoutPack.dumps > 0, withoutPack.boilerplateRecall < floors.boilerplateWithoutPack {
      missed.append(
        "boilerplate removed without a site pack \(Self.percent(withoutPack.boilerplateRecall)) < "
          + Self.percent(floors.boilerplateWithoutPack))
    }
    if all.captionAccuracy < floors.captions {
      missed.append(
        "captions right \(Self.percent(all.captionAccuracy)) < \(Self.percent(floors.captions))")
    }
    return missed
  }

  /// A plain-text table: one row per language, then with/without site pack, then overall.
  public func table() -> String {
    var rows: [(String, Score)] = []
    for language in Set(perDump.map(\.language)).sorted() {
      rows.append((language, total { lang, _ in lang == language }))
    }
    rows.append(("site pack", total { _, pack in pack }))
    rows.append(("no pack", total { _, pack in !pack }))
    rows.append(("overall", total()))
    let header =
      "| group | dumps | body lost | body precision | boilerplate removed | captions right |"
    var lines = [header, "|---|---:|---:|---:|---:|---:|"]
    for (name, score) in rows {
      lines.append(
        "| \(name) | \(score.dumps) | \(Self.percent(score.bodyLost)) "
          + "(\(score.bodyLines - score.bodyLinesKept)/\(score.bodyLines)) | "
          + "\(Self.percent(score.bodyPrecision)) | "
          + "\(Self.percent(score.boilerplateRecall)) "
          + "(\(score.boilerplateRemoved)/\(score.boilerplateLines)) | "
          + "\(Self.percent(score.captionAccuracy)) (\(score.captionsRight)/\(score.captions)) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func percent(_ value: Double) -> String {
    let tenths = (value * 1000).rounded()
    return "\(Int(tenths) / 10).\(Int(tenths) % 10) %"
  }
}
