import Testing

@testable import Tamis

/// The structural actions and group fields: lone credits, title runs, `sets:` fields, and the
/// removal budget.
@Suite struct StructureTests {
  static func clean(_ rules: String, _ dump: String) throws -> CleanedArticle {
    let set = try RuleSet(parsing: "title: T\nlang: any\n" + rules, source: "t.rules")
    return Cleaner(rules: set).clean(dump, source: "d.txt")
  }

  @Test("a lone credit joins the short line before it as a caption")
  func loneCreditJoinsCaption() throws {
    let article = try Self.clean(
      "group: g\n  credit: equals \"Photo : {credit}\"\n",
      "Premier paragraphe.\n\nLe ministre à Matignon, mardi.\nPhoto : AFP\n\nSuite.\n")
    #expect(article.body == "Premier paragraphe.\n\nSuite.")
    #expect(
      article.captions == [
        Caption(
          text: "Le ministre à Matignon, mardi.", credit: "AFP",
          position: 0, ruleID: "g")
      ])
    #expect(article.outcomes == [.body, .blank, .caption(0), .caption(0), .blank, .body])
  }

  @Test("a credit after a blank line does not take the paragraph above as its caption")
  func creditAfterBlankLine() throws {
    let article = try Self.clean(
      "group: g\n  credit: equals \"Photo : {credit}\"\n", "Corps court.\n\nPhoto : AFP\n")
    #expect(article.body == "Corps court.")
    #expect(article.captions.isEmpty)
  }

  @Test("a lone credit with no short line before it is removed")
  func loneCreditWithoutTextIsRemoved() throws {
    let article = try Self.clean(
      "group: g\n  credit: equals \"Photo : {credit}\"\n", "Photo : AFP\n\nCorps.\n")
    #expect(article.body == "Corps.")
    #expect(article.captions.isEmpty)
    #expect(article.removals.map(\.text) == ["Photo : AFP"])
  }

  @Test("a drop-run removes the header and the title-like lines after it, not the next sentence")
  func dropRun() throws {
    let article = try Self.clean(
      "group: g\n  drop-run: equals \"Les plus lus\"\n",
      """
      Un paragraphe.

      Les plus lus
      Un titre de la rubrique

      Un autre titre sans point
      Le paragraphe suivant se termine par un point.
      Un titre après la phrase
      """)
    #expect(
      article.body
        == "Un paragraphe.\n\nLe paragraphe suivant se termine par un point.\n"
        + "Un titre après la phrase")
    #expect(article.removals.map(\.line) == [3, 4, 6])
  }

  @Test("sets: fields are filled from the firing rule's holes, once")
  func setsFields() throws {
    let article = try Self.clean(
      """
      group: g
        sets: paywalled = true
        sets: paywall-missing = {n} %
        sets: never = {absent}
        drop-from: starts-with "Il vous reste {n:number}% de cet article à lire"
        drop-line: equals "Réservé aux abonnés"
      """,
      "Réservé aux abonnés\n\nCorps.\n\nIl vous reste 69 % de cet article à lire.\n")
    #expect(article.meta["paywalled"] == "true")
    #expect(article.meta["never"] == nil)
    // The group first fired on line 1, whose rule has no {n}: the share stays unset.
    #expect(article.meta["paywall-missing"] == nil)
    let second = try Self.clean(
      """
      group: g
        sets: paywall-missing = {n} %
        drop-from: starts-with "Il vous reste {n:number}% de cet article à lire"
      """, "Corps.\n\nIl vous reste 69 % de cet article à lire.\n")
    #expect(second.meta["paywall-missing"] == "69 %")
  }

  @Test("a dump that loses more than the budget is flagged with the rules responsible")
  func removalBudget() throws {
    let rules = "group: g\n  drop-line: starts-with \"Pub\"\n"
    let pitch = "Pub " + Array(repeating: "mot", count: 149).joined(separator: " ")
    let body = Array(repeating: "Corps court.", count: 25).joined(separator: "\n")
    let flagged = try Self.clean(rules, pitch + "\n\n" + body + "\n")
    #expect(flagged.meta["over-removal"] == "75 %")
    #expect(flagged.meta["over-removal-rules"] == "g")
    let fine = try Self.clean(rules, "Pub un\n\n" + body + "\n" + body + "\n" + body + "\n")
    #expect(fine.meta["over-removal"] == nil)
    let short = try Self.clean(rules, "Pub un deux trois quatre\n\nCorps court.\n")
    #expect(short.meta["over-removal"] == nil)
  }

  @Test(
    "the first body line, short and followed by a paragraph, is meta.title and leaves the body")
  func headlineIsTitle() throws {
    let rules = "group: g\n  meta: starts-with \"Par {author}\"\n"
    let dump = """
      Par Jeanne Martin
      Faut-il avoir peur des robots conversationnels ?

      Les assistants se multiplient dans les entreprises, et les syndicats s'en inquiètent.
      """
    let article = try Self.clean(rules, dump)
    #expect(article.meta["title"] == "Faut-il avoir peur des robots conversationnels ?")
    #expect(article.body.hasPrefix("Les assistants"))
    #expect(article.removals.map(\.ruleID) == ["g", Headline.ruleID])
    #expect(article.meta["author"] == "Jeanne Martin")
    let set = try RuleSet(parsing: "title: T\nlang: any\n" + rules, source: "t.rules")
    let kept = Cleaner(rules: set).clean(
      dump, source: "d.txt", options: CleaningOptions(keepTitle: true))
    #expect(kept.body.hasPrefix("Faut-il avoir peur"))
    #expect(kept.meta["title"] == article.meta["title"])
  }

  @Test(
    "no title when the first body line ends like a sentence, is a name, or nothing longer follows")
  func noHeadline() throws {
    let sentence = try Self.clean(
      "", "Le conseil a voté.\n\nLa séance a duré quatre heures et demie.\n")
    #expect(sentence.meta["title"] == nil)
    let name = try Self.clean(
      "", "Lucía Ferrán\n\nLa croissance ralentit nettement au troisième trimestre.\n")
    #expect(name.meta["title"] == nil)
    let alone = try Self.clean("", "Un titre sans suite\n\nCourt\n")
    #expect(alone.meta["title"] == nil)
  }

  @Test("a title set by a rule is not replaced by the headline guess")
  func ruleTitleWins() throws {
    let rules = "group: g\n  meta: starts-with \"Titre : {title}\"\n"
    let article = try Self.clean(
      rules,
      "Titre : Le vrai titre\nUn autre titre court\n\nUn long paragraphe qui suit le titre et le chapeau.\n"
    )
    #expect(article.meta["title"] == "Le vrai titre")
  }
}
