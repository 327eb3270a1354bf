import Foundation
import Testing

@testable import TamisCLI

@Suite struct BatchCommandTests {
  static let rules = """
    title: Batch test pack
    lang: any
    group: batch-boilerplate
      why: test
      drop-line: equals "Publicité"
      caption: ends-with "{text} // Source : {credit}"
      example: e
        in: Publicité
      keeps: La publicité recule.
    """

  /// An input tree: `in/a/b/x.txt`, `in/a/y.txt`, a binary file and a link loop.
  static func makeTree() throws -> (root: URL, rules: String) {
    let root = try TestPaths.temporaryFolder()
    let manager = FileManager.default
    try manager.createDirectory(
      at: root.appendingPathComponent("in/a/b"), withIntermediateDirectories: true)
    try Data("Un.\n\nPublicité\n\nUne photo. // Source : AFP\n".utf8)
      .write(to: root.appendingPathComponent("in/a/b/x.txt"))
    try Data("Deux.\n".utf8).write(to: root.appendingPathComponent("in/a/y.txt"))
    try Data([0x89, 0x50, 0x00, 0x01]).write(to: root.appendingPathComponent("in/a/z.png"))
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("in/a/loop").path, withDestinationPath: "..")
    let rules = root.appendingPathComponent("batch.rules")
    try Data(Self.rules.utf8).write(to: rules)
    return (root, rules.path)
  }

  /// Runs tamis with the relative paths among `arguments` (`in`, `out`, `in/a/b`) made
  /// absolute under `root`: tests run in parallel, so none may change the working directory.
  static func run(_ root: URL, _ arguments: [String]) -> CLIRun {
    let relative = ["in", "in/a/b", "in/a/out", "out", "one", "two"]
    return CLIRun(
      arguments.map { relative.contains($0) ? root.appendingPathComponent($0).path : $0 })
  }

  static func files(under url: URL) -> [String] {
    let base = url.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: base)
    var found: [String] = []
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(
        atPath: (base as NSString).appendingPathComponent(path), isDirectory: &isDirectory)
      if !isDirectory.boolValue { found.append(path) }
    }
    return found.sorted()
  }

  @Test("the tree is mirrored: bodies, captions files where there are captions; no binaries")
  func mirrorsTheTree() throws {
    let (root, rules) = try Self.makeTree()
    let run = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "out"])
    #expect(run.status == .someInputsFailed)
    #expect(run.output == "")
    #expect(
      run.errors.hasPrefix(
        "\(root.path)/in/a/z.png: warning: binary file (NUL bytes); not a text dump\ntamis: "))
    let out = root.appendingPathComponent("out")
    #expect(
      Self.files(under: out) == [
        "in/a/b/x.captions.tsv", "in/a/b/x.txt", "in/a/y.txt",
      ])
    #expect(
      try String(contentsOf: out.appendingPathComponent("in/a/b/x.txt"), encoding: .utf8)
        == "Un.\n")
    #expect(
      try String(contentsOf: out.appendingPathComponent("in/a/b/x.captions.tsv"), encoding: .utf8)
        == "\(root.path)/in/a/b/x.txt\tUne photo.\tAFP\n")
    #expect(Self.files(under: root.appendingPathComponent("in")).count == 3)
  }

  @Test("--format json writes one .json file per document")
  func jsonFiles() throws {
    let (root, rules) = try Self.makeTree()
    let run = Self.run(
      root, ["--no-default-rules", "-r", rules, "in/a/b", "--out", "out", "-f", "json", "-q"])
    #expect(run.status == .success)
    #expect(Self.files(under: root.appendingPathComponent("out")) == ["b/x.json"])
  }

  @Test("--jobs 1 and --jobs 2 write byte-identical outputs")
  func jobsDoNotChangeOutput() throws {
    let (root, rules) = try Self.makeTree()
    for index in 0..<40 {
      try Data("Texte \(index).\n\nPublicité\n\nPhoto \(index). // Source : AFP\n".utf8)
        .write(to: root.appendingPathComponent("in/a/doc\(index).txt"))
    }
    _ = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "one", "-j", "1", "-q"])
    _ = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "two", "-j", "2", "-q"])
    let one = root.appendingPathComponent("one")
    let two = root.appendingPathComponent("two")
    #expect(Self.files(under: one) == Self.files(under: two))
    for file in Self.files(under: one) {
      #expect(
        try Data(contentsOf: one.appendingPathComponent(file))
          == Data(contentsOf: two.appendingPathComponent(file)), "\(file)")
    }
  }

  @Test("an output folder inside an input folder is refused before anything is written")
  func outputInsideInputIsRefused() throws {
    let (root, rules) = try Self.makeTree()
    let run = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "in/a/out"])
    #expect(run.status == .usageOrRules)
    #expect(
      run.errors
        == "tamis: error: output folder '\(root.path)/in/a/out' is inside input folder "
        + "'\(root.path)/in'; choose a folder outside it\n")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("in/a/out").path))
  }

  @Test("--resume skips documents whose outputs are newer than input and rules")
  func resumeSkipsUpToDate() throws {
    let (root, rules) = try Self.makeTree()
    let arguments = ["--no-default-rules", "-r", rules, "in", "--out", "out"]
    _ = Self.run(root, arguments + ["-q"])
    let body = root.appendingPathComponent("out/in/a/y.txt")
    try Data("marker\n".utf8).write(to: body)
    let resumed = Self.run(root, arguments + ["--resume"])
    #expect(resumed.errors.contains("(2 up to date)"))
    #expect(try String(contentsOf: body, encoding: .utf8) == "marker\n")
    // Touching the input makes it stale again.
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)],
      ofItemAtPath: root.appendingPathComponent("in/a/y.txt").path)
    _ = Self.run(root, arguments + ["--resume", "-q"])
    #expect(try String(contentsOf: body, encoding: .utf8) == "Deux.\n")
  }

  @Test("no temporary file is left in the output folder after a run")
  func noTemporaryFilesLeft() throws {
    let (root, rules) = try Self.makeTree()
    _ = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "out", "-q"])
    let leftovers = Self.files(under: root.appendingPathComponent("out")).filter {
      $0.contains(".tmp")
    }
    #expect(leftovers.isEmpty)
  }

  @Test("an unreadable file is reported, the others are written, exit 1")
  func unreadableFile() throws {
    guard getuid() != 0 else { return }  // root reads everything; the check cannot be made
    let (root, rules) = try Self.makeTree()
    let locked = root.appendingPathComponent("in/a/locked.txt")
    try Data("x\n".utf8).write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
    let run = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "out", "-q"])
    #expect(run.status == .someInputsFailed)
    #expect(run.errors.contains("/in/a/locked.txt: error: cannot read"))
  }

  @Test("a folder that cannot be listed is reported, the others are written, exit 1")
  func unlistableFolder() throws {
    guard getuid() != 0 else { return }  // root lists every folder; the check cannot be made
    let (root, rules) = try Self.makeTree()
    let locked = root.appendingPathComponent("in/locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try Data("x\n".utf8).write(to: locked.appendingPathComponent("hidden.txt"))
    chmod(locked.path, 0)
    defer { chmod(locked.path, 0o755) }
    let run = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "out", "-q"])
    #expect(run.status == .someInputsFailed)
    #expect(run.errors.contains("/in/locked: error: cannot list folder: permission denied"))
    #expect(
      FileManager.default.fileExists(atPath: root.appendingPathComponent("out/in/a/b/x.txt").path))
  }

  @Test("the summary line counts documents, removals and captions")
  func summaryLine() throws {
    let (root, rules) = try Self.makeTree()
    let run = Self.run(root, ["--no-default-rules", "-r", rules, "in/a/b", "--out", "out"])
    #expect(run.errors.hasPrefix("tamis: 1 document; 0.0 MB; removed: drop-line 1; 1 caption;"))
  }

  @Test("a captions file a previous run left is removed when the document has none now")
  func staleCaptionsRemoved() throws {
    let (root, rules) = try Self.makeTree()
    let stale = root.appendingPathComponent("out/in/a/y.captions.tsv")
    try FileManager.default.createDirectory(
      at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("old\n".utf8).write(to: stale)
    _ = Self.run(root, ["--no-default-rules", "-r", rules, "in", "--out", "out", "-q"])
    #expect(!FileManager.default.fileExists(atPath: stale.path))
  }
}
