// Internal: the SQLite backend of the store's connection (db.h), a thin
// layer over the SQLite C API. Errors come back as attache::Status with
// SQLite's message and a code that says what the caller can do about it
// (kIoError for full disks and locks, kCorrupt for damaged files).
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "store/db.h"

namespace attache::store {

// A Status from SQLite's result code `rc` on `db`, with `what` in front.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

class SqliteDb : public DbImpl {
 public:
  ~SqliteDb() override;
  // Opens `path` (creating it unless read_only).
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool read_only, int busy_timeout_ms);
  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(std::string_view sql) override;
  std::unique_ptr<StmtImpl> Prepare(std::string_view sql, bool cached, Status* st) override;
  bool InTransaction() const override { return !sqlite3_get_autocommit(db_); }
  std::string BeginSql() const override { return "BEGIN IMMEDIATE"; }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// The SQLite connection of `db` (null when another backend holds it).
inline sqlite3* SqliteHandle(const Db& db) {
  auto* s = dynamic_cast<SqliteDb*>(db.impl());
  return s ? s->get() : nullptr;
}

}  // namespace attache::store
