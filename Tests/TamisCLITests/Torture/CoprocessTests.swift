import Foundation
import Testing

/// `tamis --jsonl` as a co-process: a program writes one record, waits for its answer, then
/// writes the next (issue 16). Runs the built binary; every wait has a deadline, so a
/// regression fails the test instead of hanging CI.
@Suite struct CoprocessTests {
  /// Reads from `descriptor` until a line end arrives or `seconds` pass; the bytes read.
  static func readLine(_ descriptor: Int32, seconds: Double) -> [UInt8] {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !bytes.contains(0x0A) {
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { break }
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&request, 1, Int32(left * 1000)) > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { break }
      bytes += chunk[..<count]
    }
    return bytes
  }

  @Test("each record is answered before the next one is written")
  func answersEachRecord() throws {
    let process = Process()
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("tamis")
    process.arguments = ["--jsonl", "--jobs", "2"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    let writer = input.fileHandleForWriting
    let reader = output.fileHandleForReading.fileDescriptor
    for (number, text) in ["Un paragraphe.\\n\\nPublicité", "Deux.", "Trois."].enumerated() {
      try writer.write(contentsOf: Data(#"{"id":\#(number),"text":"\#(text)"}"#.utf8 + [0x0A]))
      let answer = String(decoding: Self.readLine(reader, seconds: 20), as: UTF8.self)
      #expect(answer.hasPrefix(#"{"id":\#(number),"#), "record \(number): '\(answer)'")
      #expect(answer.hasSuffix("\n"))
    }
    try writer.close()
    let rest = Self.readLine(reader, seconds: 20)
    #expect(rest.isEmpty)
    #expect(Subprocess.poll(seconds: 20) { !process.isRunning })
    #expect(process.terminationStatus == 0)
  }
}
