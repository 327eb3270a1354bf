/// Parses one rule file into a `RulePack`, collecting every problem rather than stopping at the
/// first.
///
/// Nesting is decided by the nearest header above a line: file header, then `rule:`/`group:`,
/// then `example:`. Indentation carries no meaning.
struct RuleFileParser {
  /// Every directive name, for "did you mean" suggestions.
  static let directiveNames: [String] =
    [
      "title", "lang", "site", "detect", "rule", "group", "aliases", "why", "when", "sets",
      "example", "keeps",
    ]
    + ActionKind.allCases.map(\.name) + ["in", "body", "gives-caption", "gives-meta"]

  private let path: String
  private var diagnostics: [Diagnostic] = []
  private var title: String?
  private var language: String?
  private var languageSeen = false
  private var hosts: [String]?
  private var detectors: [Pattern] = []
  private var detectLocation: SourceLocation?
  private var detectorLocations: [SourceLocation] = []
  private var hostLocations: [SourceLocation] = []
  private var groups: [RuleGroup] = []
  private var inExample = false
  /// Groups with an action line that did not parse: no "has no action" error on top of it.
  private var groupsWithBrokenActions: Set<Int> = []

  private init(path: String) { self.path = path }

  /// Parses `text`, read from `path`.
  /// - Returns: the pack and every diagnostic found. When there are errors the pack is partial:
  ///   good for cross-file checks (duplicate ids), never for cleaning.
  static func parse(_ text: String, path: String) -> (pack: RulePack, diagnostics: [Diagnostic]) {
    var parser = RuleFileParser(path: path)
    for line in DirectiveLexer.lines(of: text) { parser.handle(line) }
    return parser.finish()
  }

  // MARK: - Dispatch

  private mutating func handle(_ line: DirectiveLine) {
    guard let name = line.name else {
      report(.notADirective, line, at: line.nameRange.lowerBound)
      return
    }
    switch name {
    case "title", "lang", "site", "detect": handleHeader(name, line)
    case "rule", "group": startGroup(line, isSingleRule: name == "rule")
    case "aliases", "why", "when", "sets", "keeps", "example": handleGroupDirective(name, line)
    case "in", "body", "gives-caption", "gives-meta": handleExampleLine(name, line)
    default:
      if let kind = ActionKind(rawValue: name) {
        handleAction(kind, line)
      } else {
        report(
          .unknownDirective(
            name: name,
            suggestion: Suggestion.nearest(to: name.lowercased(), in: Self.directiveNames)),
          line, at: line.nameRange.lowerBound)
      }
    }
  }

  private mutating func handleHeader(_ name: String, _ line: DirectiveLine) {
    guard groups.isEmpty else {
      report(
        .misplacedDirective(name: name, context: .fileHeader), line, at: line.nameRange.lowerBound)
      return
    }
    let value = String(line.value)
    if value.isEmpty {
      report(.missingValue(directive: name), line, at: line.valueStart)
      return
    }
    switch name {
    case "title":
      if title != nil { report(.duplicateHeader(name: name), line, at: line.nameRange.lowerBound) }
      title = value
    case "lang":
      if languageSeen { report(.duplicateHeader(name: name), line, at: line.nameRange.lowerBound) }
      languageSeen = true
      let isCode = (2...3).contains(value.count) && value.allSatisfy { ("a"..."z").contains($0) }
      if value == "any" {
        language = nil
      } else if isCode {
        language = value
      } else {
        report(.invalidLanguage(code: value), line, at: line.valueStart)
      }
    case "site":
      if hosts != nil { report(.duplicateHeader(name: name), line, at: line.nameRange.lowerBound) }
      var parsed: [String] = []
      hostLocations = []
      let rest = line.text[line.valueStart...]
      for host in rest.split(separator: " ") {
        if Self.isPlausibleHost(host.lowercased()) {
          parsed.append(host.lowercased())
          hostLocations.append(location(line, at: host.startIndex))
        } else {
          report(.invalidHost(host: String(host)), line, at: host.startIndex)
        }
      }
      hosts = parsed
    default:
      if detectLocation == nil { detectLocation = location(line, at: line.nameRange.lowerBound) }
      if let pattern = parsePattern(line) {
        detectors.append(pattern)
        detectorLocations.append(location(line, at: line.nameRange.lowerBound))
      }
    }
  }

  private mutating func startGroup(_ line: DirectiveLine, isSingleRule: Bool) {
    inExample = false
    let id = String(line.value)
    let here = location(line, at: line.nameRange.lowerBound)
    if id.isEmpty {
      report(.missingValue(directive: isSingleRule ? "rule" : "group"), line, at: line.valueStart)
    } else if !Self.isValidID(id) {
      report(.invalidID(id: id), line, at: line.valueStart)
    }
    groups.append(RuleGroup(id: id, isSingleRule: isSingleRule, location: here))
  }

