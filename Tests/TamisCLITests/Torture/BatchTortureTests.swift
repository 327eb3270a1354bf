import Foundation
import Testing

@testable import TamisCLI

/// Batch mode (`--out`) on trees a crawl can leave: very deep folders, link loops, and an output
/// side that runs out of space.
@Suite struct BatchTortureTests {
  @Test("200 levels of nested folders are walked and mirrored")
  func deepFolders() throws {
    let root = try TestPaths.temporaryFolder()
    var deep = root.appendingPathComponent("in")
    for level in 0..<200 { deep.appendPathComponent("d\(level % 10)") }
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    try Data("Profond.\n\nPublicité\n".utf8).write(to: deep.appendingPathComponent("x.txt"))
    try Data("Haut.\n".utf8).write(to: root.appendingPathComponent("in/top.txt"))
    let out = root.appendingPathComponent("out")
    let run = ByteRun(
      try Torture.arguments([root.appendingPathComponent("in").path, "--out", out.path, "-q"]))
    #expect(run.status == .success)
    #expect(run.errors == "")
    let relative = "in/" + (0..<200).map { "d\($0 % 10)" }.joined(separator: "/")
    #expect(
      Torture.files(under: out) == [relative + "/x.txt", "in/top.txt"])
    #expect(
      try Data(contentsOf: out.appendingPathComponent(relative + "/x.txt"))
        == Data("Profond.\n".utf8))
  }

  @Test("link loops (to a parent, to itself, in a cycle, dangling) neither trap nor stop the walk")
  func linkLoops() throws {
    let root = try TestPaths.temporaryFolder()
    let input = root.appendingPathComponent("in")
    let manager = FileManager.default
    try manager.createDirectory(
      at: input.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    try Data("Un.\n".utf8).write(to: input.appendingPathComponent("a/b/x.txt"))
    try manager.createSymbolicLink(
      atPath: input.appendingPathComponent("a/b/up").path, withDestinationPath: "../..")
    try manager.createSymbolicLink(
      atPath: input.appendingPathComponent("a/self").path, withDestinationPath: "self")
    try manager.createSymbolicLink(
      atPath: input.appendingPathComponent("a/ping").path, withDestinationPath: "pong")
    try manager.createSymbolicLink(
      atPath: input.appendingPathComponent("a/pong").path, withDestinationPath: "ping")
    try manager.createSymbolicLink(
      atPath: input.appendingPathComponent("a/gone.txt").path, withDestinationPath: "nowhere")
    try manager.createSymbolicLink(
      atPath: input.appendingPathComponent("a/link.txt").path, withDestinationPath: "b/x.txt")
    let out = root.appendingPathComponent("out")
    let run = ByteRun(try Torture.arguments([input.path, "--out", out.path, "-q"]))
    #expect(run.status == .success)
    #expect(run.errors == "")
    // A link to a file is a document; links to folders and broken links are not.
    #expect(
      Torture.files(under: out) == ["in/a/b/x.txt", "in/a/link.txt"])
  }

  @Test("a full disk on the output side: a clear error, no partial or temporary file")
  func fullDisk() throws {
    // /dev/full fails every write with ENOSPC. The temporary files of this process are named
    // `.tamis-PID-N.tmp` in the folder of their output: pointing the first one at /dev/full makes
    // the real write path hit a full disk (the first write fails, and the document with it).
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let root = try TestPaths.temporaryFolder()
    let input = root.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try Data("Un texte.\n".utf8).write(to: input.appendingPathComponent("x.txt"))
    let out = root.appendingPathComponent("out")
    let folder = out.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent(".tamis-\(getpid())-0.tmp").path,
      withDestinationPath: "/dev/full")
    let run = ByteRun(try Torture.arguments([input.path, "--out", out.path, "-q"]))
    #expect(run.status == .someInputsFailed)
    let target = out.appendingPathComponent("in/x.txt").path
    #expect(run.errors == "\(target): error: cannot write: no space left on device\n")
    #expect(Torture.files(under: out).isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["in"])
  }
}
