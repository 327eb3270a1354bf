#!/usr/bin/env bash
# Torture run: tamis as a hostile user and a hostile crawl would use it, through the real binary.
#
# Every case asserts its exit status, its output (or that a file was left untouched) and a bound
# on peak memory, and prints one line: the verdict, the name, the exit status, the wall time and
# the peak resident memory. The script exits 1 when a case fails.
#
#   Tests/Torture/run.sh [--quick] [--tamis PATH]
#
# --quick (what .ci/run uses) shrinks the large inputs (10 MB instead of 100 MB) so the run takes
# seconds. Cases marked "pending" belong to defects not fixed yet (issue 15, defects 7 and 8):
# they run and report their numbers, as "xfail" while they fail and "XPASS" once they pass (then
# remove the mark), without failing the run.
set -uo pipefail

quick=0
tamis=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --tamis) tamis="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--tamis PATH]" >&2; exit 2 ;;
  esac
  shift
done
cd "$(dirname "$0")/../.."
tamis="${tamis:-.build/release/tamis}"
[ -x "$tamis" ] || { echo "torture: no tamis binary at $tamis (swift build -c release)" >&2; exit 2; }
tamis="$(cd "$(dirname "$tamis")" && pwd)/$(basename "$tamis")"
if [ "$quick" = 1 ]; then big_mb=10; else big_mb=100; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tamis-torture.XXXXXX")"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
cases=0

# The rule pack every case uses: a line to drop, a span to strip, a caption.
rules="$work/torture.rules"
cat > "$rules" <<'RULES'
title: Torture pack
lang: any
group: torture
  why: test
  drop-line: equals "Publicité"
  strip-span: "[pub]"
  caption: "{text} // Source : {credit}"
  example: e
    in: Publicité
  keeps: La publicité recule.
RULES

# run NAME STATUS MAX_MB [pending] -- COMMAND...: runs COMMAND with stdout in $out and stderr in
# $err, measures it, and checks the status and the memory bound. Then `check CONDITION...` adds
# assertions on the output; `finish` prints the line.
run() {
  name="$1"; want="$2"; max_mb="$3"; shift 3
  pending=0
  if [ "$1" = pending ]; then pending=1; shift; fi
  [ "$1" = -- ] && shift
  out="$work/out.$cases"; err="$work/err.$cases"
  cases=$((cases + 1))
  problems=()
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" > "$out" 2> "$err"
  status=$?
  read -r seconds peak_kb < <(tail -n 1 "$work/time")
  # A command killed by a signal has no time line; keep the numbers printable.
  case "$seconds" in ''|*[!0-9.]*) seconds=0; peak_kb=0 ;; esac
  [ "$status" = "$want" ] || problems+=("exit $status, expected $want")
  peak_mb=$((peak_kb / 1024))
  [ "$peak_mb" -le "$max_mb" ] || problems+=("peak ${peak_mb} MB over ${max_mb} MB")
}

check() {
  if ! "$@"; then problems+=("failed: $*"); fi
}