  private mutating func handleGroupDirective(_ name: String, _ line: DirectiveLine) {
    guard !groups.isEmpty else {
      report(
        .misplacedDirective(name: name, context: .ruleOrGroup), line, at: line.nameRange.lowerBound)
      return
    }
    let value = String(line.value)
    if value.isEmpty {
      report(.missingValue(directive: name), line, at: line.valueStart)
      return
    }
    let here = location(line, at: line.nameRange.lowerBound)
    inExample = false
    switch name {
    case "aliases":
      // Old ids, each checked as an id; clashes with other ids are found across files, in
      // `RuleIDs`.
      let words = line.text[line.valueStart...].split { $0 == " " || $0 == "\t" }
      for alias in words {
        if Self.isValidID(String(alias)) {
          groups[groups.count - 1].aliases.append(
            RuleAlias(id: String(alias), location: location(line, at: alias.startIndex)))
        } else {
          report(.invalidID(id: String(alias)), line, at: alias.startIndex)
        }
      }
    case "why":
      groups[groups.count - 1].why = value
    case "when":
      if let condition = ConditionParser.parse(value) {
        groups[groups.count - 1].conditions.append(condition)
      } else {
        report(.invalidCondition(text: value), line, at: line.valueStart)
      }
    case "keeps":
      groups[groups.count - 1].keeps.append(KeptLine(text: value, location: here))
    case "sets":
      guard let equals = value.firstRange(of: " = "),
        PatternParser.isKebabName(String(value[..<equals.lowerBound]))
      else {
        report(.invalidMetaExpectation, line, at: line.valueStart)
        return
      }
      groups[groups.count - 1].sets.append(
        MetaAssignment(
          key: String(value[..<equals.lowerBound]), template: String(value[equals.upperBound...])))
    default:
      groups[groups.count - 1].examples.append(Example(description: value, location: here))
      inExample = true
    }
  }

  private mutating func handleExampleLine(_ name: String, _ line: DirectiveLine) {
    guard inExample, !groups.isEmpty, !groups[groups.count - 1].examples.isEmpty else {
      report(
        .misplacedDirective(name: name, context: .example), line, at: line.nameRange.lowerBound)
      return
    }
    let value = String(line.value)
    let g = groups.count - 1
    let e = groups[g].examples.count - 1
    switch name {
    case "in":
      groups[g].examples[e].input.append(value)
    case "body":
      groups[g].examples[e].body.append(value)
    case "gives-caption":
      // `TEXT | CREDIT`, or `TEXT |` for a caption without a credit.
      let bar =
        value.hasSuffix(" |")
        ? value.index(value.endIndex, offsetBy: -2)..<value.endIndex
        : value.firstRange(of: " | ")
      guard let bar else {
        report(.invalidCaptionExpectation, line, at: line.valueStart)
        return
      }
      groups[g].examples[e].captions.append(
        Caption(
          text: String(value[..<bar.lowerBound]), credit: String(value[bar.upperBound...])))
    default:
      guard let equals = value.firstRange(of: " = ") else {
        report(.invalidMetaExpectation, line, at: line.valueStart)
        return
      }
      groups[g].examples[e].meta[String(value[..<equals.lowerBound])] =
        String(value[equals.upperBound...])
    }
  }

  private mutating func handleAction(_ kind: ActionKind, _ line: DirectiveLine) {
    guard !groups.isEmpty else {
      report(
        .misplacedDirective(name: kind.name, context: .ruleOrGroup), line,
        at: line.nameRange.lowerBound)
      return
    }
    inExample = false
    guard let action = parseAction(kind, line) else {
      groupsWithBrokenActions.insert(groups.count - 1)
      return
    }
    let g = groups.count - 1
    groups[g].rules.append(
      Rule(
        id: groups[g].id, action: action, location: location(line, at: line.nameRange.lowerBound)))
  }

  // MARK: - Actions and patterns

