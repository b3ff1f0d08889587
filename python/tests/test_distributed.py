"""attache.distributed on a real Dask scheduler with real workers on
loopback, into a PostgreSQL store on a throwaway server: the result equals a
local `attache ingest` of the same files, also when a worker is SIGKILLed
mid-run and when two overlapping ingests run at once."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import cluster
import pgserver
import warcs

SOURCE_DIR = os.environ.get("ATTACHE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("ATTACHE_BINARY", os.path.join(SOURCE_DIR, "build", "attache"))

server = None
workdir = None
shards = []


def setUpModule():
    global server, workdir, shards
    try:
        import distributed  # noqa: F401
    except ImportError:
        return
    server = pgserver.start()
    workdir = tempfile.TemporaryDirectory()
    shards = warcs.make_shards(os.path.join(workdir.name, "shards"), 4, 40)


def tearDownModule():
    if server:
        server.stop()
    if workdir:
        workdir.cleanup()


def stats(db):
    r = subprocess.run([BINARY, "stats", "--db", db], capture_output=True)
    assert r.returncode == 0, r.stderr
    return r.stdout.decode()


def local_stats(paths):
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "local.db")
        subprocess.run([BINARY, "ingest", "--quiet", "--db", db, *paths], check=True)
        return stats(db)


def distributed_ingest(address, db, paths, *extra):
    return subprocess.Popen([sys.executable, "-m", "attache.distributed", "ingest", "--quiet", "--scheduler", address,
                             "--db", db, *extra, *paths], stderr=subprocess.PIPE)


class DistributedTest(unittest.TestCase):
    """One cluster of two workers for the three checks, in this order (the
    last one kills a worker)."""

    @classmethod
    def setUpClass(cls):
        cls.cluster = None
        if server is None or not shards:
            return
        cls.cluster = cluster.Cluster(workers=2)
        cls.want = local_stats(shards)

    @classmethod
    def tearDownClass(cls):
        if cls.cluster:
            cls.cluster.stop()

    def setUp(self):
        if not shards:
            self.skipTest("no python3-distributed (scripts/deps installs it)")
        if server is None:
            self.skipTest("no PostgreSQL server: " + pgserver.REASON)

    def test_1_shards_give_the_store_a_local_ingest_gives(self):
        db = server.new_database()
        # Small files are split too: ranges of 15 records.
        p = distributed_ingest(self.cluster.address, db, shards, "--split-bytes", "1000", "--records-per-task", "15")
        _, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, err[-2000:])
        self.assertEqual(stats(db), self.want)

    def test_2_two_overlapping_ingests_at_once_are_one_ingest(self):
        db = server.new_database()
        a = distributed_ingest(self.cluster.address, db, shards[:3])
        b = distributed_ingest(self.cluster.address, db, shards[1:])
        for p in (a, b):
            _, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err[-2000:])
        self.assertEqual(stats(db), self.want)

    def test_3_a_worker_killed_mid_run_loses_and_doubles_nothing(self):
        db = server.new_database()
        p = distributed_ingest(self.cluster.address, db, shards, "--split-bytes", "1000", "--records-per-task", "10")
        # Kill one worker once the store has some, not all, documents.
        victim = self.cluster.workers[0]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            out = subprocess.run([BINARY, "stats", "--db", db], capture_output=True).stdout.decode()
            if '"articles":' in out and '"articles":0,' not in out:
                break
            time.sleep(0.05)
        self.assertIsNone(p.poll(), "the run ended before a worker could be killed")
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        _, err = p.communicate(timeout=180)
        self.assertEqual(p.returncode, 0, err[-2000:])
        self.assertEqual(stats(db), self.want)


if __name__ == "__main__":
    unittest.main()
