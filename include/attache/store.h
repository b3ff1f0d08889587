// attache/store.h: the record. Analysed articles, their quotes, visits and
// meetings, kept in one SQLite file that grows as the news comes in.
//
// A Store is one open database (WAL journal, versioned schema migrated on
// open). Add() stores one Analysis in one transaction, so a crash or kill at
// any point leaves every document either wholly stored or absent, and running
// the same ingest again adds only what is missing:
//   - the same document twice (same url and text: a content hash) is stored once;
//   - a syndicated copy (near-duplicate text: MinHash over word shingles,
//     confirmed by shingle overlap) is stored, linked to the original, and its
//     events are not counted again;
//   - one visit reported by several articles is one visit with several
//     sources (same visitor and host, dates within a window); meetings alike.
//
// The query functions return JSON (one object per row) so the CLI and the
// HTTP API print the same thing. Every query is parameterised SQL.
//
// Thread-safety: a Store is used by one thread at a time. Open one Store per
// thread (read-only opens share the file safely with one writer).
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attache/analyze.h"
#include "attache/status.h"

namespace attache {

using JsonRows = std::vector<std::string>;

struct StoreOptions {
  bool read_only = false;
  int busy_timeout_ms = 5000;   // wait this long for another process's lock, then fail
  int visit_window_days = 3;    // reports of one visitor/host within this many days are one visit
  int query_timeout_ms = 0;     // a statement running longer is interrupted (kTooLarge); 0: no limit
  // Open runs SQLite's PRAGMA quick_check (it reads every page: about 1 s per
  // 100 MB from disk, less from the cache) on a store file no larger than
  // this, and refuses a damaged one (kCorrupt, "damaged"). Larger stores are
  // not checked up front: damage is reported when a statement meets it.
  // 0: never check.
  std::uint64_t check_on_open_max_bytes = 256ull << 20;
};

// What Add() did with a document.
enum class AddOutcome {
  kAdded,       // new article; its quotes and events are stored
  kDuplicate,   // the same content was already stored: nothing written
  kSyndicated,  // a near-copy of a stored article: stored, linked, events not counted
};
const char* AddOutcomeName(AddOutcome o);

struct AddResult {
  AddOutcome outcome = AddOutcome::kAdded;
  int64_t article_id = 0;    // the stored row (the existing one for a duplicate)
  int64_t original_id = 0;   // for kSyndicated: the article it copies
  int new_visits = 0, merged_visits = 0, new_meetings = 0, merged_meetings = 0, quotes = 0;
};

// Filters shared by the queries. Empty strings and 0 mean "any".
struct QueryFilter {
  std::string text;             // full-text query (FTS5 syntax: words, "phrases", OR, prefix*)
  std::string outlet, lang;
  std::string from, to;         // dates, inclusive: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn (CheckDateRange)
  bool undated = false;         // with a range: also the rows whose year is unknown (else outside every range)
  std::string speaker, channel; // quotes: by speaker (name or surname), by outlet talked to
  // visits: countries as typed (codes in any case, names, demonyms, bloc
  // names, comma-separated lists: ResolveCountry in attache/countries.h);
  // a person's name
  std::string host, visitor_country, person;
  std::vector<std::string> status;            // visits/meetings: planned, ongoing, past
  int64_t actor_id = 0;                       // actors: this one actor (its id, as actors prints it)
  int limit = 50;               // at most this many rows (capped at 1000)
  int offset = 0;
};

struct BalanceQuery {
  std::string host;                    // ISO alpha-3 of the host country (required; ResolveCountry first for names)
  std::string from, to;                // YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn, inclusive
  std::string by = "month";            // month | quarter | year
  std::vector<std::string> status = {"past", "ongoing"};
  std::string blocs_tsv;               // bloc definitions (see data/blocs.tsv); empty: the built-in default
  bool with_visit_ids = false;         // fill BalanceRow::visit_ids (for --explain): reads every visit counted
};

struct BalanceRow {
  std::optional<std::string> period;   // "2023-02", "2023-Q1", "2023"; null for visits of unknown month
  std::string partner;                 // the visitor's country or organisation code
  std::string partner_name;            // its English name ("" when unknown)
  std::string bloc;                    // the partner's bloc ("West", "Russia", ...; "Other")
  int visits = 0;
  std::vector<int64_t> visit_ids;      // the visits counted, when BalanceQuery::with_visit_ids
};

// Every period of a balance's range, zeros included, and how much of it is
// undated: the periods from `from` to `to` (open ends: the first and last
// period with visits), and the visits counted in a period or apart.
struct BalanceSummary {
  std::vector<std::string> periods;
  int dated = 0, undated = 0;
  double undated_share() const { return dated + undated ? double(undated) / (dated + undated) : 0.0; }
};
BalanceSummary SummarizeBalance(const BalanceQuery& q, const std::vector<BalanceRow>& rows);

// The balance as one JSON object: {"host","host_name","by","from","to",
// "status","periods","visits","undated","undated_share","rows"}, each row as
// BalanceRowToJson; `row_extra` (if given) returns members to add to row i
// (",\"explain\":[...]").
std::string BalanceReportJson(const BalanceQuery& q, const std::vector<BalanceRow>& rows,
                              const std::function<std::string(size_t)>& row_extra = nullptr);

// Checks a date range: each bound YYYY, YYYY-MM, YYYY-MM-DD (a real day) or
// YYYY-Qn, and `from` not after `to`. kInvalidArgument with the reason.
Status CheckDateRange(const std::string& from, const std::string& to);

// What an export writes: which rows (the filter's host, visitor_country
// (a bloc name works), status, from, to, undated) and in which form.
struct ExportOptions {
  std::string format = "jsonl";   // jsonl | csv
  QueryFilter filter;             // limit and offset are ignored: every row
  bool bom = false;               // a UTF-8 byte-order mark first (for spreadsheet programs)
  std::string csv_arrays = "names";  // in CSV cells, arrays as ';'-joined names ("names") or as JSON ("json")
};

class Store {
 public:
  // Opens (and creates, unless read_only) the database at `path`, migrating
  // its schema to the current version. Errors: kIoError (cannot open, locked
  // past the busy timeout, disk full), kCorrupt (not an attache store, or a
  // damaged file), kInvalidArgument (a newer schema than this build knows).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores one analysed article, all of it or nothing (one transaction).
  Result<AddResult> Add(const Analysis& analysis);

