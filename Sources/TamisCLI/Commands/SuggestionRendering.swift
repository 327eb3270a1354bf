import Tamis

/// How `tamis suggest` prints its findings: comment lines with the counts, and rule lines
/// ready to paste into a group of the site's pack.
///
/// ```
/// # exemple.fr: 2500 documents, 2 suggestions
/// # 2480 documents (99 %), 2480 lines, 153760 characters; e.g. 0000001, 0000003
///   drop-line: equals "Si vous avez aimé cet article, partagez-le avec vos proches."
/// ```
enum SuggestionRendering {
  /// The whole output, one block per site, sites in name order.
  static func text(
    _ sites: [SiteSuggestions], documents: Int, thresholds: LineMiner.Thresholds
  ) -> String {
    var lines = [
      "# tamis suggest: \(documents) documents; lines in at least \(thresholds.minDocuments) "
        + "documents and \(thresholds.minSharePercent) % of their site's, of at least "
        + "\(thresholds.minLength) characters, that the current rules do not always remove",
      "# Paste a site's rule lines into a group of rules/sites/HOST.rules, give the group a why:,",
      "# an example: and a keeps: line, then run 'tamis check' and 'tamis --explain' on a dump.",
    ]
    if sites.isEmpty { lines.append("# no line passes the thresholds") }
    for site in sites {
      lines.append("")
      var header =
        "# \(site.site.isEmpty ? "(no site)" : site.site): \(site.documents) documents, "
        + "\(site.lines.count) " + (site.lines.count == 1 ? "suggestion" : "suggestions")
      if site.maximumUndercount > 0 {
        header += "; counts may be up to \(site.maximumUndercount) low (rare lines were evicted)"
      }
      lines.append(header)
      for line in site.lines {
        let share = site.documents > 0 ? line.documents * 100 / site.documents : 0
        lines.append(
          "# \(line.documents) documents (\(share) %), \(line.occurrences) lines, "
            + "\(line.characters) characters"
            + (line.variants > 1 ? ", \(line.variants) variants" : "") + "; e.g. "
            + line.examples.joined(separator: ", "))
        lines.append("  " + line.rule)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
