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
// non-OK Status only when `path` itself cannot be opened at all; problems
// with single documents go to `on_error`.
Status ReadPath(const std::string& path, const InputLimits& limits, const DocumentSink& on_doc,
                const ErrorSink& on_error);

}  // namespace attache
