#include "store/postgres.h"

#include "attache/countries.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/json.h"
#include "text/gazetteer.h"

namespace attache::store {

namespace {

// PostgreSQL type oids the store's rows tell apart.
constexpr Oid kJson = 114, kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

Status PgStatus(PGconn* conn, const PGresult* res, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  std::string err = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
  msg += err;
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  if (code == "57014") return Status::TooLarge(msg + " (the query ran past its time limit)");
  if (code == "53100") return Status::IoError(msg + " (the disk is full)");
  if (code.rfind("08", 0) == 0 || code.rfind("53", 0) == 0 || code.rfind("57", 0) == 0 ||
      code.rfind("40", 0) == 0 || code.empty()) {
    return Status::IoError(msg);
  }
  if (code.rfind("XX", 0) == 0) return Status::Corrupt(msg);
  return Status::InvalidArgument(msg);
}

// ?N stays N; a bare ? takes the next number after the largest so far
// (SQLite's rule). Quoted text and identifiers are copied as they are.
std::string TranslatePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int largest = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      out.push_back(c);
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
      continue;
    }
    if (c != '?') {
      out.push_back(c);
      continue;
    }
    size_t j = i + 1;
    int n = 0;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
    if (j == i + 1) n = largest + 1;
    if (n > largest) largest = n;
    out += "$" + std::to_string(n);
    i = j - 1;
  }
  return out;
}

// The SQLite functions the store's queries use, in PostgreSQL's words:
// renamed functions, and json_each/json_extract rewritten around their
// first argument. (Quoted text is left alone.)
size_t MatchingParen(const std::string& s, size_t open) {
  int depth = 0;
  char quote = 0;
  for (size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string::npos;
}

std::string TranslateFunctions(std::string sql) {
  static const std::pair<const char*, const char*> kRenames[] = {
{"json_object(", "json_build_object("},
{"group_concat(", "string_agg("},
      {"attache_country_name(", "pg_temp.attache_country_name("}};
  for (const auto& [from, to] : kRenames) {
    const std::string f = from, t = to;
    for (size_t p = sql.find(f); p != std::string::npos; p = sql.find(f, p + t.size())) {
      if (p > 0 && (std::isalnum(static_cast<unsigned char>(sql[p - 1])) || sql[p - 1] == '_' || sql[p - 1] == '.')) {
        continue;
      }
      sql.replace(p, f.size(), t);
    }
  }
  // json_array(X) and json_group_array(X) -> CAST(json_build_array(X) AS
  // TEXT), CAST(json_agg(X) AS TEXT): text, as the stored arrays they meet
  // in a UNION are (SQLite's JSON is text too).
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"json_array(", "json_build_array("},
                                 std::pair<std::string, std::string>{"json_group_array(", "json_agg("}}) {
    for (size_t p = sql.find(from); p != std::string::npos; p = sql.find(from, p + 1)) {
      if (p > 0 && (std::isalnum(static_cast<unsigned char>(sql[p - 1])) || sql[p - 1] == '_')) continue;
      const size_t open = p + from.size() - 1, close = MatchingParen(sql, open);
      if (close == std::string::npos) break;
      sql.replace(p, close + 1 - p, "CAST(" + to + sql.substr(open + 1, close - open - 1) + ") AS TEXT)");
    }
  }
  // json_each(X) -> json_array_elements_text((X)::json)
  for (size_t p = sql.find("json_each("); p != std::string::npos; p = sql.find("json_each(", p + 1)) {
    const size_t open = p + 9, close = MatchingParen(sql, open);
    if (close == std::string::npos) break;
    const std::string arg = sql.substr(open + 1, close - open - 1);
    sql.replace(p, close + 1 - p, "json_array_elements_text((" + arg + ")::json)");
  }
  // json_extract(X, '$[0].key') -> ((X)::json->0->>'key'); '$[0]' -> ->>0; '$.key' -> ->>'key'
  for (size_t p = sql.find("json_extract("); p != std::string::npos; p = sql.find("json_extract(", p + 1)) {
    const size_t open = p + 12, close = MatchingParen(sql, open);
    if (close == std::string::npos) break;
    const std::string inner = sql.substr(open + 1, close - open - 1);
    const size_t comma = inner.rfind(", '$");
    if (comma == std::string::npos) continue;
    std::string path = inner.substr(comma + 3, inner.size() - comma - 4);  // $...
    std::string expr = "(" + inner.substr(0, comma) + ")::json";
    std::vector<std::string> steps;
    for (size_t i = 1; i < path.size();) {
      if (path[i] == '[') {
        const size_t e = path.find(']', i);
        steps.push_back(path.substr(i + 1, e - i - 1));
        i = e + 1;
      } else if (path[i] == '.') {
        size_t e = i + 1;
        while (e < path.size() && path[e] != '.' && path[e] != '[') ++e;
        steps.push_back("'" + path.substr(i + 1, e - i - 1) + "'");
        i = e;
      } else {
        break;
      }
    }
    for (size_t k = 0; k < steps.size(); ++k) expr += (k + 1 == steps.size() ? "->>" : "->") + steps[k];
    sql.replace(p, close + 1 - p, "(" + expr + ")");
  }
  return sql;
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

