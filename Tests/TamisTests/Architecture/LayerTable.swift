/// Which way the layers of `Sources/Tamis` point: the one place that says it.
///
/// Each folder of `Sources/Tamis` is a layer, and the layers stand in tiers, from the bottom. A
/// file may name the types of its own tier and of the tiers below it, never those of a tier
/// above. Layers that share a tier may name each other's types.
struct LayerTable {
  /// The tiers, from the bottom; each lists the folders (layers) that stand on it.
  let tiers: [[String]]

  /// The layers of the library, as STYLE.md §1 and issue 12 order them.
  static let library = LayerTable(tiers: [
    // Bytes, lines and white space; the plain result values the engine builds; and the
    // diagnostics, which every layer may use and which therefore use none of the layers above.
    ["Settings", "Source", "Output", "Diagnostics"],
    // The rule model: what a rule set is, without how it is read or run.
    ["Model"],
    // Reading rule files into the model.
    ["RuleFile"],
    // Compiling the model into one matcher; the lines learned from a crawl (`--learn`), keyed
    // on the matcher's folded view, which the engine looks up.
    ["Matcher", "Learn"],
    // Cleaning a dump with the compiled matcher.
    ["Engine"],
    // The tools built on cleaning.
    ["Check", "Suggest", "Evaluation"],
  ])

  /// The tier of a layer, 0 at the bottom; nil for a folder the table does not name.
  func tier(of layer: String) -> Int? {
    tiers.firstIndex { $0.contains(layer) }
  }
}