  private mutating func parseAction(_ kind: ActionKind, _ line: DirectiveLine) -> Action? {
    if line.value.isEmpty {
      report(.missingValue(directive: kind.name), line, at: line.valueStart)
      return nil
    }
    if kind == .dropTail {
      // `drop-tail: min-words N`: no pattern, a length that marks a body paragraph.
      let words = line.value.split(separator: " ")
      guard words.count == 2, words[0] == "min-words", let count = Int(words[1]), count > 0 else {
        report(.invalidCondition(text: String(line.value)), line, at: line.valueStart)
        return nil
      }
      return .dropTail(minimumWords: count)
    }
    var parser = PatternParser(line: line.text, start: line.valueStart)
    do {
      let pattern = try parser.parsePattern(stopWord: kind == .dropBlock ? "until" : nil)
      if pattern.isAnyLine, kind != .dropLine {
        report(.anyLineNotDropLine(action: kind.name), line, at: line.valueStart)
        return nil
      }
      switch kind {
      case .dropBlock:
        guard parser.consume(word: "until") else {
          report(.blockWithoutEnd, line, at: parser.index)
          return nil
        }
        let end = try parser.parsePattern()
        return .dropBlock(start: pattern, end: end)
      case .caption:
        if !pattern.holeNames.contains("text") {
          report(.captionWithoutTextHole, line, at: line.valueStart)
          return nil
        }
        // Other holes (a gallery counter) are matched and ignored, but a near miss of
        // `text` or `credit` is a typo.
        for name in pattern.holeNames where name != "text" && name != "credit" {
          if let suggestion = Suggestion.nearest(to: name, in: ["text", "credit"]),
            Suggestion.editDistance(name, suggestion) <= 2
          {
            report(
              .unknownCaptionHole(name: name, suggestion: suggestion), line, at: line.valueStart)
            return nil
          }
        }
        return .caption(pattern)
      case .meta:
        if pattern.holeNames.isEmpty {
          report(.metaWithoutHole, line, at: line.valueStart)
          return nil
        }
        return .meta(pattern)
      case .credit: return .credit(pattern)
      case .dropRun: return .dropRun(pattern)
      case .dropTail: return nil  // handled above: it takes no pattern
      case .dropLine: return .dropLine(pattern)
      case .stripSpan: return .stripSpan(pattern)
      case .dropFrom: return .dropFrom(pattern)
      case .dropUntil: return .dropUntil(pattern)
      case .keep: return .keep(pattern)
      }
    } catch {
      report(error.problem, line, at: error.index)
      return nil
    }
  }

  private mutating func parsePattern(_ line: DirectiveLine) -> Pattern? {
    var parser = PatternParser(line: line.text, start: line.valueStart)
    do {
      return try parser.parsePattern()
    } catch {
      report(error.problem, line, at: error.index)
      return nil
    }
  }

  // MARK: - Finishing

  private mutating func finish() -> (pack: RulePack, diagnostics: [Diagnostic]) {
    let fileStart = SourceLocation(path: path, line: 1, column: 1)
    if title == nil {
      diagnostics.append(
        Diagnostic(.error, at: fileStart, .ruleFile(.missingHeader(name: "title"))))
    }
    if !languageSeen {
      diagnostics.append(Diagnostic(.error, at: fileStart, .ruleFile(.missingHeader(name: "lang"))))
    }
    if let detectLocation, hosts == nil {
      diagnostics.append(Diagnostic(.error, at: detectLocation, .ruleFile(.detectWithoutSite)))
    }
    for (index, group) in groups.enumerated()
    where !group.id.isEmpty && !groupsWithBrokenActions.contains(index) {
      if group.isSingleRule, group.rules.count != 1 {
        diagnostics.append(
          Diagnostic(
            .error, at: group.location,
            .ruleFile(.ruleActionCount(id: group.id, count: group.rules.count))))
      } else if group.rules.isEmpty {
        diagnostics.append(
          Diagnostic(.error, at: group.location, .ruleFile(.groupWithoutAction(id: group.id))))
      }
    }
    diagnostics.sort {
      ($0.location?.line ?? 0, $0.location?.column ?? 0) < (
        $1.location?.line ?? 0, $1.location?.column ?? 0
      )
    }
    let scope: RulePack.Scope = hosts.map { .site(hosts: $0) } ?? .generic(language: language)
    var pack = RulePack(
      path: path, title: title ?? "", language: language, scope: scope, detectors: detectors,
      groups: groups.filter { !$0.id.isEmpty })
    pack.detectorLocations = detectorLocations
    pack.hostLocations = hostLocations
    return (pack, diagnostics)
  }

  private mutating func report(
    _ problem: RuleFileProblem, _ line: DirectiveLine, at index: String.Index
  ) {
    diagnostics.append(Diagnostic(.error, at: location(line, at: index), .ruleFile(problem)))
  }

  private func location(_ line: DirectiveLine, at index: String.Index) -> SourceLocation {
    SourceLocation(path: path, line: line.lineNumber, column: line.column(of: index))
  }

  /// Ids are lower-kebab-case and may start with a digit (`20min-caption`).
  static func isValidID(_ id: String) -> Bool {
    guard let first = id.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
      return false
    }
    return id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  private static func isPlausibleHost(_ host: String) -> Bool {
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    return labels.count >= 2
      && labels.allSatisfy { label in
        !label.isEmpty && label.first != "-" && label.last != "-"
          && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
      }
  }
}
