#!/usr/bin/env python3
"""Compares the Spark job's output with a direct `tamis --jsonl` run, record for record.

Usage: check_output.py --inputs N --expected FILE --actual FILE_OR_DIR [--actual ...]

Lines are split on LF only (as JSON Lines and RDD.pipe do; a U+2028 inside a record is not a line
break) and must be UTF-8. A line that is a JSON object with an "id" is keyed by that id, every other
line (a malformed input passed through, a blank line) by its own text. The check passes when both
sides hold the same keys, no id occurs twice on either side, every keyed line is byte-for-byte the
same JSON text, and there are as many lines as input lines (N). Prints the record count on stdout
and every difference (the first 10 of each kind) on stderr; exits 1 on any difference.
"""
import argparse
import collections
import json
import os
import sys


def read_lines(paths):
    """The LF-terminated lines of the files (a folder: its part-* files), in order."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(
                os.path.join(path, name) for name in os.listdir(path) if name.startswith("part-")
            )
        else:
            files.append(path)
    lines = []
    for file in files:
        with open(file, "rb") as f:
            data = f.read()
        if data and not data.endswith(b"\n"):
            sys.exit(f"check_output.py: {file}: the last line has no line end")
        lines += [line.decode("utf-8") for line in data.split(b"\n")[:-1]]
    return lines


def key_of(line):
    try:
        record = json.loads(line)
    except ValueError:
        return ("line", line)
    if isinstance(record, dict) and isinstance(record.get("id"), (str, int)):
        return ("id", str(record["id"]))
    return ("line", line)


def index(lines, side, problems):
    """Maps each key to its lines; reports ids seen more than once."""
    by_key = collections.defaultdict(list)
    for line in lines:
        by_key[key_of(line)].append(line)
    for (kind, value), found in sorted(by_key.items()):
        if kind == "id" and len(found) > 1:
            problems["duplicate id in " + side].append(f"id {value}: {len(found)} records")
    return by_key


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, required=True, help="number of input lines")
    ap.add_argument("--expected", required=True, help="output of the direct tamis run")
    ap.add_argument("--actual", action="append", required=True, help="Spark's output folder")
    a = ap.parse_args()

    expected, actual = read_lines([a.expected]), read_lines(a.actual)
    problems = collections.defaultdict(list)
    if len(expected) != a.inputs:
        problems["line count"].append(f"direct run: {len(expected)} lines for {a.inputs} inputs")
    if len(actual) != a.inputs:
        problems["line count"].append(f"Spark: {len(actual)} lines for {a.inputs} inputs")
    want, got = index(expected, "direct run", problems), index(actual, "Spark output", problems)
    for key in sorted(want.keys() | got.keys()):
        label = f"id {key[1]}" if key[0] == "id" else f"line {key[1][:80]!r}"
        w, g = sorted(want.get(key, [])), sorted(got.get(key, []))
        if not g:
            problems["missing from Spark output"].append(label)
        elif not w:
            problems["only in Spark output"].append(label)
        elif len(w) != len(g):
            problems["count differs"].append(f"{label}: {len(w)} vs {len(g)}")
        elif w != g:
            x, y = next((x, y) for x, y in zip(w, g) if x != y)
            at = next((i for i, (c, d) in enumerate(zip(x, y)) if c != d), min(len(x), len(y)))
            problems["different JSON text"].append(
                f"{label}: at char {at}: {x[max(0, at - 30):at + 30]!r} vs "
                f"{y[max(0, at - 30):at + 30]!r}"
            )
    for kind, items in problems.items():
        print(f"check_output.py: {kind}: {len(items)}", file=sys.stderr)
        for item in items[:10]:
            print(f"  {item}", file=sys.stderr)
    print(len(actual))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
