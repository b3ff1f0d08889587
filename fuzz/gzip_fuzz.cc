// Fuzzes the gzip readers of the input stage (input/byte_stream.h):
// GzipSource (multi-member .gz streams, member offsets, the bomb limit)
// under BufferedReader's lines and peeks, and InflateBuffer (HTTP
// Content-Encoding: gzip, zlib or raw deflate in one buffer).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "input/byte_stream.h"

using attache_fuzz::Check;

namespace {
constexpr uint64_t kMaxMember = 1u << 20;
constexpr size_t kMaxLine = 4096;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = attache_fuzz::AsView(data, size);

  {
    auto gz = std::make_unique<attache::input::GzipSource>(std::make_unique<attache_fuzz::MemorySource>(in),
                                                           kMaxMember);
    attache::input::BufferedReader r(std::move(gz));
    std::string line;
    uint64_t last_offset = 0;
    for (int i = 0;; ++i) {
      uint64_t in_offset = 0;
      if (r.source().MemberOffset(r.offset(), &in_offset))
        Check(in_offset < size, "a gzip member starts past the end of the input");
      const auto got = (i % 3 == 2) ? (r.Skip(100) > 0 ? attache::input::BufferedReader::Line::kOk
                                                       : attache::input::BufferedReader::Line::kEnd)
                                    : r.ReadLine(kMaxLine, &line);
      if (got == attache::input::BufferedReader::Line::kEnd) break;
      if (got == attache::input::BufferedReader::Line::kOk && i % 3 != 2)
        Check(!line.empty() && line.size() <= kMaxLine, "a line over its limit, or empty");
      Check(r.offset() > last_offset, "the reader did not advance");
      last_offset = r.offset();
      r.source().ForgetBefore(r.offset());
    }
    Check(r.offset() <= kMaxMember * (size / 18 + 1), "more output than the member limit allows");
  }

  {
    std::string out;
    const attache::Status st = attache::input::InflateBuffer(in, kMaxMember, &out);
    Check(out.size() <= kMaxMember, "InflateBuffer wrote past max_out");
    if (!st.ok()) Check(!st.ToString().empty(), "an error without a message");
  }
  return 0;
}
