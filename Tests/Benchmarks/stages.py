#!/usr/bin/env python3
"""Per-stage profile of tamis in instructions a byte, counted by callgrind (repeatable on a
loaded machine, unlike wall-clock time).

Usage: python3 Tests/Benchmarks/stages.py [--tamis PATH] [--mb N] [--seed S] [--work DIR]
                                          [--mode stdin|jsonl|both] [--k K] [--input FILE]

Runs `valgrind --tool=callgrind` on tamis twice per mode: once on an empty input and once on the
first N MB (default 3) of the benchmark corpus (../shared/bench/gen_corpus.py --seed S, stdin
mode on the concatenated dump, JSONL mode on the JSON Lines file), with the default rules plus K
generated phrases (default 1,000). The difference between the two runs is the per-byte work; the
rule compile and process start-up cancel out. `--input FILE` profiles stdin mode on FILE instead
(for example the dev set's dumps concatenated: real accents, curly quotes and CJK).

Instructions are attributed by the source file they come from (callgrind's exclusive counts, so
inlined code counts in the file that holds it), and files are grouped into stages: read, JSON
(JSONL records), split, fold, match, shape, body core, engine (the other passes), output, and
runtime (allocation, copies, reference counting, String creation). Prints one line per stage:
stage=… instr_per_byte=… share=…, then the total.
"""
import argparse, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the phrase rules are written the same way for both scripts)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")

# First match wins: (stage, regular expression on "file:function [object]"). Code the compiler
# generated (or inlined from the standard library) has no source file: its function's name says
# where it belongs.
STAGES = [
    ("read", r"/IO/(SectionedInput|FileBytes|InputReader|LineReader|InputEncoding)\.swift|"
             r"/Source/TextCheck\.swift|memchr|__read|>:\S*(LineReader|SectionedInput|TextCheck)"),
    ("json", r"/JSONLines/|/Output/JSONValue\.swift|>:\S*(JSONRecordReader|RecordCleaner|JSONValue)"),
    ("split", r"/Source/(LineIndex|LineMetrics)\.swift|/Engine/Document\.swift|"
              r">:\S*(LineIndex|LineMetrics|DocumentV5bytes)"),
    ("fold", r"/Matcher/(TextFolder|FoldTable)\.swift|/Source/UTF8Scalars\.swift:\S*LineScanner"),
    ("match", r"/Matcher/|/Passes/ScanPass\.swift|>:\S*(LineScanner|ByteAutomaton|ScanPass)"),
    ("shape", r"/Structure/(LineShape|LineShape\+Words|LineClass|StopWordSet)\.swift|"
              r"/Source/StopWords\.swift|"
              r">:\S*(LineShape|LineClass|StopWord)"),
    ("body core", r"/Structure/BodyCore\.swift|/Passes/BodyCorePass\.swift|>:\S*BodyCore"),
    ("output", r"/Output/|ArticleRendering|/IO/(Streams|ByteSink)\.swift|ArticleAssembly|__write"),
    ("engine", r"Sources/Tamis/|>:\S*5Tamis"),
    ("runtime", r"."),
]
LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$")


def profile(cmd, stdin_path, out):
    with open(stdin_path, "rb") as src:
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                       stdin=src, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = subprocess.run(["callgrind_annotate", "--threshold=100", "--auto=no", out], capture_output=True,
                          text=True, check=True).stdout
    costs = {}
    started = False
    for line in text.splitlines():
        if "file:function" in line:
            started = True
            continue
        m = LINE.match(line)
        if not started or not m:
            continue
        count = int(m.group(1).replace(",", ""))
        where = m.group(2)
        stage = next(name for name, rx in STAGES if re.search(rx, where))
        costs[stage] = costs.get(stage, 0) + count
    return costs


def corpus(work, mb, seed, shape):
    gen = os.path.join(SHARED_BENCH, "gen_corpus.py")
    out = os.path.join(work, f"{shape}-seed{seed}-mb{mb}")
    name = {"concat": "corpus.txt", "jsonl": "corpus.jsonl"}[shape]
    path = os.path.join(out, name)
    if not os.path.exists(path):
        subprocess.run([sys.executable, gen, "--mb", str(mb), "--seed", str(seed), "--out", out,
                        f"--{shape}"], check=True, stdout=subprocess.DEVNULL)
    return path


def rules(work, k):
    """The benchmark's own rule file of k generated phrases (bench.py writes it)."""
    return bench.phrases(work, k)[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tamis", default=os.path.join(ROOT, ".build", "release", "tamis"))
    ap.add_argument("--mb", type=int, default=3)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--k", type=int, default=1000)
    ap.add_argument("--mode", default="both", choices=["stdin", "jsonl", "both"])
    ap.add_argument("--input", help="profile stdin mode on this file")
    ap.add_argument("--no-structure", action="store_true", help="pass --no-structure")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "tamis-stages"))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    rule_file = rules(a.work, a.k)
    extra = ["--no-structure"] if a.no_structure else []
    modes = ["stdin", "jsonl"] if a.mode == "both" else [a.mode]
    if a.input:
        modes = ["stdin"]
    for mode in modes:
        if mode == "stdin":
            data = a.input or corpus(a.work, a.mb, a.seed, "concat")
            cmd = [a.tamis, "-j", "1", "-r", rule_file] + extra
            empty = os.devnull
        else:
            data = corpus(a.work, a.mb, a.seed, "jsonl")
            cmd = [a.tamis, "--jsonl", "-j", "1", "-r", rule_file] + extra
            empty = os.path.join(a.work, "empty.jsonl")
            open(empty, "w").close()
        nbytes = os.path.getsize(data)
        base = profile(cmd, empty, os.path.join(a.work, f"cg.{mode}.empty"))
        full = profile(cmd, data, os.path.join(a.work, f"cg.{mode}.full"))
        total = sum(full.values()) - sum(base.values())
        print(f"# {mode}: {os.path.basename(data)}, {nbytes} bytes, defaults + {a.k} phrases"
              + (" --no-structure" if a.no_structure else ""))
        for name, _ in STAGES:
            cost = full.get(name, 0) - base.get(name, 0)
            print(f"stage={name} mode={mode} instr_per_byte={cost / nbytes:.1f} "
                  f"share={100 * cost / max(total, 1):.0f}%")
        print(f"total mode={mode} instr_per_byte={total / nbytes:.1f}", flush=True)


if __name__ == "__main__":
    main()
