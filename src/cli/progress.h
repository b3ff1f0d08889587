// The attache command's progress line for long runs (only on a terminal):
// documents, documents per second, bytes read of the input's total and the
// time left. Public headers only.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <vector>

namespace attache_cli {

struct RunStats {
  unsigned long long read = 0, extracted = 0, bytes = 0;
  std::map<std::string, unsigned long long> skipped;  // reason -> count
};

class Progress {
 public:
  // `paths` are the inputs: their total size (folders walked) is the
  // whole; standard input has none, and the line then shows no time left.
  explicit Progress(bool enabled, const std::vector<std::string>& paths = {})
      : enabled_(enabled), start_(Clock::now()), last_(start_) {
    if (!enabled_) return;
    for (const auto& p : paths) {
      if (p == "-") {
        total_ = 0;
        break;
      }
      total_ += SizeOf(p);
    }
  }

  // `source` is the document just done: "path", "path#offset" (a WARC
  // record) or "path:line"; it says how far into the input the run is.
  void Tick(const RunStats& s, const std::string& source = "") {
    if (!enabled_) return;
    Advance(source);
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    Print(s, now);
  }
  void Finish(const RunStats& s) {
    if (!enabled_) return;
    Print(s, Clock::now());
    std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;

  static uint64_t SizeOf(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      uint64_t sum = 0;
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (it->is_regular_file(e2)) sum += it->file_size(e2);
      }
      return sum;
    }
    const auto n = fs::file_size(path, ec);
    return ec ? 0 : n;
  }

  // Where `source` puts the run: the files before the current one, whole,
  // plus the offset inside it (a record's offset when the source has one;
  // an uncompressed offset past the file's size counts as its end).
  void Advance(const std::string& source) {
    if (source.empty() || total_ == 0) return;
    std::string path = source;
    uint64_t offset = UINT64_MAX;  // the whole file
    const size_t hash = source.rfind('#');
    if (hash != std::string::npos && hash + 1 < source.size() &&
        source.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
      path = source.substr(0, hash);
      offset = std::strtoull(source.c_str() + hash + 1, nullptr, 10);
    } else if (const size_t colon = source.rfind(':');
               colon != std::string::npos && colon + 1 < source.size() &&
               source.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
      path = source.substr(0, colon);  // a JSON line: no byte offset known
      offset = 0;
    }
    if (path != current_) {
      done_ += current_size_;
      current_ = path;
      current_size_ = SizeOf(path);
    }
    position_ = done_ + std::min(offset, current_size_);
  }

  void Print(const RunStats& s, Clock::time_point now) {
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? s.read / secs : 0.0;
    if (total_ == 0) {
      std::fprintf(stderr, "\r%llu documents, %.0f documents/s, %.1f MB of pages   ", s.read, rate, s.bytes / 1e6);
      return;
    }
    const uint64_t pos = std::min(position_, total_);
    std::string left = "";
    if (pos > 0 && secs > 1) {
      const double remain = secs * static_cast<double>(total_ - pos) / static_cast<double>(pos);
      char buf[64];
      std::snprintf(buf, sizeof buf, ", %d:%02d left", static_cast<int>(remain / 60), static_cast<int>(remain) % 60);
      left = buf;
    }
    std::fprintf(stderr, "\r%llu documents, %.0f documents/s, %.1f of %.1f MB read (%.0f%%)%s   ", s.read, rate,
                 pos / 1e6, total_ / 1e6, 100.0 * static_cast<double>(pos) / static_cast<double>(total_),
                 left.c_str());
  }

  bool enabled_;
  Clock::time_point start_, last_;
  uint64_t total_ = 0;          // bytes of all inputs; 0 when unknown
  uint64_t done_ = 0;           // bytes of the files finished
  uint64_t position_ = 0;       // bytes read so far, as far as the sources tell
  std::string current_;         // the file being read
  uint64_t current_size_ = 0;
};

}  // namespace attache_cli
