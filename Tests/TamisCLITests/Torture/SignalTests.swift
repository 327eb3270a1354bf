import Foundation
import Testing

/// Signals and broken streams, on the real binary: a reader that goes away, an interrupted
/// batch, a full disk on stdout, a file deleted while a batch runs, a 100 MB line.
@Suite(.serialized) struct SignalTests {
  /// A line of article text with a few phrases the torture pack removes or strips.
  static func paragraph(_ index: Int) -> String {
    "Paragraphe \(index) : le conseil municipal [pub] a voté le budget de l'année prochaine, "
      + "après un long débat sur les transports et les écoles du quartier nord."
  }

  /// A dump of about `size` bytes.
  static func dump(_ index: Int, size: Int) -> String {
    var lines: [String] = []
    var length = 0
    var line = 0
    while length < size {
      let text = line % 7 == 3 ? "Publicité" : paragraph(index &+ line)
      lines.append(text)
      length += text.utf8.count + 2
      line += 1
    }
    return lines.joined(separator: "\n\n") + "\n"
  }

  @Test("a reader that goes away (tamis big.jsonl | head -1) ends tamis quietly with status 0")
  func brokenPipeJSONLines() throws {
    let folder = try TestPaths.temporaryFolder()
    let input = folder.appendingPathComponent("big.jsonl")
    var records = ""
    for index in 0..<20_000 {
      records += #"{"id":\#(index),"text":"\#(Self.paragraph(index))\n\nPublicité"}"# + "\n"
    }
    try Data(records.utf8).write(to: input)
    let run = try Subprocess(
      try Torture.arguments(["--jsonl", input.path]), readsOutput: false)
    let reader = try #require(run.outputPipe).fileHandleForReading
    var first = Data()
    while !first.contains(0x0A) {
      let chunk = reader.availableData
      if chunk.isEmpty { break }
      first += chunk
    }
    try reader.close()
    #expect(run.wait() == 0)
    #expect(run.errors == "")
    #expect(String(decoding: first.prefix(8), as: UTF8.self) == #"{"id":0,"#)
  }

  @Test("a reader that goes away in text mode ends tamis quietly with status 0")
  func brokenPipeText() throws {
    let folder = try TestPaths.temporaryFolder()
    var inputs: [String] = []
    for index in 0..<20 {
      let url = folder.appendingPathComponent("d\(index).txt")
      try Data(Self.dump(index, size: 200_000).utf8).write(to: url)
      inputs.append(url.path)
    }
    let run = try Subprocess(try Torture.arguments(inputs), readsOutput: false)
    let reader = try #require(run.outputPipe).fileHandleForReading
    _ = reader.availableData
    try reader.close()
    #expect(run.wait() == 0)
    #expect(run.errors == "")
  }

