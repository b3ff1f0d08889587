// Internal: a thin RAII layer over the SQLite C API. Statements are always
// prepared with bound parameters; no SQL is ever built from values. Errors
// come back as attache::Status with SQLite's message and a code that says
// what the caller can do about it (kIoError for full disks and locks,
// kCorrupt for damaged files).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "attache/status.h"

namespace attache::store {

// A Status from SQLite's result code `rc` on `db`, with `what` in front.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    if (this != &o) {
      if (s_) sqlite3_finalize(s_);
      db_ = o.db_;
      s_ = o.s_;
      o.s_ = nullptr;
    }
    return *this;
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() {
    if (s_) sqlite3_finalize(s_);
  }

  // Binding: 1-based positions. Null optionals bind NULL.
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, std::string_view(*v));
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // Binds NULL for an empty string.
  Stmt& BindOrNull(int i, std::string_view v) {
    if (v.empty()) return BindNull(i);
    return Bind(i, v);
  }

  // Steps once. Returns true while a row is ready, false when done; a
  // failure sets `*st` and returns false.
  bool Step(Status* st) {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) *st = SqliteStatus(db_, rc, "query");
    return false;
  }
  // Runs to completion (for writes).
  Status Run() {
    Status st;
    while (Step(&st)) {
    }
    Reset();
    return st;
  }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string_view Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s_, col))) : std::string_view();
  }
  std::optional<std::string> OptText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return std::string(Text(col));
  }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

class Db {
 public:
  Db() = default;
  ~Db() {
    cache_.clear();  // statements before their connection
    if (db_) sqlite3_close_v2(db_);
  }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Open(const std::string& path, bool read_only, int busy_timeout_ms);
  // Runs one or more statements that take no parameters (schema, pragmas).
  Status Exec(std::string_view sql);
  // Prepares a statement; `*st` says why when it fails (the Stmt is then empty).
  Stmt Prepare(std::string_view sql, Status* st) const;
  // The same, prepared once per connection and reused: reset and unbound on
  // each call. For statements run again and again (one per event of every
  // document). The reference stays valid while the Db lives; one use at a
  // time per SQL text. On failure `*st` says why and the Stmt is empty.
  Stmt& Cached(const std::string& sql, Status* st) const;
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  mutable std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
  mutable Stmt none_;  // what Cached gives when preparing fails
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() succeeds. Inside
// an open transaction (`nested`), a SAVEPOINT that is released or rolled
// back alone.
class Transaction {
 public:
  explicit Transaction(Db* db, bool nested = false) : db_(db), nested_(nested) {}
  Status Begin() {
    Status st = db_->Exec(nested_ ? "SAVEPOINT one_document" : "BEGIN IMMEDIATE");
    open_ = st.ok();
    return st;
  }
  Status Commit() {
    Status st = db_->Exec(nested_ ? "RELEASE one_document" : "COMMIT");
    if (st.ok()) open_ = false;
    return st;
  }
  ~Transaction() {
    if (open_) (void)db_->Exec(nested_ ? "ROLLBACK TO one_document; RELEASE one_document" : "ROLLBACK");
  }

 private:
  Db* db_;
  bool nested_;
  bool open_ = false;
};

}  // namespace attache::store