  // Groups the Add()s that follow into one transaction, committed by
  // CommitBatch() (faster for bulk loads: one commit instead of many). A
  // crash before CommitBatch() loses the whole batch, never part of a
  // document; a failed Add() inside a batch is undone alone. The destructor
  // commits an open batch.
  Status BeginBatch();
  Status CommitBatch();

  // Whether this article (same url and text) is stored already: lets a
  // resumed ingest skip the analysis of what it has.
  Result<bool> Contains(const Article& article) const;

  // Queries: each row is one JSON object (JsonRows); the CLI prints them as
  // JSON lines, the API as an array.
  Result<JsonRows> SearchArticles(const QueryFilter& f) const;   // f.text, outlet, lang, from, to
  Result<std::string> ArticleJson(int64_t id) const;  // one article with its quotes, visits, meetings
  Result<JsonRows> Quotes(const QueryFilter& f) const;           // f.speaker, channel, text, from, to
  Result<JsonRows> Visits(const QueryFilter& f) const;           // f.host, visitor_country, person, status, from, to
  Result<JsonRows> Meetings(const QueryFilter& f) const;         // f.person, status, from, to
  Result<JsonRows> Timeline(const std::string& person, const QueryFilter& f) const;  // visits, meetings, quotes by date
  Result<JsonRows> Actors(const QueryFilter& f) const;           // f.text: part of a name
  Result<JsonRows> VisitSources(int64_t visit_id) const;         // the articles reporting one visit
  Result<JsonRows> VisitsByIds(const std::vector<int64_t>& ids) const;  // these visits (at most 1000), by id

  Result<std::vector<BalanceRow>> Balance(const BalanceQuery& q) const;

  // Exports. `what` is visits | meetings | quotes | events (PLOVER/POLECAT
  // style event records). `format` is jsonl | csv. Writes to `out` line by line.
  Status Export(const std::string& what, const std::string& format, std::FILE* out) const;
  Status Export(const std::string& what, const ExportOptions& options, std::FILE* out) const;

  struct Counts {
    int64_t articles = 0, syndicated = 0, quotes = 0, visits = 0, visit_reports = 0, meetings = 0, actors = 0;
  };
  Result<Counts> Count() const;

  // Schema version this build writes.
  static int SchemaVersion();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  Result<AddResult> AddOnce(const Analysis& analysis);
  std::unique_ptr<Impl> impl_;
};

// Rows as one JSON array: "[row,row,...]".
std::string JsonArray(const JsonRows& rows);

// One balance row as a JSON object: {"period","partner","partner_name","bloc","visits"}.
std::string BalanceRowToJson(const BalanceRow& row);

// Balance rows as JSON: [{"period","partner","bloc","visits"}...].
std::string BalanceToJson(const std::vector<BalanceRow>& rows);

// The built-in bloc definitions (the text of data/blocs.tsv).
const std::string& DefaultBlocs();

}  // namespace attache
