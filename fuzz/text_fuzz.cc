// Fuzzes text extraction: the public attache::Extract on a RawDocument of
// kind kText whose body is the input (charset detection and conversion,
// the page-text article: title, byline, date and paragraph lines).
// Every Article it returns must serialise to one valid JSON object.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attache/document.h"
#include "attache/extract.h"
#include "fuzz_util.h"

using attache_fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  attache::RawDocument doc;
  doc.source = "fuzz";
  doc.url = "https://news.example/fuzz";
  doc.kind = attache::ContentKind::kText;
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  attache::ExtractLimits limits;
  limits.max_output_bytes = 64 * 1024;
  auto r = attache::Extract(doc, limits);
  if (!r.ok()) {
    Check(!r.status().ok(), "a failed Extract with an OK status");
    return 0;
  }
  const attache::Article& a = r.value();
  Check(a.text.size() <= limits.max_output_bytes, "article text over max_output_bytes");
  attache_fuzz::CheckJsonObject(attache::ArticleToJson(a), "ArticleToJson is not one JSON object");
  return 0;
}