  @Test("a full disk on stdout is a clear error and exit 1")
  func fullStandardOutput() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
    let input = try TestPaths.file(named: "d.txt", Self.dump(0, size: 10_000))
    let run = try Subprocess(try Torture.arguments([input]), output: full)
    #expect(run.wait() == 1)
    #expect(run.errors == "tamis: error: cannot write output: no space left on device\n")
  }

  /// A batch input folder of `count` dumps of `size` bytes.
  static func batchInput(count: Int, size: Int) throws -> URL {
    let root = try TestPaths.temporaryFolder()
    let input = root.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    for index in 0..<count {
      let name = String(format: "doc%04d.txt", index)
      try Data(Self.dump(index, size: size).utf8).write(to: input.appendingPathComponent(name))
    }
    return input
  }

  @Test(
    "SIGINT or SIGTERM during a batch: temporary files removed, finished outputs complete",
    arguments: [SIGINT, SIGTERM])
  func interruptedBatch(signal: Int32) throws {
    let input = try Self.batchInput(count: 160, size: 120_000)
    let root = input.deletingLastPathComponent()
    let reference = root.appendingPathComponent("reference")
    let complete = try Subprocess(
      try Torture.arguments([input.path, "--out", reference.path, "-q"]))
    #expect(complete.wait() == 0)
    let expected = Torture.files(under: reference)
    // One body per document; these documents have no captions, so no captions files.
    #expect(expected.count == 160)

    let out = root.appendingPathComponent("out")
    let run = try Subprocess(try Torture.arguments([input.path, "--out", out.path, "-q"]))
    let started = Subprocess.poll(seconds: 120) {
      Torture.files(under: out).contains { !$0.hasSuffix(".tmp") }
    }
    #expect(started)
    kill(run.process.processIdentifier, signal)
    #expect(run.wait() == 128 + signal)
    #expect(run.errors.hasPrefix("tamis: interrupted after "), "\(run.errors)")
    #expect(run.errors.hasSuffix(" of 160; rerun with --resume to clean the rest\n"))
    let found = Torture.files(under: out)
    #expect(!found.contains { $0.contains(".tamis-") }, "\(found)")
    #expect(!found.isEmpty && found.count < expected.count, "interrupted after \(found.count)")
    for file in found {
      #expect(
        try Data(contentsOf: out.appendingPathComponent(file))
          == Data(contentsOf: reference.appendingPathComponent(file)), "\(file)")
    }
  }

  @Test(
    "SIGINT or SIGTERM during the cleaning pass of --learn: no pack folder, no temporary files",
    arguments: [SIGINT, SIGTERM])
  func interruptedLearning(signal: Int32) throws {
    // One site folder, so the first pass learns its lines (the footer, the "Publicité" line).
    let input = try Self.batchInput(count: 160, size: 120_000)
    let root = input.deletingLastPathComponent()
    let site = root.appendingPathComponent("crawl")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    let crawl = site.appendingPathComponent("example.com")
    try FileManager.default.moveItem(at: input, to: crawl)
    for index in 0..<160 {
      let url = crawl.appendingPathComponent(String(format: "doc%04d.txt", index))
      let handle = try FileHandle(forWritingTo: url)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data("\nFollow example.com on social media\n".utf8))
      try handle.close()
    }
    let out = root.appendingPathComponent("out")
    let packs = root.appendingPathComponent("packs")
    let run = try Subprocess(
      try Torture.arguments([
        "--learn", site.path, "--out", out.path, "--learn-out", packs.path, "-q",
      ]))
    // A finished body in --out means the first pass is over and the cleaning pass runs.
    let started = Subprocess.poll(seconds: 120) {
      Torture.files(under: out).contains { !$0.contains(".tamis-") }
    }
    #expect(started)
    kill(run.process.processIdentifier, signal)
    #expect(run.wait() == 128 + signal)
    #expect(run.errors.hasPrefix("tamis: interrupted after "), "\(run.errors)")
    #expect(!FileManager.default.fileExists(atPath: packs.path), "\(Torture.files(under: packs))")
    let found = Torture.files(under: out)
    #expect(!found.contains { $0.contains(".tamis-") }, "\(found)")
    #expect(!found.isEmpty && found.count < 160, "interrupted after \(found.count)")
  }

  @Test("a file deleted while a batch runs is reported; the others are written")
  func vanishingFile() throws {
    let input = try Self.batchInput(count: 3, size: 6_000_000)
    let out = input.deletingLastPathComponent().appendingPathComponent("out")
    let run = try Subprocess(
      try Torture.arguments([input.path, "--out", out.path, "-q", "-j", "1"]))
    // Documents are cleaned in path order: once the first is written, the last is still ahead.
    let started = Subprocess.poll(seconds: 120) {
      FileManager.default.fileExists(atPath: out.appendingPathComponent("in/doc0000.txt").path)
    }
    #expect(started)
    let last = input.appendingPathComponent("doc0002.txt")
    try FileManager.default.removeItem(at: last)
    #expect(run.wait() == 1)
    #expect(run.errors == "\(last.path): error: cannot read: no such file\n")
    #expect(
      Torture.files(under: out) == ["in/doc0000.txt", "in/doc0001.txt"])
  }

  @Test("a single 100 MB line is cleaned in bounded time and memory")
  func hundredMegabyteLine() throws {
    let folder = try TestPaths.temporaryFolder()
    let input = folder.appendingPathComponent("line.txt")
    // Words that the built-in rules look for (photo, AFP, lire aussi…) among ordinary ones.
    let words = [
      "le", "conseil", "a", "voté", "photo", "AFP", "lire", "aussi", "abonnés", "publicité",
      "the", "report", "said", "Reuters", "partager", "newsletter", "2024", "«", "»", "…",
    ]
    // One megabyte of pseudo-random words, repeated: the line needs no line end to be long.
    var chunk: [UInt8] = []
    var seed: UInt64 = 0x9E37_79B9
    while chunk.count < 1_000_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      chunk += words[Int(seed >> 33) % words.count].utf8
      chunk.append(0x20)
    }
    var line: [UInt8] = []
    line.reserveCapacity(chunk.count * 100 + 1)
    for _ in 0..<100 { line += chunk }
    line.append(0x0A)
    try Data(line).write(to: input)
    let output = folder.appendingPathComponent("body.txt")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    let started = Date()
    let run = try Subprocess([input.path], output: handle)
    let status = run.wait()
    try handle.close()
    let seconds = Date().timeIntervalSince(started)
    #expect(status == 0)
    #expect(run.errors == "")
    // The line is body text: it comes out whole (its trailing space trimmed).
    let size = try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int
    #expect(size == line.count - 1)
    #expect(seconds < 300, "\(seconds) s")
    #if os(Linux)
      var usage = rusage()
      getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
      // ru_maxrss is in KiB: the largest child so far, which this one is.
      #expect(usage.ru_maxrss < 1_500_000, "peak \(usage.ru_maxrss) KiB")
    #endif
    try FileManager.default.removeItem(at: folder)
  }
}
