import Foundation
import Testing

@testable import TamisCLI

/// How the command line reports rule files it cannot load: `path[:line:col]: error: message`,
/// exit 2, nothing on stdout (issue 15).
@Suite struct RuleLoaderTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    /// Makes the `--rules` path in a fresh folder; returns it and the expected stderr.
    let make: @Sendable (URL) throws -> (path: String, errors: String)
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "invalid UTF-8 on line 3") { folder in
      let url = folder.appendingPathComponent("bad.rules")
      try Data(Array("title: T\nlang: any\n# caf".utf8) + [0xE9] + [0x0A]).write(to: url)
      return (
        url.path, "\(url.path):3:6: error: invalid UTF-8 byte 0xE9; rule files are UTF-8 text\n"
      )
    },
    Case(name: "a device") { _ in
      ("/dev/zero", "/dev/zero: error: is a device, not a rule file\n")
    },
    Case(name: "a folder named like a rule file") { folder in
      let inner = folder.appendingPathComponent("odd.rules")
      try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
      return (
        folder.path,
        "\(inner.path): error: is a folder, not a rule file; rename it without '.rules' to have "
          + "its rule files read\n"
      )
    },
    Case(name: "a link loop") { folder in
      let loop = folder.appendingPathComponent("loop.rules").path
      try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.rules")
      return (loop, "\(loop): error: cannot read: too many levels of symbolic links\n")
    },
    Case(name: "a missing file") { folder in
      let missing = folder.appendingPathComponent("missing.rules").path
      return (missing, "\(missing): error: cannot read: no such file or folder\n")
    },
    Case(name: "an empty folder") { folder in
      (folder.path, "\(folder.path): error: no '.rules' file in this folder\n")
    },
  ]

  @Test("a rule path tamis cannot load is named, with its line and column", arguments: cases)
  func reported(_ test: Case) throws {
    let (path, errors) = try test.make(try TestPaths.temporaryFolder())
    let run = CLIRun(["--no-default-rules", "--rules", path], input: "Un.\n")
    #expect(run.status == .usageOrRules)
    #expect(run.output == "")
    #expect(run.errors == errors)
  }
}
