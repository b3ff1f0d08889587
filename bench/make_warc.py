#!/usr/bin/env python3
"""Writes a CC-NEWS-style WARC (one gzip member per record: a warcinfo
record, then a request and a response record per page) from the corpora's
HTML pages, for bench/ingest_warc.

    bench/make_warc.py OUT.warc.gz [--shared DIR] [--rounds N] [--min-mb M]

Every page is written --rounds times (or as many rounds as it takes for the
file to reach --min-mb compressed megabytes). Each copy has its own URL, and
about half of its lower-case words are swapped for other words of the same
page (the words that report quotes, visits and meetings are kept), so no two
copies are the same article or near copies of one: the store's duplicate
and near-duplicate checks find nothing to fold, as on a real crawl.
Deterministic: the same arguments write the same bytes.
"""
import argparse
import gzip
import os
import random
import re
import sys

CORPORA = ["aeb", "trafilatura-eval"]
KEEP = {
    b"said", b"says", b"say", b"told", b"tells", b"added", b"stated", b"according", b"visit", b"visits",
    b"visited", b"visiting", b"met", b"meet", b"meets", b"meeting", b"talks", b"arrived", b"arrives",
    b"held", b"hold", b"holds", b"hosted", b"hosts", b"trip", b"will", b"would", b"minister", b"president",
    b"the", b"and", b"with", b"for", b"that", b"this", b"was", b"has", b"had", b"have",
}
WORD = re.compile(rb"(?<=[>\s])([a-z]{3,})(?=[\s.,;:!?<])")


def pages(shared):
    out = []
    for corpus in CORPORA:
        folder = os.path.join(shared, "corpora", corpus, "html")
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".html.gz"):
                with gzip.open(os.path.join(folder, name), "rb") as f:
                    out.append((corpus + "/" + name[: -len(".html.gz")], f.read()))
    return out


def perturb(html, rng):
    words = [w for w in WORD.findall(html) if w not in KEEP]
    if len(words) < 2:
        return html

    def swap(m):
        w = m.group(1)
        if w in KEEP or rng.random() < 0.5:
            return w
        return words[rng.randrange(len(words))]

    return WORD.sub(swap, html)


def member(record):
    return gzip.compress(record, compresslevel=6, mtime=0)


def record(kind, uri, date, block, extra=b""):
    head = (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: " + uri + b"\r\nWARC-Date: " + date +
            b"\r\nWARC-Record-ID: <urn:uuid:" + uri[-36:].rjust(36, b"0") + b">\r\n" + extra +
            b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n")
    return head + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--shared", default=os.environ.get("ATTACHE_SHARED",
                                                       os.path.join(os.path.dirname(__file__), "..", "..", "shared")))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--min-mb", type=float, default=0)
    args = ap.parse_args()
    src = pages(args.shared)
    if not src:
        print("bench/make_warc.py: no pages under %s/corpora" % args.shared, file=sys.stderr)
        return 1
    rng = random.Random(12)
    n = 0
    with open(args.out, "wb") as out:
        out.write(member(record(b"warcinfo", b"", b"2024-05-01T00:00:00Z", b"software: attache bench/make_warc.py\r\n",
                                b"Content-Type: application/warc-fields\r\n")))
        rnd = 0
        while rnd < args.rounds or out.tell() < args.min_mb * 1e6:
            for name, html in src:
                uri = ("https://news.example/%d/%s" % (rnd, name)).encode()
                date = b"2024-05-01T%02d:%02d:%02dZ" % (n // 3600 % 24, n // 60 % 60, n % 60)
                body = html if rnd == 0 else perturb(html, rng)
                http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(len(body)).encode() +
                        b"\r\n\r\n" + body)
                out.write(member(record(b"request", uri, date, b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n",
                                        b"Content-Type: application/http; msgtype=request\r\n")))
                out.write(member(record(b"response", uri, date, http,
                                        b"Content-Type: application/http; msgtype=response\r\n")))
                n += 1
            rnd += 1
    print("%s: %d pages, %.1f MB" % (args.out, n, os.path.getsize(args.out) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
