"""Invented WARC shards for the distributed tests and benchmarks: response
records (one gzip member each, as Common Crawl writes them) holding HTML
pages that each report a visit and a quotation, in invented words. Some
pages are repeated across shards (the same URL and text: a duplicate) and
some are re-published under another URL (a syndicated copy)."""

import gzip
import io
import os
import random

CITIES = ["Baku", "Tbilisi", "Yerevan", "Astana", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat"]
VISITORS = ["Foreign Minister Sergei Lavrov", "Secretary of State Antony Blinken", "Foreign Minister Wang Yi",
            "Foreign Minister Hakan Fidan", "Foreign Minister Annalena Baerbock"]
_SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "bri", "del", "nu", "sor", "pe", "gan", "til", "ro", "zu", "mek"]
# Invented words, as many as a real vocabulary has in common use, so that two
# pages share few phrases by chance (as two news articles do).
VOCAB = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:8]]
FIRST = ["Arno", "Lena", "Piet", "Sanna", "Oskar", "Mira", "Tomas", "Ilse", "Jonas", "Vera"]
LAST = ["Keller", "Marsh", "Dovner", "Ruskin", "Halvard", "Brenner", "Lindqvist", "Moravec"]
WORDS = ("transit energy corridor border customs grain railway pipeline tariff harbour treaty market visa "
         "students water bridge election banks wheat cotton airline museum festival shipping copper lithium "
         "tourism schools hospital cables satellite fishing forests rivers mountains").split()


def page(i, rng, words=120):
    city = CITIES[i % len(CITIES)]
    if i % 3 == 0:
        who = VISITORS[(i // len(CITIES)) % len(VISITORS)]
    else:  # invented ministers: many actors, as in a month of news
        who = "Foreign Minister %s %s" % (FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)])
    surname = who.split()[-1]
    day = 1 + (i * 7) % 27
    month = 1 + (i // 40) % 12
    filler = ". ".join(" ".join(rng.choice(VOCAB) for _ in range(12)).capitalize() for _ in range(words // 12))
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Talks in %s, report %d | Example Wire</title>"
            "<meta property=\"article:published_time\" content=\"2024-%02d-%02dT10:00:00Z\">"
            "<meta property=\"og:site_name\" content=\"Example Wire\"></head><body><article>"
            "<h1>Talks in %s, report %d</h1><p>%s arrived in %s on Monday for talks, the ministry said.</p>"
            "<p>\"We expect progress on the %s,\" %s told reporters in the capital.</p><p>%s.</p>"
            "</article></body></html>" % (city, i, month, day, city, i, who, city, rng.choice(WORDS), surname, filler))


def record(url, html):
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode("utf-8")
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-06-01T00:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:%032x>\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (url, abs(hash(url)), len(http))).encode("ascii")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as z:
        z.write(head + http + b"\r\n\r\n")
    return buf.getvalue()


def make_shards(folder, shards, per_shard, seed=7, words=120):
    """Writes shards of `per_shard` records of pages of about `words` words
    besides the report; returns their paths."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    pages = [page(i, rng, words) for i in range(shards * per_shard)]
    paths = []
    for s in range(shards):
        path = os.path.join(folder, "shard-%02d.warc.gz" % s)
        with open(path, "wb") as f:
            for k in range(per_shard):
                i = s * per_shard + k
                f.write(record("https://example.org/news/%d" % i, pages[i]))
                if k % 10 == 3:  # the previous shard's page again: a duplicate
                    j = max(i - per_shard, 0)
                    f.write(record("https://example.org/news/%d" % j, pages[j]))
                if k % 10 == 7:  # another outlet's copy: syndicated
                    f.write(record("https://mirror.example.net/copy/%d" % i, pages[i].replace("Example Wire",
                                                                                         "Mirror Daily")))
        paths.append(path)
    return paths
