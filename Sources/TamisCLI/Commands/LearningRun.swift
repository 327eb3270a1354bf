import Tamis

/// What the first pass of `--learn` hands the cleaning pass: the learned lines, how a batch
/// document's site is found, and the recorder `--learn-out` reads.
struct LearningRun: Sendable {
  /// The lines learned per site.
  let lines: LearnedLines
  /// The folder operands of a batch run, each ending with `/`: a document's site is the first
  /// folder under the one it was found in.
  let folderPrefixes: [String]
  /// With `--learn-out`, what cleaning tells of each learned line.
  let recorder: LearningRecorder?

  /// The site of the batch document at `path`: the first folder under its input folder
  /// (`crawl/example.com/2024/a.txt` → `example.com`); nil for a file directly under it, or
  /// given as an operand.
  func site(of path: String) -> String? {
    Self.site(of: path, folderPrefixes: folderPrefixes)
  }

  /// The site of `path` under one of `folderPrefixes` (see `site(of:)`).
  static func site(of path: String, folderPrefixes: [String]) -> String? {
    for prefix in folderPrefixes where path.hasPrefix(prefix) {
      let components = path.dropFirst(prefix.count).split(separator: "/")
      return components.count > 1 ? String(components[0]) : nil
    }
    return nil
  }
}
