// Fuzzes html extraction: the public attache::Extract on a RawDocument of
// kind kHtml whose body is the input (charset detection and conversion,
// the tokenizer and tree builder, metadata, JSON-LD and the body scoring).
// Every Article it returns must serialise to one valid JSON object.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attache/document.h"
#include "attache/extract.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  attache_fuzz::FuzzExtract(data, size, attache::ContentKind::kHtml);
  return 0;
}
