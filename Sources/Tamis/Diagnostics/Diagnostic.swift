/// One problem found in a file, with where it is and the notes that explain it.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
  /// A secondary location that helps explain the diagnostic, such as a first definition.
  public struct Note: Sendable, Hashable {
    /// Where the note points.
    public var location: SourceLocation
    /// What the note says.
    public var kind: NoteKind

    /// Creates a note.
    public init(location: SourceLocation, kind: NoteKind) {
      self.location = location
      self.kind = kind
    }
  }

  /// How serious the problem is.
  public var severity: Severity
  /// Where the problem is, when it points into a file.
  public var location: SourceLocation?
  /// What the problem is.
  public var problem: Problem
  /// Further locations that explain the problem.
  public var notes: [Note]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, at location: SourceLocation?, _ problem: Problem, notes: [Note] = []
  ) {
    self.severity = severity
    self.location = location
    self.problem = problem
    self.notes = notes
  }

  /// The diagnostic and its notes, rendered one per line.
  public var description: String { DiagnosticRenderer.render(self) }
}

/// The kinds of notes a diagnostic can carry.
public enum NoteKind: Sendable, Hashable {
  /// The place where a duplicated name was first defined.
  case firstDefinedHere
  /// The example or rule the diagnostic is about.
  case ruleDefinedHere(id: String)
  /// The rule that takes every line of a shadowed rule, in group `id`.
  case shadowingRule(id: String)
  /// An example of group `id` that the diagnostic is about.
  case exampleOf(id: String)

  /// The note's message text.
  public var message: String {
    switch self {
    case .firstDefinedHere: "first defined here"
    case .ruleDefinedHere(let id): "rule '\(id)' is defined here"
    case .shadowingRule(let id): "the rule of '\(id)' that takes its lines is here"
    case .exampleOf(let id): "the example of '\(id)' is here"
    }
  }
}
