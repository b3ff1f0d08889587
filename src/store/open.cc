// The store: opening a SQLite or PostgreSQL store and migrating its schema,
// the SQLite functions the queries use, and the query time limit.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>
#include <thread>

#include "attache/countries.h"
#include "attache/store.h"
#include "core/json.h"
#include "store/dedup.h"
#include "store/postgres.h"
#include "store/event_dates.h"
#include "store/rows.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "text/officeholders.h"

namespace attache {

using store::Stmt;

int Store::SchemaVersion() { return static_cast<int>(store::Migrations().size()); }

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() {
  if (impl_ && impl_->in_batch) (void)CommitBatch();
}

namespace {

int64_t ReadUserVersion(store::Db* db, Status* st) {
  Stmt v = db->Prepare("PRAGMA user_version", st);
  if (!st->ok()) return 0;
  int64_t version = 0;
  if (v.Step(st)) version = v.Int(0);
  return version;
}

Status Migrate(store::Db* db, const std::string& path) {
  const int64_t known = static_cast<int64_t>(store::Migrations().size());
  auto newer = [&](int64_t version) {
    return Status::InvalidArgument(path + ": store schema version " + std::to_string(version) +
                                   " is newer than this attache knows (" + std::to_string(known) +
                                   "); use a newer attache");
  };
  auto check_application = [&]() {
    Status st;
    Stmt a = db->Prepare("SELECT value FROM meta WHERE key = 'application'", &st);
    if (!st.ok() || !a.Step(&st) || a.Text(0) != "attache") {
      return st.ok() ? Status::Corrupt(path + ": not an attache store") : st;
    }
    return Status::Ok();
  };
  Status st;
  int64_t version = ReadUserVersion(db, &st);
  if (!st.ok()) return st;
  if (version > known) return newer(version);
  if (version == known) return check_application();
  // Another process may create or upgrade the same store at this moment:
  // decide under the write lock, from the version read under it.
  store::Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  version = ReadUserVersion(db, &st);
  if (!st.ok()) return st;
  if (version > known) return newer(version);
  if (version == 0) {
    // A database with tables but no version is somebody else's file.
    Stmt t = db->Prepare("SELECT count(*) FROM sqlite_schema", &st);
    if (!st.ok()) return st;
    int64_t tables = 0;
    if (t.Step(&st)) tables = t.Int(0);
    if (!st.ok()) return st;
    if (tables > 0) return Status::Corrupt(path + ": not an attache store (an SQLite file with other tables)");
  } else if (Status s = check_application(); !s.ok()) {
    return s;
  }
  for (int64_t i = version; i < known; ++i) {
    if (Status s = db->Exec(store::Migrations()[static_cast<size_t>(i)]); !s.ok()) return s;
    if (Status s = db->Exec("PRAGMA user_version = " + std::to_string(i + 1)); !s.ok()) return s;
  }
  return tx.Commit();
}

// The query time limit: each statement notes when it starts, and SQLite's
// progress callback interrupts it once it has run too long.
int OnStatementStart(unsigned /*type*/, void* ctx, void* /*stmt*/, void* /*sql*/) {
  static_cast<store::QueryClock*>(ctx)->statement_start = std::chrono::steady_clock::now();
  return 0;
}

int OnProgress(void* ctx) {
  const auto* clock = static_cast<const store::QueryClock*>(ctx);
  return std::chrono::steady_clock::now() - clock->statement_start > std::chrono::milliseconds(clock->timeout_ms);
}

}  // namespace

namespace {

// attache_snippet(text, fts_query): MakeSnippet as an SQL function, so the
// search makes its passages for the page of results only.
void SnippetFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  auto text_of = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_value_bytes(v))) : std::string_view();
  };
  const std::string out = store::MakeSnippet(text_of(argv[0]), text_of(argv[1]));
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// attache_country_name(code): the English name of a country, organisation
// or bloc code (attache/countries.h), null for an unknown code.
void CountryNameFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const auto* p = argc == 1 ? reinterpret_cast<const char*>(sqlite3_value_text(argv[0])) : nullptr;
  const std::string name = p ? CountryName(p) : std::string();
  if (name.empty()) {
    sqlite3_result_null(ctx);
  } else {
    sqlite3_result_text(ctx, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
  }
}

