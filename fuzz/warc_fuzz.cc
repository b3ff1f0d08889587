// Fuzzes the WARC reader (input/warc.h ReadWarc, and through it
// ParseHttpResponse's chunked and gzip/deflate decoding) the way ReadPath
// drives it: bytes that start with the gzip magic go through GzipSource
// first (per-record or whole-file .warc.gz).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "attache/input.h"
#include "fuzz_util.h"
#include "input/byte_stream.h"
#include "input/warc.h"

using attache_fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = attache_fuzz::AsView(data, size);
  attache::InputLimits limits;
  limits.max_document_bytes = 256 * 1024;  // small limits, so that they are reached
  limits.max_inflated_bytes = 4u << 20;
  std::unique_ptr<attache::input::ByteSource> src = std::make_unique<attache_fuzz::MemorySource>(in);
  if (in.size() >= 2 && in[0] == '\x1f' && in[1] == '\x8b')
    src = std::make_unique<attache::input::GzipSource>(std::move(src), limits.max_inflated_bytes);
  attache::input::BufferedReader r(std::move(src));
  size_t docs = 0, errors = 0;
  attache::input::ReadWarc(
      &r, "fuzz.warc", limits,
      [&](attache::RawDocument&& doc) {
        ++docs;
        Check(doc.body.size() <= limits.max_document_bytes, "a WARC document over max_document_bytes");
        Check(doc.source.rfind("fuzz.warc#", 0) == 0, "a WARC document's source is not name#offset");
        Check(!doc.body.empty(), "an empty WARC document was handed on");
      },
      [&](const std::string& source, const attache::Status& st) {
        ++errors;
        Check(!st.ok(), "an OK status given as an error");
      });
  Check(docs + errors <= size + 1, "more WARC documents than input bytes");
  return 0;
}
