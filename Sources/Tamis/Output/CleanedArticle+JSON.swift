extension CleanedArticle {
  /// The article as the JSON object tamis prints with `--format json`.
  ///
  /// Schema (keys sorted):
  /// `{"body": string, "captions": [{"credit", "id", "position", "text"}], "meta": {string:
  /// string}, "removed": [{"action", "id", "line", "rule", "text"}]}`, where `position` is the
  /// 0-based index of the body paragraph a caption followed (-1: before the first), `line` is
  /// the 1-based input line, and `rule` is `path:line:col` of the rule's action line.
  /// - Parameter includeRemovals: whether to include the `removed` list.
  public func json(includeRemovals: Bool = true) -> JSONValue {
    .object(jsonMembers(includeRemovals: includeRemovals))
  }

  /// The members of `json(includeRemovals:)`, for callers that merge them into another object.
  public func jsonMembers(includeRemovals: Bool = true) -> [String: JSONValue] {
    var object: [String: JSONValue] = [
      "body": .string(body),
      "captions": .array(
        captions.map { caption in
          .object([
            "text": .string(caption.text), "credit": .string(caption.credit),
            "position": .number(caption.position), "id": .string(caption.ruleID),
          ])
        }),
      "meta": .object(meta.mapValues { .string($0) }),
    ]
    if includeRemovals {
      object["removed"] = .array(
        removals.map { removal in
          .object([
            "line": .number(removal.line), "text": .string(removal.text),
            "rule": .string(removal.rule.description), "id": .string(removal.ruleID),
            "action": .string(removal.action.name),
          ])
        })
    }
    return object
  }
}
