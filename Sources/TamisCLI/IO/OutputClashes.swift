/// Finds batch documents that would be written to one output path, before anything is written.
///
/// Two inputs of the same name (`a/site/x.txt` and `b/site/x.txt`, or the folders `a/site` and
/// `b/site`) mirror to one path, and so do `x.txt` and `x.md` (one `x.captions.tsv`, or one
/// `x.json`). Writing both would leave one output holding the other's body or captions, so the
/// run is refused with every clash listed (up to `listed`). The same file reached twice (an input
/// given twice, or a folder and a file in it) is cleaned once instead.
enum OutputClashes {
  /// How many clashes are listed one by one; the rest are counted.
  static let listed = 10

  /// The documents with duplicates of one file to one output removed, and the clashes found.
  /// - Parameters:
  ///   - documents: the documents in walk order.
  ///   - outputs: the output paths of a document.
  static func check(
    _ documents: [InputWalker.Document], outputs: (InputWalker.Document) -> [String]
  ) -> (unique: [InputWalker.Document], clashes: [BatchProblem]) {
    var unique: [InputWalker.Document] = []
    /// For each output path, the index in `unique` of the document that writes it.
    var writer: [String: Int] = [:]
    /// For each clashing output, the documents that write it, in order; outputs in order.
    var clashing: [String: [Int]] = [:]
    var clashOrder: [String] = []
    /// Document pairs already reported, so `x.txt` and `x.captions.tsv` give one clash.
    var reported: Set<[Int]> = []
    for document in documents {
      // A folder that could not be listed writes nothing; it is only reported.
      if document.unlistableFolderError != nil {
        unique.append(document)
        continue
      }
      let paths = outputs(document)
      if let first = paths.first, let index = writer[first],
        unique[index].fileID != nil, unique[index].fileID == document.fileID,
        outputs(unique[index]) == paths
      {
        continue
      }
      let index = unique.count
      unique.append(document)
      for path in paths {
        guard let other = writer[path] else {
          writer[path] = index
          continue
        }
        if clashing[path] == nil {
          clashing[path] = [other]
          clashOrder.append(path)
        }
        clashing[path]?.append(index)
      }
    }
    var clashes: [BatchProblem] = []
    var unlisted = 0
    for path in clashOrder {
      guard let indices = clashing[path], reported.insert(indices).inserted else { continue }
      if clashes.count < listed {
        clashes.append(.outputClash(inputs: indices.map { unique[$0].path }, output: path))
      } else {
        unlisted += 1
      }
    }
    if unlisted > 0 { clashes.append(.moreClashes(count: unlisted)) }
    return (unique, clashes)
  }
}
