#!/usr/bin/env python3
"""Side-by-side throughput benchmark: tamis against cat, grep and Python `re` on the same bytes.

Usage: python3 Tests/Benchmarks/bench.py [--mb N] [--seed S] [--work DIR] [--tamis PATH] [--quick]

Builds nothing: run `swift build -c release` first (the default --tamis is .build/release/tamis).
Makes a deterministic corpus (../shared/bench/gen_corpus.py when it exists beside the repository,
else the small generator below) in three shapes: one concatenated dump (stdin mode), a JSON Lines
file (JSONL mode) and a folder of files (batch mode); and phrase lists of K rules
(../shared/bench/gen_rules.py, else the generator below), given to grep as -f files and to tamis
as one rule file of `drop-line: contains "…"` lines added to the default rules.

Prints one line per scenario: scenario=… docs=… bytes=… seconds=… mb_per_s=… docs_per_s=…
peak_rss_mb=…, then the rule-set load times, then every target of issue 14 with its measured
value and a met/UNMET verdict. Two scenarios stream the corpus repeated to about 1 GB through a
pipe (JSONL with 3,000 phrases and --jobs 2, stdin text mode with 1,000), to show that memory
stays flat on a long stream. The structure layer's share is 1 - (JSONL time without the layer /
JSONL time with it). The defaults (--mb 100 --seed 5) are the issue's corpus.
Each timing is the best of --repeat runs (default 3; the 1 GB stream runs once). Times are
wall-clock on this machine; on a shared virtual machine they vary by 20-30 % between runs.
"""
import argparse, json, os, platform, re, resource, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def run(cmd, stdin=None, stdout=None, env=None):
    """Runs cmd, returns (seconds, peak RSS in MB of the child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout or subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env, shell=isinstance(cmd, str))
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"benchmark command failed ({code}): {cmd}\n{err[:500]}")
    return seconds, usage.ru_maxrss / 1024


def best(cmd, repeat, stdin=None, stdout=None, **kw):
    """Best time and worst peak RSS of `repeat` runs; stdin and stdout are rewound before each run
    (a shared file offset would leave the second run an already-consumed input)."""
    results = []
    for _ in range(repeat):
        for f in (stdin, stdout):
            if f is not None and hasattr(f, "seek"):
                f.seek(0)
        if stdout is not None and hasattr(stdout, "truncate"):
            stdout.truncate()
        results.append(run(cmd, stdin=stdin, stdout=stdout, **kw))
    return min(r[0] for r in results), max(r[1] for r in results)


def generate(work, mb, seed):
    corpus = {"concat": os.path.join(work, "concat"), "jsonl": os.path.join(work, "jsonl"),
              "folder": os.path.join(work, "folder")}
    gen = os.path.join(SHARED_BENCH, "gen_corpus.py")
    for shape, out in corpus.items():
        if os.path.exists(out):
            continue
        flag = {"concat": ["--concat"], "jsonl": ["--jsonl"], "folder": []}[shape]
        if os.path.exists(gen):
            subprocess.run([sys.executable, gen, "--mb", str(mb), "--seed", str(seed), "--out", out] + flag,
                           check=True, stdout=subprocess.DEVNULL)
        else:
            fallback_corpus(out, shape, mb, seed)
    files = {
        "concat": os.path.join(corpus["concat"], "corpus.txt"),
        "jsonl": os.path.join(corpus["jsonl"], "corpus.jsonl"),
        "folder": corpus["folder"],
    }
    return files


def fallback_corpus(out, shape, mb, seed):
    """A small deterministic generator for machines without ../shared."""
    import random
    rng = random.Random(seed)
    words = ("le la les de des un une et est dans pour sur avec par the of and to in is that for "
             "gouvernement président réforme économie marché année projet équipe rapport").split()
    boiler = ["Lire aussi : un autre article", "Publicité", "S'abonner à la newsletter",
              "Read more: another story", "Advertisement", "Photo : AFP"]
    os.makedirs(out, exist_ok=True)
    total, n = 0, 0
    docs = []
    while total < mb * 1_000_000:
        paras = [" ".join(rng.choice(words) for _ in range(rng.randint(30, 90))).capitalize() + "."
                 for _ in range(rng.randint(4, 10))]
        paras.insert(rng.randint(0, len(paras)), rng.choice(boiler))
        text = "\n\n".join(paras) + "\n"
        docs.append(text)
        total += len(text.encode())
        n += 1
    if shape == "concat":
        open(os.path.join(out, "corpus.txt"), "w").write("\n".join(docs))
    elif shape == "jsonl":
        with open(os.path.join(out, "corpus.jsonl"), "w") as f:
            for i, d in enumerate(docs):
                f.write(json.dumps({"id": str(i), "url": "https://www.exemple.fr/%d" % i, "text": d},
                                   ensure_ascii=False) + "\n")
    else:
        for i, d in enumerate(docs):
            sub = os.path.join(out, "%04d" % (i // 1000))
            os.makedirs(sub, exist_ok=True)
            open(os.path.join(sub, "%06d.txt" % i), "w").write(d)


def phrases(work, k):
    path = os.path.join(work, f"phrases-{k}.txt")
    if not os.path.exists(path):
        gen = os.path.join(SHARED_BENCH, "gen_rules.py")
        if os.path.exists(gen):
            subprocess.run([sys.executable, gen, "--k", str(k), "--out", path], check=True)
        else:
            with open(path, "w") as f:
                for i in range(k):
                    f.write(f"Suivez le journal numéro {i} sur les réseaux\n")
    rules = os.path.join(work, f"phrases-{k}.rules")
    if not os.path.exists(rules):
        lines = ["title: Benchmark phrases", "lang: any", f"group: bench-phrases-{k}",
                 "  why: generated phrases for the benchmark"]
        for p in open(path, encoding="utf-8").read().splitlines():
            if p.strip():
                q = p.replace("\\", "\\\\").replace('"', '\\"').replace("{", "{{").replace("}", "}}")
                lines.append(f'  drop-line: contains "{q}"')
        open(rules, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    return path, rules


def count_docs(files):
    jsonl = sum(1 for _ in open(files["jsonl"], "rb"))
    folder = sum(len(f) for _, _, f in os.walk(files["folder"]))
    return {"concat": jsonl, "jsonl": jsonl, "folder": folder}


def python_re_filter(phrase_file, corpus, out, limit_bytes):
    """A Python `re` line filter with the same phrases (case-insensitive union)."""
    ps = [p for p in open(phrase_file, encoding="utf-8").read().splitlines() if p.strip()]
    rx = re.compile("|".join(re.escape(p) for p in ps), re.IGNORECASE)
    data = open(corpus, "rb").read(limit_bytes).decode("utf-8", "ignore")
    start = time.perf_counter()
    kept = [line for line in data.split("\n") if not rx.search(line)]
    open(out, "w").write("\n".join(kept))
    return time.perf_counter() - start, len(data.encode())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "tamis-bench"))
    ap.add_argument("--tamis", default=os.path.join(ROOT, ".build", "release", "tamis"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="fewer scenarios (one K, no 10,000)")
    a = ap.parse_args()
    if not os.access(a.tamis, os.X_OK):
        sys.exit(f"no tamis at {a.tamis}; run `swift build -c release` first")
    work = os.path.join(a.work, f"mb{a.mb}-seed{a.seed}")
    os.makedirs(work, exist_ok=True)
    files = generate(work, a.mb, a.seed)
    docs = count_docs(files)
    sizes = {"concat": os.path.getsize(files["concat"]), "jsonl": os.path.getsize(files["jsonl"]),
             "folder": sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(files["folder"]) for f in fs)}
    ks = [100, 1000] if a.quick else [100, 1000, 3000, 10000]
    lists = {k: phrases(work, k) for k in ks}
    out = os.path.join(work, "out")
    cpu = platform.processor() or platform.machine()
    print(f"# machine: {os.cpu_count()} cores, {cpu}, {platform.platform()}")
    print(f"# corpus: {a.mb} MB generated (seed {a.seed}); best of {a.repeat} runs")
    results = {}
    rss = {}

    def report(name, shape, seconds, rss_mb, nbytes=None, ndocs=None):
        nbytes = nbytes if nbytes is not None else sizes[shape]
        ndocs = ndocs if ndocs is not None else docs[shape]
        mbps = nbytes / 1e6 / seconds
        results[name] = mbps
        rss[name] = rss_mb
        print(f"scenario={name} docs={ndocs} bytes={nbytes} seconds={seconds:.3f} "
              f"mb_per_s={mbps:.1f} docs_per_s={ndocs / seconds:.0f} peak_rss_mb={rss_mb:.1f}", flush=True)

    utf8 = dict(os.environ, LC_ALL="C.UTF-8")
    c_env = dict(os.environ, LC_ALL="C")
    concat, jsonl = files["concat"], files["jsonl"]
    with open(out, "wb") as sink:
        s, r = best(["cat", concat], a.repeat, stdout=sink)
    report("cat-floor", "concat", s, r)
    p1000 = lists[1000][0]
    for name, env, flags in [("grep-C-F", c_env, ["-v", "-F"]), ("grep-utf8-F-i", utf8, ["-v", "-F", "-i"])]:
        with open(out, "wb") as sink:
            s, r = best(["grep"] + flags + ["-f", p1000, concat], a.repeat, stdout=sink, env=env)
        report(f"{name}-k1000", "concat", s, r)
    slice_bytes = 300_000
    s, n = python_re_filter(p1000, concat, out, slice_bytes)
    report("python-re-k1000-slice300KB", "concat", s, 0.0, nbytes=n, ndocs=0)

    tamis = a.tamis
    for k in ["defaults"] + ks:
        extra = [] if k == "defaults" else ["-r", lists[k][1]]
        for jobs in (1, 2):
            with open(concat, "rb") as src, open(out, "wb") as sink:
                s, r = best([tamis, "-j", str(jobs)] + extra, a.repeat, stdin=src, stdout=sink)
            report(f"tamis-stdin-{k}-j{jobs}", "concat", s, r)
    for jobs in (1, 2):
        with open(out, "wb") as sink:
            s, r = best([tamis, "--jsonl", "-j", str(jobs), "-r", lists[1000][1], jsonl], a.repeat, stdout=sink)
        report(f"tamis-jsonl-k1000-j{jobs}", "jsonl", s, r)
    # JSONL answers record by record on a pipe: the same run with stdout a pipe.
    s, r = best(f"{tamis} --jsonl -j 1 -r {lists[1000][1]} {jsonl} | cat > {out}", a.repeat)
    report("tamis-jsonl-k1000-j1-pipe", "jsonl", s, r)
    # The structure layer's cost: the same JSONL run with the layer switched off.
    with open(out, "wb") as sink:
        s, r = best([tamis, "--jsonl", "--no-structure", "-j", "1", "-r", lists[1000][1], jsonl], a.repeat,
                    stdout=sink)
    report("tamis-jsonl-k1000-j1-no-structure", "jsonl", s, r)
    # Memory on long streams: the corpus repeated to about 1 GB, through a pipe.
    k_mem = 3000 if 3000 in lists else 1000
    repeats = max(1, round(1000 / max(1, sizes["jsonl"] / 1e6)))
    s, r = best(f"for i in $(seq {repeats}); do cat {jsonl}; done | {tamis} --jsonl -j 2 -r {lists[k_mem][1]}"
                f" | cat > {out}", 1)
    report(f"tamis-jsonl-stream-1GB-k{k_mem}-j2", "jsonl", s, r,
           nbytes=sizes["jsonl"] * repeats, ndocs=docs["jsonl"] * repeats)
    repeats = max(1, round(1000 / max(1, sizes["concat"] / 1e6)))
    s, r = best(f"for i in $(seq {repeats}); do cat {concat}; done | {tamis} -j 1 -r {lists[1000][1]} > {out}", 1)
    report("tamis-stdin-stream-1GB-k1000-j1", "concat", s, r,
           nbytes=sizes["concat"] * repeats, ndocs=docs["concat"] * repeats)
    for jobs in (1, 2):
        target = os.path.join(work, f"batch-out-{jobs}")
        shutil.rmtree(target, ignore_errors=True)
        s, r = best(f"rm -rf {target} && {tamis} -q -j {jobs} -r {lists[1000][1]} {files['folder']} --out {target}",
                    a.repeat)
        report(f"tamis-batch-k1000-j{jobs}", "folder", s, r)

    print("# rule-set load and compile (process on empty input, minus the start-up of a process without rules)")
    empty = os.devnull
    with open(empty, "rb") as src:
        base, _ = best([tamis, "--no-default-rules"], 5, stdin=src)
    loads = {}
    # --quick has no 3,000-phrase list: it loads the 1,000 one and says so.
    mid = 3000 if 3000 in lists else 1000
    for label, extra in [("defaults", []), (f"defaults+{mid}", ["-r", lists[mid][1]]),
                         ("defaults+10000", ["-r", lists[10000][1]] if 10000 in lists else None)]:
        if extra is None:
            continue
        with open(empty, "rb") as src:
            s, r = best([tamis] + extra, 5, stdin=src)
        loads[label] = max(s - base, 0)
        print(f"load={label} seconds={s:.3f} minus_startup={max(s - base, 0):.3f} peak_rss_mb={r:.1f}")

    print("# targets (issue 14): measured value, target, verdict")
    verdicts = []

    def target(label, value, goal, higher=True, unit=""):
        if value is None:
            print(f"target {label}: not measured (run without --quick)")
            return
        met = value >= goal if higher else value <= goal
        verdicts.append(met)
        sign = ">=" if higher else "<="
        print(f"target {label}: {value:.2f}{unit} (target {sign} {goal}{unit}) {'met' if met else 'UNMET'}")

    def ratio(num, den):
        return results[num] / results[den] if num in results and den in results else None

    grep = "grep-C-F-k1000"
    target("stdin 1 core defaults+1000 / LC_ALL=C grep -v -F -f", ratio("tamis-stdin-1000-j1", grep), 1.0,
           unit="x")
    target("stdin defaults+10000 / defaults+1000", ratio("tamis-stdin-10000-j1", "tamis-stdin-1000-j1"), 0.9,
           unit="x")
    target("JSONL 1 core MB/s / grep MB/s on the plain text", ratio("tamis-jsonl-k1000-j1", grep), 0.7, unit="x")
    target("JSONL 1 core, stdout a pipe, MB/s / grep MB/s on the plain text",
           ratio("tamis-jsonl-k1000-j1-pipe", grep), 0.7, unit="x")
    target("2 cores / 1 core, stdin", ratio("tamis-stdin-1000-j2", "tamis-stdin-1000-j1"), 1.8, unit="x")
    target("2 cores / 1 core, JSONL", ratio("tamis-jsonl-k1000-j2", "tamis-jsonl-k1000-j1"), 1.8, unit="x")
    target("2 cores / 1 core, batch", ratio("tamis-batch-k1000-j2", "tamis-batch-k1000-j1"), 1.8, unit="x")
    off = ratio("tamis-jsonl-k1000-j1", "tamis-jsonl-k1000-j1-no-structure")
    target("structure layer share of JSONL time", None if off is None else 100 * (1 - off), 15, higher=False,
           unit=" %")
    for name, value in rss.items():
        if name.startswith("tamis-jsonl-stream"):
            target(f"peak RSS {name}", value, 64, higher=False, unit=" MB")
        if name.startswith("tamis-stdin-stream"):
            target(f"peak RSS {name}", value, 96, higher=False, unit=" MB")
    target("peak RSS tamis-batch-k1000-j2", rss.get("tamis-batch-k1000-j2"), 64, higher=False, unit=" MB")
    target(f"rule compile defaults+{mid}", loads[f"defaults+{mid}"] * 1000, 50, higher=False, unit=" ms")
    print(f"# {sum(verdicts)} of {len(verdicts)} targets met")


if __name__ == "__main__":
    main()
