// Internal (input stage): recognising content by its bytes.
//
// SniffContainer looks at the first bytes of a (decompressed) stream and
// says how to split it into documents; FinishDocument checks one document's
// body and fills in its kind. Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "attache/document.h"
#include "attache/status.h"

namespace attache::input {

enum class Container {
  kWarc,       // starts with a "WARC/" version line
  kJsonLines,  // a JSON object per line
  kDocument,   // one page (HTML or text) or anything else
};

// `head` is the first bytes of the stream (64 KiB is plenty).
Container SniffContainer(std::string_view head);

// HTML or page text, by the first 4 KiB after a BOM, whitespace and
// comments: a leading <!doctype>, <html>, <head> or <body>, a leading tag
// with a closing tag in the sample, or a high density of tags.
ContentKind SniffKind(std::string_view body);

// Checks a document's body and readies it for the extract stage:
//  - Empty when it holds nothing but whitespace (and NULs);
//  - Unsupported for binary data: a known binary signature (PNG, JPEG, GIF,
//    PDF, ZIP, gzip, ...) or many control or NUL bytes in the first 8 KiB,
//    unless the NULs follow a UTF-16/32 pattern;
//  - otherwise strips NUL bytes (not from UTF-16/32), removes a leading
//    "URL: <address>" line (setting doc->url when it is empty), and sets
//    doc->kind when it is kUnknown.
Status FinishDocument(RawDocument* doc);

}  // namespace attache::input