class PgStmt : public StmtImpl {
 public:
  PgStmt(PGconn* conn, std::string sql, std::string name) : conn_(conn), sql_(std::move(sql)), name_(std::move(name)) {}
  ~PgStmt() override { Clear(); }
  void BindInt(int i, int64_t v) override { Set(i, std::to_string(v)); }
  void BindText(int i, std::string_view v) override { Set(i, std::string(v)); }
  void BindNull(int i) override { Set(i, std::nullopt); }
  bool Step(Status* st) override {
    if (!executed_) Execute();
    if (failed_) {
      if (st->ok() && !error_.ok()) *st = error_;
      error_ = Status::Ok();
      return false;
    }
    return ++row_ < rows_;
  }
  void Reset() override {
    Clear();
    failed_ = executed_ = false;
    error_ = Status::Ok();
    params_.clear();
  }
  int64_t Int(int col) const override {
    const char* v = PQgetvalue(res_, row_, col);
    if (PQftype(res_, col) == kBool) return v[0] == 't' ? 1 : 0;
    return std::strtoll(v, nullptr, 10);
  }
  std::string_view Text(int col) const override {
    if (PQgetisnull(res_, row_, col)) return {};
    const std::string_view v(PQgetvalue(res_, row_, col), static_cast<size_t>(PQgetlength(res_, row_, col)));
    if (PQftype(res_, col) != kJson && !EndsWith(PQfname(res_, col), "_json")) return v;
    // json_build_object writes "a" : 1, "b" : 2; SQLite's JSON is compact.
    std::string& out = json_buf_[col];
    out.clear();
    bool in_string = false, escaped = false;
    for (char c : v) {
      if (in_string) {
        out.push_back(c);
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
        out.push_back(c);
      } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        out.push_back(c);
      }
    }
    return out;
  }
  ColumnType Type(int col) const override {
    if (PQgetisnull(res_, row_, col)) return ColumnType::kNull;
    switch (PQftype(res_, col)) {
      case kBool:
      case kInt2:
      case kInt4:
      case kInt8:
        return ColumnType::kInteger;
      case kNumeric: {  // sum() of integers: an integer unless it has a point
        const std::string_view v = Text(col);
        return v.find('.') == std::string_view::npos ? ColumnType::kInteger : ColumnType::kFloat;
      }
      case kFloat4:
      case kFloat8:
        return ColumnType::kFloat;
      default:
        return ColumnType::kText;
    }
  }
  // Column names are known once the statement has run (it runs here if
  // it has not yet: a CSV export writes its header before the first row).
  int ColumnCount() const override {
    if (!executed_) Execute();
    return res_ ? PQnfields(res_) : 0;
  }
  std::string ColumnName(int col) const override {
    if (!executed_) Execute();
    return res_ ? PQfname(res_, col) : "";
  }

 private:
  void Execute() const {
    executed_ = true;
    std::vector<const char*> values(params_.size());
    for (size_t i = 0; i < params_.size(); ++i) values[i] = params_[i] ? params_[i]->c_str() : nullptr;
    const int n = static_cast<int>(values.size());
    res_ = name_.empty() ? PQexecParams(conn_, sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                         : PQexecPrepared(conn_, name_.c_str(), n, values.data(), nullptr, nullptr, 0);
    const ExecStatusType t = PQresultStatus(res_);
    if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK) {
      error_ = PgStatus(conn_, res_, "query");
      failed_ = true;
      PQclear(res_);
      res_ = nullptr;
      return;
    }
    row_ = -1;
    rows_ = PQntuples(res_);
  }
  void Set(int i, std::optional<std::string> v) {
    if (i < 1) return;
    if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
    params_[static_cast<size_t>(i) - 1] = std::move(v);
  }
  void Clear() {
    if (res_) PQclear(res_);
    res_ = nullptr;
  }
  PGconn* conn_;
  std::string sql_, name_;
  std::vector<std::optional<std::string>> params_;
  mutable PGresult* res_ = nullptr;
  mutable int row_ = -1, rows_ = 0;
  mutable bool executed_ = false, failed_ = false;
  mutable Status error_;
  mutable std::unordered_map<int, std::string> json_buf_;  // compacted JSON columns of the current row
};

