/// Counts, per site, in how many documents each line appears: the first pass of `--learn`.
///
/// A line is known by its `LearnedLineHash` key (folded, numbers normalised), counted once per
/// document. Lines shorter than `Settings.learnMinimumCharacters` or without a letter are not
/// counted. Memory is bounded in two ways, as in `LineMiner`:
///
/// - a site's table holds at most `capacityPerSite` hashes (`Settings.learnCapacityPerSite`);
///   when it is full, the entries seen in the fewest documents (every entry at or below the
///   median count) are evicted;
/// - all tables together hold at most `totalCapacity` hashes (`Settings.learnTotalCapacity`);
///   past that, every table is halved the same way.
///
/// Boilerplate recurs in a large share of its site's documents, so it outlives every eviction.
/// An evicted line that comes back is counted again from zero: a line can only be under-counted
/// (and then not learned), never over-counted, so eviction never removes a line that is not
/// repeated.
public struct LineCounter: Sendable {
  /// What a line needs to be learned.
  public struct Thresholds: Sendable, Hashable {
    /// The fewest documents of its site a line must appear in.
    public var minDocuments: Int
    /// The smallest share of its site's documents, in percent, a line must appear in.
    public var minSharePercent: Int

    /// Creates thresholds; the defaults are `Settings.learnMinimumDocuments` and
    /// `Settings.learnMinimumSharePercent`.
    public init(
      minDocuments: Int = Settings.learnMinimumDocuments,
      minSharePercent: Int = Settings.learnMinimumSharePercent
    ) {
      self.minDocuments = minDocuments
      self.minSharePercent = minSharePercent
    }
  }

  /// One document's distinct line hashes, made off the counting thread by `lines(in:)`.
  public struct DocumentLines: Sendable {
    let hashes: [UInt64]
    /// Per hash: whether one of its lines sits between two paragraphs.
    let inline: [Bool]
  }

  /// A line's counts: documents, and documents where it sits between paragraphs.
  private struct Count: Sendable {
    var documents: UInt32
    var inline: UInt32
  }

  private struct SiteTable: Sendable {
    var documents = 0
    var counts: [UInt64: Count] = [:]
  }

  /// The most hashes one site's table holds.
  public let capacityPerSite: Int
  /// The most hashes all tables hold together.
  public let totalCapacity: Int
  private var tables: [String: SiteTable] = [:]
  private var total = 0
  /// The documents counted without a site.
  public private(set) var documentsWithoutSite = 0
  /// How many times a table was halved (a site's or all of them).
  public private(set) var evictions = 0

  /// Creates an empty counter.
  public init(
    capacityPerSite: Int = Settings.learnCapacityPerSite,
    totalCapacity: Int = Settings.learnTotalCapacity
  ) {
    self.capacityPerSite = max(16, capacityPerSite)
    self.totalCapacity = max(self.capacityPerSite, totalCapacity)
  }

  /// The documents counted, with a site or without.
  public var documentCount: Int {
    tables.values.reduce(documentsWithoutSite) { $0 + $1.documents }
  }

  /// The number of sites seen.
  public var siteCount: Int { tables.count }

  /// The distinct lines of one document worth counting. Pure: call it from any thread.
  public static func lines(in bytes: UnsafeBufferPointer<UInt8>) -> DocumentLines {
    var hasher = LearnedLineHash()
    var seen: [UInt64: Int] = [:]
    var hashes: [UInt64] = []
    var inline: [Bool] = []
    let lines = LineIndex(bytes).lines
    // Per non-blank line: its index and whether it is a paragraph (enough words).
    var nonBlank: [(line: Int, isParagraph: Bool)] = []
    for (index, line) in lines.enumerated() {
      let content = Whitespace.trimmed(UnsafeBufferPointer(rebasing: bytes[line.content]))
      guard !content.isEmpty else { continue }
      var words = 1
      for byte in content where byte == 0x20 { words += 1 }
      nonBlank.append((index, words >= Settings.learnParagraphWords))
    }
    for (k, entry) in nonBlank.enumerated() {
      let line = lines[entry.line]
      guard let key = hasher.key(UnsafeBufferPointer(rebasing: bytes[line.content])),
        key.hasLetter, key.characters >= Settings.learnMinimumCharacters
      else { continue }
      let isInline =
        k > 0 && k + 1 < nonBlank.count && nonBlank[k - 1].isParagraph
        && nonBlank[k + 1].isParagraph
      if let slot = seen[key.hash] {
        inline[slot] = inline[slot] || isInline
        continue
      }
      seen[key.hash] = hashes.count
      hashes.append(key.hash)
      inline.append(isInline)
    }
    return DocumentLines(hashes: hashes, inline: inline)
  }

  /// Adds one document to the table of `site` (nil or empty: a document without a site, only
  /// counted).
  public mutating func add(_ document: DocumentLines, site: String?) {
    guard let site, !site.isEmpty else {
      documentsWithoutSite += 1
      return
    }
    let key = LearnedLines.siteKey(site)
    var table = tables.removeValue(forKey: key) ?? SiteTable()
    table.documents += 1
    for (hash, isInline) in zip(document.hashes, document.inline) {
      let inline: UInt32 = isInline ? 1 : 0
      if var count = table.counts[hash] {
        count.documents &+= 1
        count.inline &+= inline
        table.counts[hash] = count
        continue
      }
      if table.counts.count >= capacityPerSite { total -= halve(&table) }
      table.counts[hash] = Count(documents: 1, inline: inline)
      total += 1
    }
    tables[key] = table
    if total > totalCapacity {
      for site in Array(tables.keys) {
        guard var table = tables[site] else { continue }
        total -= halve(&table)
        tables[site] = table
      }
    }
  }

  /// Evicts the entries seen in the fewest documents (every entry at or below the median
  /// count); returns how many were evicted.
  private mutating func halve(_ table: inout SiteTable) -> Int {
    let count = table.counts.count
    guard count > 0 else { return 0 }
    evictions += 1
    let sorted = table.counts.values.map(\.documents).sorted()
    let limit = sorted[(count - 1) / 2]
    table.counts = table.counts.filter { $0.value.documents > limit }
    return count - table.counts.count
  }

  /// The lines that pass `thresholds`, per site, ranked by document count (then hash, so the
  /// ranks do not depend on the order of counting within a tie).
  public func learned(_ thresholds: Thresholds = .init()) -> LearnedLines {
    var sites: [String: LearnedLines.Site] = [:]
    for (host, table) in tables {
      let needed = max(
        thresholds.minDocuments, (table.documents * thresholds.minSharePercent + 99) / 100)
      guard table.documents >= 2 else { continue }
      let kept = table.counts.filter { Int($0.value.documents) >= max(2, needed) }
        .sorted {
          $0.value.documents != $1.value.documents
            ? $0.value.documents > $1.value.documents : $0.key < $1.key
        }
      guard !kept.isEmpty else { continue }
      var entries: [UInt64: LearnedLines.Entry] = [:]
      for (rank, (hash, count)) in kept.enumerated() {
        entries[hash] = LearnedLines.Entry(
          rank: Int32(rank + 1), documents: Int32(count.documents),
          isInline: count.inline * 3 >= count.documents)
      }
      sites[host] = LearnedLines.Site(host: host, documents: table.documents, entries: entries)
    }
    return LearnedLines(sites: sites)
  }
}
