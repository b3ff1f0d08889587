// Internal: the store's database connection, whichever backend holds it
// (SQLite: sqlite.h; PostgreSQL: postgres.h). The store's code prepares
// statements written with SQLite-style placeholders (?1, or ? numbered in
// order) and bound values; no SQL is ever built from values. A backend
// translates what differs (PostgreSQL's $1 placeholders); the few places
// where the SQL itself differs ask Db::dialect().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "attache/status.h"

namespace attache::store {

enum class Dialect { kSqlite, kPostgres };
enum class ColumnType { kNull, kInteger, kFloat, kText };

// One prepared statement of a backend.
class StmtImpl {
 public:
  virtual ~StmtImpl() = default;
  virtual void BindInt(int i, int64_t v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  virtual void BindNull(int i) = 0;
  // True while a row is ready; false when done, or on failure with `*st` set.
  virtual bool Step(Status* st) = 0;
  // Back to before the first Step, with no values bound.
  virtual void Reset() = 0;
  virtual int64_t Int(int col) const = 0;
  virtual std::string_view Text(int col) const = 0;
  virtual ColumnType Type(int col) const = 0;
  virtual int ColumnCount() const = 0;
  virtual std::string ColumnName(int col) const = 0;
};

class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(std::unique_ptr<StmtImpl> impl) : s_(std::move(impl)) {}

  // Binding: 1-based positions. Null optionals bind NULL.
  Stmt& Bind(int i, int64_t v) {
    s_->BindInt(i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, std::string_view v) {
    s_->BindText(i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, std::string_view(*v));
    return BindNull(i);
  }
  Stmt& BindNull(int i) {
    s_->BindNull(i);
    return *this;
  }
  // Binds NULL for an empty string.
  Stmt& BindOrNull(int i, std::string_view v) {
    if (v.empty()) return BindNull(i);
    return Bind(i, v);
  }

  // Steps once. Returns true while a row is ready, false when done; a
  // failure sets `*st` and returns false.
  bool Step(Status* st) { return s_->Step(st); }
  // Runs to completion (for writes).
  Status Run() {
    Status st;
    while (Step(&st)) {
    }
    Reset();
    return st;
  }
  void Reset() { s_->Reset(); }

  int64_t Int(int col) const { return s_->Int(col); }
  bool IsNull(int col) const { return s_->Type(col) == ColumnType::kNull; }
  ColumnType Type(int col) const { return s_->Type(col); }
  std::string_view Text(int col) const { return s_->Text(col); }
  std::optional<std::string> OptText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return std::string(Text(col));
  }
  int ColumnCount() const { return s_->ColumnCount(); }
  std::string ColumnName(int col) const { return s_->ColumnName(col); }
  bool empty() const { return !s_; }
  StmtImpl* impl() const { return s_.get(); }

 private:
  std::unique_ptr<StmtImpl> s_;
};

// One connection of a backend.
class DbImpl {
 public:
  virtual ~DbImpl() = default;
  virtual Dialect dialect() const = 0;
  // Runs statements that take no parameters (schema, transactions).
  virtual Status Exec(std::string_view sql) = 0;
  // `cached`: the statement is kept and run again and again.
  virtual std::unique_ptr<StmtImpl> Prepare(std::string_view sql, bool cached, Status* st) = 0;
  // Whether a transaction is open (a failed statement may have ended it).
  virtual bool InTransaction() const = 0;
  // Opens a writing transaction ("BEGIN IMMEDIATE"; PostgreSQL also takes
  // the store's write lock, so that concurrent writers merge as one would).
  virtual std::string BeginSql() const = 0;
};

class Db {
 public:
  Db() = default;
  ~Db() {
    cache_.clear();  // statements before their connection
    impl_.reset();
  }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void Reset(std::unique_ptr<DbImpl> impl) {
    cache_.clear();
    impl_ = std::move(impl);
  }
  DbImpl* impl() const { return impl_.get(); }
  Dialect dialect() const { return impl_->dialect(); }
  bool postgres() const { return dialect() == Dialect::kPostgres; }
  Status Exec(std::string_view sql) { return impl_->Exec(sql); }
  // Prepares a statement; `*st` says why when it fails (the Stmt is then empty).
  Stmt Prepare(std::string_view sql, Status* st) const {
    auto s = impl_->Prepare(sql, false, st);
    if (!st->ok()) return Stmt();
    return Stmt(std::move(s));
  }
  // The same, prepared once per connection and reused: reset and unbound on
  // each call. For statements run again and again (one per event of every
  // document). The reference stays valid while the Db lives; one use at a
  // time per SQL text. On failure `*st` says why and the Stmt is empty.
  Stmt& Cached(const std::string& sql, Status* st) const {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      auto s = impl_->Prepare(sql, true, st);
      if (!st->ok()) return none_;
      it = cache_.emplace(sql, std::make_unique<Stmt>(std::move(s))).first;
    } else {
      it->second->Reset();
    }
    return *it->second;
  }
  bool InTransaction() const { return impl_->InTransaction(); }
  std::string BeginSql() const { return impl_->BeginSql(); }

 private:
  std::unique_ptr<DbImpl> impl_;
  mutable std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
  mutable Stmt none_;  // what Cached gives when preparing fails
};

// A writing transaction, rolled back unless Commit() succeeds. Inside an
// open transaction (`nested`), a SAVEPOINT that is released or rolled back
// alone.
class Transaction {
 public:
  explicit Transaction(Db* db, bool nested = false) : db_(db), nested_(nested) {}
  Status Begin() {
    Status st = db_->Exec(nested_ ? "SAVEPOINT one_document" : db_->BeginSql());
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
