import Testing

@testable import Tamis

/// A site pack applies to its host and the host's subdomains, on bytes as by `String`.
@Suite struct PackSelectionPassTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let site: String
    let host: String
    var testDescription: String { "'\(site)' on '\(host)'" }
  }

  static let cases: [Case] = [
    .init(site: "lemonde.fr", host: "lemonde.fr"),
    .init(site: "www.lemonde.fr", host: "lemonde.fr"),
    .init(site: "notlemonde.fr", host: "lemonde.fr"),
    .init(site: "lemonde.fr", host: "www.lemonde.fr"),
    .init(site: "fr", host: "lemonde.fr"),
    .init(site: ".lemonde.fr", host: "lemonde.fr"),
    .init(site: "lemonde.fr.", host: "lemonde.fr"),
    .init(site: "", host: "lemonde.fr"),
    .init(site: "sub.café.fr", host: "café.fr"),
    .init(site: "sub.cafe\u{301}.fr", host: "café.fr"),
    .init(site: "a b.lemonde.fr", host: "lemonde.fr"),
  ]

  @Test("a site is its host or a subdomain of it, as the String comparison says", arguments: cases)
  func isSite(_ c: Case) {
    let expected = c.site == c.host || c.site.hasSuffix("." + c.host)
    let bytes = PackSelectionPass.printableBytes(of: c.site)
    #expect(PackSelectionPass.isSite(c.site, bytes: bytes, on: c.host) == expected)
  }
}
