/// Everything that can be wrong in a rule file. Message text lives in `message`, nowhere else.
public enum RuleFileProblem: Sendable, Hashable {
  /// A line that is neither blank, a comment, nor `name: value`.
  case notADirective
  /// A directive name tamis does not know.
  case unknownDirective(name: String, suggestion: String?)
  /// A known directive where it cannot be: `in:` outside an example, `site:` after a rule.
  case misplacedDirective(name: String, context: DirectiveContext)
  /// A directive that needs a value and has none.
  case missingValue(directive: String)
  /// A header directive given twice.
  case duplicateHeader(name: String)
  /// The file lacks a required header directive.
  case missingHeader(name: String)
  /// `detect:` in a file without `site:`.
  case detectWithoutSite
  /// A rule or group id that is not lower-kebab-case.
  case invalidID(id: String)
  /// A rule or group id used before, in this file or another.
  case duplicateID(id: String)
  /// A rule or group id that is an old id (`aliases:`) of the group now called `currentID`.
  case idIsAlias(id: String, currentID: String)
  /// An old id (`aliases:`) that is the id of a rule or group.
  case aliasIsID(alias: String)
  /// An old id (`aliases:`) already listed as an old id of the group called `currentID`.
  case duplicateAlias(alias: String, currentID: String)
  /// A `rule:` block with zero or several actions.
  case ruleActionCount(id: String, count: Int)
  /// A `group:` block without any action.
  case groupWithoutAction(id: String)
  /// A quoted phrase without its closing quote.
  case unterminatedQuote
  /// A pattern where a quoted phrase was expected.
  case expectedPhrase(found: String)
  /// A word before the phrase that is not an anchor.
  case unknownAnchor(word: String, suggestion: String?)
  /// A word after the phrase that is not a modifier.
  case unknownModifier(word: String, suggestion: String?)
  /// `""`.
  case emptyPhrase
  /// A phrase longer than the limit, in Characters.
  case phraseTooLong(length: Int, limit: Int)
  /// A backslash followed by a character that needs no escape.
  case invalidEscape(character: String)
  /// `{` without its `}`.
  case unclosedHole
  /// `}` without a `{` (write `}}` for a literal brace).
  case strayClosingBrace
  /// A hole name that is empty or not lower-kebab-case.
  case invalidHoleName(name: String)
  /// A hole kind tamis does not know (`{n:numbr}`).
  case unknownHoleKind(kind: String, suggestion: String?)
  /// The same hole name twice in one pattern.
  case duplicateHoleName(name: String)
  /// Two holes with no literal text between them.
  case adjacentHoles
  /// `{+…}` that does not follow a hole.
  case attachedLiteralWithoutHole
  /// A pattern made only of holes and white space.
  case patternWithoutLiteral
  /// A caption pattern without a `{text}` hole.
  case captionWithoutTextHole
  /// `any` (a rule on shape alone) given to an action other than `drop-line`.
  case anyLineNotDropLine(action: String)
  /// A caption hole other than `text` and `credit`.
  case unknownCaptionHole(name: String, suggestion: String?)
  /// A meta pattern without any hole to capture.
  case metaWithoutHole
  /// `drop-block:` without `until` and its end pattern.
  case blockWithoutEnd
  /// A `when:` value tamis cannot read.
  case invalidCondition(text: String)
  /// A `gives-caption:` value without ` | ` between text and credit.
  case invalidCaptionExpectation
  /// A `gives-meta:` value without ` = ` between key and value.
  case invalidMetaExpectation
  /// A language code that is not two or three lower-case letters or `any`.
  case invalidLanguage(code: String)
  /// A host name that is not a plausible host.
  case invalidHost(host: String)
  /// A rule file that is not valid UTF-8; located at the first invalid byte, this one.
  case invalidUTF8(byte: UInt8)
  /// A rule file larger than the limit, in bytes.
  case fileTooLarge(bytes: Int, limit: Int)
  /// More rules than the limit across the rule set; located at the first rule over it.
  case tooManyRules(limit: Int)
  /// A rule file or folder that cannot be read; `reason` is the system's (`permission denied`).
  case unreadable(path: String, reason: String)
  /// A path given or found as a rule file that is not a file of text: a device, a socket, or a
  /// folder named like a rule file inside a rules folder.
  case notARuleFile(path: String, kind: FileKind)
  /// A folder that holds no `.rules` file.
  case noRuleFiles(path: String)
  /// A group without `why:`.
  case missingWhy(id: String)
  /// A group without `example:`.
  case missingExample(id: String)
  /// A group without `keeps:`.
  case missingKeeps(id: String)
  /// A site pack whose `site:` host differs from its file name.
  case siteDoesNotMatchFileName(site: String, fileName: String)

