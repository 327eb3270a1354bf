// libFuzzer target `pair`: the input is a rule file, a NUL byte, then a dump. A rule file from a
// stranger must never make cleaning crash, hang or lose a line.
import Foundation

/// The libFuzzer entry point: one input, `count` bytes at `data`; returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPair(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: count)
  let split = bytes.firstIndex(of: 0) ?? count
  let ruleText = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<split]), as: UTF8.self)
  guard let rules = try? RuleSet(parsing: ruleText, source: "fuzz.rules") else { return 0 }
  let dump = UnsafeBufferPointer(rebasing: bytes[min(split + 1, count)..<count])
  let forced = Set(rules.packs.map(\.path))
  let article = Cleaner(rules: rules).clean(
    bytes: dump, source: "fuzz.txt", options: CleaningOptions(forcedPacks: forced))
  FuzzInvariant.check(article, bytes: dump)
  return 0
}
