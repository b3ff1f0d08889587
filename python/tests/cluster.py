"""A real Dask scheduler and workers on loopback, as separate processes
(dask-scheduler, dask-worker --no-nanny: a SIGKILLed worker stays dead), for
the distributed tests and benchmarks."""

import os
import socket
import subprocess
import sys
import time


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _module(name):
    return [sys.executable, "-m", "distributed.cli." + name]


class Cluster:
    def __init__(self, workers, threads=1):
        self.port = _free_port()
        self.address = "tcp://127.0.0.1:%d" % self.port
        self.env = dict(os.environ)
        quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.scheduler = subprocess.Popen(_module("dask_scheduler") + [
            "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"], env=self.env, **quiet)
        self.workers = [subprocess.Popen(_module("dask_worker") + [
            self.address, "--nthreads", str(threads), "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
            "--memory-limit", "0"], env=self.env, **quiet) for _ in range(workers)]
        self.wait(workers)

    def wait(self, workers, timeout=60):
        from distributed import Client
        client = Client(self.address, timeout="30s")
        try:
            client.wait_for_workers(workers, timeout=timeout)
        finally:
            client.close()

    def stop(self):
        for p in self.workers + [self.scheduler]:
            if p.poll() is None:
                p.terminate()
        for p in self.workers + [self.scheduler]:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
