import Foundation
import Testing

@testable import TamisCLI

/// Every path tamis writes follows the same rules (issue 15): a device or a FIFO is written in
/// place, a symbolic link is followed to its target, and a path that is an input (or the
/// output) is refused before anything is read. The rules live in `OutputFiles`.
@Suite struct OutputPathTests {
  static let dump = "Corps.\n\nUne photo. // Source : AFP\n"

  /// A fresh folder holding `dump.txt`, and the torture arguments.
  static func setUp() throws -> (folder: URL, input: String) {
    let folder = try TestPaths.temporaryFolder()
    let input = folder.appendingPathComponent("dump.txt")
    try Data(dump.utf8).write(to: input)
    return (folder, input.path)
  }

  /// The `S_IFMT` bits of `path`, without following a final link.
  static func kind(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
  }

  @Test("-c FIFO writes into the FIFO, which stays a FIFO")
  func captionsIntoFIFO() throws {
    let (folder, input) = try Self.setUp()
    let fifo = folder.appendingPathComponent("captions.fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    // A reader that does not block, so tamis can open the FIFO and the test can read it after.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    let run = ByteRun(try Torture.arguments(["-c", fifo, input]))
    #expect(run.status == .success)
    #expect(run.errors == "")
    #expect(Self.kind(fifo) == S_IFIFO)
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(reader, &buffer, buffer.count)
    #expect(
      String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        == "\(input)\tUne photo.\tAFP\n")
  }

  @Test(
    "-c DEVICE writes to the device, which stays a device",
    .enabled(if: getuid() == 0, "making a device node needs root"))
  func captionsIntoDevice() throws {
    let (folder, input) = try Self.setUp()
    // A private copy of /dev/null (major 1, minor 3 on Linux), so no system node is at stake.
    let device = folder.appendingPathComponent("null").path
    var null = stat()
    try #require(stat("/dev/null", &null) == 0)
    try #require(mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0)
    let run = ByteRun(try Torture.arguments(["-c", device, input]))
    #expect(run.status == .success)
    #expect(run.errors == "")
    #expect(Self.kind(device) == S_IFCHR)
  }

  @Test("-c LINK writes the link's target and keeps the link, dangling or not")
  func captionsThroughLink() throws {
    for dangling in [false, true] {
      let (folder, input) = try Self.setUp()
      let target = folder.appendingPathComponent("real.tsv")
      if !dangling { try Data("old\n".utf8).write(to: target) }
      let link = folder.appendingPathComponent("link.tsv").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.tsv")
      let run = ByteRun(try Torture.arguments(["-c", link, input]))
      #expect(run.status == .success, "dangling: \(dangling)")
      #expect(Self.kind(link) == S_IFLNK, "dangling: \(dangling)")
      #expect(try String(contentsOf: target, encoding: .utf8) == "\(input)\tUne photo.\tAFP\n")
    }
  }

  @Test("-c INPUT is refused before anything is read; the input is left as it was")
  func captionsOverInputRefused() throws {
    let (folder, input) = try Self.setUp()
    let other = folder.appendingPathComponent("other.txt").path
    try Data("Autre.\n".utf8).write(to: URL(fileURLWithPath: other))
    let link = folder.appendingPathComponent("alias.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
    for captions in [input, link] {
      let run = ByteRun(try Torture.arguments(["-c", captions, other, input]))
      #expect(run.status == .usageOrRules)
      #expect(run.output == [])
      #expect(
        run.errors
          == "tamis: error: cannot write the captions to '\(captions)': it is the input "
          + "'\(input)'; choose another path\n")
      #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.dump)
    }
  }

  @Test("-c standard input's file is refused like any input")
  func captionsOverStandardInputRefused() throws {
    let (_, input) = try Self.setUp()
    let process = Process()
    process.executableURL = Torture.executable
    process.arguments = try Torture.arguments(["-c", input])
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.dump)
  }

  @Test("-c FILE where FILE is also standard output is refused; the output stays empty")
  func captionsOverOutputRefused() throws {
    let (folder, input) = try Self.setUp()
    let output = folder.appendingPathComponent("out.txt")
    try Data().write(to: output)
    let handle = try FileHandle(forWritingTo: output)
    defer { try? handle.close() }
    let process = try Subprocess(
      try Torture.arguments(["-c", output.path, input]), output: handle)
    #expect(process.wait() == 2)
    #expect(
      process.errors
        == "tamis: error: cannot write the captions to '\(output.path)': it is the output; "
        + "choose another path\n")
    #expect(try Data(contentsOf: output).isEmpty)
  }

  @Test("--out: a link in the output tree that leads to an input is not written through")
  func batchOutputLinkToInputRefused() throws {
    let (root, rules) = try BatchCommandTests.makeTree()
    let input = root.appendingPathComponent("in/a/y.txt").path
    let before = try String(contentsOfFile: input, encoding: .utf8)
    let linked = root.appendingPathComponent("out/in/a")
    try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: linked.appendingPathComponent("y.txt").path, withDestinationPath: input)
    let run = BatchCommandTests.run(
      root, ["--no-default-rules", "-r", rules, "in", "--out", "out", "-q"])
    #expect(run.status == .someInputsFailed)
    #expect(
      run.errors.contains(
        "\(linked.path)/y.txt: error: cannot write: it is the input '\(input)'"))
    #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
  }
}
