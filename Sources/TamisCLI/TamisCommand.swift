import Foundation
import Tamis

/// The `tamis` command line: parses arguments, runs a command, returns the exit status.
public enum TamisCommand {
  /// The version `--version` prints.
  static let version = "0.1.0"

  /// Runs tamis with the process's arguments and streams, then exits.
  public static func main() -> Never {
    // A closed pipe shows up as EPIPE on write, which the sinks turn into a quiet stop.
    signal(SIGPIPE, SIG_IGN)
    let status = run(
      Array(CommandLine.arguments.dropFirst()), streams: .standard,
      environment: ProcessInfo.processInfo.environment)
    exit(status.rawValue)
  }

  /// Runs tamis in-process. Tests call this with memory streams.
  /// - Parameters:
  ///   - arguments: argv without the program name.
  ///   - streams: where to read and write.
  ///   - environment: the environment variables, for the user's rules folder (`UserRules`);
  ///     tests leave it empty, so no rules of the machine's user are loaded.
  /// - Returns: the exit status.
  static func run(
    _ arguments: [String], streams given: Streams, environment: [String: String] = [:]
  )
    -> ExitCode
  {
    var streams = given
    var invocation: Invocation
    do {
      invocation = try InvocationParser().parse(arguments)
    } catch {
      try? streams.errors.write(error.rendered())
      return .usageOrRules
    }
    invocation.userRuleFolders = UserRules.folders(environment: environment)
    streams.quiet = invocation.quiet
    do {
      switch invocation.command {
      case .help:
        try streams.output.write(HelpText.render(for: invocation.helpTopic))
        return .success
      case .version:
        try streams.output.write("tamis \(version)\n")
        return .success
      case .check:
        return try CheckCommand(invocation: invocation, streams: streams).run()
      case .suggest:
        return try SuggestCommand(invocation: invocation, streams: streams).run()
      case .eval:
        return try EvalCommand(invocation: invocation, streams: streams).run()
      case .clean:
        if invocation.learn {
          return try LearningCommand(invocation: invocation, streams: streams).run()
        }
        if let outputDirectory = invocation.outputDirectory {
          return try BatchCommand(
            invocation: invocation, streams: streams, outputDirectory: outputDirectory
          ).run()
        }
        if invocation.jsonLines {
          return try JSONLinesCommand(invocation: invocation, streams: streams).run()
        }
        return try CleanCommand(invocation: invocation, streams: streams).run()
      }
    } catch .brokenPipe {
      return .success
    } catch {
      try? streams.errors.write("tamis: error: cannot write output: \(error.message)\n")
      return .someInputsFailed
    }
  }
}

/// The process exit statuses.
enum ExitCode: Int32, Sendable {
  /// Everything was processed (warnings allowed).
  case success = 0
  /// The run finished but some inputs failed or some examples did not pass.
  case someInputsFailed = 1
  /// A usage or rule-set error, found before any input was read; nothing on stdout.
  case usageOrRules = 2
}
