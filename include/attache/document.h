// attache/document.h: the values that flow between pipeline stages.
//
// RawDocument is what the input stage reads (bytes plus what the container
// said about them); Article is what the extract stage makes of it. Both are
// plain values that own their strings. Thread-safety: none needed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attache {

// What the input stage believes a document's bytes are. Decided from the
// content (and container headers), never from the file name.
enum class ContentKind {
  kUnknown,  // let the extract stage sniff
  kHtml,     // markup
  kText,     // page text a crawler already extracted
};

struct RawDocument {
  std::string source;        // path, "path#offset" inside a WARC, "-" for stdin, "path:line" in JSONL
  std::string url;           // target URI, "URL:" line or JSONL url; empty when unknown
  std::string date;          // container date (WARC-Date, HTTP Date), raw; empty when unknown
  std::string http_charset;  // charset named by an HTTP Content-Type header, if any
  ContentKind kind = ContentKind::kUnknown;
  std::string body;          // the page bytes, in whatever encoding they came
  // JSONL input: the record's other fields, as a JSON object text ("{...}")
  // that is merged back into the output; empty otherwise.
  std::string extra_json;
};

struct Article {
  std::string source;
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> published;  // ISO 8601, as precise as the page states
  std::optional<std::string> outlet;
  std::vector<std::string> authors;
  std::optional<std::string> section;
  std::optional<std::string> lang;       // BCP 47 primary tag ("en", "ru")
  std::optional<int64_t> views;          // a view counter on the page, when shown
  std::string text;                      // article body, paragraphs split by "\n\n"
  std::string extra_json;                // carried over from JSONL input
};

// Serialises an Article as one JSON object (no trailing newline) with the
// contract fields: source, url, title, subtitle, published, outlet, authors,
// section, lang, text (+ views when known, + JSONL extras).
std::string ArticleToJson(const Article& a);

}  // namespace attache
