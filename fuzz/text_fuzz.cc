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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  attache_fuzz::FuzzExtract(data, size, attache::ContentKind::kText);
  return 0;
}
