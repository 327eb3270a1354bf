import Foundation
import Testing

@testable import TamisCLI

/// The chunked reader hands over whole lines only, whatever the chunk size: the lines of all
/// chunks are the input's lines, as the line reader split them before.
@Suite struct RecordChunkReaderTests {
  static let input = Array(
    ("{\"a\":1}\r\n\n  \r\n{\"b\":\"x\\ny\"}\nno end\r\n\u{FFFD}é\n"
      + String(repeating: "z", count: 40)
      + "\nlast\r").utf8)
  static let lines = [
    "{\"a\":1}", "", "  ", "{\"b\":\"x\\ny\"}", "no end", "\u{FFFD}é",
    String(repeating: "z", count: 40), "last\r",
  ]

  @Test("every chunk size gives the input's lines", arguments: [1, 2, 3, 5, 8, 13, 64, 1 << 16])
  func chunkSizes(_ size: Int) throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("records.jsonl").path
    try Data(Self.input).write(to: URL(fileURLWithPath: path))
    let descriptor = open(path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var reader = RecordChunkReader(descriptor: descriptor, chunkBytes: size)
    var lines: [String] = []
    while let chunk = try reader.next() {
      #expect(chunk.end == chunk.bytes.count || chunk.bytes[chunk.end - 1] == 0x0A)
      chunk.forEachLine { lines.append(String(decoding: $0, as: UTF8.self)) }
    }
    #expect(lines == Self.lines)
    #expect(try reader.next() == nil)
  }

  @Test("an empty input has no chunk; a line end alone is one empty line")
  func emptyInputs() throws {
    for (input, expected) in [([UInt8](), [String]()), ([0x0A], [""])] {
      let folder = try TestPaths.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let path = folder.appendingPathComponent("records.jsonl").path
      try Data(input).write(to: URL(fileURLWithPath: path))
      let descriptor = open(path, O_RDONLY)
      try #require(descriptor >= 0)
      defer { close(descriptor) }
      var reader = RecordChunkReader(descriptor: descriptor)
      var lines: [String] = []
      while let chunk = try reader.next() {
        chunk.forEachLine { lines.append(String(decoding: $0, as: UTF8.self)) }
      }
      #expect(lines == expected)
    }
  }
}
