"""A throwaway PostgreSQL server for the Python tests (the twin of
tests/pg_server.h): initdb and pg_ctl from Debian's postgresql package in a
temporary folder, on a free loopback port, run as `nobody` when the tests
run as root (initdb refuses root). One server per test module; each test
asks for a fresh database. start() returns None and sets REASON when no
server can start, and the tests skip with it."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile

REASON = ""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, bin_dir, folder, as_user):
        self.bin = bin_dir
        self.dir = folder
        self.as_user = as_user
        self.port = 0
        self.count = 0

    def _run(self, args, **kw):
        return subprocess.run(self.as_user + args, capture_output=True, **kw)

    def url(self, db):
        return "postgresql://attache@127.0.0.1:%d/%s" % (self.port, db)

    def new_database(self):
        self.count += 1
        name = "t%d_%d" % (os.getpid(), self.count)
        subprocess.run([os.path.join(self.bin, "psql"), "-q", "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "attache", "-d", "postgres", "-c", "CREATE DATABASE " + name], check=True,
                       capture_output=True)
        return self.url(name)

    def stop(self):
        self._run([os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.dir, "data"), "-m", "immediate", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


def start():
    global REASON
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        REASON = "no PostgreSQL server binaries under /usr/lib/postgresql (scripts/deps installs postgresql)"
        return None
    bin_dir = os.path.dirname(bins[-1])
    folder = tempfile.mkdtemp(prefix="attache_pg_")
    as_user = []
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            REASON = "running as root without runuser to start the server as nobody"
            return None
        shutil.chown(folder, "nobody")
        os.chmod(folder, 0o755)
        as_user = ["runuser", "-u", "nobody", "--"]
    s = Server(bin_dir, folder, as_user)
    r = s._run([os.path.join(bin_dir, "initdb"), "-D", os.path.join(folder, "data"), "-U", "attache", "--auth=trust",
                "--no-locale", "-E", "UTF8", "--no-sync"])
    if r.returncode != 0:
        REASON = "initdb failed: " + r.stderr.decode(errors="replace")[-300:]
        shutil.rmtree(folder, ignore_errors=True)
        return None
    for _ in range(3):
        s.port = _free_port()
        opts = ("-h 127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200" % (s.port, folder))
        r = s._run([os.path.join(bin_dir, "pg_ctl"), "-D", os.path.join(folder, "data"), "-w", "-t", "30",
                    "-l", os.path.join(folder, "server.log"), "-o", opts, "start"])
        if r.returncode == 0:
            return s
    REASON = "pg_ctl could not start the server"
    shutil.rmtree(folder, ignore_errors=True)
    return None