finish() {
  local verdict=ok
  if [ ${#problems[@]} -gt 0 ]; then
    if [ "$pending" = 1 ]; then verdict=xfail; else verdict=FAIL; failures=$((failures + 1)); fi
  elif [ "$pending" = 1 ]; then
    verdict=XPASS
  fi
  printf '%-5s %-62s exit=%-3s time=%6.2fs peak=%5d MB' "$verdict" "$name" "$status" "$seconds" "$peak_mb"
  [ ${#problems[@]} -gt 0 ] && printf '  (%s)' "$(IFS=';'; echo "${problems[*]}")"
  printf '\n'
  if [ "$verdict" = FAIL ] && [ -s "$err" ]; then sed 's/^/      stderr: /' "$err" | head -n 5; fi
}

same() { cmp -s "$1" "$2"; }
empty() { [ ! -s "$1" ]; }
contains() { grep -qF -- "$2" "$1"; }
is_kind() { [ "$(stat -c %F "$2")" = "$1" ]; }
T=(--no-default-rules --rules "$rules")

# MARK: - Bytes

printf 'Un caf\xe9 noir.\n\nPublicit\xc3\n\nDeux.\n' > "$work/latin1.txt"
printf 'Un caf\xe9 noir.\n\nPublicit\xc3\n\nDeux.\n' > "$work/latin1.expected"
run "invalid UTF-8: bytes kept, a warning, exit 0" 0 60 -- "$tamis" "${T[@]}" "$work/latin1.txt"
check same "$out" "$work/latin1.expected"
check contains "$err" "warning: invalid UTF-8 at byte 7 (2 bytes in all)"
finish

run "invalid UTF-8 with -q: no warning" 0 60 -- "$tamis" "${T[@]}" -q "$work/latin1.txt"
check empty "$err"
finish

printf '\xef\xbb\xbfPublicit\xc3\xa9\nUn.\n' > "$work/bom.txt"
run "BOM: trimmed, rules see through it" 0 60 -- "$tamis" "${T[@]}" "$work/bom.txt"
check same "$out" <(printf 'Un.\n')
finish

printf 'Un.\r\n\r\nPublicit\xc3\xa9\r\n\r\nDeux.\r\n' > "$work/crlf.txt"
run "CRLF line ends kept" 0 60 -- "$tamis" "${T[@]}" "$work/crlf.txt"
check same "$out" <(printf 'Un.\r\n\r\nDeux.\r\n')
finish

printf 'Un.\r\rPublicit\xc3\xa9\r\rDeux.\r' > "$work/cr.txt"
run "lone CR line ends kept" 0 60 -- "$tamis" "${T[@]}" "$work/cr.txt"
check same "$out" <(printf 'Un.\r\rDeux.\r')
finish

printf 'Un.\n\0\n' > "$work/nul.txt"
run "NUL bytes: binary, refused, exit 1" 1 60 -- "$tamis" "${T[@]}" "$work/nul.txt"
check empty "$out"
check contains "$err" "binary file"
finish

: > "$work/empty.txt"
run "empty input: empty body, exit 0" 0 60 -- "$tamis" "${T[@]}" "$work/empty.txt"
check empty "$out"
finish

head -c $((big_mb * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$work/line.txt"
echo >> "$work/line.txt"
run "one ${big_mb} MB line: linear, bounded memory" 0 $((big_mb * 5 + 80)) -- \
  "$tamis" "${T[@]}" "$work/line.txt"
check same "$out" "$work/line.txt"
finish

# MARK: - Folders

mkdir -p "$work/crawl/site/a" "$work/crawl/loops"
for i in $(seq 1 40); do printf 'Texte %d.\n\nPublicit\xc3\xa9\n' "$i" > "$work/crawl/site/a/$i.txt"; done
printf '\x89PNG\0\1' > "$work/crawl/site/logo.png"
ln -s .. "$work/crawl/loops/up"
ln -s self "$work/crawl/loops/self"
run "batch: binary skipped with a warning, loops not followed" 1 80 -- \
  "$tamis" "${T[@]}" "$work/crawl" --out "$work/out1"
check contains "$err" "logo.png: warning: binary file"
check test "$(find "$work/out1" -name '*.txt' | wc -l)" = 40
check same "$work/out1/crawl/site/a/7.txt" <(printf 'Texte 7.\n')
finish

if [ "$(id -u)" != 0 ]; then
  cp "$work/crawl/site/a/1.txt" "$work/crawl/site/locked.txt"
  chmod 0 "$work/crawl/site/locked.txt"
  run "batch: unreadable file reported, the rest written" 1 80 -- \
    "$tamis" "${T[@]}" -q "$work/crawl" --out "$work/out2"
  check contains "$err" "locked.txt: error: cannot read"
  check test -f "$work/out2/crawl/site/a/1.txt"
  finish
  rm -f "$work/crawl/site/locked.txt"
fi

ln -s loop1 "$work/loop2"; ln -s loop2 "$work/loop1"
run "a link loop as an input: named, exit 1" 1 60 -- "$tamis" "${T[@]}" "$work/loop1"
check contains "$err" "too many levels of symbolic links"
finish

before="$(find "$work/crawl" | sort | md5sum)"
run "output inside the input: refused, exit 2" 2 60 -- \
  "$tamis" "${T[@]}" "$work/crawl" --out "$work/crawl/site/cleaned"
check test "$before" = "$(find "$work/crawl" | sort | md5sum)"
finish

ln -s "$work/crawl/site" "$work/alias"
run "output inside the input through a link: refused, exit 2" 2 60 -- \
  "$tamis" "${T[@]}" "$work/crawl" --out "$work/alias/cleaned"
check test "$before" = "$(find "$work/crawl" | sort | md5sum)"
finish

mkdir -p "$work/a/site" "$work/b/site"
echo "Premier." > "$work/a/site/x.txt"; echo "Second." > "$work/b/site/x.txt"
run "two inputs on one output: refused, listed, nothing written" 2 60 -- \
  "$tamis" "${T[@]}" "$work/a/site" "$work/b/site" --out "$work/out3"
check contains "$err" "would both be written to"
check test ! -e "$work/out3"
finish

# MARK: - Written paths

printf 'Corps.\n\nUne photo. // Source : AFP\n' > "$work/dump.txt"
cp "$work/dump.txt" "$work/dump.orig"
run "-c /dev/null: written in place, the device stays" 0 60 -- \
  "$tamis" "${T[@]}" -c /dev/null "$work/dump.txt"
check is_kind "character special file" /dev/null
finish

run "-c /dev/stdout on a pipe: the captions follow the body" 0 60 -- \
  bash -c '"$@" | cat; exit "${PIPESTATUS[0]}"' bash "$tamis" "${T[@]}" -c /dev/stdout "$work/dump.txt"
check same "$out" <(printf 'Corps.\n%s\tUne photo.\tAFP\n' "$work/dump.txt")
finish

mkfifo "$work/captions.fifo"
( cat "$work/captions.fifo" > "$work/fifo.read" ) &
reader=$!
run "-c FIFO: written into the FIFO, which stays one" 0 60 -- \
  "$tamis" "${T[@]}" -c "$work/captions.fifo" "$work/dump.txt"
wait "$reader"
check is_kind "fifo" "$work/captions.fifo"
check same "$work/fifo.read" <(printf '%s\tUne photo.\tAFP\n' "$work/dump.txt")
finish

run "-c INPUT: refused before reading, input untouched" 2 60 -- \
  "$tamis" "${T[@]}" -c "$work/dump.txt" "$work/dump.txt"
check same "$work/dump.txt" "$work/dump.orig"
check empty "$out"
finish

run "-c FILE that is also stdout: refused, the file stays empty" 2 60 -- \
  env OUTFILE="$work/both.txt" sh -c '"$@" > "$OUTFILE"' sh \
  "$tamis" "${T[@]}" -c "$work/both.txt" "$work/dump.txt"
check contains "$err" "it is the output"
check empty "$work/both.txt"
finish

# MARK: - Streams and signals

for i in $(seq 1 3000); do printf 'Un texte %d.\n\nPublicit\xc3\xa9\n' "$i"; done > "$work/many.txt"
run "SIGPIPE: a reader that goes away, exit 0" 0 60 -- \
  bash -c '"$@" | head -c 10 > /dev/null; exit "${PIPESTATUS[0]}"' bash "$tamis" "${T[@]}" "$work/many.txt"
finish

if [ -w /dev/full ]; then
  run "/dev/full as stdout: an error, exit 1" 1 60 -- \
    sh -c '"$@" > /dev/full' sh "$tamis" "${T[@]}" "$work/many.txt"
  check contains "$err" "no space left on device"
  finish
fi

mkdir -p "$work/big"
for d in $(seq 1 20); do
  mkdir -p "$work/big/$d"
  for i in $(seq 1 100); do printf 'Texte %d.\n\nPublicit\xc3\xa9\n' "$i" > "$work/big/$d/$i.txt"; done
done
"$tamis" "${T[@]}" -q -j 1 "$work/big" --out "$work/reference"
( "$tamis" "${T[@]}" -q -j 1 "$work/big" --out "$work/interrupted" & pid=$!
  sleep 0.05; kill -INT "$pid"; wait "$pid"; echo $? > "$work/sigint.status" )
run "SIGINT mid-batch (exit $(cat "$work/sigint.status")), --resume: complete, no .tmp" 0 80 -- \
  "$tamis" "${T[@]}" -q --resume "$work/big" --out "$work/interrupted"
# 130 when the signal came mid-batch (0 if the machine was fast enough to finish first).
check grep -qE '^(130|0)$' "$work/sigint.status"
check test "$(find "$work/interrupted" -name '.tamis-*' | wc -l)" = 0
check diff -r "$work/reference" "$work/interrupted"
finish

# MARK: - JSON Lines

printf '{"text":"Un.","body":"mine"}\n{"text":"Deux."}\n' > "$work/clash.jsonl"
run "JSONL: a record with its own body is refused whole, exit 1" 1 60 -- \
  "$tamis" "${T[@]}" --jsonl "$work/clash.jsonl"
check contains "$out" '"raw":"{\"text\":\"Un.\",\"body\":\"mine\"}"'
check contains "$err" "clash.jsonl:1: error: the record already has a 'body' field"
finish

run "JSONL: --prefix keeps both" 0 60 -- \
  "$tamis" "${T[@]}" --jsonl --prefix tamis_ "$work/clash.jsonl"
check contains "$out" '"body":"mine"'
check contains "$out" '"tamis_body":"Un."'
finish

# MARK: - Hostile rules

printf 'title: T\nlang: any\n# caf\xe9\n' > "$work/bad-utf8.rules"
run "rules: invalid UTF-8 at its line and column" 2 60 -- \
  "$tamis" --no-default-rules --rules "$work/bad-utf8.rules" "$work/dump.txt"
check contains "$err" "bad-utf8.rules:3:6: error: invalid UTF-8 byte 0xE9"
check empty "$out"
finish

printf '\xef\xbb\xbf' > "$work/bom.rules"; cat "$rules" >> "$work/bom.rules"
run "rules: a BOM is accepted" 0 60 -- \
  "$tamis" --no-default-rules --rules "$work/bom.rules" "$work/dump.txt"
finish

run "rules: a device is named as one" 2 60 -- \
  "$tamis" --no-default-rules --rules /dev/zero "$work/dump.txt"
check contains "$err" "/dev/zero: error: is a device, not a rule file"
finish

ln -s rl2.rules "$work/rl1.rules"; ln -s rl1.rules "$work/rl2.rules"
run "rules: a link loop is named as one" 2 60 -- \
  "$tamis" --no-default-rules --rules "$work/rl1.rules" "$work/dump.txt"
check contains "$err" "rl1.rules: error: cannot read: too many levels of symbolic links"
finish

mkdir -p "$work/rules-dir/odd.rules"; cp "$rules" "$work/rules-dir/"
run "rules: a folder named x.rules is named as a folder" 2 60 -- \
  "$tamis" --no-default-rules --rules "$work/rules-dir" "$work/dump.txt"
check contains "$err" "odd.rules: error: is a folder, not a rule file"
finish

# Issue 15, defect 7: a span rule that matches everywhere must stay linear and bounded.
printf 'title: Span\nlang: any\ngroup: span-a\n  why: t\n  strip-span: "a" inside-words\n  example: e\n    in: a\n  keeps: b\n' \
  > "$work/span.rules"
span_mb=$((big_mb / 10 > 0 ? big_mb / 10 : 1))
head -c $((span_mb * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$work/as.txt"
run "pending: strip-span on a ${span_mb} MB line of 'a' (<= 20 B/byte)" 0 $((span_mb * 20 + 80)) pending -- \
  "$tamis" --no-default-rules --rules "$work/span.rules" "$work/as.txt"
finish

# Issue 15, defect 8: JSON output holds at most 3x its input (one repeated paragraph).
paragraph="Un paragraphe de texte ordinaire, qui ne ressemble à rien de connu ici."
yes "$paragraph
" | head -c $((big_mb * 1024 * 1024 / 2)) > "$work/repeated.txt"
run "pending: -f json on $((big_mb / 2)) MB of one paragraph (<= 3x input)" 0 $((big_mb * 3 / 2 + 40)) pending -- \
  "$tamis" "${T[@]}" -f json "$work/repeated.txt"
finish

echo "torture: $cases cases, $failures failed"
[ "$failures" = 0 ]
