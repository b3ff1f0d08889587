// attache extract / analyze: one reading stream, documents extracted and
// analysed by a pool of workers, JSON lines written in input order.
#include "parallel.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "cli_common.h"

namespace attache_cli {

unsigned DefaultJobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

bool ParseJobs(const std::string& s, unsigned* out) {
  unsigned long long v = 0;
  if (!ParseSize(s.c_str(), &v) || v > 256) return false;
  *out = static_cast<unsigned>(v);
  return true;
}

bool ReadAll(const std::vector<std::string>& paths, const attache::InputLimits& limits,
             const std::function<void(ReadItem&&)>& submit, const std::function<bool()>& stop) {
  bool any_readable = false;
  auto on_doc = [&](attache::RawDocument&& doc) {
    if (stop && stop()) return;
    ReadItem item;
    item.doc = std::move(doc);
    submit(std::move(item));
  };
  auto on_error = [&](const std::string& source, const attache::Status& st) {
    ReadItem item;
    item.doc.source = source;
    item.read_failed = true;
    item.read_error = st;
    submit(std::move(item));
  };
  for (const auto& p : paths) {
    if (stop && stop()) break;
    attache::Status st = attache::ReadPath(p, limits, on_doc, on_error);
    if (!st.ok()) {
      std::fprintf(stderr, "attache: %s: %s\n", p.c_str(), st.ToString().c_str());
    } else {
      any_readable = true;
    }
  }
  return any_readable;
}

namespace {

// One document's outcome, made by a worker, written by the emitter.
struct ExtractResult {
  std::string source;
  size_t body_bytes = 0;
  bool read_failed = false;
  attache::Status status;  // why it was skipped, when not OK
  std::string line;        // the JSON line (with its newline) when extracted
};

ExtractResult ExtractOne(ReadItem& item, const attache::ExtractLimits& limits, bool analyze) {
  ExtractResult res;
  res.source = item.doc.source;
  if (item.read_failed) {
    res.read_failed = true;
    res.status = item.read_error;
    return res;
  }
  res.body_bytes = item.doc.body.size();
  auto r = attache::Extract(item.doc, limits);
  item.doc = attache::RawDocument();  // the page is not needed any more
  if (!r.ok()) {
    res.status = r.status();
    return res;
  }
  if (analyze) {
    auto an = attache::Analyze(std::move(r).value());
    if (an.ok()) res.line = attache::AnalysisToJson(an.value());
  } else {
    res.line = attache::ArticleToJson(r.value());
  }
  res.line.push_back('\n');
  return res;
}

}  // namespace

int RunExtract(const std::vector<std::string>& paths, const attache::InputLimits& in_limits,
               const attache::ExtractLimits& ex_limits, bool quiet, bool analyze, unsigned jobs) {
  RunStats stats;
  Progress progress(!quiet && isatty(STDERR_FILENO), paths);
  auto emit = [&](ExtractResult& r) {
    ++stats.read;
    if (r.read_failed) {
      ++stats.skipped[r.status.code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", r.source.c_str(), r.status.ToString().c_str());
      return;
    }
    stats.bytes += r.body_bytes;
    if (!r.status.ok()) {
      ++stats.skipped[r.status.code_name()];
      std::fprintf(stderr, "attache: %s: %s\n", r.source.c_str(), r.status.ToString().c_str());
    } else {
      ++stats.extracted;
      std::fwrite(r.line.data(), 1, r.line.size(), stdout);
    }
    progress.Tick(stats, r.source);
  };
  OrderedPool<ReadItem, ExtractResult> pool(
      jobs, [&](ReadItem& item, unsigned) { return ExtractOne(item, ex_limits, analyze); }, emit);
  ReadAll(paths, in_limits, [&](ReadItem&& item) { pool.Submit(std::move(item)); });
  pool.Finish();
  std::fflush(stdout);
  progress.Finish(stats);
  if (!quiet) {
    unsigned long long skipped = 0;
    const std::string reasons = SkipReasons(stats, &skipped);
    std::fprintf(stderr, "attache: %llu documents read, %llu extracted, %llu skipped%s\n", stats.read,
                 stats.extracted, skipped, reasons.c_str());
    if (const unsigned long long n = attache::SyntaxSentencesTooLong())
      std::fprintf(stderr, "attache: %llu sentences too long to parse (left to word patterns)\n", n);
  }
  return stats.extracted > 0 ? 0 : 1;
}

}  // namespace attache_cli
