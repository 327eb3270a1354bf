/// Renders diagnostics in the compiler style that editors and terminals understand.
///
/// `path:line:col: error: message`, `path:line: error: message` without a column, and
/// `tamis: error: message` without a location. Each note follows on its own line.
public enum DiagnosticRenderer {
  /// Renders one diagnostic and its notes, without a final newline.
  public static func render(_ diagnostic: Diagnostic, programName: String = "tamis") -> String {
    var lines = [
      line(
        diagnostic.location, diagnostic.severity, diagnostic.problem.message,
        programName: programName)
    ]
    for note in diagnostic.notes {
      lines.append(line(note.location, .note, note.kind.message, programName: programName))
    }
    return lines.joined(separator: "\n")
  }

  private static func line(
    _ location: SourceLocation?, _ severity: Severity, _ message: String, programName: String
  ) -> String {
    let prefix = location.map(\.description) ?? programName
    return "\(prefix): \(severity.rawValue): \(message)"
  }
}
