import Foundation
import Testing

@testable import TamisCLI

/// Runs tamis in-process with byte input, keeping stdout as bytes (a body may hold invalid
/// UTF-8, which a `String` would hide).
struct ByteRun {
  let status: ExitCode
  let output: [UInt8]
  let errors: String

  init(_ arguments: [String], input: [UInt8] = []) {
    let output = MemorySink()
    let errors = MemorySink()
    let streams = Streams(output: output, errors: errors, readInput: { input })
    self.status = TamisCommand.run(arguments, streams: streams)
    self.output = output.bytes
    self.errors = errors.text
  }

  /// stdout decoded as UTF-8, or nil when it is not valid UTF-8.
  var validOutput: String? { String(validating: output, as: UTF8.self) }
}

/// Shared pieces of the torture tests.
enum Torture {
  /// A small rule pack: a line to drop, a span to strip, a caption, a paragraph-closing line.
  static let rules = """
    title: Torture pack
    lang: any
    group: torture
      why: test
      drop-line: equals "Publicité"
      drop-line: starts-with "Lire aussi"
      strip-span: "[pub]"
      caption: "{text} // Source : {credit}"
      example: e
        in: Publicité
      keeps: La publicité recule.
    """

  /// Writes the pack to a fresh folder and returns its path.
  static func rulesFile() throws -> String {
    let url = try TestPaths.temporaryFolder().appendingPathComponent("torture.rules")
    try Data(rules.utf8).write(to: url)
    return url.path
  }

  /// `--no-default-rules --rules PACK` followed by `arguments`.
  static func arguments(_ arguments: [String]) throws -> [String] {
    ["--no-default-rules", "--rules", try rulesFile()] + arguments
  }

  /// Every regular file under `url`, relative, sorted.
  static func files(under url: URL) -> [String] {
    let base = url.standardizedFileURL.path
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: base)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(
        atPath: (base as NSString).appendingPathComponent(path), isDirectory: &isDirectory)
      if !isDirectory.boolValue { found.append(path) }
    }
    return found.sorted()
  }

  /// The built `tamis` executable, next to the test bundle (STYLE §1).
  static var executable: URL { Bundle.main.bundleURL.appendingPathComponent("tamis") }
}
