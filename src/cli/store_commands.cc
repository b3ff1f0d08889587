// attache ingest: analyze documents and keep them in a store. (The
// questions are in query_commands.cc, balance in balance_command.cc, export
// in export_command.cc.) Public headers only.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "attache/store.h"
#include "cli_args.h"
#include "cli_common.h"

namespace attache_cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void OnInterrupt(int) { g_interrupted = 1; }

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  if (!ParseArgs(args, {"--db", "--max-doc-bytes", "--max-inflate", "--max-depth", "--max-output"}, {"--quiet"}, &a,
                 &code)) {
    return code;
  }
  if (a.positional.empty()) return UsageError("ingest needs at least one PATH (or - for standard input)");
  attache::InputLimits in_limits;
  attache::ExtractLimits ex_limits;
  for (const char* name : {"--max-doc-bytes", "--max-inflate", "--max-depth", "--max-output"}) {
    if (!a.values.count(name)) continue;
    unsigned long long v = 0;
    if (!ParseSize(a.values[name].c_str(), &v)) return UsageError(std::string(name) + " needs a positive whole number");
    if (std::string(name) == "--max-doc-bytes") in_limits.max_document_bytes = v;
    if (std::string(name) == "--max-inflate") in_limits.max_inflated_bytes = v;
    if (std::string(name) == "--max-depth") ex_limits.max_depth = v;
    if (std::string(name) == "--max-output") ex_limits.max_output_bytes = v;
  }
  const bool quiet = a.flags.count("--quiet") > 0;
  auto store = OpenStore(a, false, &code);
  if (!store) return code;

  // Ctrl-C: finish the document in hand (its transaction commits or rolls
  // back whole), then stop; running the same command again resumes.
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);

  RunStats stats;
  Progress progress(!quiet && isatty(STDERR_FILENO));
  unsigned long long added = 0, already = 0, syndicated = 0;
  unsigned long long not_stored = 0;  // read and analysed, then lost to a failure of the store
  std::string last_source;            // the last document read
  bool fatal = false;
  // Documents are committed in small batches (at most 64 documents or half
  // a second): one commit per batch instead of per document. A kill loses at
  // most the open batch, which the next run adds again.
  unsigned in_batch = 0;
  auto batch_started = std::chrono::steady_clock::now();
  auto commit = [&]() {
    if (in_batch == 0) return true;
    attache::Status st = store->CommitBatch();
    if (!st.ok()) {
      std::fprintf(stderr, "attache: the last %u documents were not stored: %s\n", in_batch, st.ToString().c_str());
      added = added >= in_batch ? added - in_batch : 0;
      not_stored += in_batch;
      fatal = true;
    }
    in_batch = 0;
    return st.ok();
  };
  auto on_error = [&](const std::string& source, const attache::Status& st) {
    ++stats.read;
    ++stats.skipped[st.code_name()];
    std::fprintf(stderr, "attache: %s: %s\n", source.c_str(), st.ToString().c_str());
  };
  auto on_doc = [&](attache::RawDocument&& doc) {
    if (fatal || g_interrupted) return;
    ++stats.read;
    last_source = doc.source;
    stats.bytes += doc.body.size();
    auto r = attache::Extract(doc, ex_limits);
    if (!r.ok()) {
      ++stats.skipped[r.status().code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", doc.source.c_str(), r.status().ToString().c_str());
      progress.Tick(stats);
      return;
    }
    ++stats.extracted;
    auto has = store->Contains(r.value());
    if (has.ok() && has.value()) {
      ++already;
      progress.Tick(stats);
      return;
    }
    auto an = attache::Analyze(std::move(r).value());
    if (!an.ok()) {
      ++stats.skipped[an.status().code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", doc.source.c_str(), an.status().ToString().c_str());
      return;
    }
    if (in_batch == 0) {
      if (attache::Status b = store->BeginBatch(); !b.ok()) {
        std::fprintf(stderr, "attache: %s: not stored: %s\n", doc.source.c_str(), b.ToString().c_str());
        ++stats.skipped["not-stored"];
        ++not_stored;
        fatal = true;
        return;
      }
      batch_started = std::chrono::steady_clock::now();
    }
    auto res = store->Add(an.value());
    if (!res.ok()) {
      // The store itself failed (disk full, lock, damage): nothing of this
      // document was written, and the next one would fail the same way.
      std::fprintf(stderr, "attache: %s: not stored: %s\n", doc.source.c_str(), res.status().ToString().c_str());
      ++stats.skipped["not-stored"];
      ++not_stored;
      fatal = res.status().code() == attache::StatusCode::kIoError ||
              res.status().code() == attache::StatusCode::kCorrupt;
      return;
    }
    switch (res.value().outcome) {
      case attache::AddOutcome::kAdded:
        ++added;
        break;
      case attache::AddOutcome::kDuplicate:
        ++already;
        break;
      case attache::AddOutcome::kSyndicated:
        ++syndicated;
        break;
    }
    ++in_batch;
    if (in_batch >= 64 || std::chrono::steady_clock::now() - batch_started > std::chrono::milliseconds(500)) commit();
    progress.Tick(stats);
  };
  for (const auto& p : a.positional) {
    if (fatal || g_interrupted) break;
    attache::Status st = attache::ReadPath(p, in_limits, on_doc, on_error);
    if (!st.ok()) std::fprintf(stderr, "attache: %s: %s\n", p.c_str(), st.ToString().c_str());
  }
  commit();
  progress.Finish(stats);
  if (!quiet) {
    unsigned long long skipped = 0;
    const std::string reasons = SkipReasons(stats, &skipped);
    std::fprintf(stderr,
                 "attache: %llu documents read, %llu added, %llu already stored, %llu syndicated copies, "
                 "%llu skipped%s\n",
                 stats.read, added, already, syndicated, skipped, reasons.c_str());
    auto c = store->Count();
    if (c.ok()) {
      const auto& n = c.value();
      std::fprintf(stderr,
                   "attache: the store holds %lld articles (+%lld syndicated copies), %lld quotes, %lld visits "
                   "(from %lld reports), %lld meetings, %lld actors\n",
                   static_cast<long long>(n.articles), static_cast<long long>(n.syndicated),
                   static_cast<long long>(n.quotes), static_cast<long long>(n.visits),
                   static_cast<long long>(n.visit_reports), static_cast<long long>(n.meetings),
                   static_cast<long long>(n.actors));
    }
  }
  if (g_interrupted) {
    std::fprintf(stderr, "attache: interrupted; what was stored is kept, and the same command resumes\n");
    return 130;
  }
  if (fatal) {
    // Whatever the summary says was added is in the store; the rest is not.
    std::fprintf(stderr,
                 "attache: the store failed: %llu documents were not stored, and the input after %s was not read; "
                 "what is stored is kept, and the same command, run again once the store is usable, adds the rest "
                 "(nothing twice)\n",
                 not_stored, last_source.empty() ? "the start" : last_source.c_str());
    return 1;
  }
  return (added + already + syndicated) > 0 ? 0 : 1;
}

}  // namespace attache_cli
