// Input stage: turns paths into RawDocuments. (First cut: files, folders and
// stdin; container formats are recognised in later commits.)
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "attache/input.h"

namespace attache {

namespace fs = std::filesystem;

namespace {

Status ReadFile(const std::string& path, const InputLimits& limits, std::string* out) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return Status::IoError("cannot read: " + ec.message());
  if (size > limits.max_document_bytes)
    return Status::TooLarge("file of " + std::to_string(size) + " bytes is over the limit of " +
                            std::to_string(limits.max_document_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open");
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return Status::Ok();
}

void EmitBytes(const std::string& source, std::string&& bytes, const DocumentSink& on_doc) {
  RawDocument doc;
  doc.source = source;
  doc.body = std::move(bytes);
  on_doc(std::move(doc));
}

}  // namespace

Status ReadPath(const std::string& path, const InputLimits& limits, const DocumentSink& on_doc,
                const ErrorSink& on_error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    EmitBytes("-", ss.str(), on_doc);
    return Status::Ok();
  }
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such file or folder");
  if (fs::is_directory(st)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Status s = ReadPath(f, limits, on_doc, on_error);
      if (!s.ok()) on_error(f, s);
    }
    return Status::Ok();
  }
  std::string bytes;
  Status s = ReadFile(path, limits, &bytes);
  if (!s.ok()) {
    on_error(path, s);
    return Status::Ok();
  }
  EmitBytes(path, std::move(bytes), on_doc);
  return Status::Ok();
}

}  // namespace attache
