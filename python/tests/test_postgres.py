"""The PostgreSQL store against the SQLite one, through the CLI: the same
inputs give the same stats, balance, visits and exports on both backends."""

import json
import os
import subprocess
import tempfile
import unittest

import pgserver

SOURCE_DIR = os.environ.get("ATTACHE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("ATTACHE_BINARY", os.path.join(SOURCE_DIR, "build", "attache"))
SAMPLES = os.path.join(SOURCE_DIR, "samples")
SEEDS = os.path.join(SOURCE_DIR, "..", "shared", "seeds")

server = None


def setUpModule():
    global server
    server = pgserver.start()


def tearDownModule():
    if server:
        server.stop()


def cli(*args):
    r = subprocess.run([BINARY, *args], capture_output=True)
    if r.returncode != 0:
        raise AssertionError("attache %s: %s" % (" ".join(args), r.stderr.decode()))
    return r.stdout.decode()


class BackendsAgreeTest(unittest.TestCase):
    def setUp(self):
        if server is None:
            self.skipTest("no PostgreSQL server: " + pgserver.REASON)

    def check_same(self, inputs):
        with tempfile.TemporaryDirectory() as d:
            lite = os.path.join(d, "record.db")
            pg = server.new_database()
            for db in (lite, pg):
                cli("ingest", "--quiet", "--db", db, *inputs)
            self.assertEqual(cli("stats", "--db", pg), cli("stats", "--db", lite))
            hosts = sorted({json.loads(v)["host_country"] for v in
                            cli("visits", "--db", lite, "--limit", "1000").splitlines()})
            self.assertTrue(hosts)
            for host in hosts:
                for by in ("quarter",):
                    args = ["balance", "--host", host, "--by", by, "--format", "json"]
                    self.assertEqual(cli(*args, "--db", pg), cli(*args, "--db", lite), host)
            for what in ("visits", "meetings", "quotes"):
                self.assertEqual(cli(what, "--db", pg, "--limit", "1000"), cli(what, "--db", lite, "--limit", "1000"))
            # Actors' ids differ (PostgreSQL spends an id on every upsert), nothing else.
            def actors(db):
                return [dict(json.loads(a), id=0) for a in cli("actors", "--db", db, "--limit", "1000").splitlines()]
            self.assertEqual(actors(pg), actors(lite))
            for what in ("visits", "meetings", "quotes", "events"):
                for fmt in ("jsonl", "csv"):
                    # events come in no stated order
                    self.assertEqual(sorted(cli("export", "--db", pg, what, "--format", fmt).splitlines()),
                                     sorted(cli("export", "--db", lite, what, "--format", fmt).splitlines()), what)
            self.assertEqual(cli("search", "--db", pg, "minister"), cli("search", "--db", lite, "minister"))
            # Ingesting again adds nothing on either.
            cli("ingest", "--quiet", "--db", pg, *inputs)
            self.assertEqual(cli("stats", "--db", pg), cli("stats", "--db", lite))

    def test_samples(self):
        self.check_same([SAMPLES])

    def test_seeds(self):
        if not os.path.isdir(SEEDS):
            self.skipTest("no seeds at " + SEEDS + " (the shared data is missing)")
        self.check_same([os.path.join(SEEDS, f) for f in sorted(os.listdir(SEEDS)) if f.endswith(".txt")])


if __name__ == "__main__":
    unittest.main()
