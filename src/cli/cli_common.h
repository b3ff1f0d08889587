// The attache command's shared pieces: usage errors, sizes, the run
// summary (the progress line is progress.h). Public headers only.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "attache/store.h"
#include "progress.h"

namespace attache_cli {

// The command being run, set once by main(), so that a usage error points at
// that command's help ("see attache visits --help") rather than the general one.
inline std::string& CurrentCommand() {
  static std::string cmd;
  return cmd;
}

inline int UsageError(const std::string& msg) {
  const std::string& cmd = CurrentCommand();
  std::fprintf(stderr, "attache: %s\n(see attache %s--help)\n", msg.c_str(), cmd.empty() ? "" : (cmd + " ").c_str());
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
int RunParse(const std::vector<std::string>& args);
int RunTrain(const std::vector<std::string>& args);
int RunStoreQuery(const std::string& cmd, const std::vector<std::string>& args);
int RunBalance(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);
// attache extract / analyze with `jobs` workers (parallel.cc).
int RunExtract(const std::vector<std::string>& paths, const attache::InputLimits& in_limits,
               const attache::ExtractLimits& ex_limits, bool quiet, bool analyze, unsigned jobs);
// ingest's run into an open store with `jobs` workers (ingest_run.cc).
int IngestInto(attache::Store* store, const std::string& db_path, const std::vector<std::string>& paths,
               const attache::InputLimits& in_limits, const attache::ExtractLimits& ex_limits, bool quiet,
               unsigned jobs);
// attache CMD --help (help.cc): whether the arguments ask for help, and the
// command's usage, options with their defaults, and an example.
bool WantsHelp(const std::vector<std::string>& args);
int PrintCommandHelp(const std::string& cmd);
bool HasCommandHelp(const std::string& cmd);
// attache serve (serve_command.cc).
int RunServe(const std::vector<std::string>& args);

}  // namespace attache_cli
