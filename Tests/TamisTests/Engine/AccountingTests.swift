import Testing

@testable import Tamis

/// The accounting invariant of `CleanedArticle`, checked over generated dumps and rule sets:
/// every input line has exactly one outcome; every non-blank line ends up in the body, the
/// captions or the removals; body lines are input lines (or input lines with spans cut) in
/// input order, with one blank line between paragraphs.
@Suite struct AccountingTests {
  // MARK: - Generated rule sets

  /// Phrases rules look for; the dump words below contain them often.
  static let phrases = [
    "lire aussi", "photo", "afp", "publié le", "par", "pub", "partager", "commentaires",
    "réservé aux abonnés", "fin", "liens", "menu", "(afp)", "[pub]", "l'article", "resume",
  ]
  static let anchors = ["", "contains ", "starts-with ", "ends-with ", "equals "]
  static let modifiers = ["", "", "", " any-accent", " exact", " inside-words"]
  static let conditions = [
    "first 3 lines", "last 2 lines", "first 30%", "last 50%", "max-words 4", "min-words 3",
    "max-length 20",
  ]
  static let captionPatterns = [
    #""{text} / {credit}""#, #"starts-with "Photo : {text}""#, #""{text} (AFP)""#,
  ]
  static let metaPatterns = [
    #"starts-with "Par {author}""#, #""{n:number} commentaires""#, #""Publié le {date}""#,
  ]

  static func pattern(_ generator: inout SeededGenerator) -> String {
    generator.pick(anchors) + "\"" + generator.pick(phrases) + "\"" + generator.pick(modifiers)
  }

