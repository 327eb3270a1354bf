import Foundation

/// The three standard streams as the commands see them, injectable for tests.
struct Streams: Sendable {
  /// Data only: bodies, JSON.
  var output: any ByteSink
  /// Diagnostics, warnings and summaries.
  var errors: any ByteSink
  /// Reads all of standard input; throws when the system cannot (standard input a folder).
  var readInput: @Sendable () throws -> [UInt8]
  /// Standard input's descriptor, so a large input can be read in sections; nil when standard
  /// input is given as bytes (tests), which `readInput` then returns.
  var inputDescriptor: Int32? = nil
  /// Standard output's descriptor, so a file that is also standard output is never written
  /// over; nil when standard output is memory (tests).
  var outputDescriptor: Int32? = nil
  /// True when stderr is a terminal (and not CI): progress lines are shown only then.
  var errorsAreTerminal = false
  /// True when stdout is a terminal that may show colour (not CI, no `NO_COLOR`): `--explain`
  /// colours its marks only then.
  var outputIsTerminal = false
  /// True with `--quiet`: `warn` writes nothing.
  var quiet = false

  /// The process's real streams.
  static var standard: Streams {
    Streams(
      output: FileDescriptorSink(descriptor: STDOUT_FILENO),
      errors: FileDescriptorSink(descriptor: STDERR_FILENO),
      readInput: { try FileBytes.read(descriptor: STDIN_FILENO) },
      inputDescriptor: STDIN_FILENO,
      outputDescriptor: STDOUT_FILENO,
      errorsAreTerminal: isatty(STDERR_FILENO) == 1
        && ProcessInfo.processInfo.environment["CI"] == nil,
      outputIsTerminal: isatty(STDOUT_FILENO) == 1
        && ProcessInfo.processInfo.environment["CI"] == nil
        && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
  }

  /// Writes a warning (a line or lines in the `NAME: warning: …` form) to `errors`, unless
  /// `quiet`. Every warning goes through here, so `-q` silences them all.
  func warn(_ text: String) throws(WriteError) {
    if !quiet { try errors.write(text) }
  }
}
