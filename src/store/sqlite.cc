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

namespace {

class SqliteStmt : public StmtImpl {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~SqliteStmt() override { sqlite3_finalize(s_); }
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(s_, i, v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) override { sqlite3_bind_null(s_, i); }
  bool Step(Status* st) override {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) *st = SqliteStatus(db_, rc, "query");
    return false;
  }
  void Reset() override {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  int64_t Int(int col) const override { return sqlite3_column_int64(s_, col); }
  std::string_view Text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s_, col))) : std::string_view();
  }
  ColumnType Type(int col) const override {
    switch (sqlite3_column_type(s_, col)) {
      case SQLITE_NULL: return ColumnType::kNull;
      case SQLITE_INTEGER: return ColumnType::kInteger;
      case SQLITE_FLOAT: return ColumnType::kFloat;
      default: return ColumnType::kText;
    }
  }
  int ColumnCount() const override { return sqlite3_column_count(s_); }
  std::string ColumnName(int col) const override { return sqlite3_column_name(s_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_;
};

}  // namespace

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, bool read_only, int busy_timeout_ms) {
  auto out = std::make_unique<SqliteDb>();
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &out->db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(out->db_, rc, "cannot open " + path);
  sqlite3_busy_timeout(out->db_, busy_timeout_ms);
  sqlite3_extended_result_codes(out->db_, 1);
  return out;
}

Status SqliteDb::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (err) sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "sql");
  return Status::Ok();
}

std::unique_ptr<StmtImpl> SqliteDb::Prepare(std::string_view sql, bool cached, Status* st) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    cached ? SQLITE_PREPARE_PERSISTENT : 0, &s, nullptr);
  if (rc != SQLITE_OK) {
    *st = SqliteStatus(db_, rc, "prepare");
    return nullptr;
  }
  return std::make_unique<SqliteStmt>(db_, s);
}

}  // namespace attache::store
