/// A model value that reaches up into the engine: the one planted violation of this tree.
///
/// A Sweeper named in a comment does not count, nor in a string literal below.
struct Shelf {
  var label = "a Sweeper in a string"
  var raw = #"a "Sweeper" in a raw string"#
  var note = """
    a Sweeper in a multi-line string
    """
  /* a Sweeper in a block comment /* nested Sweeper */ still a comment: Sweeper */
  var count: Int { 1 }
  var described: String { "\(count) Sweeper, \(label.count) more" }

  func swept() -> Int { Sweeper().count(of: self) }  // the planted violation
}
