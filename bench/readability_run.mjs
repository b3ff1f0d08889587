#!/usr/bin/env node
// The speed and quality baseline for attache: Mozilla Readability on linkedom.
//
// usage: node readability_run.mjs [--passes N] [--out FILE] PATH...
//
// PATH is a plain (not gzipped) HTML file or a folder of them (read in name
// order, not recursively). Gzipped input is refused: bench/run decompresses
// the corpus once, before any timing, so that both attache and Readability
// read the same plain files from disk inside their timed region.
//
// Timed region, per pass: for every page, read the file from disk, decode its
// bytes (charset from a BOM or a <meta> in the first 4 KiB, else UTF-8),
// linkedom parseHTML, new Readability(document).parse(), keep textContent.
// Not timed: node start-up, module loading, listing the folder, writing the
// JSONL. With --passes N the corpus is run N times in the same process and
// the fastest pass is reported (JIT warm, as in a long crawl); the text of
// the last pass is written.
//
// Output (JSONL, to --out or stdout): {"id": <file name>, "text": ...} per
// page ("text" is "" when Readability finds no article, and "error" is set
// when it throws), then one line
// {"_meta": {"total_s", "pages", "bytes", "peak_rss_mb", "passes", "pass_s",
//            "name": "readability-linkedom", "readability", "linkedom", "node"}}
// as score_extraction.py reads it. peak_rss_mb is process.resourceUsage().maxRSS.

import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const require = createRequire(import.meta.url);

function usage(msg) {
  if (msg) process.stderr.write(`readability_run: ${msg}\n`);
  process.stderr.write("usage: node readability_run.mjs [--passes N] [--out FILE] PATH...\n");
  process.exit(2);
}

let passes = 1;
let outPath = null;
const inputs = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--passes") {
    passes = Number.parseInt(argv[++i], 10);
    if (!(passes >= 1)) usage("--passes needs a positive integer");
  } else if (a === "--out") {
    outPath = argv[++i];
    if (!outPath) usage("--out needs a file name");
  } else if (a === "-h" || a === "--help") {
    usage();
  } else if (a.startsWith("--")) {
    usage(`unknown option ${a}`);
  } else {
    inputs.push(a);
  }
}
if (inputs.length === 0) usage("no input given");

// ---------------------------------------------------------------- file list (not timed)

const files = [];
for (const p of inputs) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    const names = fs.readdirSync(p).sort();
    for (const n of names) {
      const f = path.join(p, n);
      if (fs.statSync(f).isFile()) files.push(f);
    }
  } else {
    files.push(p);
  }
}
for (const f of files) {
  if (f.endsWith(".gz")) usage(`${f}: gzipped input; decompress it first (bench/run does)`);
}
if (files.length === 0) usage("no files found");

// ---------------------------------------------------------------- decoding

const decoders = new Map();
function decoderFor(label) {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null; // unknown label: fall back to UTF-8
    }
    decoders.set(label, d);
  }
  return d;
}
const utf8 = new TextDecoder("utf-8");
const CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i;

// What a browser would do in the common cases: BOM, then a <meta> charset
// declaration near the top of the page, else UTF-8 (with U+FFFD for bad bytes).
function decode(buf) {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return utf8.decode(buf.subarray(3));
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return decoderFor("utf-16le").decode(buf);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return decoderFor("utf-16be").decode(buf);
  const m = CHARSET_RE.exec(buf.subarray(0, 4096).toString("latin1"));
  if (m) {
    const label = m[1].toLowerCase();
    if (label !== "utf-8" && label !== "utf8") {
      const d = decoderFor(label);
      // a page that declares UTF-16 in a <meta> is in fact ASCII-compatible
      if (d && !d.encoding.startsWith("utf-16")) return d.decode(buf);
    }
  }
  return utf8.decode(buf);
}

// ---------------------------------------------------------------- the timed loop

function extractOne(file) {
  const html = decode(fs.readFileSync(file));
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article && article.textContent ? article.textContent : "";
}

let results = null;
let bytes = 0;
const passTimes = [];
for (let p = 0; p < passes; p++) {
  const texts = new Array(files.length);
  const errors = new Array(files.length);
  let passBytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    try {
      texts[i] = extractOne(files[i]);
    } catch (e) {
      texts[i] = "";
      errors[i] = String(e && e.message ? e.message : e);
    }
  }
  const t1 = performance.now();
  for (const f of files) passBytes += fs.statSync(f).size; // after the clock stops
  passTimes.push((t1 - t0) / 1000);
  results = { texts, errors };
  bytes = passBytes;
}

// ---------------------------------------------------------------- output (not timed)

const pkgVersion = (name) => {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return null;
  }
};

const lines = [];
let nErrors = 0;
for (let i = 0; i < files.length; i++) {
  const rec = { id: path.basename(files[i]), text: results.texts[i] };
  if (results.errors[i]) {
    rec.error = results.errors[i];
    nErrors++;
  }
  lines.push(JSON.stringify(rec));
}
const meta = {
  name: "readability-linkedom",
  total_s: Math.min(...passTimes),
  pages: files.length,
  bytes,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  passes,
  pass_s: passTimes,
  errors: nErrors,
  readability: pkgVersion("@mozilla/readability"),
  linkedom: pkgVersion("linkedom"),
  node: process.version,
};
lines.push(JSON.stringify({ _meta: meta }));
const out = lines.join("\n") + "\n";
if (outPath) fs.writeFileSync(outPath, out);
else process.stdout.write(out);
process.stderr.write(
  `readability-linkedom: ${files.length} pages, ${(bytes / 1e6).toFixed(2)} MB, ` +
    `best of ${passes} pass(es) ${meta.total_s.toFixed(3)} s, ` +
    `${(files.length / meta.total_s).toFixed(1)} pages/s, ${nErrors} error(s)\n`,
);
