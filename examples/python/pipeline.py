#!/usr/bin/env python3
"""tamis as one step of a plain-Python pipeline (no pandas): generators from end to end.

    python3 examples/python/pipeline.py crawl.jsonl [--tamis PATH] [--min-words 50]

read records → keep those with text → clean with tamis → drop short bodies and exact duplicate
bodies → print one summary line per kept article. Every step is lazy: one record at a time
flows through, however large the crawl, and tamis keeps the records' order.
"""

import argparse
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tamis_clean import Tamis  # noqa: E402


def read(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def with_text(records):
    return (record for record in records if isinstance(record.get("text"), str))


def long_enough(records, min_words):
    return (record for record in records if len(record["body"].split()) >= min_words)


def unique(records):
    seen = set()
    for record in records:
        digest = hashlib.sha1(record["body"].encode("utf-8")).digest()
        if digest not in seen:
            seen.add(digest)
            yield record


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("--tamis")
    parser.add_argument("--min-words", type=int, default=50)
    args = parser.parse_args()
    with Tamis(args.tamis) as tamis:
        cleaned = tamis.clean(with_text(read(args.input)))
        for record in unique(long_enough(cleaned, args.min_words)):
            words = len(record["body"].split())
            site = record.get("meta", {}).get("site", "-")
            print(f"{record.get('id', '-')}\t{site}\t{words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
