import Foundation
import Testing

@testable import TamisCLI

/// Large inputs are cleaned in sections cut at blank lines, in bounded memory.
@Suite struct SectionedInputTests {
  static let rules = """
    title: T
    lang: any
    group: g
      drop-line: starts-with "Lire aussi"
    """

  /// Runs the filter on `bytes` (a file) with sections of `sectionBytes`.
  static func run(_ bytes: [UInt8], sectionBytes: Int, extra: [String] = []) throws
    -> (status: ExitCode, output: [UInt8], errors: String)
  {
    let folder = try TestPaths.temporaryFolder()
    let rulesFile = folder.appendingPathComponent("t.rules")
    try Data(rules.utf8).write(to: rulesFile)
    let dump = folder.appendingPathComponent("big.txt")
    try Data(bytes).write(to: dump)
    let arguments = ["--no-default-rules", "-r", rulesFile.path] + extra + [dump.path]
    let invocation = try InvocationParser().parse(arguments)
    let output = MemorySink()
    let errors = MemorySink()
    let streams = Streams(output: output, errors: errors, readInput: { [] })
    var command = CleanCommand(invocation: invocation, streams: streams)
    command.sectionBytes = sectionBytes
    let status = try command.run()
    return (status, output.bytes, errors.text)
  }

  static func dump(paragraphs: Int) -> [UInt8] {
    var text = ""
    for index in 0..<paragraphs {
      text += "Paragraphe \(index) du corps de l'article.\n"
      if index % 3 == 0 { text += "Lire aussi : un autre article\n" }
      text += "\n"
    }
    return Array(text.utf8)
  }

  @Test("sections give the body of the whole document when the rules act line by line")
  func sameBodyAsWhole() throws {
    let bytes = Self.dump(paragraphs: 60)
    let whole = try Self.run(bytes, sectionBytes: 1 << 20)
    let sectioned = try Self.run(bytes, sectionBytes: 200)
    #expect(whole.status == .success)
    #expect(sectioned.status == .success)
    #expect(sectioned.output == whole.output)
    #expect(!String(decoding: sectioned.output, as: UTF8.self).contains("Lire aussi"))
  }

  @Test("one job or two give the same output, sections cleaned two at a time in order")
  func jobsGiveSameOutput() throws {
    let bytes = Self.dump(paragraphs: 90)
    let one = try Self.run(bytes, sectionBytes: 150, extra: ["-j", "1"])
    let two = try Self.run(bytes, sectionBytes: 150, extra: ["-j", "2"])
    #expect(one.status == .success)
    #expect(two.output == one.output)
    #expect(String(decoding: two.output, as: UTF8.self).hasPrefix("Paragraphe 0 du corps"))
  }

  @Test("a NUL byte in a late section refuses the file before anything is written")
  func binaryRefusedFirst() throws {
    let bytes = Self.dump(paragraphs: 60) + [0x00] + Array("fin\n".utf8)
    let run = try Self.run(bytes, sectionBytes: 200)
    #expect(run.status == .someInputsFailed)
    #expect(run.output.isEmpty)
    #expect(run.errors.contains("error:"))
  }

  @Test("an invalid byte is reported once, at its offset in the whole input")
  func invalidUTF8Offset() throws {
    let head = Self.dump(paragraphs: 30)
    let bytes = head + [0xFF] + Array(" fin.\n".utf8)
    let run = try Self.run(bytes, sectionBytes: 200)
    #expect(run.status == .success)
    // Messages count bytes from 1.
    #expect(run.errors.contains("invalid UTF-8 at byte \(head.count + 1) (1 byte in all)"))
    #expect(run.errors.components(separatedBy: "warning:").count == 2)
  }

  @Test("invalid bytes in several sections: one warning, the first offset, every byte, any jobs")
  func invalidUTF8InSeveralSections() throws {
    let first = Self.dump(paragraphs: 20)
    let second = [0xFE] + Self.dump(paragraphs: 20)
    let bytes = first + [0xFF] + Array(" fin.\n\n".utf8) + second + [0xC3] + Array("\n".utf8)
    for jobs in ["1", "2", "3"] {
      let run = try Self.run(bytes, sectionBytes: 200, extra: ["-j", jobs])
      #expect(run.status == .success)
      #expect(
        run.errors.contains("invalid UTF-8 at byte \(first.count + 1) (3 bytes in all)"),
        "\(run.errors)")
      #expect(run.errors.components(separatedBy: "warning:").count == 2)
    }
  }

  @Test("a folder given to the filter is named as a folder, not read")
  func folderOperand() throws {
    let folder = try TestPaths.temporaryFolder()
    let run = CLIRun([folder.path])
    #expect(run.status == .someInputsFailed)
    #expect(
      run.errors
        == "\(folder.path): error: cannot read: is a folder; use '--out DIR' to clean folders\n")
  }

  @Test("cuts fall just past a blank line at or after the minimum, else at a line end late")
  func cutPoints() {
    func cut(_ text: String, _ minimum: Int, _ lineLimit: Int) -> Int? {
      var scan = SectionedInput.CutScan()
      return SectionedInput.cut(
        Array(text.utf8), minimum: minimum, lineLimit: lineLimit, scan: &scan)
    }
    let text = "un\ndeux\n\ntrois\n\nquatre\n"
    #expect(cut(text, 3, 100) == 9)
    #expect(cut(text, 10, 100) == 16)
    #expect(cut(text, 30, 100) == nil)
    let noBlank = "un\ndeux\ntrois\nquatre\n"
    #expect(cut(noBlank, 3, 100) == nil)
    #expect(cut(noBlank, 3, 10) == noBlank.utf8.count)
  }

  @Test("a buffer that grows read by read is cut where the whole buffer would be")
  func incrementalCut() {
    let text = Array("un\ndeux\n  \ntrois\n\nquatre\n".utf8)
    var scan = SectionedInput.CutScan()
    var found: Int?
    for end in 1...text.count where found == nil {
      found = SectionedInput.cut(Array(text[..<end]), minimum: 3, lineLimit: 100, scan: &scan)
    }
    var whole = SectionedInput.CutScan()
    #expect(found == SectionedInput.cut(text, minimum: 3, lineLimit: 100, scan: &whole))
    #expect(found == 11)
  }
}