// PRAGMA quick_check on a store small enough to read whole at open.
Status CheckOnOpen(store::Db* db, const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size == 0 || max_bytes == 0 || size > max_bytes) return Status::Ok();
  Status st;
  Stmt q = db->Prepare("PRAGMA quick_check(5)", &st);
  if (!st.ok()) return st;
  std::string problems;
  while (q.Step(&st)) {
    const std::string line(q.Text(0));
    if (line == "ok") return Status::Ok();
    problems += (problems.empty() ? "" : "; ") + line;
  }
  if (!st.ok()) return st;
  return Status::Corrupt(path + ": the store is damaged (SQLite's quick_check: " + problems.substr(0, 300) +
                         "); nothing is written to it; see README \"Recovering a store\"");
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->path = path;
  if (store::IsPostgresUrl(path)) {
    if (Status st = store::OpenPostgres(&impl->db, path, options); !st.ok()) return st;
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  }
  {
    auto opened = store::SqliteDb::Open(path, options.read_only, options.busy_timeout_ms);
    if (!opened.ok()) return opened.status();
    impl->db.Reset(std::move(opened).value());
  }
  sqlite3* raw = store::SqliteHandle(impl->db);
  sqlite3_create_function(raw, "attache_snippet", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          SnippetFunction, nullptr, nullptr);
  sqlite3_create_function(raw, "attache_country_name", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          CountryNameFunction, nullptr, nullptr);
  if (options.query_timeout_ms > 0) {
    impl->clock.statement_start = std::chrono::steady_clock::now();
    impl->clock.timeout_ms = options.query_timeout_ms;
    sqlite3_trace_v2(raw, SQLITE_TRACE_STMT, OnStatementStart, &impl->clock);
    sqlite3_progress_handler(raw, 1000, OnProgress, &impl->clock);
  }
  if (!options.read_only) {
    // WAL: readers never block the writer; a kill at any point leaves the
    // last committed transaction in place. NORMAL sync is safe in WAL mode
    // (a power cut can lose the latest commits, never consistency).
    // Turning a new file to WAL needs its exclusive lock, and SQLite gives
    // up at once (no busy handler) when another opener holds a shared lock
    // meanwhile: try again for as long as the busy timeout allows.
    Status mode = impl->db.Exec("PRAGMA journal_mode = WAL");
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busy_timeout_ms);
    while (!mode.ok() && mode.message().find("database is locked") != std::string::npos &&
           std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      mode = impl->db.Exec("PRAGMA journal_mode = WAL");
    }
    if (mode.ok()) mode = impl->db.Exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    if (!mode.ok()) {
      return mode.code() == StatusCode::kCorrupt ? mode : Status(mode.code(), path + ": " + mode.message());
    }
    if (Status st = CheckOnOpen(&impl->db, path, options.check_on_open_max_bytes); !st.ok()) return st;
    if (Status st = Migrate(&impl->db, path); !st.ok()) return st;
  } else {
    // Readers map the file: pages come from the OS cache without a copy
    // or a system call each.
    (void)impl->db.Exec("PRAGMA mmap_size = 2147418112");
    Status st;
    int64_t version = 0;
    {
      Stmt v = impl->db.Prepare("PRAGMA user_version", &st);
      if (st.ok() && v.Step(&st)) version = v.Int(0);
    }
    if (!st.ok()) return st.code() == StatusCode::kCorrupt ? st : Status(st.code(), path + ": " + st.message());
    if (version == 0) return Status::NotFound(path + ": not an attache store (no schema; run attache ingest first)");
    if (Status c = CheckOnOpen(&impl->db, path, options.check_on_open_max_bytes); !c.ok()) return c;
    if (version > SchemaVersion()) {
      return Status::InvalidArgument(path + ": store schema version " + std::to_string(version) +
                                     " is newer than this attache knows");
    }
    if (version < SchemaVersion()) {
      // An older store: migrate it through a writer, then read.
      StoreOptions w = options;
      w.read_only = false;
      auto writer = Open(path, w);
      if (!writer.ok()) {
        return Status(writer.status().code(), path + ": store schema version " + std::to_string(version) +
                                                  " needs upgrading to " + std::to_string(SchemaVersion()) +
                                                  ", which failed: " + writer.status().message());
      }
    }
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}


}  // namespace attache
