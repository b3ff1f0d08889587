"""attache over a Dask cluster: many workers analysing, one shared store.

    python3 -m attache.distributed ingest --scheduler tcp://HOST:PORT \\
        --db postgresql://user@host:port/db PATH...

The input is split into tasks: one per file, and files larger than
--split-bytes (WARC files, mostly) into ranges of --records-per-task
documents. Each task runs on a worker: it reads its documents with
attache.read, and extracts, analyses and stores each through the Python
module (the GIL released while it works) into the shared store. Storing is
idempotent (a document already stored is a duplicate and nothing is
written), so a task that fails, or whose worker dies, is simply run again.
Progress shows on the terminal and in Dask's dashboard.

Workers must import attache (PYTHONPATH=build/python) and reach the store.
A SQLite path works too when every worker sees the same file system, but
PostgreSQL is the store for many writers (see DISTRIBUTED.md).
"""

import argparse
import os
import sys
import threading
import time
import uuid

import attache

_local = threading.local()


def _store(db):
    """One open store per worker thread and database."""
    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    if db not in stores:
        stores[db] = attache.Store(db)
    return stores[db]


def ingest_task(db, path, start=0, end=None):
    """Stores documents [start, end) of `path` (all when end is None) and
    returns what happened: counts by outcome, skips by reason, and the first
    few messages."""
    store = _store(db)
    out = {"read": 0, "added": 0, "duplicate": 0, "syndicated": 0, "skipped": {}, "messages": []}

    def skip(code, message):
        out["skipped"][code] = out["skipped"].get(code, 0) + 1
        if len(out["messages"]) < 20:
            out["messages"].append(message)

    index = -1

    def on_error(source, message, code):
        # Unreadable documents count in the range they fall in, like the others.
        nonlocal index
        index += 1
        if index >= start and (end is None or index < end):
            out["read"] += 1
            skip(code, message)

    for doc in attache.read(path, on_error=on_error):
        index += 1
        if index < start:
            continue
        if end is not None and index >= end:
            break
        out["read"] += 1
        try:
            out[store.ingest(doc)["outcome"]] += 1
        except attache.Error as e:
            skip(e.code, str(e))
    return out


def count_documents(path):
    """How many documents (readable or not) attache.read finds in `path`."""
    n = 0

    def on_error(*_):
        nonlocal n
        n += 1

    for _ in attache.read(path, on_error=on_error):
        n += 1
    return n


def plan(paths, split_bytes, records_per_task):
    """The tasks: (path, start, end) with end None for a whole file."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names))
        else:
            files.append(p)
    tasks = []
    for f in files:
        size = os.path.getsize(f) if os.path.isfile(f) else 0
        if size <= split_bytes:
            tasks.append((f, 0, None))
            continue
        n = count_documents(f)
        for start in range(0, max(n, 1), records_per_task):
            tasks.append((f, start, min(start + records_per_task, n) if start + records_per_task < n else None))
    return tasks


def merge(total, part):
    for k in ("read", "added", "duplicate", "syndicated"):
        total[k] += part[k]
    for code, n in part["skipped"].items():
        total["skipped"][code] = total["skipped"].get(code, 0) + n
    total["messages"].extend(part["messages"])


def run_ingest(args):
    from distributed import Client, as_completed

    # The task by its module's name (pickled by reference: this file may be
    # running as __main__, whose functions would be pickled by value).
    from attache.distributed import ingest_task as task

    # The store's schema is made (or migrated) once, here, before any worker writes.
    attache.Store(args.db).close()
    tasks = plan(args.paths, args.split_bytes, args.records_per_task)
    client = Client(args.scheduler, timeout=args.connect_timeout)
    started = time.monotonic()
    run = uuid.uuid4().hex[:8]  # two runs at once keep their tasks apart
    futures = [client.submit(task, args.db, path, start, end, retries=args.retries, pure=False,
                             key="attache-ingest-%s-%s-%d-%s" % (run, os.path.basename(path), start, end))
               for i, (path, start, end) in enumerate(tasks)]
    total = {"read": 0, "added": 0, "duplicate": 0, "syndicated": 0, "skipped": {}, "messages": []}
    failed = 0
    done = 0
    for fut in as_completed(futures):
        done += 1
        try:
            merge(total, fut.result())
        except Exception as e:  # a task that failed past its retries
            failed += 1
            print("attache: task %s failed: %s" % (fut.key, e), file=sys.stderr)
        if not args.quiet:
            print("\r%d/%d tasks, %d documents, %.0f documents/s   " %
                  (done, len(tasks), total["read"], total["read"] / max(time.monotonic() - started, 1e-9)),
                  end="", file=sys.stderr, flush=True)
    client.close()
    if not args.quiet:
        print(file=sys.stderr)
        for m in total["messages"]:
            print("attache: " + m, file=sys.stderr)
        skipped = sum(total["skipped"].values())
        reasons = ", ".join("%s: %d" % kv for kv in sorted(total["skipped"].items()))
        print("attache: %d tasks, %d documents read, %d stored, %d duplicates, %d syndicated, %d skipped%s"
              % (len(tasks), total["read"], total["added"], total["duplicate"], total["syndicated"], skipped,
                 " (%s)" % reasons if reasons else ""), file=sys.stderr)
    return 1 if failed else 0


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m attache.distributed",
                                 description="attache's ingest over a Dask cluster, into one shared store")
    sub = ap.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="analyse PATHs on the cluster's workers and store them in --db")
    ing.add_argument("--scheduler", required=True, help="the Dask scheduler's address, tcp://HOST:PORT")
    ing.add_argument("--db", required=True, help="the store: postgresql://user@host:port/db (or a SQLite path)")
    ing.add_argument("--split-bytes", type=int, default=256 << 20,
                     help="files larger than this are split into ranges of documents (default 256 MiB)")
    ing.add_argument("--records-per-task", type=int, default=2000, help="documents per range (default 2000)")
    ing.add_argument("--retries", type=int, default=3, help="runs of a failed task (default 3)")
    ing.add_argument("--connect-timeout", default="30s", help="how long to wait for the scheduler")
    ing.add_argument("--quiet", action="store_true", help="no progress and no summary")
    ing.add_argument("paths", nargs="+", metavar="PATH")
    args = ap.parse_args(argv)
    try:
        return run_ingest(args)
    except attache.Error as e:
        print("attache: %s" % e, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
