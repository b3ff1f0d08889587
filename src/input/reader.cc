// Input stage entry point: paths to RawDocuments.
//
// Every input (a file, each file of a folder, or stdin) goes through the
// same steps: gzip is recognised by its magic bytes and inflated as a
// stream; the first bytes of the (inflated) stream then say whether it is a
// WARC file, JSON lines, or one page. Nothing depends on file names.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "attache/input.h"
#include "input/byte_stream.h"
#include "input/sniff.h"
#include "input/warc.h"

namespace attache {

namespace fs = std::filesystem;

namespace {

constexpr size_t kSniffBytes = 64 * 1024;

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// One JSON object per line. `source` of each document is "<name>:<line>".
void ReadJsonLines(input::BufferedReader* r, const std::string& name, const InputLimits& limits,
                   const DocumentSink& on_doc, const ErrorSink& on_error) {
  using nlohmann::json;
  std::string line;
  for (uint64_t line_no = 1;; ++line_no) {
    const std::string source = name + ":" + std::to_string(line_no);
    const auto got = r->ReadLine(limits.max_document_bytes, &line);
    if (got == input::BufferedReader::Line::kEnd) {
      if (!r->status().ok()) on_error(source, r->status());
      return;
    }
    if (got == input::BufferedReader::Line::kTooLong) {
      if (!r->status().ok()) return on_error(source, r->status());
      on_error(source, Status::TooLarge("JSON line is over the limit of " +
                                        std::to_string(limits.max_document_bytes) + " bytes"));
      continue;
    }
    if (line.back() != '\n' && !r->status().ok()) return on_error(source, r->status());  // cut short
    if (line_no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (IsBlank(line)) continue;
    RawDocument doc;
    doc.source = source;
    Status st;
    try {
      json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) {
        st = Status::Corrupt("not valid JSON");
      } else if (!j.is_object()) {
        st = Status::Corrupt("JSON line is not an object");
      } else {
        if (auto it = j.find("url"); it != j.end() && it->is_string()) doc.url = it->get<std::string>();
        if (auto it = j.find("html"); it != j.end() && it->is_string()) {
          doc.body = it->get<std::string>();
          doc.kind = ContentKind::kHtml;
        } else if (it = j.find("text"); it != j.end() && it->is_string()) {
          doc.body = it->get<std::string>();
          doc.kind = ContentKind::kText;
        } else {
          st = Status::Corrupt("JSON line has no \"html\" or \"text\" string");
        }
        if (st.ok()) {
          doc.http_charset = "UTF-8";  // JSON text is Unicode; the page's own meta no longer applies
          j.erase("url");
          j.erase("html");
          j.erase("text");
          if (!j.empty()) doc.extra_json = j.dump(-1, ' ', false, json::error_handler_t::replace);
        }
      }
    } catch (const std::exception& e) {
      st = Status::Corrupt(std::string("bad JSON line: ") + e.what());
    }
    if (st.ok()) st = input::FinishDocument(&doc);
    if (st.ok()) on_doc(std::move(doc));
    else on_error(source, st);
  }
}

// One file descriptor's worth of input: gzip or not, then by content.
void ReadStream(const std::string& name, int fd, bool owned, uint64_t plain_size, const InputLimits& limits,
                const DocumentSink& on_doc, const ErrorSink& on_error) {
  auto raw = std::make_unique<input::FdSource>(fd, owned);
  const std::string_view magic = raw->Peek(2);
  const bool gzipped = magic.size() == 2 && magic[0] == '\x1f' && magic[1] == '\x8b';
  std::unique_ptr<input::ByteSource> src;
  if (gzipped) src = std::make_unique<input::GzipSource>(std::move(raw), limits.max_inflated_bytes);
  else src = std::move(raw);
  input::BufferedReader r(std::move(src));

  const std::string_view head = r.Peek(kSniffBytes);
  if (head.empty()) {
    on_error(name, r.status().ok() ? Status::Empty("empty file") : r.status());
    return;
  }
  switch (input::SniffContainer(head)) {
    case input::Container::kWarc:
      return input::ReadWarc(&r, name, limits, on_doc, on_error);
    case input::Container::kJsonLines:
      return ReadJsonLines(&r, name, limits, on_doc, on_error);
    case input::Container::kDocument:
      break;
  }
  const std::string over = " is over the limit of " + std::to_string(limits.max_document_bytes) + " bytes";
  if (!gzipped && plain_size > limits.max_document_bytes)
    return on_error(name, Status::TooLarge("document of " + std::to_string(plain_size) + " bytes" + over));
  RawDocument doc;
  doc.source = name;
  const uint64_t want = static_cast<uint64_t>(limits.max_document_bytes) + 1;
  // A plain file's size is known: read it into one buffer of that size (and
  // one byte more, to see the end).
  if (!gzipped && plain_size > 0) doc.body.reserve(static_cast<size_t>(plain_size) + 1);
  r.Read(want, &doc.body);
  if (!r.status().ok()) return on_error(name, r.status());
  if (doc.body.size() > limits.max_document_bytes) return on_error(name, Status::TooLarge("document" + over));
  Status st = input::FinishDocument(&doc);
  if (st.ok()) on_doc(std::move(doc));
  else on_error(name, st);
}

// Opens one file; non-OK when it cannot be opened.
Status ReadFile(const std::string& path, const InputLimits& limits, const DocumentSink& on_doc,
                const ErrorSink& on_error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound("no such file or folder");
    return Status::IoError(std::string("cannot open: ") + std::strerror(err));
  }
  struct stat st {};
  uint64_t size = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<uint64_t>(st.st_size);
  ReadStream(path, fd, /*owned=*/true, size, limits, on_doc, on_error);
  return Status::Ok();
}

}  // namespace

Status ReadPath(const std::string& path, const InputLimits& limits, const DocumentSink& on_doc,
                const ErrorSink& on_error) {
  if (path == "-") {
    ReadStream("-", STDIN_FILENO, /*owned=*/false, 0, limits, on_doc, on_error);
    return Status::Ok();
  }
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such file or folder");
  if (!fs::is_directory(st)) return ReadFile(path, limits, on_doc, on_error);

  // A folder: every regular file below it, in sorted order. The iterator
  // keeps its own stack; symlinked folders are not followed.
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError("cannot read folder: " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::error_code fec;
    if (it->is_regular_file(fec)) files.push_back(it->path().string());
  }
  if (ec) on_error(path, Status::IoError("folder listing stopped early: " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Status s = ReadFile(f, limits, on_doc, on_error);
    if (!s.ok()) on_error(f, s);
  }
  return Status::Ok();
}

}  // namespace attache
