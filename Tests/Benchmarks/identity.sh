#!/usr/bin/env bash
# Byte-identical outputs: runs a baseline tamis and a candidate tamis over the same inputs and
# compares stdout, stderr and exit status of every run.
#
# Usage: Tests/Benchmarks/identity.sh BASELINE [CANDIDATE] [WORK]
#   CANDIDATE defaults to .build/release/tamis; WORK (default /tmp/tamis-identity) holds the
#   generated 100 MB corpora and the outputs of the last failing comparison.
#
# Inputs: every dump of the dev set (../shared/devset/*.txt except gold files), every input of
# the synthetic gold (Tests/Fixtures/gold, files that are not .body/.captions), each in text,
# --format json and --explain modes; a 100 MB corpus
# (../shared/bench/gen_corpus.py --mb 100 --seed 5) in stdin mode and JSONL mode, with 1,000
# generated phrase rules, with --jobs 1 and 2; batch mode over the gold folder.
# Prints one line per group and a final "identical: N comparisons" or the first differences;
# exits 1 when anything differs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
base=${1:?usage: identity.sh BASELINE [CANDIDATE] [WORK]}
cand=${2:-$root/.build/release/tamis}
work=${3:-/tmp/tamis-identity}
mkdir -p "$work"
compared=0
failed=0

# compare NAME -- ARGS...: runs both binaries with ARGS (stdin from $input when set).
compare() {
  local name=$1
  shift
  local in=${input:-/dev/null}
  "$base" "$@" <"$in" >"$work/base.out" 2>"$work/base.err"
  local bs=$?
  "$cand" "$@" <"$in" >"$work/cand.out" 2>"$work/cand.err"
  local cs=$?
  compared=$((compared + 1))
  if [ $bs -ne $cs ] || ! cmp -s "$work/base.out" "$work/cand.out" \
    || ! cmp -s "$work/base.err" "$work/cand.err"; then
    failed=$((failed + 1))
    if [ $failed -le 5 ]; then
      echo "DIFFERS: $name (status $bs vs $cs)"
      cp "$work/base.out" "$work/fail-$failed.base.out"
      cp "$work/cand.out" "$work/fail-$failed.cand.out"
    fi
  fi
}

dumps=()
for f in "$shared"/devset/*.txt; do
  case $f in *.gold.txt) continue ;; esac
  dumps+=("$f")
done
while IFS= read -r f; do dumps+=("$f"); done < <(
  find "$root/Tests/Fixtures/gold" -name '*.txt' ! -name '*.body.txt' ! -name '*.captions.txt' \
    | sort)
for f in "${dumps[@]}"; do
  compare "$f" -- "$f"
  compare "$f json" -f json -- "$f"
  compare "$f explain" --explain -- "$f"
done
echo "dumps: ${#dumps[@]} files x 3 modes, $failed differences so far"

corpus=$work/c100/corpus.txt
jsonl=$work/j100/corpus.jsonl
phrases=$work/phrases-1000.rules
[ -f "$corpus" ] || python3 "$shared/bench/gen_corpus.py" --mb 100 --seed 5 --concat \
  --out "$work/c100" >/dev/null
[ -f "$jsonl" ] || python3 "$shared/bench/gen_corpus.py" --mb 100 --seed 5 --jsonl \
  --out "$work/j100" >/dev/null
if [ ! -f "$phrases" ]; then
  python3 "$shared/bench/gen_rules.py" --k 1000 --out "$work/phrases-1000.txt"
  python3 - "$work/phrases-1000.txt" "$phrases" <<'PY'
import sys
lines = ["title: Benchmark phrases", "lang: any", "group: bench-phrases-1000",
         "  why: generated phrases for the benchmark"]
for p in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if p.strip():
        q = p.replace("\\", "\\\\").replace('"', '\\"').replace("{", "{{").replace("}", "}}")
        lines.append(f'  drop-line: contains "{q}"')
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
fi
for jobs in 1 2; do
  input=$corpus compare "stdin 100 MB j$jobs" -j $jobs -r "$phrases"
  compare "jsonl 100 MB j$jobs" --jsonl -j $jobs -r "$phrases" -- "$jsonl"
done
input=$corpus compare "stdin 100 MB json" -f json -r "$phrases"
echo "100 MB corpus: stdin and JSONL, $failed differences so far"

rm -rf "$work/batch-base" "$work/batch-cand"
"$base" -q -j 2 --out "$work/batch-base" "$root/Tests/Fixtures/gold" >/dev/null 2>&1
"$cand" -q -j 2 --out "$work/batch-cand" "$root/Tests/Fixtures/gold" >/dev/null 2>&1
compared=$((compared + 1))
if ! diff -r -q "$work/batch-base" "$work/batch-cand" >/dev/null; then
  failed=$((failed + 1))
  echo "DIFFERS: batch over Tests/Fixtures/gold"
fi

if [ $failed -eq 0 ]; then
  echo "identical: $compared comparisons (stdout, stderr, exit status)"
else
  echo "$failed of $compared comparisons differ"
  exit 1
fi
