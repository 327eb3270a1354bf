// libFuzzer target `engine`: the input is a dump, cleaned with the built-in rules (all packs on).
// Cleaning must never crash or hang, and must account for every line (FuzzInvariant).
import Foundation

private let cleaner: Cleaner = {
  guard let rules = try? RuleSet.builtin() else { fatalError("the built-in rules do not load") }
  return Cleaner(rules: rules)
}()
private let allSites = Set(RuleSet.builtinFiles.map(\.path))

/// The libFuzzer entry point: one input, `count` bytes at `data`; returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: count)
  // The first byte picks the options, so site packs and language selection are exercised too.
  let selector = count > 0 ? bytes[0] : 0
  let options = CleaningOptions(
    site: selector & 1 == 0 ? nil : "www.numerama.com",
    language: selector & 2 == 0 ? nil : "fr",
    forcedPacks: selector & 4 == 0 ? [] : allSites)
  let article = cleaner.clean(bytes: bytes, source: "fuzz.txt", options: options)
  FuzzInvariant.check(article, bytes: bytes)
  return 0
}
