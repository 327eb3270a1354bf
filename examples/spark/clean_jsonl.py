#!/usr/bin/env python3
"""Clean a folder of JSON Lines article dumps with `tamis --jsonl`, one tamis process per partition.

Usage (local mode, or through spark-submit on a cluster):

  spark-submit --master 'local[2]' clean_jsonl.py INPUT OUTPUT [--tamis PATH] [tamis options]
  TAMIS=/path/to/tamis spark-submit ... clean_jsonl.py INPUT OUTPUT

INPUT is a file, a folder or a glob that Spark's `textFile` reads (local paths, hdfs://, s3a://;
`.gz` and `.bz2` files are decompressed). OUTPUT is a folder that must not exist yet; Spark writes
one `part-NNNNN` JSON Lines file per input partition into it, each record on its own line, in the
order of its partition, exactly as `tamis --jsonl` writes it.

How it works: the tamis binary is shipped to every executor with `SparkContext.addFile` (or with
spark-submit's `--files`), and `RDD.pipe` starts `tamis --jsonl --jobs 1` once per partition,
writes the partition's lines to its stdin and reads its stdout back as the partition's new lines.
tamis writes exactly one output line per input line, in order, so the partitioning and the record
order survive the pipe. Spark runs the partitions in parallel, hence `--jobs 1` in each process.
"""
import argparse
import os
import shlex
import shutil
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# The command RDD.pipe runs on the executor, with argv = [tamis path on the driver, tamis args...].
# It runs tamis from the path SparkFiles.get gave on the driver when that file exists on this host
# (Spark's local mode, or an executor on the driver's machine), else from the executor's own copy
# of the shipped file in its working directory, which is where executors fetch files added with
# addFile or --files (SparkFiles.get on an executor resolves to that directory). The path must be
# worked out on the executor because RDD.pipe's command string is built on the driver.
#
# tamis exits 0 when every record was cleaned, 1 when some lines were not JSON objects or had no
# text field (those are still written, passed through with an "error" field, so nothing is lost),
# and 2 or more on a usage or rule error (nothing written) or a crash. Only the latter must fail
# the task, so the shell turns 1 into 0 and lets checkCode=True catch the rest. The POSIX shell is
# called by absolute path because RDD.pipe runs the command with an empty environment (no PATH).
_RUNNER = (
    'p="$0"; [ -x "$p" ] || p="./${0##*/}"; '
    '"$p" "$@"; s=$?; '
    'if [ "$s" -gt 1 ]; then echo "tamis exited with status $s" >&2; exit "$s"; fi'
)


def parse_arguments(argv):
    ap = argparse.ArgumentParser(
        description="Clean a folder of JSON Lines files with `tamis --jsonl` on every partition."
    )
    ap.add_argument("input", help="input file, folder or glob of JSON Lines files")
    ap.add_argument("output", help="output folder (must not exist)")
    ap.add_argument(
        "--tamis",
        default=os.environ.get("TAMIS"),
        help="the tamis binary on the driver, or a URL Spark can fetch (hdfs://...); "
        "default: $TAMIS, else `tamis` on PATH; or the name of a file shipped with --files",
    )
    ap.add_argument("--field", help="the text field (tamis --field; default: text)")
    ap.add_argument("--url-field", help="the URL field (tamis --url-field; default: url)")
    ap.add_argument("--replace", action="store_true", help="put the body in place of the text field")
    ap.add_argument("--explain", action="store_true", help="also add the `removed` list")
    ap.add_argument("--partitions", type=int,
                    help="minimum number of input partitions (default: Spark's, one per file block)")
    ap.add_argument("--compress", choices=["gzip", "bzip2"], help="compress the part files")
    return ap.parse_args(argv)


def shipped_names(sc):
    """Base names of the files that spark-submit --files already ships to the executors."""
    conf = sc.getConf()
    files = ",".join(conf.get(key, "") or "" for key in ("spark.files", "spark.yarn.dist.files"))
    return {os.path.basename(f.split("#")[0].rstrip("/")) for f in files.split(",") if f}


def ship_tamis(sc, path_or_name):
    """Ships the binary to every executor; returns the path SparkFiles.get gives for it here."""
    name = os.path.basename(path_or_name.rstrip("/"))
    if name not in shipped_names(sc):  # else spark-submit --files shipped it already
        path = path_or_name
        if "://" not in path and not os.path.isfile(path):
            path = shutil.which(path)
            if not path:
                sys.exit(f"clean_jsonl.py: tamis binary not found: {path_or_name}")
        sc.addFile(path)
        name = os.path.basename(path.rstrip("/"))
    return SparkFiles.get(name)


def tamis_command(tamis_on_driver, args):
    """The command line RDD.pipe runs for each partition."""
    argv = [tamis_on_driver, "--jsonl", "--jobs", "1"]
    if args.field:
        argv += ["--field", args.field]
    if args.url_field:
        argv += ["--url-field", args.url_field]
    if args.replace:
        argv.append("--replace")
    if args.explain:
        argv.append("--explain")
    return "/bin/sh -c " + shlex.quote(_RUNNER) + " " + " ".join(shlex.quote(a) for a in argv)


def main(argv=None):
    args = parse_arguments(argv if argv is not None else sys.argv[1:])
    tamis = args.tamis or shutil.which("tamis")
    if not tamis:
        sys.exit("clean_jsonl.py: no tamis binary: pass --tamis PATH or set TAMIS")

    spark = SparkSession.builder.appName("tamis-clean-jsonl").getOrCreate()
    sc = spark.sparkContext
    try:
        command = tamis_command(ship_tamis(sc, tamis), args)

        # textFile splits the input into lines on \n (and \r\n, \r) and decodes them as UTF-8.
        # JSON Lines has no raw line break inside a record (JSON escapes them in strings as \n or
        # \r), so every line is one whole record. RDD.pipe then passes the lines through tamis's
        # stdin and stdout, one line each way, and splits tamis's output on \n only. This keeps
        # records one per line end to end; only a raw CR between two JSON tokens, which JSON
        # allows but no JSON Lines writer emits, would split a record.
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        cleaned = lines.pipe(command, checkCode=True)
        codec = {
            "gzip": "org.apache.hadoop.io.compress.GzipCodec",
            "bzip2": "org.apache.hadoop.io.compress.BZip2Codec",
        }.get(args.compress)
        cleaned.saveAsTextFile(args.output, compressionCodecClass=codec)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
