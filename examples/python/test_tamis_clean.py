#!/usr/bin/env python3
"""Tests of tamis_clean.py against the tamis binary ($TAMIS, else this checkout's release build);
skipped when there is none. Run: python3 -m unittest discover -s examples/python -v
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tamis_clean import Tamis, TamisError  # noqa: E402

BINARY = os.environ.get("TAMIS") or os.path.join(HERE, "..", "..", ".build", "release", "tamis")
DUMP = ("Article réservé aux abonnés\n\nLe conseil des ministres s’est réuni mercredi.\n\n"
        "Lire aussi : Le budget en dix points\n")
URL = "https://www.lemonde.fr/economie/x.html"


@unittest.skipUnless(os.path.exists(BINARY), f"no tamis binary at {BINARY}")
class TamisCleanTests(unittest.TestCase):
    def test_three_line_use(self):
        with Tamis(BINARY) as tamis:
            body = tamis.clean_text(DUMP, url=URL)
        self.assertEqual(body, "Le conseil des ministres s’est réuni mercredi.")

    def test_records_stream_in_order_through_one_process(self):
        records = [{"id": str(n), "url": URL, "text": f"Paragraphe numéro {n}.\n\n{DUMP}"}
                   for n in range(2000)]
        with Tamis(BINARY) as tamis:
            first = tamis._process.pid
            outputs = list(tamis.clean(iter(records)))
            again = tamis.clean_one(records[0])
            self.assertEqual(tamis._process.pid, first)
        self.assertEqual([output["id"] for output in outputs], [r["id"] for r in records])
        self.assertTrue(outputs[7]["body"].startswith("Paragraphe numéro 7."))
        self.assertEqual(again["body"], outputs[0]["body"])

    def test_answers_each_record_before_the_next_is_written(self):
        # The next record is only written once the previous answer came back: tamis must
        # answer record by record on a pipe, or this waits for the 10 s deadline each time.
        answers = []

        def records():
            for n in range(3):
                yield {"id": str(n), "text": "Une phrase."}
                deadline = time.monotonic() + 10
                while len(answers) <= n and time.monotonic() < deadline:
                    time.sleep(0.005)

        started = time.monotonic()
        with Tamis(BINARY) as tamis:
            for output in tamis.clean(records()):
                answers.append(output)
        self.assertEqual([a["id"] for a in answers], ["0", "1", "2"])
        self.assertLess(time.monotonic() - started, 5)

    def test_a_refused_record_raises_with_tamis_message(self):
        with Tamis(BINARY) as tamis:
            with self.assertRaises(TamisError) as raised:
                list(tamis.clean([{"id": "a", "text": "ok"}, {"id": "b", "content": "no text"}]))
            self.assertIn("'text'", raised.exception.message)
            # The process is started again for the next call, in step.
            self.assertEqual(tamis.clean_one({"id": "c", "text": "Encore."})["id"], "c")

    def test_errors_can_be_yielded_instead(self):
        with Tamis(BINARY) as tamis:
            outputs = list(tamis.clean(['{"id": 1, "text": "x"}', "not json"],
                                       raise_errors=False))
        self.assertEqual(outputs[0]["id"], 1)
        self.assertIn("invalid JSON", outputs[1]["error"])

    def test_bad_options_raise_with_tamis_message(self):
        with self.assertRaises(TamisError) as raised:
            with Tamis(BINARY, args=["--no-such-option"]) as tamis:
                list(tamis.clean([{"text": "x"}]))
        self.assertIn("unknown option '--no-such-option'", raised.exception.message)

    def test_examples_run(self):
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "crawl.jsonl")
            target = os.path.join(folder, "clean.jsonl")
            with open(source, "w", encoding="utf-8") as handle:
                for n in range(3):
                    handle.write(json.dumps({"id": n, "url": URL, "text": DUMP * 20}) + "\n")
            env = dict(os.environ, TAMIS=BINARY)
            subprocess.run([sys.executable, os.path.join(HERE, "clean_jsonl.py"), source, target],
                           check=True, env=env, capture_output=True)
            with open(target, encoding="utf-8") as handle:
                self.assertEqual(len(handle.readlines()), 3)
            result = subprocess.run(
                [sys.executable, os.path.join(HERE, "pipeline.py"), source, "--min-words", "5"],
                check=True, env=env, capture_output=True, text=True)
            # Three identical bodies: the pipeline keeps one.
            self.assertEqual(len(result.stdout.splitlines()), 1)


if __name__ == "__main__":
    unittest.main()
