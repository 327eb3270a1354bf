// libFuzzer target `scanner`: the input is a rule file, a NUL byte, then a dump. The line
// scanner must report, on every line, the same hits in the same order as the reference scanner
// (the simpler one it replaced, in ReferenceScanner.swift).
import Foundation

/// The libFuzzer entry point: one input, `count` bytes at `data`; returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScanner(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: count)
  let split = bytes.firstIndex(of: 0) ?? count
  let ruleText = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<split]), as: UTF8.self)
  guard let rules = try? RuleSet(parsing: ruleText, source: "fuzz.rules") else { return 0 }
  let dump = UnsafeBufferPointer(rebasing: bytes[min(split + 1, count)..<count])
  let compiled = CompiledRuleSet(rules)
  var scanner = LineScanner(compiled)
  var reference = ReferenceLineScanner(compiled)
  for line in LineIndex(dump).lines {
    let text = UnsafeBufferPointer(rebasing: dump[line.content])
    let found = scanner.scan(text)
    let expected = reference.scan(text)
    func describe(_ hits: [LineHit]) -> [String] {
      hits.map { "\($0.pattern) \(String(describing: $0.span)) \($0.holes.map { "\($0)" })" }
    }
    guard describe(found) == describe(expected) else {
      fatalError("scanner \(describe(found)) but reference \(describe(expected))")
    }
  }
  return 0
}
