// Internal (input stage): WARC records to RawDocuments.
//
// Reads `response` and `resource` records (ISO 28500, WARC/1.0 and 1.1)
// one at a time and skips all other record types silently. A record's
// source is "<name>#<offset>": the compressed offset of its gzip member when
// the record starts a member (per-record gzip, as Common Crawl publishes),
// otherwise its offset in the uncompressed stream (plain WARC, or records
// inside a whole-file gzip after the first).
#pragma once

#include <string>

#include "attache/input.h"
#include "input/byte_stream.h"

namespace attache::input {

// Reads records from `r` until the end. Every record that cannot be used
// (bad header, Content-Length that overruns or misses the record boundary,
// HTTP error status, binary payload, over the size limit) gives exactly one
// on_error; after a broken record the reader resynchronises on the next
// "WARC/1." line. A broken gzip stream ends the input with one on_error.
void ReadWarc(BufferedReader* r, const std::string& name, const InputLimits& limits,
              const DocumentSink& on_doc, const ErrorSink& on_error);

// Splits a `response` record's block into HTTP headers and payload: sets
// doc->http_charset from Content-Type, doc->date from Date when empty,
// doc->kind to kHtml for an HTML content type, and doc->body to the payload
// with chunked transfer-coding and gzip/deflate content-coding undone (when
// the payload still carries them). Non-2xx statuses and non-text media
// types are Unsupported. `*block` is consumed.
Status ParseHttpResponse(std::string* block, const InputLimits& limits, RawDocument* doc);

}  // namespace attache::input
