/// A photo caption taken out of the body, with its credit.
public struct Caption: Sendable, Hashable {
  /// The caption text, the input's own words.
  public var text: String
  /// Who the photo is credited to; empty when the line names nobody.
  public var credit: String
  /// The 0-based index of the body paragraph the caption followed; -1 before the first one.
  public var position: Int
  /// The id of the rule that recognised the caption (empty for expectations written by hand).
  public var ruleID: String

  /// Creates a caption.
  public init(text: String, credit: String, position: Int = -1, ruleID: String = "") {
    self.text = text
    self.credit = credit
    self.position = position
    self.ruleID = ruleID
  }
}
