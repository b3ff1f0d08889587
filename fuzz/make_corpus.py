#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (fuzz/corpus/<target>/) from the
project's own fixtures: samples/, tests/fixtures/pages/,
src/extract/testdata/ and string literals of the unit tests. Deterministic;
run from anywhere: fuzz/make_corpus.py. Regression inputs of findings
(fuzz/corpus/<target>/regression-*, kept by hand) are left alone."""
import gzip
import hashlib
import pathlib
import re
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
MAX_SEED = 8 * 1024


def rd(rel):
    return (ROOT / rel).read_bytes()


def files(pattern):
    return sorted(p for p in ROOT.glob(pattern) if p.is_file())


def cpp_literals(path):
    """Adjacent C++ string literals joined, escapes decoded, as bytes."""
    src = path.read_text(encoding="utf-8")
    out, cur, i, n = [], None, 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
            continue
        if src.startswith("/*", i):
            i = src.find("*/", i) + 2
            continue
        if c == "'":  # a char literal
            j = i + 1
            while j < n and src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            if cur is not None:
                out.append(bytes(cur))
                cur = None
            continue
        if c == '"' and not src[max(0, i - 1)].isalnum():
            j, lit = i + 1, bytearray()
            while j < n and src[j] != '"':
                if src[j] == "\\":
                    e = src[j + 1]
                    if e == "x":
                        k = j + 2
                        while k < n and src[k] in "0123456789abcdefABCDEF":
                            k += 1
                        lit.append(int(src[j + 2:k], 16) & 0xFF)
                        j = k
                        continue
                    lit += {"n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0"}.get(e, e.encode())
                    j += 2
                else:
                    lit += src[j].encode("utf-8")
                    j += 1
            cur = (cur or bytearray()) + lit
            i = j + 1
            continue
        if not c.isspace() and cur is not None:
            out.append(bytes(cur))
            cur = None
        i += 1
    if cur is not None:
        out.append(bytes(cur))
    return out


def write(target, seeds):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("seed-*"):
        old.unlink()
    seen = set()
    for name, data in seeds:
        data = data[:MAX_SEED]
        h = hashlib.sha1(data).hexdigest()[:10]
        if not data or h in seen:
            continue
        seen.add(h)
        (d / f"seed-{name}-{h}").write_bytes(data)
    print(f"{target}: {len(seen)} seeds")


def http(body, ctype=b"text/html; charset=utf-8", extra=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n" + extra + b"\r\n" + body


def chunked(body, size=300):
    out = b""
    for k in range(0, len(body), size):
        part = body[k:k + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def record(rtype, block, uri=b"https://news.example/a", ctype=b"application/http; msgtype=response"):
    head = (b"WARC/1.1\r\nWARC-Type: " + rtype + b"\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: " + ctype +
            b"\r\nContent-Length: " + str(len(block)).encode() + b"\r\n\r\n")
    return head + block + b"\r\n\r\n"


def gz(data):
    return gzip.compress(data, compresslevel=6, mtime=0)


html = [(p.stem, p.read_bytes()) for p in files("samples/*.html") + files("tests/fixtures/pages/*.html") +
        files("src/extract/testdata/**/*.html")]
texts = [(p.stem, p.read_bytes()) for p in files("samples/*.txt") + files("tests/fixtures/pages/*.txt")]
small_html = [(n, b) for n, b in html if len(b) <= 2500]

# WARC: response records (plain, chunked, gzip-encoded), resource records,
# records that are skipped, broken lengths, per-record and whole-file gzip.
warc = []
h1, h2 = small_html[0][1], small_html[1][1]
warcinfo = record(b"warcinfo", b"software: attache-fuzz\r\n", ctype=b"application/warc-fields")
warc.append(("response", warcinfo + record(b"response", http(h1))))
warc.append(("chunked", record(b"response", http(chunked(h2), extra=b"Transfer-Encoding: chunked\r\n"))))
warc.append(("gzip-encoding", record(b"response", http(gz(h1), extra=b"Content-Encoding: gzip\r\n"))))
warc.append(("deflate-encoding", record(b"response", http(zlib.compress(h2), extra=b"Content-Encoding: deflate\r\n"))))
warc.append(("resource", record(b"resource", texts[0][1], ctype=b"text/plain; charset=windows-1251")))
warc.append(("request-and-404", record(b"request", b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n") +
             record(b"response", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>")))
warc.append(("binary", record(b"response", http(b"\x89PNG\r\n\x1a\n\0\0\0", ctype=b"image/png"))))
bad = record(b"response", http(h1)).replace(b"Content-Length: ", b"Content-Length: 1")
warc.append(("bad-length-then-good", bad + record(b"response", http(h2))))
warc.append(("truncated", record(b"response", http(h1))[:600]))
warc.append(("per-record-gzip", gz(warcinfo) + gz(record(b"response", http(h1))) + gz(record(b"resource", texts[1][1],
                                                                                              ctype=b"text/plain"))))
warc.append(("whole-gzip", gz(record(b"response", http(h2)) + record(b"resource", texts[2][1], ctype=b"text/plain"))))
warc.append(("warc10-folded", b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI:\r\n <https://news.example/b>\r\n"
             b"Content-Length: 11\r\n\r\nhello world\r\n\r\n"))
write("warc_fuzz", warc)

# gzip: single and multiple members, padding, zlib, raw deflate, truncated.
g = [("text", gz(texts[0][1])), ("html", gz(h1)),
     ("members", gz(b"first member\n") + gz(b"second member\n") + gz(b"")),
     ("nul-padding", gz(texts[1][1]) + b"\0" * 64),
     ("trailing-garbage", gz(b"line one\nline two\n") + b"garbage"),
     ("zlib", zlib.compress(texts[2][1])), ("raw-deflate", zlib.compress(h2)[2:-4]),
     ("truncated", gz(h1)[:200]),
     ("repetitive", gz(b"WARC/1.1\r\n" * 300))]
write("gzip_fuzz", g)

write("html_fuzz", html)
text_like = texts + [(p.stem + "-md", p.read_bytes()) for p in files("samples/README.md")]
text_like += [("lit", s) for s in cpp_literals(ROOT / "src/extract/text_page_test.cc") if len(s) >= 60][:60]
write("text_fuzz", text_like)

# Dates: "anchor\ntext" from the unit tests' strings.
anchors = [b"2023-02-27", b"2024-08", b"2023", b""]
dates = []
lits = cpp_literals(ROOT / "src/text/timex_test.cc") + cpp_literals(ROOT / "src/extract/dates_test.cc")
for k, s in enumerate(x for x in lits if 3 <= len(x) <= 600 and not re.fullmatch(rb"[\d-]*", x)):
    dates.append(("lit", anchors[k % len(anchors)] + b"\n" + s))
write("dates_fuzz", dates)

# Analyze: page texts and the sentences of the quote and event tests.
an = list(texts)
for t in ("src/quotes/quotes_test.cc", "src/events/events_test.cc"):
    an += [("lit", s) for s in cpp_literals(ROOT / t) if len(s) >= 40 and b" " in s]
write("analyze_fuzz", an[:400])

# JSON lines.
import json
def jl(obj):
    return json.dumps(obj, ensure_ascii=False).encode() + b"\n"
sh = small_html[2][1].decode("utf-8", "replace")
tx = texts[3][1].decode("utf-8", "replace")
write("jsonl_fuzz", [
    ("html", jl({"url": "https://news.example/a", "html": sh})),
    ("text", jl({"url": "https://news.example/b", "text": tx, "outlet": "Example", "tags": ["a", 1, None]})),
    ("mixed", b"\xef\xbb\xbf" + jl({"url": "u", "text": "One.\n\nTwo."}) + b"\n  \n" + b"{\"url\": 3}\n" +
     b"[1,2]\n{\"text\": \"x\" \n" + jl({"html": "<p>\u00e9</p>", "n": {"deep": [[{}]]}})),
    ("gzip", gz(jl({"url": "https://news.example/c", "html": sh}) + jl({"text": tx}))),
    ("escapes", b'{"text": "\\u0000\\ud83d\\ude00 \\"q\\" \\\\", "x": 1e400}\n{"html": "\\ud800"}\n'),
])

# API: the requests of the API's unit tests, one "name=value" per line.
def enc(s):
    return re.sub(rb"[^A-Za-z0-9_.,:/ \-]", lambda m: b"%%%02X" % m.group(0)[0], s).replace(b" ", b"+")
api = []
src = (ROOT / "src/server/api_test.cc").read_text(encoding="utf-8")
for m in re.finditer(r'(?:Parse|Get)\("(/api[^"]*)"(?:, \{(.*?)\}\)?\)?)?', src, re.S):
    lines = [enc(m.group(1).encode())]
    for k, v in re.findall(r'\{"([^"]*)", "((?:[^"\\]|\\.)*)"\}', m.group(2) or ""):
        v = v.encode().decode("unicode_escape").encode("latin-1")
        lines.append(enc(k.encode()) + b"=" + enc(v))
    api.append(("test", b"\n".join(lines)))
api += [("stats", b"/api/stats"), ("article", b"/api/articles/1"), ("sources", b"/api/visits/1/sources"),
        ("balance", b"/api/balance\nhost=AZE\nby=month\nexplain=1"),
        ("ids", b"/api/visits\nids=1,2,3\nsources=1"), ("timeline", b"/api/timeline\nperson=Anna+Berg"),
        ("search", b"/api/search\nq=visit\nlimit=2\noffset=1"), ("actors", b"/api/actors\nq=Ber")]
write("api_fuzz", api)
