#!/usr/bin/env python3
"""Many writer processes against one PostgreSQL store (DISTRIBUTED.md): N
`attache ingest` processes at once, each over its share of the same invented
WARC shards, into a fresh database of a throwaway server; prints documents
per second for each N and the machine's load.

    PYTHONPATH=python/tests python3 bench/pg_writers.py [SHARDS] [RECORDS] [WORDS]
"""

import os
import subprocess
import sys
import tempfile
import time

import pgserver
import warcs

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BINARY = os.path.join(ROOT, "build", "attache")


def main():
    n_shards = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    records = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 700
    server = pgserver.start()
    if server is None:
        sys.exit("no PostgreSQL server: " + pgserver.REASON)
    with tempfile.TemporaryDirectory() as d:
        shards = warcs.make_shards(os.path.join(d, "shards"), n_shards, records, words=words)
        docs = n_shards * records * 12 // 10
        t = time.monotonic()
        subprocess.run([BINARY, "analyze", "--quiet", *shards], check=True, stdout=subprocess.DEVNULL)
        print("analysis alone (no store), 1 process: %.0f documents/s" % (docs / (time.monotonic() - t)))
        for n in (1, 2, 4, 8):
            db = server.new_database()
            subprocess.run([BINARY, "ingest", "--quiet", "--db", db, shards[0]], check=True)  # schema in
            load = os.getloadavg()[0]
            t = time.monotonic()
            procs = [subprocess.Popen([BINARY, "ingest", "--quiet", "--db", db, *shards[i::n]]) for i in range(n)]
            for p in procs:
                p.wait()
            secs = time.monotonic() - t
            print("%d writer(s): %.1f s, %.0f documents/s (load average before %.1f, after %.1f)"
                  % (n, secs, docs / secs, load, os.getloadavg()[0]))
    server.stop()


if __name__ == "__main__":
    main()
