import Testing

/// Which identifiers the layer check reads in Swift source, and on which line.
@Suite struct SwiftTokensTests {
  /// Source text and the identifiers expected in it, as `line:name`.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let identifiers: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "code", source: "let a = B.c(d)", identifiers: ["1:let", "1:a", "1:B", "1:c", "1:d"]),
    Case(name: "a line comment", source: "a // B\nc", identifiers: ["1:a", "2:c"]),
    Case(
      name: "nested block comments, lines counted", source: "a /* B /* C */ D\n */ e",
      identifiers: ["1:a", "2:e"]),
    Case(name: "a string", source: #"a("B \" C") d"#, identifiers: ["1:a", "1:d"]),
    Case(
      name: "interpolated code counts, the text around it does not",
      source: #"a = "B \(c("D").e) F""#, identifiers: ["1:a", "1:c", "1:e"]),
    Case(
      name: "a raw string, with a quote and a backslash inside",
      source: ##"a = #"B "C" \(d) \#(e)"# f"##, identifiers: ["1:a", "1:e", "1:f"]),
    Case(
      name: "a multi-line string", source: "a = \"\"\"\n  B \"C\"\n  \"\"\"\nd",
      identifiers: ["1:a", "4:d"]),
    Case(name: "backticks", source: "let `Type` = 1", identifiers: ["1:let", "1:Type"]),
    Case(
      name: "numbers and compiler directives", source: "#if A\nx = 0x1F + 1_000.5 ..< y",
      identifiers: ["1:if", "1:A", "2:x", "2:y"]),
  ]

  @Test("identifiers outside comments and string text", arguments: cases)
  func identifiers(_ testCase: Case) {
    let tokens = SwiftTokens(testCase.source).tokens.filter(\.isIdentifier)
    #expect(tokens.map(\.description) == testCase.identifiers)
  }

  @Test("top-level, nested and private type declarations")
  func declarations() {
    let source = """
      public struct A { enum B {} ; class func f() {} }
      private enum C {}
      extension A { struct D {} }
      @frozen public final class E {}
      typealias F = A
      let x = A.Type.self
      """
    let found = LayerChecker.declarations(in: SwiftTokens(source).tokens)
    #expect(
      found == [
        .init(name: "A", isTopLevel: true, isPrivate: false),
        .init(name: "B", isTopLevel: false, isPrivate: false),
        .init(name: "C", isTopLevel: true, isPrivate: true),
        .init(name: "D", isTopLevel: false, isPrivate: false),
        .init(name: "E", isTopLevel: true, isPrivate: false),
        .init(name: "F", isTopLevel: true, isPrivate: false),
      ])
  }
}
