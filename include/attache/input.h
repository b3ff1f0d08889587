// attache/input.h: reading documents from paths.
//
// Recognises, by content: WARC files (plain, gzipped per record or whole),
// HTML files, folders of files (recursively, in sorted order), page text a
// crawler already extracted (optionally starting with a "URL: <address>"
// line), JSON lines with "url" and "html" or "text", and "-" for stdin.
// Each document is handed to a callback as it is read, so memory stays
// bounded by the largest document, not the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

struct InputLimits {
  // A document (page, WARC record payload, JSONL line) larger than this is
  // skipped with a too-large error. Default 32 MiB.
  std::size_t max_document_bytes = 32u << 20;
  // Decompressed bytes one gzip stream may produce before it is treated as a
  // bomb and abandoned. Default 1 GiB.
  std::uint64_t max_inflated_bytes = 1ull << 30;
};

using DocumentSink = std::function<void(RawDocument&&)>;
// Called once per document (or whole input) that could not be read; `source`
// names it, `status` says why. The run goes on.
using ErrorSink = std::function<void(const std::string& source, const Status& status)>;

// Reads every document under `path` and hands each to `on_doc`. Returns a
// non-OK Status only when `path` itself cannot be opened at all (NotFound,
// IoError); problems with single documents go to `on_error`, exactly once
// per document, and reading goes on with the next one.
//
// Any input may be gzipped (recognised by its magic bytes, several members
// allowed). RawDocument::source is:
//   - the file path (or "-") for a single page;
//   - "<path>#<offset>" for a WARC record: the byte offset of the record's
//     gzip member in the compressed file when the record starts a member
//     (per-record gzip, as Common Crawl publishes: `tail -c +<offset+1>
//     file | zcat` starts at that record), otherwise the record's offset in
//     the uncompressed stream (plain WARC; whole-file gzip after its first
//     record);
//   - "<path>:<line>" (1-based) for a JSON line.
// Errors: Empty (nothing but whitespace), Unsupported (binary data, HTTP
// non-2xx, non-text media types), TooLarge (over a limit), Corrupt (broken
// gzip, truncated input, WARC Content-Length that misses the record
// boundary, bad JSON line). Only `response` and `resource` WARC records are
// read; others are skipped silently. NUL bytes are stripped from pages that
// are not UTF-16/32, and a leading "URL: <address>" line is taken as the
// url and removed from the body.
Status ReadPath(const std::string& path, const InputLimits& limits, const DocumentSink& on_doc,
                const ErrorSink& on_error);

}  // namespace attache
