"""Clean text with tamis from Python: one `tamis --jsonl` process, records streamed through it.

    from tamis_clean import Tamis
    with Tamis() as tamis:
        for record in tamis.clean(records):   # dicts with "text" (and "url") in, dicts out
            print(record["body"])

Standard library only. The process is started once and kept running: tamis answers each record
as soon as it is cleaned (it closes a batch when its input waits), so a record written is a
record read back, in the same order. A record tamis cannot clean (no text field, a field clash,
invalid JSON) raises `TamisError` with tamis's own message; so does a tamis that exits (bad
options, rules that do not load), with what it wrote on stderr.
"""

import json
import os
import shutil
import subprocess
import threading

__all__ = ["Tamis", "TamisError"]


class TamisError(Exception):
    """tamis refused a record, or stopped; `message` is tamis's own text."""

    def __init__(self, message, record=None):
        super().__init__(message)
        self.message = message
        #: The output record that carried the error (None when the process stopped).
        self.record = record


def _default_binary():
    found = os.environ.get("TAMIS") or shutil.which("tamis")
    if found:
        return found
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", ".build", "release", "tamis")
    return built if os.path.exists(built) else "tamis"


class Tamis:
    """A running `tamis --jsonl` process.

    Arguments: `binary` (default: $TAMIS, then `tamis` on PATH, then this checkout's release
    build), `args` (more tamis options: `["--rules", "packs/"]`, `["--explain"]`), `field` and
    `url_field` (the record's text and URL fields), `prefix` (`--prefix`). Use it as a context
    manager, or call `close()`.
    """

    def __init__(self, binary=None, args=(), field="text", url_field="url", prefix=""):
        self.command = [binary or _default_binary(), "--jsonl", "-q", "--jobs", "1"]
        if field != "text":
            self.command += ["--field", field]
        if url_field != "url":
            self.command += ["--url-field", url_field]
        if prefix:
            self.command += ["--prefix", prefix]
        self.command += list(args)
        self.error_key = prefix + "error"
        self._process = None
        self._stderr = []
        self._busy = False

    # -- process ---------------------------------------------------------------------------

    def _start(self):
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stderr = []
        self._process = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, bufsize=0)
        self._stderr_thread = threading.Thread(
            target=self._drain_stderr, args=(self._process,), daemon=True)
        self._stderr_thread.start()
        return self._process

    def _drain_stderr(self, process):
        for line in process.stderr:
            if len(self._stderr) < 100:
                self._stderr.append(line.decode("utf-8", "replace"))

    def _stopped(self):
        process = self._process
        self._process = None
        if process is not None:
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            self._stderr_thread.join(timeout=2)
        text = "".join(self._stderr).strip()
        code = process.returncode if process is not None else None
        return TamisError(text or f"tamis stopped (exit status {code})")

    def close(self):
        """Ends the process (closing its input lets it finish)."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self):
        self._start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- cleaning --------------------------------------------------------------------------

    @staticmethod
    def _line(record):
        if isinstance(record, bytes):
            text = record.decode("utf-8")
        elif isinstance(record, str):
            text = record
        else:
            text = json.dumps(record, ensure_ascii=False)
        if "\n" in text.strip("\n"):
            raise ValueError("a record must be one line of JSON")
        return (text.strip("\n") + "\n").encode("utf-8")

    def clean(self, records, raise_errors=True):
        """Cleans an iterable of records (dicts, or JSON text lines); yields the output dicts in
        the same order. With `raise_errors` (the default) a record tamis refuses raises
        `TamisError` with its message; without, its output record (with its `error` field) is
        yielded like the others. Records are written from a thread while outputs are read, so
        any number of records streams through in bounded memory.
        """
        if self._busy:
            raise RuntimeError("Tamis.clean is already running; use one Tamis per stream")
        self._busy = True
        process = self._start()
        pending = []  # one item per record written, None at the end, or an exception
        condition = threading.Condition()
        stop = threading.Event()

        def feed():
            try:
                for record in records:
                    if stop.is_set():
                        break
                    line = self._line(record)
                    process.stdin.write(line)
                    with condition:
                        pending.append(True)
                        condition.notify()
            except BaseException as error:  # handed to the reading side
                with condition:
                    pending.append(error)
                    condition.notify()
                return
            with condition:
                pending.append(None)
                condition.notify()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        clean_end = False
        try:
            while True:
                with condition:
                    while not pending:
                        condition.wait()
                    item = pending.pop(0)
                if item is None:
                    clean_end = True
                    return
                if isinstance(item, BaseException):
                    if isinstance(item, (BrokenPipeError, OSError)):
                        raise self._stopped()
                    clean_end = False
                    raise item
                line = process.stdout.readline()
                if not line:
                    raise self._stopped()
                output = json.loads(line)
                if raise_errors and self.error_key in output:
                    raise TamisError(output[self.error_key], output)
                yield output
        finally:
            stop.set()
            self._busy = False
            if not clean_end:
                # Outputs of records already written would come back out of order: restart.
                self.close_hard()

    def close_hard(self):
        """Kills the process; the next call starts a new one."""
        process, self._process = self._process, None
        if process is not None:
            try:
                process.kill()
            except OSError:
                pass
            process.wait()

    def clean_one(self, record, raise_errors=True):
        """Cleans one record and returns its output dict."""
        return list(self.clean([record], raise_errors=raise_errors))[0]

    def clean_text(self, text, url=None):
        """Cleans one dump given as a string; returns the body."""
        record = {"text": text}
        if url:
            record["url"] = url
        return self.clean_one(record)["body"]
