#!/usr/bin/env python3
"""Dask workers against one PostgreSQL store: 1 worker, then 2, over the
same invented WARC shards, each into a fresh database of a throwaway server;
prints the wall times, the ratio, the machine's load, and whether each store
equals a local SQLite `attache ingest` (`attache stats` the same).

    PYTHONPATH=build/python:python/tests python3 bench/distributed_scaling.py [SHARDS] [RECORDS] [WORDS]
"""

import os
import subprocess
import sys
import tempfile
import time

import cluster
import pgserver
import warcs

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BINARY = os.path.join(ROOT, "build", "attache")


def stats(db):
    return subprocess.run([BINARY, "stats", "--db", db], capture_output=True, check=True).stdout.decode()


def main():
    n_shards = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    records = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 700  # a news article's length
    server = pgserver.start()
    if server is None:
        sys.exit("no PostgreSQL server: " + pgserver.REASON)
    with tempfile.TemporaryDirectory() as d:
        shards = warcs.make_shards(os.path.join(d, "shards"), n_shards, records, words=words)
        t = time.monotonic()
        subprocess.run([BINARY, "ingest", "--quiet", "--db", os.path.join(d, "local.db"), *shards], check=True)
        local_s = time.monotonic() - t
        want = stats(os.path.join(d, "local.db"))
        times = {}
        for workers in (1, 2):
            c = cluster.Cluster(workers=workers)
            try:
                db = server.new_database()
                load = os.getloadavg()[0]
                t = time.monotonic()
                subprocess.run([sys.executable, "-m", "attache.distributed", "ingest", "--quiet", "--scheduler",
                                c.address, "--db", db, *shards], check=True)
                times[workers] = time.monotonic() - t
                print("%d worker(s): %.2f s (load average before %.1f, after %.1f); store equals local: %s"
                      % (workers, times[workers], load, os.getloadavg()[0], stats(db) == want))
            finally:
                c.stop()
        print("local attache ingest (SQLite): %.2f s; %s" % (local_s, want.strip()))
        print("2 workers / 1 worker: %.2fx as fast" % (times[1] / times[2]))
    server.stop()


if __name__ == "__main__":
    main()
