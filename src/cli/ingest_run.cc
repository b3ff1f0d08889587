// attache ingest's run: one reading stream, documents extracted and analysed
// by a pool of workers, and one writer (this thread) that adds them to the
// store in input order, in small batches. Public headers only.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "attache/store.h"
#include "cli_common.h"
#include "parallel.h"

namespace attache_cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

// One document's outcome, made by a worker, stored by the writer.
struct IngestResult {
  std::string source;
  size_t body_bytes = 0;
  bool read_failed = false;
  bool dropped = false;        // the run was stopping: nothing was done
  attache::Status status;      // the read or extraction failure, when not OK
  bool already = false;        // the store has it: not analysed
  attache::Status analyze_status;
  std::optional<attache::Analysis> analysis;
};

// Per worker: a read-only view of the store, to skip the analysis of what is
// stored already (a resumed run). It sees what the writer has committed; a
// document of the writer's open batch is analysed, and Add() then finds it.
class SeenCheck {
 public:
  SeenCheck(attache::Store* writer, std::string db_path, unsigned jobs)
      : writer_(writer), path_(std::move(db_path)), readers_(jobs) {}
  bool Stored(const attache::Article& a, unsigned worker) {
    const attache::Store* store = writer_;
    if (readers_.size() > 1) {  // workers on threads: each its own connection
      auto& r = readers_[worker];
      if (!r.tried) {
        r.tried = true;
        attache::StoreOptions o;
        o.read_only = true;
        o.check_on_open_max_bytes = 0;
        auto opened = attache::Store::Open(path_, o);
        if (opened.ok()) r.store = std::move(opened).value();
      }
      store = r.store.get();
    }
    if (!store) return false;  // Add() still finds a duplicate
    auto has = store->Contains(a);
    return has.ok() && has.value();
  }

 private:
  struct Reader {
    bool tried = false;
    std::unique_ptr<attache::Store> store;
  };
  attache::Store* writer_;
  std::string path_;
  std::vector<Reader> readers_;
};

}  // namespace

int IngestInto(attache::Store* store, const std::string& db_path, const std::vector<std::string>& paths,
               const attache::InputLimits& in_limits, const attache::ExtractLimits& ex_limits, bool quiet,
               unsigned jobs) {
  // Ctrl-C: the documents in flight are dropped, the open batch commits,
  // then the run stops; running the same command again resumes.
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);

  RunStats stats;
  Progress progress(!quiet && isatty(STDERR_FILENO), paths);
  unsigned long long added = 0, already = 0, syndicated = 0;
  unsigned long long not_stored = 0;  // read and analysed, then lost to a failure of the store
  std::string last_source;            // the last document read
  std::atomic<bool> fatal{false};
  auto stopping = [&] { return fatal.load() || g_interrupted.load(); };
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

  SeenCheck seen(store, db_path, jobs);
  auto work = [&](ReadItem& item, unsigned worker) {
    IngestResult res;
    res.source = item.doc.source;
    res.read_failed = item.read_failed;
    if (item.read_failed) {
      res.status = item.read_error;
      return res;
    }
    if (stopping()) {
      res.dropped = true;
      return res;
    }
    res.body_bytes = item.doc.body.size();
    auto r = attache::Extract(item.doc, ex_limits);
    item.doc = attache::RawDocument();
    if (!r.ok()) {
      res.status = r.status();
      return res;
    }
    if (seen.Stored(r.value(), worker)) {
      res.already = true;
      return res;
    }
    auto an = attache::Analyze(std::move(r).value());
    if (an.ok()) res.analysis = std::move(an).value();
    else res.analyze_status = an.status();
    return res;
  };

  auto emit = [&](IngestResult& res) {
    if (res.read_failed) {
      ++stats.read;
      ++stats.skipped[res.status.code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", res.source.c_str(), res.status.ToString().c_str());
      return;
    }
    if (res.dropped || stopping()) return;
    ++stats.read;
    last_source = res.source;
    stats.bytes += res.body_bytes;
    if (!res.status.ok()) {
      ++stats.skipped[res.status.code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", res.source.c_str(), res.status.ToString().c_str());
      progress.Tick(stats, res.source);
      return;
    }
    ++stats.extracted;
    if (res.already) {
      ++already;
      progress.Tick(stats, res.source);
      return;
    }
    if (!res.analysis) {
      ++stats.skipped[res.analyze_status.code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", res.source.c_str(), res.analyze_status.ToString().c_str());
      return;
    }
    if (in_batch == 0) {
      if (attache::Status b = store->BeginBatch(); !b.ok()) {
        std::fprintf(stderr, "attache: %s: not stored: %s\n", res.source.c_str(), b.ToString().c_str());
        ++stats.skipped["not-stored"];
        ++not_stored;
        fatal = true;
        return;
      }
      batch_started = std::chrono::steady_clock::now();
    }
    auto added_res = store->Add(*res.analysis);
    if (!added_res.ok()) {
      // The store itself failed (disk full, lock, damage): nothing of this
      // document was written, and the next one would fail the same way.
      const attache::Status& st = added_res.status();
      std::fprintf(stderr, "attache: %s: not stored: %s\n", res.source.c_str(), st.ToString().c_str());
      ++stats.skipped["not-stored"];
      ++not_stored;
      if (st.code() == attache::StatusCode::kIoError || st.code() == attache::StatusCode::kCorrupt) fatal = true;
      return;
    }
    switch (added_res.value().outcome) {
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
    progress.Tick(stats, res.source);
  };

  {
    OrderedPool<ReadItem, IngestResult> pool(jobs, work, emit);
    ReadAll(paths, in_limits, [&](ReadItem&& item) { pool.Submit(std::move(item)); }, stopping);
    pool.Finish();
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
