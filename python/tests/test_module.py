"""The Python module against the CLI: same output, same messages, and the
GIL released during analysis. Run by ctest (python_tests) with PYTHONPATH
set to build/python and ATTACHE_BINARY naming the attache command."""

import json
import os
import subprocess
import tempfile
import threading
import unittest

import attache

SOURCE_DIR = os.environ.get("ATTACHE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("ATTACHE_BINARY", os.path.join(SOURCE_DIR, "build", "attache"))
SAMPLES = os.path.join(SOURCE_DIR, "samples")

# An invented page (no news text): a visit and a quotation.
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Minister arrives in Baku for talks | Example Ledger</title>
<meta property="article:published_time" content="2024-03-12T09:30:00+04:00">
<meta property="og:site_name" content="Example Ledger"></head>
<body><article><h1>Minister arrives in Baku for talks</h1>
<p>Foreign Minister Sergei Lavrov arrived in Baku on Tuesday for two days of talks on transit and energy,
the ministry said in a statement published in the morning.</p>
<p>"We expect progress on the corridor," Lavrov told reporters at the airport before the meetings began.</p>
<p>The visit is the first in three years, and officials said further rounds were planned for the summer.</p>
</article></body></html>"""


def cli(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True)


class ModuleTest(unittest.TestCase):
    def test_analyze_a_string_as_the_cli_does(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "page.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(PAGE)
            r = cli("analyze", "--quiet", path)
            self.assertEqual(r.returncode, 0, r.stderr)
            want = json.loads(r.stdout)
        got = attache.analyze(PAGE, source=path)
        self.assertEqual(got, want)
        self.assertTrue(got["visits"], "the page reports a visit")
        self.assertEqual(attache.analyze(PAGE.encode("utf-8"), source=path), want)

    def test_extract_gives_the_article_fields(self):
        art = attache.extract(PAGE, url="https://example.org/a")
        self.assertEqual(art["url"], "https://example.org/a")
        self.assertEqual(art["outlet"], "Example Ledger")
        self.assertNotIn("visits", art)

    def test_errors_carry_the_clis_message(self):
        with self.assertRaises(attache.Error) as ctx:
            attache.analyze("", source="x")
        self.assertEqual(ctx.exception.code, "empty")
        self.assertEqual(str(ctx.exception), "x: empty: empty page")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "blank.txt")
            with open(path, "w") as f:
                f.write("   \n")
            r = cli("analyze", path)
            line = [ln for ln in r.stderr.decode().splitlines() if ln.startswith("attache: " + path)][0]
            # A blank page read from a path: the same line as the CLI's.
            messages = []
            docs = list(attache.read(path, on_error=lambda src, msg, code: messages.append(msg)))
            self.assertEqual(docs, [])
            self.assertEqual(["attache: " + m for m in messages], [line])
            with self.assertRaises(attache.Error) as ctx:
                list(attache.read(os.path.join(d, "missing")))
            self.assertEqual(ctx.exception.code, "not-found")
        with self.assertRaises(TypeError):
            attache.analyze(42)

    def test_read_yields_documents_with_their_source(self):
        docs = list(attache.read(SAMPLES))
        self.assertGreaterEqual(len(docs), 8)
        self.assertTrue(all(d.source.startswith(SAMPLES) for d in docs))
        r = cli("analyze", "--quiet", SAMPLES)
        want = [json.loads(ln) for ln in r.stdout.splitlines()]
        self.assertEqual([attache.analyze(d) for d in docs], want)

    def test_threads_run_analysis_in_parallel_and_agree(self):
        docs = list(attache.read(SAMPLES))
        want = [attache.analyze(d) for d in docs]
        got = [None] * len(docs)

        def work(i):
            for _ in range(3):
                got[i] = attache.analyze(docs[i])

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(docs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(got, want)

    def test_documents_pickle_for_other_processes(self):
        import pickle
        doc = next(iter(attache.read(SAMPLES)))
        back = pickle.loads(pickle.dumps(doc))
        self.assertEqual((back.source, back.url, back.body), (doc.source, doc.url, doc.body))
        self.assertEqual(attache.analyze(back), attache.analyze(doc))


class StoreModuleTest(unittest.TestCase):
    def test_store_answers_as_the_cli(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "py.db")
            with attache.Store(db) as s:
                outcomes = [s.ingest(doc)["outcome"] for doc in attache.read(SAMPLES)]
                self.assertIn("syndicated", outcomes)
                self.assertEqual(s.ingest(next(iter(attache.read(SAMPLES))))["outcome"], "duplicate")
            ref = os.path.join(d, "cli.db")
            r = cli("ingest", "--quiet", "--db", ref, SAMPLES)
            self.assertEqual(r.returncode, 0, r.stderr)
            s = attache.Store(db, read_only=True)
            want = json.loads(cli("balance", "--db", ref, "--host", "AZE", "--format", "json").stdout)
            # The CLI's rows carry names too; the counts are the library's.
            key = ("period", "partner", "bloc", "visits")
            self.assertEqual([tuple(r[k] for k in key) for r in s.balance("AZE")],
                             [tuple(r[k] for k in key) for r in want["rows"]])
            self.assertTrue(want["rows"])
            visits = [json.loads(ln) for ln in cli("visits", "--db", ref).stdout.splitlines()]
            self.assertEqual(s.visits(), visits)
            self.assertEqual(s.stats()["articles"], s.stats()["articles"])
            self.assertEqual(s.article(visits[0]["id"])["id"], visits[0]["id"])
            self.assertEqual(len(s.visit_sources(visits[0]["id"])), visits[0]["reports"])
            with self.assertRaises(attache.Error) as ctx:
                s.balance("AZE", by="week")
            self.assertIn("--by must be month, quarter or year", str(ctx.exception))
            with self.assertRaises(attache.Error) as ctx:
                attache.Store(os.path.join(d, "none.db"), read_only=True)
            self.assertIn("none.db", str(ctx.exception))
            out = os.path.join(d, "visits.csv")
            s.export("visits", out, format="csv")
            with open(out) as f:
                self.assertTrue(f.readline().startswith("id,visitor"))


if __name__ == "__main__":
    unittest.main()
