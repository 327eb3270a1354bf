#!/usr/bin/env python3
"""Run the README's command samples and compare them with what the README shows (issue 16).

Usage:
  Tests/Readme/samples.py [--check]        compare; exit 1 with a unified diff per stale sample
  Tests/Readme/samples.py --update         rewrite the stale samples in README.md in place
  Tests/Readme/samples.py --list           list the samples, with the exempt ones and why
  options: --tamis PATH (default .build/release/tamis), --only NAME (repeatable), -v

A sample is a fenced `console` block right after a marker line:

  <!-- sample: NAME -->
  ```console
  $ tamis --diff examples/dumps/fr-quotidien.txt
  @@ 1 @@ fr-paywall-label drop-line rules/generic/fr.rules:288:3
  ...
  ```

Lines starting with `$ ` are commands (a line starting with `> ` continues the command above, as a
shell's second prompt shows it); the lines up to the next command are its output, standard output
and standard error merged as a terminal shows them. `<!-- sample: NAME; exempt: REASON -->` lists a
block that is not run (the test suite, Spark, the cluster, the benchmark). A `console` block
without a marker is an error, so no sample escapes the check; `sh` blocks are synopses with
placeholder names and are not run.

`<!-- sample: NAME; markdown -->` ... `<!-- end sample -->` holds a command's output pasted as
Markdown (a table): the marker's next line is `<!-- $ COMMAND -->`, and everything between it and
the end marker is the output.

Each sample needs only the clone's files and what its own commands write, so `--only` can run
one alone. The samples run in README order, in one scratch folder holding a copy of the repository's tracked
files (a fresh clone, with the working tree's contents) and, when the repository has `../shared`
beside it, a link to it as `../shared`; a sample that uses `../shared` is skipped with a message
when it is absent. `tamis` is the release binary (first on PATH), `swift run -c release tamis` is
rewritten to `tamis`, HOME and XDG_CONFIG_HOME point into the scratch folder (no user rules), and
the locale is C.UTF-8 and the time zone UTC.

What varies from run to run is normalised in one place, `NORMALISE` below, on both sides before
comparing; `--update` writes the real output only where the normalised texts differ, so an
unchanged sample keeps its numbers.
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
README = os.path.join(ROOT, "README.md")
MARKER = re.compile(r"^<!-- sample: ([a-z0-9-]+)(?:; (exempt: .+|markdown))? -->$")
END_MARKDOWN = "<!-- end sample -->"
MARKDOWN_COMMAND = re.compile(r"^<!-- \$ (.+) -->$")
REWRITES = [("swift run -c release tamis", "tamis")]
TIMEOUT = 120

# What varies between runs, replaced on both sides before comparing: (pattern, replacement, why).
NORMALISE = [
    (re.compile(r"\b\d+(?:\.\d+)? s\b"), "<seconds> s", "durations in summary lines"),
    (re.compile(r"\b\d+(?:\.\d+)? ms\b"), "<ms> ms", "durations in milliseconds"),
    (re.compile(r"\b\d+(?:\.\d+)? MB/s\b"), "<rate> MB/s", "throughput"),
    (re.compile(r"/tmp/tamis-samples-[A-Za-z0-9_]+/tamis/"), "", "the scratch clone's path"),
    (re.compile(r"/tmp/tamis-samples-[A-Za-z0-9_]+"), "/tmp/SCRATCH", "the scratch folder"),
]


def normalise(text):
    for pattern, replacement, _ in NORMALISE:
        text = pattern.sub(replacement, text)
    return text


class Sample:
    """One marked block: its commands and the output the README shows for each."""

    def __init__(self, name, marker_line, start, end, kind, exempt):
        self.name = name
        self.marker_line = marker_line  # 0-based index of the marker
        self.start = start  # first content line (after the fence or the command comment)
        self.end = end  # the closing fence or end marker (exclusive bound of the content)
        self.kind = kind  # "console" or "markdown"
        self.exempt = exempt
        self.steps = []  # [(command text, [expected output lines])]


def parse(lines):
    samples, problems, names = [], [], set()
    marked_fences = set()
    i = 0
    while i < len(lines):
        match = MARKER.match(lines[i])
        if not match:
            i += 1
            continue
        name, flag = match.group(1), match.group(2) or ""
        if name in names:
            problems.append(f"README.md:{i + 1}: sample '{name}' is named twice")
        names.add(name)
        exempt = flag[len("exempt: "):] if flag.startswith("exempt: ") else None
        if flag == "markdown":
            command = MARKDOWN_COMMAND.match(lines[i + 1]) if i + 1 < len(lines) else None
            end = next((j for j in range(i + 1, len(lines)) if lines[j] == END_MARKDOWN), None)
            if not command or end is None:
                problems.append(f"README.md:{i + 1}: markdown sample '{name}' needs a "
                                f"'<!-- $ COMMAND -->' line and '{END_MARKDOWN}'")
                i += 1
                continue
            sample = Sample(name, i, i + 2, end, "markdown", exempt)
            sample.steps.append((command.group(1), lines[i + 2:end]))
            samples.append(sample)
            i = end + 1
            continue
        fence = i + 1
        if fence >= len(lines) or not lines[fence].startswith("```"):
            problems.append(f"README.md:{i + 1}: sample '{name}' is not followed by a fenced block")
            i += 1
            continue
        if lines[fence] != "```console" and exempt is None:
            problems.append(f"README.md:{fence + 1}: sample '{name}' must be a ```console block")
        close = next((j for j in range(fence + 1, len(lines)) if lines[j].startswith("```")), None)
        if close is None:
            problems.append(f"README.md:{fence + 1}: sample '{name}' has no closing fence")
            break
        marked_fences.add(fence)
        sample = Sample(name, i, fence + 1, close, "console", exempt)
        if exempt is None:
            for line in lines[fence + 1:close]:
                if line.startswith("$ "):
                    sample.steps.append((line[2:], []))
                elif (line == ">" or line.startswith("> ")) and sample.steps \
                        and not sample.steps[-1][1]:
                    command, output = sample.steps[-1]
                    sample.steps[-1] = (command + "\n" + line[2:], output)
                elif sample.steps:
                    sample.steps[-1][1].append(line)
                else:
                    problems.append(f"README.md:{fence + 2}: sample '{name}' must start with "
                                    "a '$ ' command line")
                    break
        samples.append(sample)
        i = close + 1
    for index, line in enumerate(lines):
        if line == "```console" and index not in marked_fences:
            problems.append(f"README.md:{index + 1}: a console block without a "
                            "'<!-- sample: NAME -->' marker")
    return samples, problems


def scratch_clone(tamis):
    """A folder with a copy of the tracked files, ../shared beside it, and tamis on PATH."""
    scratch = tempfile.mkdtemp(prefix="tamis-samples-", dir="/tmp")
    clone = os.path.join(scratch, "tamis")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    for path in listed.stdout.decode().split("\0"):
        source = os.path.join(ROOT, path)
        if not path or not os.path.lexists(source):
            continue  # deleted in the working tree
        target = os.path.join(clone, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    shared = os.path.join(ROOT, "..", "shared")
    if os.path.isdir(shared):
        os.symlink(os.path.realpath(shared), os.path.join(scratch, "shared"))
    bin_dir = os.path.join(scratch, "bin")
    os.makedirs(bin_dir)
    os.symlink(os.path.realpath(tamis), os.path.join(bin_dir, "tamis"))
    home = os.path.join(scratch, "home")
    os.makedirs(home)
    env = dict(os.environ)
    env.update({
        "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
    })
    env.pop("NO_COLOR", None)
    return scratch, clone, env


def prompt_lines(command):
    """The command as the README shows it: `$ ` before its first line, `> ` before the others."""
    first, *rest = command.split("\n")
    return ["$ " + first] + [("> " + line).rstrip() for line in rest]


def run(command, clone, env):
    """The command's output lines, stdout and stderr merged in the order they were written."""
    for old, new in REWRITES:
        command = command.replace(old, new)
    try:
        result = subprocess.run(["bash", "-c", command], cwd=clone, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"samples: timed out after {TIMEOUT} s"]
    text = result.stdout.decode("utf-8", errors="replace")
    return text[:-1].split("\n") if text.endswith("\n") else (text.split("\n") if text else [])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="compare (the default)")
    mode.add_argument("--update", action="store_true", help="rewrite stale samples in README.md")
    mode.add_argument("--list", action="store_true", help="list the samples")
    parser.add_argument("--tamis", default=os.path.join(ROOT, ".build", "release", "tamis"))
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    with open(README, encoding="utf-8") as file:
        lines = file.read().split("\n")
    samples, problems = parse(lines)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    if args.list:
        for sample in samples:
            status = f"exempt: {sample.exempt}" if sample.exempt else \
                f"{len(sample.steps)} command{'s' if len(sample.steps) != 1 else ''}"
            print(f"{sample.name:<20} README.md:{sample.marker_line + 1:<5} {status}")
        return 0
    if not os.access(args.tamis, os.X_OK):
        print(f"samples: error: no tamis binary at '{args.tamis}'; run 'swift build -c release'",
              file=sys.stderr)
        return 2
    unknown = set(args.only) - {sample.name for sample in samples}
    if unknown:
        print(f"samples: error: no sample named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2

    scratch, clone, env = scratch_clone(args.tamis)
    has_shared = os.path.isdir(os.path.join(scratch, "shared"))
    stale, replacements = [], {}
    try:
        for sample in samples:
            if sample.exempt or (args.only and sample.name not in args.only):
                continue
            if not has_shared and any("../shared" in command for command, _ in sample.steps):
                print(f"samples: skipped '{sample.name}': no ../shared beside the repository")
                continue
            expected, actual = [], []
            for command, output in sample.steps:
                real = run(command, clone, env)
                if sample.kind == "console":
                    prompt = prompt_lines(command)
                    expected += prompt + output
                    actual += prompt + real
                else:
                    expected += output
                    actual += real
            if normalise("\n".join(expected)) == normalise("\n".join(actual)):
                if args.verbose:
                    print(f"samples: '{sample.name}' matches")
                continue
            stale.append(sample.name)
            replacements[sample.start] = (sample.end, actual)
            print(f"samples: '{sample.name}' (README.md:{sample.marker_line + 1}) differs from "
                  "the real output")
            if not args.update:
                sys.stdout.writelines(difflib.unified_diff(
                    [line + "\n" for line in expected], [line + "\n" for line in actual],
                    f"README.md sample '{sample.name}'", f"real output of '{sample.name}'"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    if args.update and replacements:
        out, i = [], 0
        while i < len(lines):
            if i in replacements:
                end, new = replacements[i]
                out += new
                i = end
            else:
                out.append(lines[i])
                i += 1
        with open(README, "w", encoding="utf-8") as file:
            file.write("\n".join(out))
        print(f"samples: updated {len(stale)} sample{'s' if len(stale) != 1 else ''} in "
              f"README.md: {', '.join(stale)}; read 'git diff README.md' before committing")
        return 0
    if stale:
        sys.stdout.flush()
        print(f"samples: {len(stale)} stale; run 'Tests/Readme/samples.py --update' and read the "
              "diff", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
