#!/usr/bin/env bash
# Builds a libFuzzer binary from the Tamis library sources and one harness, and runs it.
#
#   Tests/Fuzz/run.sh TARGET SECONDS [LIBFUZZER-OPTION ...]
#
# TARGET is `rules` (a rule file), `engine` (a dump, cleaned with the built-in rules), `pair`
# (a rule file, a NUL byte, a dump) or `scanner` (the same input; the line scanner is compared
# with the reference scanner it replaced). The corpus lives in Tests/Fuzz/corpus/TARGET (seeded from
# rules/ and Tests/Fixtures/dumps when empty) and grows as the fuzzer runs; crashes, timeouts and
# out-of-memory inputs are written to Tests/Fuzz/findings/TARGET/. Build products go to
# .build-fuzz/. Linux only (swiftc -sanitize=fuzzer); not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage="usage: Tests/Fuzz/run.sh rules|engine|pair|scanner SECONDS [LIBFUZZER-OPTION ...]"
target=${1:?$usage}
seconds=${2:?$usage}
shift 2
case "$target" in
  rules) harness=FuzzRules.swift ;;
  engine) harness=FuzzEngine.swift ;;
  pair) harness=FuzzPair.swift ;;
  scanner) harness="FuzzScanner.swift Tests/Fuzz/Harness/ReferenceScanner.swift" ;;
  *) echo "unknown target '$target'; use rules, engine, pair or scanner" >&2; exit 2 ;;
esac

build=.build-fuzz
mkdir -p "$build"
# The SwiftPM build plugin does not run here: generate BuiltinRuleFiles.swift with the same tool.
if [ ! -x "$build/embed-rules" ] || [ Sources/embed-rules/main.swift -nt "$build/embed-rules" ]; then
  swiftc -O Sources/embed-rules/main.swift -o "$build/embed-rules"
fi
"$build/embed-rules" rules "$build/BuiltinRuleFiles.swift"

binary="$build/fuzz-$target"
# SPARSE=1 gives every automaton a dense row for its root and first state only, so the fuzzer
# drives nearly every step through the sparse states' children and failure links.
defines=""
if [ "${SPARSE:-0}" = 1 ]; then defines="-D TAMIS_FUZZ_SPARSE_AUTOMATON"; binary="$binary-sparse"; fi
sources=$(find Sources/Tamis -name '*.swift' | sort)
# -O with the fuzzer's coverage instrumentation; address sanitizer for the unsafe-pointer code.
# shellcheck disable=SC2086
swiftc -O -g -parse-as-library -sanitize=fuzzer,address -swift-version 6 \
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility \
  -enable-upcoming-feature InternalImportsByDefault \
  -module-name TamisFuzz $defines \
  $sources "$build/BuiltinRuleFiles.swift" Tests/Fuzz/Harness/FuzzInvariant.swift \
  Tests/Fuzz/Harness/$harness -o "$binary" 2>&1 \
  | { grep -v "Cannot export local symbol" || true; }

corpus=Tests/Fuzz/corpus/$target
findings=Tests/Fuzz/findings/$target
mkdir -p "$corpus" "$findings"
if [ -z "$(ls -A "$corpus")" ]; then
  case "$target" in
    rules) find rules -name '*.rules' -exec cp {} "$corpus/" \; ;;
    engine) cp Tests/Fixtures/dumps/*.txt "$corpus/" ;;
    pair | scanner)
      for rules in rules/generic/*.rules; do
        for dump in Tests/Fixtures/dumps/fr-*.txt Tests/Fixtures/dumps/en-*.txt; do
          name=$(basename "$rules" .rules)-$(basename "$dump" .txt)
          { cat "$rules"; printf '\0'; cat "$dump"; } > "$corpus/$name"
        done
      done
      ;;
  esac
fi

# Hand-written seeds (hostile rule sets, odd bytes) join the corpus on every run.
if [ -d "Tests/Fuzz/seeds/$target" ]; then cp Tests/Fuzz/seeds/"$target"/* "$corpus/"; fi

# A timeout of 10 s per input catches super-linear matching. Inputs up to 64 KiB; 16 KiB for
# `scanner`, whose reference retries strip-span templates at every key occurrence (quadratic).
max_len=65536
if [ "$target" = scanner ]; then max_len=16384; fi
exec "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -max_len="$max_len" \
  -rss_limit_mb=4096 -artifact_prefix="$findings/" -print_final_stats=1 "$@"
