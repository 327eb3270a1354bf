import Foundation
import Tamis

/// Writes the site packs of `--learn-out DIR` once the cleaning pass is done, by the output
/// rules every tamis output follows (`OutputFiles`): each file through a temporary file and a
/// rename, none over an input, temporary files removed on an interrupt.
struct LearningPackWriter {
  let streams: Streams
  let inputs: [String]

  /// The `keeps:` line of a site no body line of which was fit for one.
  static let fallbackKeeps =
    "Nothing in this sentence repeats across the site, so the rules of this pack leave it."

  /// Writes one pack per site with something learned and seen in the cleaning pass; returns
  /// false when a file could not be written (reported).
  func write(
    _ recorder: LearningRecorder, to directory: String, thresholds: LineCounter.Thresholds,
    quiet: Bool
  ) throws(WriteError) -> Bool {
    let files = OutputFiles(
      protecting: OutputFiles.protectedFiles(inputs: inputs, streams: streams))
    let signalSources = files.removeOnInterrupt()
    defer { signalSources.forEach { $0.cancel() } }
    let recorded = recorder.recorded
    var written = 0
    var ok = true
    for (key, site) in recorder.learned.sites.sorted(by: { $0.key < $1.key }) {
      guard let seen = recorded[key] else { continue }
      var lines: [LearnedPack.Line] = []
      for entry in site.entries.values {
        guard let line = seen.lines[entry.rank], let example = line.example else { continue }
        lines.append(
          LearnedPack.Line(
            rank: entry.rank, documents: Int(entry.documents), removed: line.removed,
            kept: line.kept, example: example))
      }
      guard !lines.isEmpty else { continue }
      let pack = LearnedPack(
        site: site, lines: lines, keeps: seen.keeps?.text ?? Self.fallbackKeeps)
      let path = (directory as NSString).appendingPathComponent(pack.fileName)
      do {
        try files.makeFolder(directory)
      } catch {
        try streams.errors.write(
          "tamis: error: cannot create '\(directory)': \(InputReader.reason(error))\n")
        return false
      }
      do {
        try files.write(Array(pack.text(thresholds: thresholds).utf8), to: path)
        written += 1
      } catch {
        try streams.errors.write("tamis: error: cannot write '\(path)': \(error.message)\n")
        ok = false
      }
    }
    if !quiet {
      try streams.errors.write(
        "tamis: wrote \(RunSummary.counted(written, "site pack")) to '\(directory)'\n")
    }
    return ok
  }
}
extension Removal {
  /// How `--explain` and `--diff` name the rule of a removal: id, action and where the rule is,
  /// or for a learned line its reason (`learned-example-com-3 drop-line: repeated in 412 of 430
  /// documents of example.com`).
  var note: String {
    if let reason { return "\(ruleID) \(action.name): \(reason)" }
    return "\(ruleID) \(action.name) \(rule)"
  }
}
