import Testing

@testable import Tamis

/// The folded view that patterns are matched on.
@Suite struct TextFolderTests {
  static let keeping = TextFolder(stripAccents: false)
  static let stripping = TextFolder(stripAccents: true)

  /// An input and its expected folded bytes.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let folded: String
    var stripAccents = false
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    // MARK: Case
    Case(name: "ASCII capitals are lower-cased", input: "LIRE Aussi", folded: "lire aussi"),
    Case(
      name: "accented capitals fold to accented small letters", input: "ÉCOLE ÇA À",
      folded: "école ça à"),
    Case(
      name: "an NFD capital folds to the NFC small letter", input: "E\u{301}COLE", folded: "école"),
    Case(
      name: "ligatures and Greek capitals are lower-cased", input: "ŒUVRE ΑΘΗΝΑ",
      folded: "œuvre αθηνα"),

    // MARK: Typography
    Case(name: "a typographic apostrophe folds to '", input: "L’article", folded: "l'article"),
    Case(name: "guillemets fold to \"", input: "«Lire aussi»", folded: "\"lire aussi\""),
    Case(
      name: "curly double quotes fold to \"", input: "“Lire” „aussi‟",
      folded: "\"lire\" \"aussi\""),
    Case(
      name: "dashes fold to '-'", input: "a – b — c ‑ d ‒ e − f", folded: "a - b - c - d - e - f"),
    Case(
      name: "an ellipsis folds to three dots", input: "Lire la suite…", folded: "lire la suite..."),

    // MARK: White space
    Case(name: "NBSP folds to a space", input: "Lire\u{A0}aussi", folded: "lire aussi"),
    Case(name: "narrow NBSP folds to a space", input: "aussi\u{202F}:", folded: "aussi :"),
    Case(
      name: "thin and ideographic spaces fold to a space", input: "a\u{2009}b\u{3000}c",
      folded: "a b c"),
    Case(name: "a tab folds to a space", input: "Lire\taussi", folded: "lire aussi"),
    Case(
      name: "a run of mixed white space is one space",
      input: "Lire \t\u{A0}\u{202F}  aussi", folded: "lire aussi"),
    Case(
      name: "leading and trailing white space is trimmed",
      input: " \t\u{A0}Lire aussi\u{202F} \t", folded: "lire aussi"),

    // MARK: Invisible characters
    Case(
      name: "zero-width characters are ignored",
      input: "a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f\u{AD}g", folded: "abcdefg"),
    Case(
      name: "a zero-width character between spaces leaves one space",
      input: "a \u{200B} b", folded: "a b"),
    Case(
      name: "a line of white space and zero-width characters folds to nothing",
      input: " \u{200B}\u{A0}\t\u{FEFF} ", folded: ""),

    // MARK: Accents
    Case(name: "accents are kept by default", input: "Résumé", folded: "résumé"),
    Case(name: "NFD accents compose", input: "Re\u{301}sume\u{301}", folded: "résumé"),
    Case(
      name: "a mark with no precomposed form stays after its letter", input: "q\u{301}",
      folded: "q\u{301}"),
    Case(
      name: "stripAccents removes accents", input: "Résumé", folded: "resume", stripAccents: true),
    Case(
      name: "stripAccents removes NFD accents", input: "Re\u{301}sume\u{301}", folded: "resume",
      stripAccents: true),
    Case(
      name: "stripAccents folds accented capitals", input: "ÉLÈVE ÇA", folded: "eleve ca",
      stripAccents: true),
    Case(
      name: "stripAccents drops a mark with no precomposed form", input: "q\u{301}", folded: "q",
      stripAccents: true),

    // MARK: Left alone
    Case(
      name: "digits and punctuation are kept", input: "1 234,5 € (AFP)", folded: "1 234,5 € (afp)"),
    Case(name: "emoji are kept as they are", input: "Top 👍🏽", folded: "top 👍🏽"),
  ]

  @Test("each input folds to its expected bytes", arguments: cases)
  func folds(_ c: Case) {
    let folder = c.stripAccents ? Self.stripping : Self.keeping
    #expect(folder.fold(c.input) == Array(c.folded.utf8))
  }

  /// Spellings that must fold alike, in both views.
  static let alike: [[String]] = [
    ["l'article", "l’article", "lʼarticle", "l‘article", "l‛article", "l`article", "l´article"],
    ["\"lire\"", "«lire»", "“lire”", "„lire‟", "‟lire„"],
    ["lire aussi", "Lire\u{A0}aussi", "Lire\u{202F}aussi", "LIRE\taussi", "lire   aussi"],
    ["la suite...", "la suite…", "LA SUITE…"],
    ["réservé", "re\u{301}serve\u{301}", "RÉSERVÉ", "RE\u{301}SERVE\u{301}"],
    ["lire", "li\u{200B}re", "\u{FEFF}lire", "li\u{AD}re", "l\u{2060}ire\u{200D}"],
  ]

  @Test("typographic variants fold alike", arguments: alike)
  func foldAlike(_ spellings: [String]) {
    for folder in [Self.keeping, Self.stripping] {
      let first = folder.fold(spellings[0])
      for spelling in spellings.dropFirst() {
        #expect(folder.fold(spelling) == first, "\(spelling) differs from \(spellings[0])")
      }
    }
  }

  @Test("stripAccents makes accented and plain spellings fold alike")
  func accentInsensitive() {
    let spellings = ["resume", "Résumé", "RÉSUMÉ", "Re\u{301}sume\u{301}", "re\u{301}sume"]
    let folded = spellings.map(Self.stripping.fold)
    #expect(folded.allSatisfy { $0 == Array("resume".utf8) })
    #expect(Self.keeping.fold("Résumé") != Self.keeping.fold("resume"))
  }

  @Test("invalid UTF-8 folds to U+FFFD, one byte at a time")
  func invalidUTF8() {
    let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x42]
    var output: [UInt8] = []
    bytes.withUnsafeBufferPointer { Self.keeping.fold($0, into: &output) }
    #expect(output == Array("a\u{FFFD}\u{FFFD}b".utf8))
  }

  @Test("each folded byte maps back to the input scalar it came from")
  func sourceOffsets() {
    // L ’ (3 bytes) A, two spaces, e + U+0301 (3 bytes): "l'a é".
    let input = Array("L’A  e\u{301}".utf8)
    var sink = RecordingSink()
    input.withUnsafeBufferPointer { Self.keeping.fold($0, into: &sink) }
    #expect(sink.bytes == Array("l'a é".utf8))
    #expect(sink.ranges == [0..<1, 1..<4, 4..<5, 5..<7, 7..<10, 7..<10])
  }

  @Test("folding a template literal keeps its outer spaces")
  func keepingEdges() {
    #expect(Self.keeping.foldKeepingEdges(" // Source : ") == Array(" // source : ".utf8))
    #expect(Self.keeping.foldKeepingEdges("\u{A0}(Photo") == Array(" (photo".utf8))
    #expect(Self.keeping.foldKeepingEdges(" ") == Array(" ".utf8))
    #expect(Self.keeping.fold(" // Source : ") == Array("// source :".utf8))
  }
}

/// Records each folded byte with the input range it came from.
private struct RecordingSink: FoldSink {
  var bytes: [UInt8] = []
  var ranges: [Range<Int>] = []

  mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {
    bytes.append(byte)
    ranges.append(start..<end)
  }
}
