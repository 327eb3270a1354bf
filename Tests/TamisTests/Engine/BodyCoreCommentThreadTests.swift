import Testing

@testable import Tamis

/// Comment threads (`in-comment-thread`): entry headers `#k name date time` whose numbers run
/// up, under an article.
@Suite struct BodyCoreCommentThreadTests {
  typealias Base = BodyCoreTests

  static let rule = "group: thread\n  when: in-comment-thread\n  drop-line: any\n"

  static let thread = [
    "#1 Ann 於 2013/12/28 10:28", "What a lovely place, thank you for the pictures.",
    "Thank you Ann!", "Steven 於 2014/01/01 20:31 回覆",
    "#2 Bob 於 2013/12/28 10:42", "We went there last year, the trees were red.",
    "#4 Carla 於 2013/12/28 21:29", "The fish soup looks so good on a cold night.",
  ]

  @Test(
    "a numbered thread under the article goes, a skipped number included; the last entry is as long as the shortest"
  )
  func threadGoes() throws {
    let dump = Base.article + "\n\n" + Self.thread.joined(separator: "\n") + "\n"
    let article = try Base.clean(Self.rule, dump)
    #expect(Base.removed(article) == Self.thread)
    #expect(article.body == Base.article)
  }

  @Test("a numbered list without clock times, two headers or a jump is no thread")
  func notThreads() throws {
    let list = ["#1 The best pizza in town", "#2 The oldest bakery", "#3 The bus station"]
    let two = ["#1 Ann 2013/12/28 10:28", "Nice.", "#2 Bob 2013/12/28 10:42", "Nice too."]
    let jump = ["#1 Ann 2013/12/28 10:28", "#2 Bob 2013/12/28 10:42", "#9 Cy 2013/12/28 11:00"]
    for lines in [list, two, jump] {
      let dump = Base.article + "\n\n" + lines.joined(separator: "\n") + "\n"
      #expect(try Base.clean(Self.rule, dump).removals.isEmpty)
    }
  }

  @Test("the shipped rules cut a blog's comment form from its notice on, the article stays")
  func commentForm() throws {
    let more = (1...4).map { k in
      "In the spring meeting number \(k), the residents will discuss the bus lines, the library"
        + " hours and the new park with the council, which promised to listen to all of them."
    }
    let text = ([Base.article] + more).joined(separator: "\n\n")
    let form = [
      "Your email address will not be published. Required fields are marked *", "Name *",
      "Email *",
    ]
    let dump = text + "\n\n" + form.joined(separator: "\n\n") + "\n"
    let article = Cleaner(rules: try RuleSet.builtin()).clean(
      dump, source: "d.txt", options: CleaningOptions(language: "en"))
    #expect(article.body == text)
    #expect(
      article.removals.contains {
        $0.text == form[0] && $0.ruleID == "en-comment-form"
      })
  }

  static let comments = [
    "Ann Lee (a reader) · March 10, 2017 at 12:20 AM",
    "If there were really no demand for budget meetings, the hall would not be so full.", "Reply",
    "Bob · March 10, 2017 at 1:26 AM", "One nuance is that many people never go to the meetings.",
    "I had never had the impression that the council listens to anyone.", "Reply",
    "Carla · March 10, 2017 at 2:56 AM", "You are right on this one.", "Reply",
    "Dan · March 13, 2017 at 6:30 AM", "The last comment has no reply label under it.",
    "And it runs on for a second line before the form.",
  ]

  @Test(
    "an unnumbered thread — headers with a clock time, a repeated 'Reply' under the entries — goes to its form"
  )
  func labelledThreadGoes() throws {
    let rules = Self.rule + "group: form\n  drop-from: equals \"Leave a comment\"\n"
    let dump =
      Base.article + "\n\n" + Self.comments.joined(separator: "\n") + "\nLeave a comment\nName\n"
    let article = try Base.clean(rules, dump)
    #expect(Base.removed(article) == Self.comments + ["Leave a comment", "Name"])
    #expect(article.body == Base.article)
    #expect(article.removals.prefix(Self.comments.count).allSatisfy { $0.ruleID == "thread" })
  }

  @Test(
    "time stamps without a repeated label between them are a schedule or a live page, no thread")
  func unlabelledTimesAreNoThread() throws {
    let schedule = [
      "Saturday, March 4 at 7:30 PM", "The choir opens the evening in the town hall.",
      "Sunday, March 5 at 3:00 PM", "The brass band plays in the park.",
      "Monday, March 6 at 8:00 PM", "A film about the town closes the festival.",
    ]
    let dump = Base.article + "\n\n" + schedule.joined(separator: "\n") + "\n"
    #expect(try Base.clean(Self.rule, dump).removals.isEmpty)
  }
}
