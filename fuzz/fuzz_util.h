// Helpers shared by the fuzz targets (fuzz/*_fuzz.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "attache/document.h"
#include "attache/extract.h"
#include "input/byte_stream.h"

namespace attache_fuzz {

// Fails the run (libFuzzer saves the input) when `ok` is false.
inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

// The serialisers' output must always be one valid JSON object.
inline void CheckJsonObject(const std::string& s, const char* what) {
  const auto j = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
  Check(!j.is_discarded() && j.is_object(), what);
}

// Extract on the fuzz input as a document of `kind`: a failure must carry a
// non-OK status, text must keep the output limit, and every Article must
// serialise to one valid JSON object.
inline void FuzzExtract(const uint8_t* data, size_t size, attache::ContentKind kind) {
  attache::RawDocument doc;
  doc.source = "fuzz";
  doc.url = "https://news.example/fuzz";
  doc.kind = kind;
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  attache::ExtractLimits limits;
  limits.max_output_bytes = 64 * 1024;
  auto r = attache::Extract(doc, limits);
  if (!r.ok()) {
    Check(!r.status().ok(), "a failed Extract with an OK status");
    return;
  }
  const attache::Article& a = r.value();
  Check(a.text.size() <= limits.max_output_bytes, "article text over max_output_bytes");
  CheckJsonObject(attache::ArticleToJson(a), "ArticleToJson is not one JSON object");
}

// A ByteSource over the fuzz input that hands out short pieces of varying
// size (1..61 bytes), as a pipe does, so that every read, peek and line
// boundary of the readers above it falls at many different places.
class MemorySource : public attache::input::ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  size_t Read(char* buf, size_t n) override {
    if (pos_ >= data_.size()) return 0;
    const size_t piece = 1 + static_cast<size_t>((pos_ * 2654435761u) >> 7) % 61;
    size_t k = n < piece ? n : piece;
    if (k > data_.size() - pos_) k = data_.size() - pos_;
    for (size_t i = 0; i < k; ++i) buf[i] = data_[pos_ + i];
    pos_ += k;
    return k;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace attache_fuzz