  /// One rule file: a few groups, each with one to three action lines.
  static func ruleFile(
    _ generator: inout SeededGenerator, pack: Int, site: String?
  ) -> String {
    var lines = ["title: Pack \(pack)", "lang: any"]
    if let site {
      lines.append("site: \(site)")
      if generator.chance(50) { lines.append("detect: \"Abonnez-vous à \(site)\"") }
    }
    for group in 0..<(1 + generator.below(6)) {
      lines.append("group: p\(pack)-g\(group)")
      lines.append("  why: generated")
      if generator.chance(25) { lines.append("  when: " + generator.pick(conditions)) }
      for _ in 0..<(1 + generator.below(3)) {
        let action: String
        switch generator.below(10) {
        case 0: action = "drop-from: " + pattern(&generator)
        case 1: action = "drop-until: " + pattern(&generator)
        case 2: action = "drop-block: " + pattern(&generator) + " until " + pattern(&generator)
        case 3: action = "caption: " + generator.pick(captionPatterns)
        case 4: action = "meta: " + generator.pick(metaPatterns)
        case 5: action = "keep: " + pattern(&generator)
        case 6, 7: action = "strip-span: " + pattern(&generator)
        default: action = "drop-line: " + pattern(&generator)
        }
        lines.append("  " + action)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Generated dumps

  static let words = [
    "Lire", "aussi", "lire aussi", "Photo", "Photo :", "AFP", "(AFP)", "/", "Publié le", "le",
    "3 mai", "Par", "Jean", "Dupont", "pub", "[pub]", "[PUB]", "publication", "Partager",
    "12", "1 234", "commentaires", "réservé", "aux", "abonnés", "fin", "Liens", "menu", "l’article",
    "«", "»", "…", "Résumé", "re\u{301}sume\u{301}", "RÉSERVÉ", "élire", "👍🏽", "Texte", "du",
    "conseil", "a", "voté", "Abonnez-vous à example.com",
  ]
  static let blanks = ["", " ", "\t", "\u{A0}", " \u{200B} "]
  static let edges = ["", "", "", " ", "\u{A0}", "\t ", "\u{202F}"]
  static let joins = [" ", " ", " ", " ", "\u{A0}", "  ", "\t"]

  /// A dump as its lines (with their edge white space) and its trimmed non-blank contents.
  struct Dump {
    var lines: [String] = []
    /// nil for blank lines; otherwise the line without its edge white space.
    var contents: [String?] = []
    var terminator = "\n"
    var finalTerminator = true

    var text: String {
      lines.joined(separator: terminator) + (finalTerminator ? terminator : "")
    }
  }

  static func dump(_ generator: inout SeededGenerator) -> Dump {
    var dump = Dump()
    dump.terminator = generator.pick(["\n", "\n", "\r\n", "\r"])
    for _ in 0..<generator.below(30) {
      if generator.chance(20) {
        dump.lines.append(generator.pick(blanks))
        dump.contents.append(nil)
        continue
      }
      var content = generator.pick(words)
      for _ in 0..<generator.below(7) {
        content += generator.pick(joins) + generator.pick(words)
      }
      dump.lines.append(generator.pick(edges) + content + generator.pick(edges))
      dump.contents.append(content)
    }
    // Without a final terminator, a last blank line would not be a line at all.
    dump.finalTerminator =
      !dump.lines.isEmpty && (dump.contents.last.map { $0 == nil } ?? true || generator.chance(70))
    return dump
  }

  // MARK: - The invariant

  @Test("every line is accounted for exactly once, in order", arguments: 0..<150)
  func accounting(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed) &* 7_919)
    var files = [(path: "generic.rules", text: Self.ruleFile(&generator, pack: 0, site: nil))]
    if generator.chance(60) {
      files.append(
        (path: "example.com.rules", text: Self.ruleFile(&generator, pack: 1, site: "example.com")))
    }
    if generator.chance(40) {
      files.append((path: "other.rules", text: Self.ruleFile(&generator, pack: 2, site: nil)))
    }
    let rules = try RuleSet(parsing: files)
    let cleaner = Cleaner(rules: rules)
    for _ in 0..<4 {
      let dump = Self.dump(&generator)
      let options = CleaningOptions(site: generator.chance(50) ? "www.example.com" : nil)
      let article = cleaner.clean(dump.text, source: "d.txt", options: options)
      Self.checkInvariant(article, dump: dump, rules: rules)
      #expect(cleaner.clean(dump.text, source: "d.txt", options: options) == article)
    }
  }

  static func checkInvariant(_ article: CleanedArticle, dump: Dump, rules: RuleSet) {
    let context = Comment(rawValue: "dump: \(LineDiff.visible(dump.text))")
    guard article.outcomes.count == dump.lines.count else {
      Issue.record("\(article.outcomes.count) outcomes for \(dump.lines.count) lines; \(context)")
      return
    }
    // The body uses the first line's terminator; a dump without any uses `\n`.
    let hasTerminator = dump.lines.count > 1 || dump.finalTerminator
    #expect(article.lineTerminator == (hasTerminator ? dump.terminator : "\n"))
    var actions: [String: Set<ActionKind>] = [:]
    var ruleLocations: [String: Set<Tamis.SourceLocation>] = [:]
    for rule in rules.packs.flatMap(\.rules) {
      actions[rule.id, default: []].insert(rule.action.kind)
      ruleLocations[rule.id, default: []].insert(rule.location)
    }
    // The headline is moved by the engine, not by a rule: it has its own id and place.
    actions[Headline.ruleID, default: []].insert(.meta)
    ruleLocations[Headline.ruleID, default: []].insert(Headline.location)

    var usedRemovals: [Int] = []
    var usedCaptions: [Int] = []
    var expectedBody = ""
    var bodyLineCount = 0
    var paragraphs = 0
    var blankSinceLastBodyLine = false
    let bodyLines =
      article.body.isEmpty
      ? []
      : article.body.split(
        separator: dump.terminator, omittingEmptySubsequences: true
      ).map(String.init)

    for (index, outcome) in article.outcomes.enumerated() {
      let content = dump.contents[index]
      guard let content else {
        #expect(outcome == .blank, "line \(index + 1) is blank; \(context)")
        if bodyLineCount > 0 { blankSinceLastBodyLine = true }
        continue
      }
      switch outcome {
      case .blank:
        Issue.record("non-blank line \(index + 1) has outcome .blank; \(context)")
      case .body, .stripped:
        guard bodyLineCount < bodyLines.count else {
          Issue.record("line \(index + 1) is missing from the body; \(context)")
          continue
        }
        let line = bodyLines[bodyLineCount]
        if bodyLineCount > 0 {
          expectedBody +=
            blankSinceLastBodyLine ? dump.terminator + dump.terminator : dump.terminator
        }
        if bodyLineCount == 0 || blankSinceLastBodyLine { paragraphs += 1 }
        blankSinceLastBodyLine = false
        bodyLineCount += 1
        expectedBody += line
        if case .stripped(let indices) = outcome {
          usedRemovals += indices
          let cut = indices.compactMap {
            article.removals.indices.contains($0) ? article.removals[$0] : nil
          }
          #expect(
            !cut.isEmpty && cut.allSatisfy { $0.action == .stripSpan && $0.line == index + 1 })
          checkStripped(content, into: line, cut: cut.map(\.text), context: context)
        } else {
          #expect(Array(line.unicodeScalars) == Array(content.unicodeScalars), "\(context)")
        }
      case .caption(let i):
        usedCaptions.append(i)
        guard article.captions.indices.contains(i) else { continue }
        let caption = article.captions[i]
        #expect(!caption.text.isEmpty && content.contains(caption.text), "\(context)")
        #expect(caption.credit.isEmpty || content.contains(caption.credit), "\(context)")
        #expect(caption.position == paragraphs - 1, "\(context)")
        #expect(actions[caption.ruleID]?.contains(.caption) == true)
      case .removed(let i):
        usedRemovals.append(i)
        guard article.removals.indices.contains(i) else { continue }
        let removal = article.removals[i]
        #expect(removal.line == index + 1, "\(context)")
        #expect(Array(removal.text.unicodeScalars) == Array(content.unicodeScalars), "\(context)")
      }
    }
    #expect(bodyLineCount == bodyLines.count, "body has lines no outcome accounts for; \(context)")
    expectEqualLines(article.body, expectedBody)
    #expect(usedRemovals.sorted() == Array(article.removals.indices), "\(context)")
    #expect(usedCaptions == Array(article.captions.indices), "\(context)")
    #expect(article.removals.map(\.line) == article.removals.map(\.line).sorted())
    for removal in article.removals {
      #expect(actions[removal.ruleID]?.contains(removal.action) == true, "\(removal)")
      #expect(ruleLocations[removal.ruleID]?.contains(removal.rule) == true, "\(removal)")
      #expect(removal.action != .keep && removal.action != .caption, "\(removal)")
    }
  }

  /// A stripped line keeps the line's scalars in order, less exactly the cut spans (white space
  /// aside, since seams are closed with one space).
  static func checkStripped(_ content: String, into line: String, cut: [String], context: Comment) {
    func solid(_ text: String) -> [Unicode.Scalar] {
      text.unicodeScalars.filter { !$0.properties.isWhitespace }
    }
    let source = solid(content)
    let kept = solid(line)
    let removed = cut.reduce(0) { $0 + solid($1).count }
    #expect(source.count == kept.count + removed, "\(context)")
    var position = source.startIndex
    for scalar in kept {
      guard let found = source[position...].firstIndex(of: scalar) else {
        Issue.record("'\(line)' is not '\(content)' with spans cut; \(context)")
        return
      }
      position = found + 1
    }
    for piece in cut {
      #expect(content.contains(piece), "\(context)")
    }
  }
}