class PgDb : public DbImpl {
 public:
  explicit PgDb(PGconn* c) : conn_(c) {}
  ~PgDb() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Exec(std::string_view sql) override {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    const ExecStatusType t = PQresultStatus(r);
    Status st;
    if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) st = PgStatus(conn_, r, "sql");
    PQclear(r);
    return st;
  }
  std::unique_ptr<StmtImpl> Prepare(std::string_view sql, bool cached, Status* st) override {
    std::string text = TranslatePlaceholders(TranslateFunctions(std::string(sql)));
    std::string name;
    if (cached) {
      name = "attache_" + std::to_string(++prepared_);
      PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
      if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        *st = PgStatus(conn_, r, "prepare");
        PQclear(r);
        return nullptr;
      }
      PQclear(r);
    }
    return std::make_unique<PgStmt>(conn_, std::move(text), std::move(name));
  }
  bool InTransaction() const override { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }
  // Store::Add then takes the document's keyed locks (LockKeys below).
  std::string BeginSql() const override { return "BEGIN"; }
  PGconn* conn() const { return conn_; }

 private:
  PGconn* conn_;
  int prepared_ = 0;
};

}  // namespace

Status LockKeys(Db* db, std::vector<int64_t> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string array = "{";
  for (size_t i = 0; i < keys.size(); ++i) array += (i ? "," : "") + std::to_string(keys[i]);
  array += "}";
  Status st;
  // In the array's order (sorted): two writers never wait on each other in a circle.
  Stmt& s = db->Cached(
      "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?1::bigint[]) WITH ORDINALITY AS t(k, n)", &st);
  if (!st.ok()) return st;
  s.Bind(1, array);
  return s.Run();
}

