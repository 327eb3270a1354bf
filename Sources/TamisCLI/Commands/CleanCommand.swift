import Foundation
import Tamis

/// The default command: clean each input and print its body (or JSON) on stdout.
///
/// In text format, `--explain` prints each dump with every line marked instead of its body,
/// and `--diff` only the lines that changed (see `ExplainRenderer`); with several inputs each
/// listing starts with a `==> NAME <==` line. JSON output already lists the removals.
struct CleanCommand {
  let invocation: Invocation
  let streams: Streams

  /// Cleans every input in order. An input that fails is reported and skipped.
  func run() throws(WriteError) -> ExitCode {
    guard let rules = try RuleLoader.load(for: invocation, reportingTo: streams.errors) else {
      return .usageOrRules
    }
    let cleaner = Cleaner(rules: rules)
    // One large dump is scanned on every core; the result does not depend on the count.
    let options = CleaningOptions(
      site: invocation.site, language: invocation.language,
      jobs: invocation.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    let operands = invocation.inputs.isEmpty ? ["-"] : invocation.inputs
    var failed = false
    var captions: [Caption] = []
    for operand in operands {
      let name = InputReader.displayName(operand)
      let bytes: [UInt8]
      switch InputReader.read(operand, streams: streams) {
      case .success(let read): bytes = read
      case .failure(let problem):
        try streams.errors.write(
          DiagnosticRenderer.render(Diagnostic(.error, at: nil, .input(problem)), programName: name)
            + "\n")
        failed = true
        continue
      }
      let replaced = invocation.format == .json || invocation.explain || invocation.diff
      if let warning = InputReader.invalidUTF8Warning(bytes, name: name, replaced: replaced) {
        try streams.errors.write(warning)
      }
      let article = bytes.withUnsafeBufferPointer {
        cleaner.clean(bytes: $0, source: name, options: options)
      }
      try streams.output.write(
        render(article, bytes: bytes, name: name, several: operands.count > 1))
      captions += article.captions
    }
    if let path = invocation.captionsPath {
      let text = ArticleRendering.captionsTSV(captions)
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        try streams.errors.write("tamis: error: cannot write captions to '\(path)'\n")
        failed = true
      }
    }
    return failed ? .someInputsFailed : .success
  }

  /// What to print for one cleaned input.
  private func render(_ article: CleanedArticle, bytes: [UInt8], name: String, several: Bool)
    -> [UInt8]
  {
    if invocation.format == .json { return Array(ArticleRendering.json(article).utf8) }
    guard invocation.explain || invocation.diff else { return ArticleRendering.text(article) }
    let renderer = ExplainRenderer(colour: streams.outputIsTerminal)
    let listing =
      invocation.diff
      ? renderer.diff(article, bytes: bytes) : renderer.explain(article, bytes: bytes)
    guard several, !listing.isEmpty else { return Array(listing.utf8) }
    return Array((renderer.paint("==> \(name) <==", .dim) + "\n" + listing).utf8)
  }
}