  /// The message text: lower-case start, no final period, user text in single quotes.
  public var message: String {
    switch self {
    case .notADirective:
      "expected 'directive: value', a comment or a blank line"
    case .unknownDirective(let name, let suggestion):
      "unknown directive '\(name)'" + Self.didYouMean(suggestion)
    case .misplacedDirective(let name, let context):
      "'\(name):' \(context.phrase)"
    case .missingValue(let directive):
      "'\(directive):' needs a value"
    case .duplicateHeader(let name):
      "'\(name):' is given twice"
    case .missingHeader(let name):
      "the file header lacks '\(name):'"
    case .detectWithoutSite:
      "'detect:' only makes sense in a site pack; add 'site:'"
    case .invalidID(let id):
      "invalid id '\(id)'; ids are lower-kebab-case, such as 'fr-lire-aussi'"
    case .duplicateID(let id):
      "duplicate rule id '\(id)'"
    case .idIsAlias(let id, let currentID):
      "rule id '\(id)' is an old id of '\(currentID)'; choose another id"
    case .aliasIsID(let alias):
      "alias '\(alias)' is already a rule id"
    case .duplicateAlias(let alias, let currentID):
      "alias '\(alias)' is already an old id of '\(currentID)'"
    case .ruleActionCount(let id, let count):
      "rule '\(id)' has \(count) actions; a rule has exactly one (use 'group:' for several)"
    case .groupWithoutAction(let id):
      "group '\(id)' has no action"
    case .unterminatedQuote:
      "unterminated quote"
    case .expectedPhrase(let found):
      found.isEmpty ? "expected a quoted phrase" : "expected a quoted phrase, found '\(found)'"
    case .unknownAnchor(let word, let suggestion):
      "unknown anchor '\(word)'" + Self.didYouMean(suggestion)
    case .unknownModifier(let word, let suggestion):
      "unknown modifier '\(word)'" + Self.didYouMean(suggestion)
    case .emptyPhrase:
      "empty phrase"
    case .phraseTooLong(let length, let limit):
      "phrase of \(length) characters is longer than the limit of \(limit)"
    case .invalidEscape(let character):
      "invalid escape '\\\(character)'; only '\\\"', '\\\\', '\\{' and '\\}' are escapes"
    case .unclosedHole:
      "unclosed hole; write '{{' for a literal brace"
    case .strayClosingBrace:
      "'}' without '{'; write '}}' for a literal brace"
    case .invalidHoleName(let name):
      "invalid hole name '\(name)'; hole names are lower-kebab-case"
    case .unknownHoleKind(let kind, let suggestion):
      "unknown hole kind '\(kind)'" + Self.didYouMean(suggestion)
    case .duplicateHoleName(let name):
      "hole '\(name)' appears twice"
    case .adjacentHoles:
      "two holes need literal text between them"
    case .attachedLiteralWithoutHole:
      "'{+…}' must follow a hole directly, as in '{credit}{+ / AFP}'"
    case .patternWithoutLiteral:
      "a pattern needs literal text besides its holes"
    case .captionWithoutTextHole:
      "a caption pattern needs a '{text}' hole"
    case .anyLineNotDropLine(let action):
      "'any' matches every line and is only allowed with 'drop-line', not '\(action)'"
    case .unknownCaptionHole(let name, let suggestion):
      "unknown caption hole '\(name)'" + Self.didYouMean(suggestion)
    case .metaWithoutHole:
      "a meta pattern needs a hole to capture, such as '{date}'"
    case .blockWithoutEnd:
      "'drop-block:' needs 'until' and an end pattern"
    case .invalidCondition(let text):
      "invalid condition '\(text)'; expected 'first N lines', 'last N%', 'max-words N', …"
    case .invalidCaptionExpectation:
      "expected 'TEXT | CREDIT'"
    case .invalidMetaExpectation:
      "expected 'KEY = VALUE' with a lower-kebab-case key"
    case .invalidLanguage(let code):
      "invalid language '\(code)'; expected a code such as 'fr' or 'any'"
    case .invalidHost(let host):
      "invalid host '\(host)'"
    case .invalidUTF8(let byte):
      "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)); rule files are UTF-8 text"
    case .fileTooLarge(let bytes, let limit):
      "rule file of \(bytes) bytes is larger than the limit of \(limit)"
    case .tooManyRules(let limit):
      "rule set over the limit of \(limit) rules from this rule on"
    case .unreadable(_, let reason):
      "cannot read: \(reason)"
    case .notARuleFile(_, .folder):
      "is a folder, not a rule file; rename it without '.rules' to have its rule files read"
    case .notARuleFile(_, .device):
      "is a device, not a rule file"
    case .notARuleFile(_, .socket):
      "is a socket, not a rule file"
    case .noRuleFiles:
      "no '.rules' file in this folder"
    case .missingWhy(let id):
      "'\(id)' has no 'why:'"
    case .missingExample(let id):
      "'\(id)' has no 'example:'"
    case .missingKeeps(let id):
      "'\(id)' has no 'keeps:'"
    case .siteDoesNotMatchFileName(let site, let fileName):
      "site '\(site)' does not match the file name '\(fileName)'"
    }
  }

  /// The file or folder a problem without a line is about, for `path: error: message`;
  /// nil for problems located in a file. The messages of these problems leave the path out.
  public var path: String? {
    switch self {
    case .unreadable(let path, _), .notARuleFile(let path, _), .noRuleFiles(let path): path
    default: nil
    }
  }

  /// What a path that is not a rule file is instead.
  public enum FileKind: Sendable, Hashable {
    /// A folder whose name ends in `.rules`, found inside a rules folder.
    case folder
    /// A character or block device (`/dev/zero`).
    case device
    /// A socket.
    case socket
  }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}

/// Where a misplaced directive would have belonged.
public enum DirectiveContext: Sendable, Hashable {
  /// Header directives come before the first rule.
  case fileHeader
  /// Group directives come after `rule:` or `group:`.
  case ruleOrGroup
  /// Example lines come after `example:`.
  case example

  var phrase: String {
    switch self {
    case .fileHeader: "belongs in the file header, before the first rule"
    case .ruleOrGroup: "outside a rule or group"
    case .example: "outside an example"
    }
  }
}
