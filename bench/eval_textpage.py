#!/usr/bin/env python3
"""Scores page-text extraction on a folder of *.txt pages with a gold.jsonl.

usage: bench/eval_textpage.py [--attache build/attache] [--verbose] FOLDER [FOLDER ...]

Runs `attache extract` on every gold "file" in place (nothing is copied) and
reports, per folder: exact matches of title / published / outlet (and
subtitle / section / views when the gold has them), and how many gold quote
"start" strings occur in the extracted text (whitespace- and quote-folded).
Python 3 standard library only.
"""
import json, os, re, subprocess, sys, unicodedata

def fold_ws(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = re.sub("[\u2018\u2019\u201c\u201d\u00ab\u00bb\"']", "'", s)
    return " ".join(s.split())

def run(attache, path):
    r = subprocess.run([attache, "extract", "--quiet", path], capture_output=True, text=True)
    line = r.stdout.strip().splitlines()
    return json.loads(line[0]) if line else {}

def main(argv):
    attache, verbose, folders = "build/attache", False, []
    i = 0
    while i < len(argv):
        if argv[i] == "--attache":
            attache, i = argv[i + 1], i + 2
            continue
        if argv[i] == "--verbose":
            verbose = True
        else:
            folders.append(argv[i])
        i += 1
    if not folders:
        print(__doc__)
        return 2
    for folder in folders:
        gold = [json.loads(l) for l in open(os.path.join(folder, "gold.jsonl"), encoding="utf-8") if l.strip()]
        fields = ["title", "published", "outlet", "subtitle", "section", "views"]
        hits = {f: [0, 0] for f in fields}
        q_hit = q_all = 0
        for g in gold:
            p = run(attache, os.path.join(folder, g["file"]))
            for f in fields:
                if f not in g:
                    continue
                ok = p.get(f) == g[f]
                hits[f][0] += ok
                hits[f][1] += 1
                if verbose and not ok:
                    print(f"  {g['file']} {f}: got {p.get(f)!r} want {g[f]!r}")
            text = fold_ws(p.get("text"))
            for q in g.get("quotes", []):
                q_all += 1
                if fold_ws(q["start"]) in text:
                    q_hit += 1
                elif verbose:
                    print(f"  {g['file']} quote start missing: {q['start']!r}")
        parts = [f"{f} {h[0]}/{h[1]}" for f, h in hits.items() if h[1]]
        print(f"{folder}: {len(gold)} pages; " + ", ".join(parts) + f"; quote starts kept {q_hit}/{q_all}")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
