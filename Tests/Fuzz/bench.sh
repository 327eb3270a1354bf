#!/usr/bin/env bash
# Times the line scanner against the reference scanner it replaced, on the fixture dumps with the
# built-in rules and on hostile rule sets (see Bench/ScannerBench.swift). Release build with
# swiftc -O into .build-fuzz/; prints one line per scenario and scanner.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=.build-fuzz
mkdir -p "$build"
if [ ! -x "$build/embed-rules" ] || [ Sources/embed-rules/main.swift -nt "$build/embed-rules" ]; then
  swiftc -O Sources/embed-rules/main.swift -o "$build/embed-rules"
fi
"$build/embed-rules" rules "$build/BuiltinRuleFiles.swift"
# shellcheck disable=SC2046
swiftc -O -parse-as-library -swift-version 6 -module-name TamisBench \
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility \
  -enable-upcoming-feature InternalImportsByDefault \
  $(find Sources/Tamis -name '*.swift' | sort) "$build/BuiltinRuleFiles.swift" \
  Tests/Fuzz/Harness/ReferenceScanner.swift Tests/Fuzz/Bench/ScannerBench.swift \
  -o "$build/scanner-bench"
"$build/scanner-bench" Tests/Fixtures/dumps
