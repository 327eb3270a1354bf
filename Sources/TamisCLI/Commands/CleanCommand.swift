import Foundation
import Tamis

/// The default command: clean each input and print its body (or JSON) on stdout.
struct CleanCommand {
  let invocation: Invocation
  let streams: Streams

  /// Cleans every input in order. An input that fails is reported and skipped.
  func run() throws(WriteError) -> ExitCode {
    let rules: RuleSet
    switch RuleLoader.load(defaults: invocation.useDefaultRules, paths: invocation.rulePaths) {
    case .success(let loaded): rules = loaded
    case .failure(let error):
      try RuleLoader.report(error.diagnostics, to: streams.errors)
      return .usageOrRules
    }
    let cleaner = Cleaner(rules: rules)
    let options = CleaningOptions(site: invocation.site, language: invocation.language)
    let operands = invocation.inputs.isEmpty ? ["-"] : invocation.inputs
    var failed = false
    var captionLines: [String] = []
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
      let article = bytes.withUnsafeBufferPointer {
        cleaner.clean(bytes: $0, source: name, options: options)
      }
      try streams.output.write(render(article))
      captionLines += article.captions.map { Self.captionLine($0) }
    }
    if let path = invocation.captionsPath {
      let text = captionLines.map { $0 + "\n" }.joined()
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        try streams.errors.write("tamis: error: cannot write captions to '\(path)'\n")
        failed = true
      }
    }
    return failed ? .someInputsFailed : .success
  }

  /// The bytes printed for one article: its body and a final line end, or one JSON line.
  private func render(_ article: CleanedArticle) -> String {
    switch invocation.format {
    case .json:
      return article.json(includeRemovals: true).rendered + "\n"
    case .text:
      return article.body.isEmpty ? "" : article.body + article.lineTerminator
    }
  }

  /// One line of the captions file: text, a tab, the credit (tabs inside become spaces).
  static func captionLine(_ caption: Caption) -> String {
    let text = caption.text.replacingOccurrences(of: "\t", with: " ")
    let credit = caption.credit.replacingOccurrences(of: "\t", with: " ")
    return "\(text)\t\(credit)"
  }
}
