// Fuzzes the JSON-lines reader through the input stage's public entry
// point, attache::ReadPath, on a file that holds the input (an in-memory
// file, /proc/self/fd/N): gzip detection, container sniffing, then
// ReadJsonLines (nlohmann parsing, "url"/"html"/"text", extra fields) or,
// when the bytes are no JSON lines, the WARC or single-page path.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "attache/input.h"
#include "fuzz_util.h"

using attache_fuzz::Check;

namespace {
int g_fd = -1;
std::string g_path;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_fd = memfd_create("jsonl_fuzz", MFD_CLOEXEC);
  if (g_fd < 0) {
    std::perror("memfd_create");
    std::abort();
  }
  g_path = "/proc/self/fd/" + std::to_string(g_fd);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Check(ftruncate(g_fd, 0) == 0, "ftruncate");
  for (size_t done = 0; done < size;) {
    const ssize_t w = pwrite(g_fd, data + done, size - done, static_cast<off_t>(done));
    Check(w > 0, "pwrite");
    done += static_cast<size_t>(w);
  }
  attache::InputLimits limits;
  limits.max_document_bytes = 256 * 1024;
  limits.max_inflated_bytes = 4u << 20;
  size_t docs = 0;
  const attache::Status st = attache::ReadPath(
      g_path, limits,
      [&](attache::RawDocument&& doc) {
        ++docs;
        Check(doc.source.rfind(g_path, 0) == 0, "a document's source does not name the file");
        Check(doc.body.size() <= limits.max_document_bytes, "a document over max_document_bytes");
        if (!doc.extra_json.empty()) attache_fuzz::CheckJsonObject(doc.extra_json, "extra_json is not an object");
      },
      [&](const std::string& source, const attache::Status& s) {
        Check(!s.ok(), "an OK status given as an error");
        Check(source.rfind(g_path, 0) == 0, "an error's source does not name the file");
      });
  Check(st.ok(), "ReadPath could not open the in-memory file");
  return 0;
}