bool IsPostgresUrl(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

Status OpenPostgres(Db* db, const std::string& url, const StoreOptions& options) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string err = PQerrorMessage(c);
    while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
    PQfinish(c);
    return Status::IoError("cannot open " + url + ": " + err);
  }
  auto impl = std::make_unique<PgDb>(c);
  db->Reset(std::move(impl));
  auto named = [&](Status st) { return Status(st.code(), url + ": " + st.message()); };
  if (Status st = db->Exec("SET client_min_messages = warning; SET lock_timeout = " +
                           std::to_string(options.busy_timeout_ms) +
                           (options.query_timeout_ms > 0
                                ? "; SET statement_timeout = " + std::to_string(options.query_timeout_ms)
                                : std::string()));
      !st.ok()) {
    return named(st);
  }
  // The schema: meta.schema_version says which of PgMigrations() are in.
  Status st;
  int64_t version = 0;
  {
    Stmt t = db->Prepare(
        "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()), "
        "(SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name = 'meta')",
        &st);
    if (!st.ok()) return named(st);
    int64_t tables = 0, meta = 0;
    if (t.Step(&st)) {
      tables = t.Int(0);
      meta = t.Int(1);
    }
    if (!st.ok()) return named(st);
    if (tables > 0 && meta == 0) return Status::Corrupt(url + ": not an attache store (a database with other tables)");
    if (meta) {
      Stmt v = db->Prepare("SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')", &st);
      if (!st.ok()) return named(st);
      bool ours = false;
      while (v.Step(&st)) {
        if (v.Text(0) == "application") ours = v.Text(1) == "attache";
        else version = std::strtoll(std::string(v.Text(1)).c_str(), nullptr, 10);
      }
      if (!st.ok()) return named(st);
      if (!ours) return Status::Corrupt(url + ": not an attache store");
    }
  }
  const int64_t known = static_cast<int64_t>(PgMigrations().size());
  if (version > known) {
    return Status::InvalidArgument(url + ": store schema version " + std::to_string(version) +
                                   " is newer than this attache knows (" + std::to_string(known) +
                                   "); use a newer attache");
  }
  if (version < known && options.read_only && version == 0) {
    return Status::NotFound(url + ": not an attache store (no schema; run attache ingest first)");
  }
  for (int64_t i = version; i < known; ++i) {
    // Two processes opening a new store at once: the lock makes one migrate
    // and the other find the work done.
    Transaction tx(db);
    if (Status s = tx.Begin(); !s.ok()) return named(s);
    if (Status s = db->Exec("SELECT pg_advisory_xact_lock(7346193)"); !s.ok()) return named(s);
    int64_t now = 0;
    {
      Stmt m = db->Prepare("SELECT to_regclass('meta') IS NOT NULL", &st);
      const bool has_meta = st.ok() && m.Step(&st) && m.Int(0) == 1;
      if (!st.ok()) return named(st);
      if (has_meta) {
        Stmt v = db->Prepare("SELECT coalesce(max(value::bigint), 0) FROM meta WHERE key = 'schema_version'", &st);
        if (st.ok() && v.Step(&st)) now = v.Int(0);
        if (!st.ok()) return named(st);
      }
    }
    if (now > i) continue;
    if (Status s = db->Exec(PgMigrations()[static_cast<size_t>(i)]); !s.ok()) return named(s);
    if (Status s = db->Exec("INSERT INTO meta(key, value) VALUES ('schema_version', '" + std::to_string(i + 1) +
                            "') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        !s.ok()) {
      return named(s);
    }
    if (Status s = tx.Commit(); !s.ok()) return named(s);
  }
  // attache_country_name(code), as SQLite has it: the names of every code
  // the gazetteer knows (so that rows added by this session are named too,
  // not only the codes the store held when it was opened), in a table and a
  // function of this session's own, filled by one statement.
  if (Status s = db->Exec(
          "CREATE TEMP TABLE country_names(code TEXT PRIMARY KEY, name TEXT NOT NULL); "
          "CREATE FUNCTION pg_temp.attache_country_name(text) RETURNS text LANGUAGE sql STABLE AS "
          "'SELECT name FROM pg_temp.country_names WHERE code = $1'");
      !s.ok()) {
    return named(s);
  }
  {
    std::string names = "{";
    std::set<std::string> seen;
    for (const auto& [form, entry] : text::AllSurfaceForms("en")) {
      const text::Entity* e = entry.entity;
      if (!e || e->kind == text::EntityKind::kCity || e->kind == text::EntityKind::kRegion) continue;
      const std::string code(e->code);
      if (!seen.insert(code).second) continue;
      const std::string name = CountryName(code);
      if (name.empty()) continue;
      if (names.size() > 1) names += ',';
      json::AppendString(&names, code);
      names += ':';
      json::AppendString(&names, name);
    }
    names += '}';
    Stmt ins = db->Prepare(
        "INSERT INTO pg_temp.country_names(code, name) SELECT key, value FROM json_each_text(CAST(?1 AS json)) "
        "ON CONFLICT DO NOTHING",
        &st);
    if (!st.ok()) return named(st);
    ins.Bind(1, names);
    if (Status r = ins.Run(); !r.ok()) return named(r);
  }
  if (options.read_only) {
    if (Status s = db->Exec("SET default_transaction_read_only = on"); !s.ok()) return named(s);
  }
  return Status::Ok();
}

}  // namespace attache::store
