import Testing

@testable import Tamis

/// The shortcuts of `LineShape`'s byte loop count what reading every scalar would count: ASCII
/// letters after an accented one, a word ended by an ASCII mark, general punctuation.
@Suite struct LineShapeFastPathTests {
  /// The shape of `text` with `language`'s stop words.
  static func shape(_ text: String, language: String? = "fr") -> LineShape {
    let stopWords = language.flatMap { StopWordSet.byLanguage[$0] }
    var text = text
    return text.withUTF8 { LineShape($0, stopWords: stopWords) }
  }

  @Test("ASCII letters after an accented letter extend the word and its stop-word key")
  func accentedWords() {
    // après and été are French stop words; each letter after é or è is read by the ASCII loop.
    let shape = Self.shape("après été Élysées réservé 2e3 naïveté")
    #expect(shape.tokens == 6)
    #expect(shape.words == 5)
    #expect(shape.stopWords == 2)
    #expect(shape.lowerWords == 4)
    #expect(shape.longWords == 4)
    #expect(shape.capitalisedLongWords == 1)
    #expect(shape.numericTokens == 0)
  }

  @Test("a word ended by a mark, an apostrophe, a hyphen or a bracket is one word")
  func wordEnds() {
    let shape = Self.shape("l'État, well-known (f(x) end- It’s x.", language: "en")
    #expect(shape.tokens == 7)
    #expect(shape.words == 7)
    #expect(shape.looksLikeCode)
    #expect(shape.endsLikeSentence)
  }

  @Test("general punctuation holds no letter and no digit")
  func generalPunctuation() {
    for value in LineShape.generalPunctuation {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(!scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
      #expect(scalar.properties.numericType == nil, "U+\(String(value, radix: 16))")
    }
  }
}
