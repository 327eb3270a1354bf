#!/usr/bin/env python3
"""Cleans a JSON Lines file with tamis, record by record, from Python.

    python3 examples/python/clean_jsonl.py crawl.jsonl cleaned.jsonl [--tamis PATH]

Each input record needs a "text" field (and a "url" field selects the site's rules); each output
record is the input's with tamis's "body", "captions" and "meta" added. A record tamis refuses is
reported on stderr with tamis's message and left out; the exit status is then 1.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tamis_clean import Tamis, TamisError  # noqa: E402


def read_records(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--tamis", help="the tamis binary (default: $TAMIS, PATH, the build)")
    args = parser.parse_args()
    refused = 0
    count = 0
    with Tamis(args.tamis) as tamis, open(args.output, "w", encoding="utf-8") as out:
        for record in tamis.clean(read_records(args.input), raise_errors=False):
            count += 1
            if "error" in record:
                refused += 1
                print(f"{args.input}: record {count}: {record['error']}", file=sys.stderr)
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"cleaned {count - refused} of {count} records", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except TamisError as error:
        sys.exit(f"tamis: {error.message}")
