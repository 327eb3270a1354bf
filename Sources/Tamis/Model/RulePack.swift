/// One rule file: what it is (its header) and its groups.
public struct RulePack: Sendable, Hashable {
  /// When a pack applies to a dump.
  public enum Scope: Sendable, Hashable {
    /// A generic pack for one language, or every language when `language` is nil.
    case generic(language: String?)
    /// A site pack for these hosts (and their subdomains).
    case site(hosts: [String])

    /// Site packs are more specific than generic ones: their `keep` rules protect from both.
    public var specificity: Int {
      switch self {
      case .generic: 0
      case .site: 1
      }
    }
  }

  /// The path as given when loading (for built-in rules, relative to the package root).
  public var path: String
  /// The `title:` header.
  public var title: String
  /// The `lang:` header (`any` is stored as nil).
  public var language: String?
  /// Generic or site.
  public var scope: Scope
  /// Patterns that switch a site pack on when a line of the dump matches one.
  public var detectors: [Pattern]
  /// Where each `detect:` line is, in the order of `detectors` (empty for packs built in code).
  public var detectorLocations: [SourceLocation] = []
  /// Where each host of the `site:` header is, in the order of the scope's hosts (empty for
  /// packs built in code).
  public var hostLocations: [SourceLocation] = []
  /// The groups, in file order.
  public var groups: [RuleGroup]

  /// Creates a pack.
  public init(
    path: String, title: String, language: String?, scope: Scope, detectors: [Pattern],
    groups: [RuleGroup]
  ) {
    self.path = path
    self.title = title
    self.language = language
    self.scope = scope
    self.detectors = detectors
    self.groups = groups
  }

  /// Every rule of every group, in file order.
  public var rules: [Rule] { groups.flatMap(\.rules) }
}
