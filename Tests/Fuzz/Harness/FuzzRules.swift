// libFuzzer target `rules`: the input is one rule file. Parsing must never crash or hang, and a
// rule set that loads must compile and run its own examples without crashing.
import Foundation

/// The libFuzzer entry point: one input, `count` bytes at `data`; returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
  guard let rules = try? RuleSet(parsing: text, source: "fuzz.rules") else { return 0 }
  _ = Cleaner(rules: rules)
  for check in ExampleCheck.all(in: rules) { _ = check.run() }
  return 0
}
