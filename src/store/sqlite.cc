#include "store/sqlite.h"

#include <string>

namespace attache::store {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: {
      // Named by its file, whichever statement met the damage.
      const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
      std::string named = file && *file ? std::string(file) + ": " : std::string();
      return Status::Corrupt(named + "the store is damaged or is not a database: " + msg +
                             " (nothing more is written to it; see README \"Recovering a store\")");
    }
    case SQLITE_FULL:
      msg += " (the disk is full)";
      return Status::IoError(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      msg += " (another process holds the store's write lock)";
      return Status::IoError(msg);
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE)
        msg += " (writing the store failed: a full disk, a limit on file size, or a failing device)";
      return Status::IoError(msg);
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status::IoError(msg);
    case SQLITE_TOOBIG:
      return Status::TooLarge(msg);
    case SQLITE_INTERRUPT:
      msg += " (the query ran past its time limit)";
      return Status::TooLarge(msg);
    default:
      return Status::InvalidArgument(msg);
  }
}

Status Db::Open(const std::string& path, bool read_only, int busy_timeout_ms) {
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteStatus(db_, rc, "cannot open " + path);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return st;
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (err) sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "sql");
  return Status::Ok();
}

Stmt Db::Prepare(std::string_view sql, Status* st) const {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) {
    *st = SqliteStatus(db_, rc, "prepare");
    return Stmt();
  }
  return Stmt(db_, s);
}

Stmt& Db::Cached(const std::string& sql, Status* st) const {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    Stmt s = Prepare(sql, st);
    if (!st->ok()) return none_;
    it = cache_.emplace(sql, std::make_unique<Stmt>(std::move(s))).first;
  } else {
    it->second->Reset();
  }
  return *it->second;
}

}  // namespace attache::store
