/// The boilerplate lines learned from a crawl, per site: what `--learn` removes.
///
/// Each site holds a hash set of its learned lines (`LearnedLineHash` keys), each with its rank
/// and the number of documents it was found in, so removing them costs one hash and one lookup
/// per line, and memory a few bytes per learned line, however many lines are learned. A removal
/// is credited to the rule id `learned-<site>-<rank>` (`ruleID(rank:)`), the id the line's rule
/// has in the site pack `--learn-out` writes.
public struct LearnedLines: Sendable, Hashable {
  /// One learned line.
  public struct Entry: Sendable, Hashable {
    /// The line's number among its site's learned lines, from 1, most frequent first.
    public let rank: Int32
    /// The documents of the site the line was found in.
    public let documents: Int32
    /// Whether the line sits between two paragraphs in at least a third of those documents
    /// (an "Advertisement" between paragraphs), rather than in a menu or a footer. Only such a
    /// line is removed from inside the body core; a menu item found there ("Climate") is the
    /// article's heading.
    public let isInline: Bool

    /// Creates an entry.
    public init(rank: Int32, documents: Int32, isInline: Bool = false) {
      self.rank = rank
      self.documents = documents
      self.isInline = isInline
    }
  }

  /// One site's learned lines.
  public struct Site: Sendable, Hashable {
    /// The site's host, as documents name it once normalised (`site(for:)`).
    public let host: String
    /// The documents of the site that were counted.
    public let documents: Int
    /// The learned lines by hash.
    public let entries: [UInt64: Entry]

    /// Creates a site's learned lines.
    public init(host: String, documents: Int, entries: [UInt64: Entry]) {
      self.host = host
      self.documents = documents
      self.entries = entries
    }

    /// The rule id of the learned line of `rank`: `learned-example-com-12`.
    public func ruleID(rank: Int32) -> String { "learned-\(Self.slug(host))-\(rank)" }

    /// Why the line of `entry` is removed: "repeated in 412 of 430 documents of example.com".
    public func reason(_ entry: Entry) -> String {
      "repeated in \(entry.documents) of \(documents) documents of \(host)"
    }

    /// The host as an id part: lower-case letters and digits, every other run of characters
    /// one `-` (`example.com` → `example-com`).
    static func slug(_ host: String) -> String {
      var slug = ""
      for scalar in host.unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
          slug.unicodeScalars.append(scalar)
        } else if !slug.isEmpty, !slug.hasSuffix("-") {
          slug += "-"
        }
      }
      while slug.hasSuffix("-") { slug.removeLast() }
      return slug.isEmpty ? "site" : slug
    }
  }

  /// The sites with at least one learned line, by normalised host.
  public let sites: [String: Site]

  /// Creates learned lines.
  public init(sites: [String: Site]) {
    self.sites = sites
  }

  /// The number of learned lines over all sites.
  public var count: Int { sites.values.reduce(0) { $0 + $1.entries.count } }

  /// The learned lines of the site of `host` (`www.` and case ignored), if any.
  public func site(for host: String?) -> Site? {
    guard let host else { return nil }
    return sites[Self.siteKey(host)]
  }

  /// The key a host is counted and looked up under: lower-case, without a leading `www.`.
  public static func siteKey(_ host: String) -> String {
    var key = host.lowercased()
    if key.hasPrefix("www.") { key.removeFirst(4) }
    return key
  }
}
