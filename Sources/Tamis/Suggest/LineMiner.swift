/// Counts, per site, the lines that recur across a corpus's documents, in bounded memory: the
/// first pass of `tamis suggest`.
///
/// Each document contributes its raw lines (see `DocumentLines`), each as a 64-bit hash of its
/// folded view (`TextFolder`: case, typography, spaces and NFC/NFD accents folded as the matcher
/// folds them), counted once per document, with whether the current rules left it in the body
/// unchanged there. A line is a candidate when it recurs often enough and the current rules do
/// not remove it everywhere: a line they always remove needs no new rule, and one that a
/// heuristic removes only in some documents does.
/// Per site, a table maps hashes to counters. Memory is bounded in two ways:
///
/// - a site's table holds at most `capacityPerSite` hashes; when it is full, the rarest entries
///   (those seen in the fewest documents) are evicted until it is half full;
/// - all tables together hold at most `totalCapacity` hashes; past that, every table is halved
///   the same way.
///
/// Boilerplate recurs in a large share of a site's documents, so it outlives every eviction.
/// An evicted line that comes back is counted again from zero, so its count may fall short by
/// at most the site's `evictionFloor` (the largest document count ever evicted there, 0 when
/// nothing was). The text of the lines that pass the thresholds is recovered in a second pass,
/// by `LineRecovery`.
public struct LineMiner: Sendable {
  /// What a line needs to be suggested.
  public struct Thresholds: Sendable, Hashable {
    /// The fewest documents of its site a line must appear in.
    public var minDocuments: Int
    /// The smallest share of its site's documents, in percent, a line must appear in.
    public var minSharePercent: Int
    /// The fewest characters (Unicode scalars of the folded line) a line must have.
    public var minLength: Int

    /// Creates thresholds; the defaults are those of `tamis suggest`.
    public init(minDocuments: Int = 5, minSharePercent: Int = 20, minLength: Int = 12) {
      self.minDocuments = minDocuments
      self.minSharePercent = minSharePercent
      self.minLength = minLength
    }
  }

  /// The counts of one line in one site's table.
  struct Counter: Sendable {
    /// Documents the line appears in.
    var documents: UInt32
    /// Occurrences, counting repeats inside a document.
    var occurrences: UInt32
    /// Characters the line's occurrences hold together.
    var characters: UInt64
    /// Documents where the current rules left the line in the body unchanged.
    var keptDocuments: UInt32
  }

  /// One site's table.
  struct SiteTable: Sendable {
    var documents = 0
    var counts: [UInt64: Counter] = [:]
    var evictionFloor: UInt32 = 0
  }

  /// What a line needs to be suggested.
  public let thresholds: Thresholds
  /// The most hashes one site's table holds.
  public let capacityPerSite: Int
  /// The most hashes all tables hold together.
  public let totalCapacity: Int
  private(set) var sites: [String: SiteTable] = [:]
  private var total = 0

  /// Creates an empty miner.
  /// - Parameters:
  ///   - thresholds: what a line needs to be suggested.
  ///   - capacityPerSite: the most hashes one site's table holds (at least 16).
  ///   - totalCapacity: the most hashes all tables hold together (at least `capacityPerSite`).
  public init(
    thresholds: Thresholds = .init(), capacityPerSite: Int = 1 << 16, totalCapacity: Int = 1 << 20
  ) {
    self.thresholds = thresholds
    self.capacityPerSite = max(16, capacityPerSite)
    self.totalCapacity = max(self.capacityPerSite, totalCapacity)
  }

  /// The number of documents counted so far.
  public var documentCount: Int { sites.values.reduce(0) { $0 + $1.documents } }

  /// The number of hashes held in all tables.
  public var entryCount: Int { total }

  /// Adds one document's lines to its site's table.
  public mutating func add(_ document: DocumentLines) {
    var table = sites.removeValue(forKey: document.site) ?? SiteTable()
    table.documents += 1
    for line in document.lines {
      if var counter = table.counts[line.hash] {
        counter.documents &+= 1
        counter.occurrences &+= line.occurrences
        counter.characters &+= UInt64(line.occurrences) * UInt64(line.characters)
        if line.kept { counter.keptDocuments &+= 1 }
        table.counts[line.hash] = counter
        continue
      }
      if table.counts.count >= capacityPerSite { total -= Self.halve(&table) }
      table.counts[line.hash] = Counter(
        documents: 1, occurrences: line.occurrences,
        characters: UInt64(line.occurrences) * UInt64(line.characters),
        keptDocuments: line.kept ? 1 : 0)
      total += 1
    }
    sites[document.site] = table
    if total > totalCapacity {
      for site in Array(sites.keys) {
        guard var table = sites[site] else { continue }
        total -= Self.halve(&table)
        sites[site] = table
      }
    }
  }

  /// Evicts the entries seen in the fewest documents, at least half of them (every entry at
  /// or below the median count); returns how many were evicted.
  private static func halve(_ table: inout SiteTable) -> Int {
    let count = table.counts.count
    guard count > 0 else { return 0 }
    let sorted = table.counts.values.map(\.documents).sorted()
    let limit = sorted[(count - 1) / 2]
    table.counts = table.counts.filter { $0.value.documents > limit }
    table.evictionFloor = max(table.evictionFloor, limit)
    return count - table.counts.count
  }

  /// The lines that pass the thresholds and that the current rules leave in the body in at
  /// least one document, per site.
  public func candidates() -> LineCandidates {
    var result: [String: LineCandidates.Site] = [:]
    for (site, table) in sites {
      let needed = max(
        thresholds.minDocuments,
        (table.documents * thresholds.minSharePercent + 99) / 100)
      var lines: [LineCandidates.Line] = []
      for (hash, counter) in table.counts
      where Int(counter.documents) >= needed && counter.keptDocuments > 0 {
        lines.append(
          LineCandidates.Line(
            hash: hash, documents: Int(counter.documents), occurrences: Int(counter.occurrences),
            characters: Int(counter.characters)))
      }
      guard !lines.isEmpty else { continue }
      result[site] = LineCandidates.Site(
        documents: table.documents, evictionFloor: Int(table.evictionFloor), lines: lines)
    }
    return LineCandidates(sites: result)
  }
}

/// The lines of each site that passed `LineMiner`'s thresholds, known by their hashes until
/// `LineRecovery` finds their text.
public struct LineCandidates: Sendable {
  /// One line's counts.
  struct Line: Sendable {
    let hash: UInt64
    let documents: Int
    let occurrences: Int
    let characters: Int
  }

  /// One site's candidates.
  struct Site: Sendable {
    let documents: Int
    let evictionFloor: Int
    let lines: [Line]
  }

  let sites: [String: Site]

  /// The number of candidate lines over all sites.
  public var count: Int { sites.values.reduce(0) { $0 + $1.lines.count } }

  /// True when there is nothing to recover.
  public var isEmpty: Bool { sites.isEmpty }
}
