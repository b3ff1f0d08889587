// The attache command's shared pieces: usage errors, sizes, the run
// summary and the progress line. Public headers only.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace attache_cli {

inline int UsageError(const std::string& msg) {
  std::fprintf(stderr, "attache: %s\n(see attache --help)\n", msg.c_str());
  return 2;
}

inline bool ParseSize(const char* s, unsigned long long* out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (errno || *end || v == 0 || s[0] == '-') return false;
  *out = v;
  return true;
}

struct RunStats {
  unsigned long long read = 0, extracted = 0, bytes = 0;
  std::map<std::string, unsigned long long> skipped;  // reason -> count
};

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void Tick(const RunStats& s) {
    if (!enabled_) return;
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
  void Print(const RunStats& s, Clock::time_point now) {
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%llu documents, %.1f MB, %.0f documents/s   ", s.read, s.bytes / 1e6,
                 secs > 0 ? s.read / secs : 0.0);
  }
  bool enabled_;
  Clock::time_point start_, last_;
};


// The run's closing line: "N documents read, M extracted, K skipped (reason: n, ...)".
inline std::string SkipReasons(const RunStats& s, unsigned long long* skipped) {
  std::string reasons;
  *skipped = 0;
  for (const auto& [reason, n] : s.skipped) {
    *skipped += n;
    reasons += (reasons.empty() ? " (" : ", ") + reason + ": " + std::to_string(n);
  }
  if (!reasons.empty()) reasons += ")";
  return reasons;
}

// Commands on a store (store_commands.cc). `args` excludes the command name.
int RunIngest(const std::vector<std::string>& args);
int RunStoreQuery(const std::string& cmd, const std::vector<std::string>& args);
int RunBalance(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);
// attache CMD --help (help.cc): whether the arguments ask for help, and the
// command's usage, options with their defaults, and an example.
bool WantsHelp(const std::vector<std::string>& args);
int PrintCommandHelp(const std::string& cmd);
// attache serve (serve_command.cc).
int RunServe(const std::vector<std::string>& args);

}  // namespace attache_cli
