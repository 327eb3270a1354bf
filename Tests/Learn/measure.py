#!/usr/bin/env python3
"""Measures `tamis --learn` on a crawl made by gen_crawl.py.

    Tests/Learn/measure.py --crawl /tmp/crawl [--tamis .build/release/tamis] [--repeat 3]

Runs `tamis --jsonl --explain --learn CRAWL/crawl.jsonl` and the same run without --learn, and
prints:
  planted   how many planted boilerplate lines were removed (any rule), and by learned rules
  body      body lines lost (not in the output body as a line): with learning, without it, on
            the bare article (the body alone, no boilerplate), the body lines a learned rule
            removed, and the body lines lost by learning: kept without --learn and on the bare
            article, lost with --learn (the number that must be 0; learning lets the structure
            layer read the page as it reads the bare article, so it may lose what that loses)
  time      the best of --repeat wall times of each run, and their ratio
Exit status 1 when planted removed < --min-planted (default 95) % or learning lost a body line.
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(tamis, crawl, learn, repeat):
    command = [tamis, "--jsonl", "--explain", "-q"]
    if learn:
        command.append("--learn")
    command.append(os.path.join(crawl, "crawl.jsonl"))
    best = None
    output = None
    for _ in range(repeat):
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, check=False)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            sys.exit(f"measure: {' '.join(command)} exited {result.returncode}:\n"
                     + result.stderr.decode(errors="replace"))
        best = elapsed if best is None else min(best, elapsed)
        output = result.stdout
    records = {}
    for line in output.decode("utf-8").splitlines():
        record = json.loads(line)
        records[record["id"]] = record
    return records, best


def run_bare(tamis, truth):
    """Cleans each document's body alone (paragraphs separated by blank lines)."""
    lines = []
    for doc in truth:
        url = f"https://www.{doc['site']}/bare"
        text = "\n\n".join(doc["body"]) + "\n"
        lines.append(json.dumps({"id": doc["id"], "url": url, "text": text}))
    result = subprocess.run([tamis, "--jsonl", "-q"], input=("\n".join(lines) + "\n").encode(),
                            capture_output=True, check=True)
    return {record["id"]: record for record in map(json.loads, result.stdout.decode().splitlines())}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crawl", required=True, help="the --out folder of gen_crawl.py")
    parser.add_argument("--tamis", default=os.path.join(HERE, "..", "..", ".build", "release",
                                                        "tamis"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-planted", type=float, default=95.0)
    args = parser.parse_args()

    truth = []
    with open(os.path.join(args.crawl, "truth.jsonl"), encoding="utf-8") as handle:
        truth = [json.loads(line) for line in handle]
    learned, learn_seconds = run(args.tamis, args.crawl, True, args.repeat)
    plain, plain_seconds = run(args.tamis, args.crawl, False, args.repeat)
    bare = run_bare(args.tamis, truth)

    planted = removed_any = removed_learned = 0
    body_lines = lost_learn = lost_plain = lost_bare = lost_to_learned = lost_by_learning = 0
    missed = {}
    lost_examples = []
    for doc in truth:
        with_learning = learned[doc["id"]]
        without = plain[doc["id"]]
        removals = {}
        for removal in with_learning.get("removed", []):
            removals.setdefault(removal["text"], removal["id"])
        for line in doc["planted"]:
            planted += 1
            rule = removals.get(line.strip())
            if rule is not None:
                removed_any += 1
                if rule.startswith("learned-"):
                    removed_learned += 1
            else:
                missed[line] = missed.get(line, 0) + 1
        kept_learn = set(with_learning["body"].splitlines())
        kept_plain = set(without["body"].splitlines())
        kept_bare = set(bare[doc["id"]]["body"].splitlines())
        for line in doc["body"]:
            body_lines += 1
            if line not in kept_learn:
                lost_learn += 1
                rule = removals.get(line.strip(), "")
                if rule.startswith("learned-"):
                    lost_to_learned += 1
                if line in kept_plain and line in kept_bare or rule.startswith("learned-"):
                    lost_by_learning += 1
                    lost_examples.append((doc["id"], rule, line[:100]))
            if line not in kept_plain:
                lost_plain += 1
            if line not in kept_bare:
                lost_bare += 1

    share = 100.0 * removed_any / max(1, planted)
    print(f"planted: {removed_any} of {planted} removed ({share:.1f} %), "
          f"{removed_learned} by learned rules")
    print(f"body: {body_lines} lines; lost with --learn {lost_learn}, without {lost_plain}, "
          f"bare article {lost_bare}; removed by learned rules {lost_to_learned}; "
          f"lost by learning {lost_by_learning}")
    print(f"time: --learn {learn_seconds:.2f} s, without {plain_seconds:.2f} s, "
          f"ratio {learn_seconds / plain_seconds:.2f}")
    for line, count in sorted(missed.items(), key=lambda item: -item[1])[:10]:
        print(f"  missed {count}x: {line}")
    for doc_id, rule, line in lost_examples[:10]:
        print(f"  lost {doc_id} {rule}: {line}")
    return 0 if share >= args.min_planted and lost_by_learning == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
