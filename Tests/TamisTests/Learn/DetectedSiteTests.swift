import Testing

@testable import Tamis

/// `CompiledRuleSet.detectedSite(in:)`: the site `--learn` groups a document without one under.
@Suite struct DetectedSiteTests {
  static let rules = [
    (
      path: "a.rules",
      text: "title: A\nlang: any\nsite: a.com a.org\ndetect: contains \"Alpha press\"\n"
    ),
    (
      path: "b.rules", text: "title: B\nlang: any\nsite: b.com\ndetect: starts-with \"Beta news\"\n"
    ),
  ]

  static func site(_ text: String, detectorsOnly: Bool = true) throws -> String? {
    let rules = try RuleSet(parsing: Self.rules)
    let compiled = detectorsOnly ? CompiledRuleSet(detectorsOf: rules) : CompiledRuleSet(rules)
    var text = text
    return text.withUTF8 { compiled.detectedSite(in: $0) }
  }

  @Test("the first pack loaded whose detector matches names the site, as meta.site does")
  func firstPackWins() throws {
    let text = "Beta news of the day\n\nA story.\n\nAll rights: Alpha press agency\n"
    #expect(try Self.site(text) == "a.com")
    #expect(try Self.site(text, detectorsOnly: false) == "a.com")
    let article = Cleaner(rules: try RuleSet(parsing: Self.rules)).clean(text)
    #expect(article.meta["site"] == "a.com")
    #expect(try Self.site("Beta news of the day\n\nA story.\n") == "b.com")
  }

  @Test("no detector match, or no detector at all, names no site")
  func noSite() throws {
    #expect(try Self.site("A story about beta news.\n") == nil)
    let plain = CompiledRuleSet(detectorsOf: try RuleSet(packs: []))
    #expect(!plain.hasDetectors)
    var text = "Alpha press\n"
    #expect(text.withUTF8 { plain.detectedSite(in: $0) } == nil)
  }
}
