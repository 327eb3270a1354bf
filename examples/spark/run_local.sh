#!/usr/bin/env bash
# Runs clean_jsonl.py in Spark's local mode on a generated corpus and checks its output against a
# direct `tamis --jsonl` run, record for record. Exits non-zero on any difference.
#
#   bash examples/spark/run_local.sh [--fresh]
#
# Needs: python3 (3.9 or later) with venv, Java 17 or later as `java`, Swift, and PyPI for the
# first run. It makes a Python venv in examples/spark/.venv-spark (git-ignored; reused by later
# runs, rebuilt with --fresh) and installs pyspark there, builds tamis as the README's Install
# section does (`swift build -c release --static-swift-stdlib`, the binary a cluster's executors
# get; set TAMIS=/path/to/tamis to use a binary instead), generates a 20 MB corpus (with
# ../shared/bench/gen_corpus.py when ../shared is next to the repository, else with
# gen_small_corpus.py), splits it into several JSONL files, adds a file of edge cases, and runs the
# job with the master in SPARK_MASTER (default local[2]). Work files go to a temporary folder,
# removed at the end unless KEEP=1.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv-spark"
master="${SPARK_MASTER:-local[2]}"
files=4
started=$SECONDS

say() { echo "== $*" >&2; }
now() { python3 -c 'import time; print(time.time())'; }
die() { echo "run_local.sh: $*" >&2; exit 1; }

if [ "${1:-}" = "--fresh" ]; then rm -rf "$venv"; elif [ $# -gt 0 ]; then die "usage: $0 [--fresh]"; fi

# Java: Spark 4 needs 17 or later.
command -v java >/dev/null || die "no java on PATH (Spark needs Java 17 or later)"
java_major="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1)"
[ "${java_major:-0}" -ge 17 ] || die "java is version ${java_major:-unknown}; Spark needs 17 or later"

# Python venv with pyspark from PyPI.
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  say "python venv with pyspark in $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet pyspark
fi
pyspark_home="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export SPARK_HOME="$pyspark_home"
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export PATH="$venv/bin:$PATH"
say "pyspark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), java $java_major"

# tamis.
if [ -z "${TAMIS:-}" ]; then
  say "swift build -c release --static-swift-stdlib"
  (cd "$repo" && swift build -c release --static-swift-stdlib) >&2
  TAMIS="$(cd "$repo" && swift build -c release --static-swift-stdlib --show-bin-path)/tamis"
fi
[ -x "$TAMIS" ] || die "no tamis binary at $TAMIS"
export TAMIS

work="$(mktemp -d "${TMPDIR:-/tmp}/tamis-spark.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then say "work files kept in $work"; else trap 'rm -rf "$work"' EXIT; fi

# Corpus: 20 MB of articles, split into $files JSONL files, plus a file of edge cases.
if [ -f "$repo/../shared/bench/gen_corpus.py" ]; then
  generator="$repo/../shared/bench/gen_corpus.py"
else
  generator="$here/gen_small_corpus.py"
fi
say "corpus: $(basename "$generator") --mb 20 --seed 7"
python3 "$generator" --mb 20 --seed 7 --out "$work/corpus" --jsonl
mkdir "$work/input"
python3 - "$work/corpus/corpus.jsonl" "$work/input" "$files" <<'EOF'
import sys
source, folder, parts = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, "rb") as f:
    lines = f.read().split(b"\n")[:-1]
size = -(-len(lines) // parts)
for n in range(parts):
    with open(f"{folder}/articles-{n:02d}.jsonl", "wb") as out:
        out.writelines(line + b"\n" for line in lines[n * size:(n + 1) * size])
# Edge cases: line and paragraph separators and a NEL inside a record (not line breaks in JSON
# Lines), an escaped CR, a CRLF line end, a blank line, a record without the text field and a
# line that is not JSON (both passed through with an "error" field, tamis exits 1).
edge = [
    '{"id":"edge-1","url":"https://www.example.com/a","text":"Top\u2028line \u0085 next\\r\\nRead more: x\\n\\nBody."}',
    '{"id":"edge-2","url":"https://www.exemple.fr/b","text":"Lire aussi : y\\n\\nCorps \U0001F44B."}\r',
    "",
    '{"id":"edge-3","url":"https://www.example.com/c"}',
    "not json at all",
    '{"id":"edge-4","text":"Photo: AFP\\n\\nA \\"quoted\\" body\\twith a tab."}',
]
with open(f"{folder}/edge-cases.jsonl", "wb") as out:
    out.writelines(line.encode("utf-8") + b"\n" for line in edge)
EOF
inputs="$(cat "$work"/input/*.jsonl | wc -l | tr -d ' ')"
mb="$(cat "$work"/input/*.jsonl | wc -c | awk '{printf "%.1f", $1 / 1000000}')"

say "direct run: tamis --jsonl"
direct_start=$(now)
status=0
"$TAMIS" --jsonl "$work"/input/*.jsonl > "$work/direct.jsonl" 2> "$work/direct.log" || status=$?
direct_end=$(now)
[ "$status" -le 1 ] || { cat "$work/direct.log" >&2; die "tamis --jsonl exited with status $status"; }

say "spark-submit --master $master clean_jsonl.py ($files files + edge cases, $inputs lines, $mb MB)"
spark_start=$(now)
spark-submit --master "$master" --conf spark.ui.enabled=false \
  "$here/clean_jsonl.py" "$work/input" "$work/output" --tamis "$TAMIS" \
  2> "$work/spark.log" || { tail -40 "$work/spark.log" >&2; die "the Spark job failed (log above)"; }
spark_end=$(now)

say "compare"
records="$(python3 "$here/check_output.py" --inputs "$inputs" \
  --expected "$work/direct.jsonl" --actual "$work/output")" || die "Spark output differs from the direct tamis run"

awk -v r="$records" -v p="$(ls "$work/output" | grep -c '^part-')" -v mb="$mb" \
  -v s="$spark_start" -v e="$spark_end" -v ds="$direct_start" -v de="$direct_end" \
  -v total="$((SECONDS - started))" -v m="$master" \
  'BEGIN { printf "spark example OK: %d records (%s MB, %d part files) identical to a direct tamis --jsonl run; Spark %s job %.1f s, direct run %.1f s, script %d s\n", r, mb, p, m, e - s, de - ds, total }'
