// The store's questions: search, quotes, visits, meetings, timelines,
// actors, the balance, and exports. Every value reaches SQLite as a bound
// parameter.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "attache/store.h"
#include "core/json.h"
#include "store/event_dates.h"
#include "store/dialect.h"
#include "store/rows.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "text/officeholders.h"

namespace attache {

extern const char* const kDefaultBlocsTsv;

using store::Stmt;
using store::Where;

namespace {

constexpr int kMaxRows = 1000;
// Full-text search ranks at most this many of the most recently stored
// matches, so that a common word costs no more than a rare one.
constexpr int kSearchRankWindow = 200;

int Limit(const QueryFilter& f) { return std::clamp(f.limit, 1, kMaxRows); }

Status CheckDate(const std::string& d, const char* what) {
  if (d.empty() || !store::DayBound(d, false).empty()) return Status::Ok();
  return Status::InvalidArgument(std::string(what) + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD (got '" + d + "')");
}

Status CheckFilter(const QueryFilter& f) {
  if (Status s = CheckDate(f.from, "from"); !s.ok()) return s;
  if (Status s = CheckDate(f.to, "to"); !s.ok()) return s;
  for (const std::string& st : f.status) {
    if (st != "planned" && st != "ongoing" && st != "past") {
      return Status::InvalidArgument("status must be planned, ongoing or past (got '" + st + "')");
    }
  }
  if (f.offset < 0) return Status::InvalidArgument("offset must not be negative");
  return Status::Ok();
}

// Conditions on a date column (text, YYYY[-MM[-DD]]) from the filter's range.
void AddDateRange(Where* w, const QueryFilter& f, std::string_view column) {
  if (!f.from.empty()) w->Add(std::string(column) + " >= ?", {store::DayBound(f.from, false)});
  if (!f.to.empty()) w->Add(std::string(column) + " <= ? || '~'", {store::DayBound(f.to, true)});
}

void AddStatus(Where* w, const std::vector<std::string>& status, std::string_view column) {
  if (status.empty()) return;
  std::string c = std::string(column) + " IN (";
  for (size_t i = 0; i < status.size(); ++i) c += i ? ", ?" : "?";
  c += ")";
  w->Add(c, status);
}

// Actors whose folded name is the person's, or ends with it (a surname).
void AddPerson(Where* w, const std::string& person, std::string_view actor_id_column) {
  if (person.empty()) return;
  std::string key = text::FoldPersonName(person);
  if (key.empty()) key = person;
  w->Add(std::string(actor_id_column) + " IN (SELECT id FROM actors WHERE key = ? OR key LIKE '% ' || ?)",
         {key, key});
}

Result<JsonRows> Run(const store::Db& db, const std::string& sql, const Where& w,
                     const std::vector<int64_t>& tail_ints) {
  Status st;
  Stmt s = db.Prepare(sql, &st);
  if (!st.ok()) return st;
  w.BindTo(&s);
  int pos = w.Next();
  for (int64_t v : tail_ints) s.Bind(pos++, v);
  JsonRows rows = store::RowsToJson(&s, &st);
  if (!st.ok()) return st;
  return rows;
}

constexpr const char* kVisitColumns =
    "v.id, v.visitor, v.visitor_role, v.visitor_country, v.host_country, v.place, v.date, v.status, "
    "v.cameo, v.plover_type, v.plover_mode, v.reports";

constexpr const char* kMeetingColumns =
    "m.id, m.participants AS participants_json, m.place, m.date, m.status, m.cameo, m.plover_type, "
    "m.plover_mode, m.reports";

}  // namespace

Result<JsonRows> Store::SearchArticles(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  const std::string fts = store::FtsQuery(f.text);
  Where w(fts.empty() ? 1 : 2);
  if (!f.outlet.empty()) w.Add(store::NoCaseEq(impl_->db, "m.outlet"), {f.outlet});
  if (!f.lang.empty()) w.Add("m.lang = ?", {f.lang});
  AddDateRange(&w, f, "m.published_day");
  std::string sql;
  const bool pg = impl_->db.postgres();
  if (!fts.empty() && pg) {
    // The same ranking over PostgreSQL's text search: among the most recent
    // matches, headline matches first; the passages are made below.
    sql = "WITH q AS (SELECT websearch_to_tsquery('simple', ?1) AS q), hits AS (SELECT a.id, CASE WHEN "
          "to_tsvector('simple', coalesce(a.title, '')) @@ q.q THEN 0 ELSE 1 END AS tier FROM q, articles a "
          "JOIN article_meta m ON m.id = a.id WHERE a.tsv @@ q.q" + w.AndSql() +
          " ORDER BY a.id DESC LIMIT " + std::to_string(kSearchRankWindow) +
          ") SELECT a.id, a.title, a.url, a.outlet, a.published, a.lang, a.source, a.duplicate_of, a.text "
          "FROM hits JOIN articles a ON a.id = hits.id ORDER BY hits.tier, hits.id DESC LIMIT ? OFFSET ?";
  } else if (!fts.empty()) {
    // News ranking that costs the same for a word in half the record as for
    // a rare one: among the kSearchRankWindow most recently stored matches,
    // those with the words in the headline come first, then the others,
    // newest first. (bm25 would count every match of every term to weigh
    // them, which is what made common words slow.) The passages are made for
    // the page of results only.
    const std::string join = w.Count() ? "JOIN article_meta m ON m.id = articles_fts.rowid " : "";
    const std::string window = " ORDER BY articles_fts.rowid DESC LIMIT " + std::to_string(kSearchRankWindow);
    sql = "WITH th AS (SELECT articles_fts.rowid AS id, 0 AS tier FROM articles_fts " + join +
          "WHERE articles_fts MATCH '{title} : (' || ?1 || ')'" + w.AndSql() + window +
          "), bh AS (SELECT articles_fts.rowid AS id, 1 AS tier FROM articles_fts " + join +
          "WHERE articles_fts MATCH ?1" + w.AndSql() + window +
          "), top AS (SELECT id, min(tier) AS tier FROM (SELECT * FROM th UNION ALL SELECT * FROM bh) GROUP BY id "
          "ORDER BY tier, id DESC LIMIT ? OFFSET ?) "
          "SELECT a.id, a.title, a.url, a.outlet, a.published, a.lang, a.source, a.duplicate_of, "
          "attache_snippet(a.text, ?1) AS snippet FROM top JOIN articles a ON a.id = top.id ORDER BY top.tier, top.id DESC";
  } else {
    sql =
        "SELECT a.id, a.title, a.url, a.outlet, a.published, a.lang, a.source, a.duplicate_of, "
        "substr(a.text, 1, 160) AS snippet FROM article_meta m JOIN articles a ON a.id = m.id" +
        w.Sql() + " ORDER BY m.published_day" + store::Desc(impl_->db) + ", m.id DESC LIMIT ? OFFSET ?";
  }
  Status st;
  Stmt s = impl_->db.Prepare(sql, &st);
  if (!st.ok()) return st;
  if (!fts.empty()) s.Bind(1, pg ? f.text : fts);
  w.BindTo(&s);
  s.Bind(w.Next(), Limit(f)).Bind(w.Next() + 1, f.offset);
  JsonRows rows;
  if (!fts.empty() && pg) {
    while (s.Step(&st)) {
      std::string row = store::RowJson(s, s.ColumnCount() - 1);
      row.pop_back();
      row += ",\"snippet\":" + json::Quote(store::MakeSnippet(s.Text(s.ColumnCount() - 1), fts)) + "}";
      rows.push_back(std::move(row));
    }
  } else {
    rows = store::RowsToJson(&s, &st);
  }
  if (!st.ok()) {
    if (st.message().find("fts5") != std::string::npos) {
      return Status::InvalidArgument("cannot search for '" + f.text + "': " + st.message());
    }
    return st;
  }
  return rows;
}

Result<std::string> Store::ArticleJson(int64_t id) const {
  const store::Db& db = impl_->db;
  Status st;
  Stmt a = db.Prepare(
      "SELECT id, source, url, title, subtitle, published, outlet, authors AS authors_json, section, lang, views, "
      "text, duplicate_of, ingested_at FROM articles WHERE id = ?1",
      &st);
  if (!st.ok()) return st;
  a.Bind(1, id);
  JsonRows art = store::RowsToJson(&a, &st);
  if (!st.ok()) return st;
  if (art.empty()) return Status::NotFound("no article " + std::to_string(id));

  auto rows_of = [&](const std::string& sql, JsonRows* out) {
    Stmt q = db.Prepare(sql, &st);
    if (!st.ok()) return false;
    q.Bind(1, id);
    *out = store::RowsToJson(&q, &st);
    return st.ok();
  };
  JsonRows quotes, visits, meetings;
  if (!rows_of("SELECT id, speaker, speaker_role, channel, direct, text, begin, \"end\", cue FROM quotes "
               "WHERE article_id = ?1 ORDER BY begin",
               &quotes) ||
      !rows_of(std::string("SELECT ") + kVisitColumns +
                   ", vs.mentions AS mentions_json FROM visit_sources vs JOIN visits v ON v.id = vs.visit_id "
                   "WHERE vs.article_id = ?1 ORDER BY v.id",
               &visits) ||
      !rows_of(std::string("SELECT ") + kMeetingColumns +
                   ", ms.mentions AS mentions_json FROM meeting_sources ms JOIN meetings m "
                   "ON m.id = ms.meeting_id WHERE ms.article_id = ?1 ORDER BY m.id",
               &meetings)) {
    return st;
  }

  std::string out = art[0];
  out.pop_back();
  out += ",\"quotes\":" + store::JoinArray(quotes) + ",\"visits\":" + store::JoinArray(visits) +
         ",\"meetings\":" + store::JoinArray(meetings) + "}";
  return out;
}

Result<JsonRows> Store::Quotes(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  Where w;
  if (!f.text.empty()) {
    const std::string fts = store::FtsQuery(f.text);
    if (impl_->db.postgres()) {
      w.Add("to_tsvector('simple', q.text) @@ websearch_to_tsquery('simple', ?)", {f.text});
    } else if (!fts.empty()) {
      w.Add("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", {fts});
    }
  }
  AddPerson(&w, f.speaker, "q.actor_id");
  if (!f.channel.empty()) w.Add(store::NoCaseEq(impl_->db, "q.channel"), {f.channel});
  if (!f.outlet.empty()) w.Add(store::NoCaseEq(impl_->db, "a.outlet"), {f.outlet});
  AddDateRange(&w, f, "a.published_day");
  const std::string sql =
      "SELECT q.id, q.speaker, q.speaker_role, q.channel, q.direct, q.text, q.cue, q.article_id, "
      "a.title AS article_title, a.outlet, a.published, a.url FROM quotes q JOIN articles a ON a.id = q.article_id" +
      w.Sql() + " ORDER BY a.published_day" + store::Desc(impl_->db) + ", q.id LIMIT ? OFFSET ?";
  return Run(impl_->db, sql, w, {Limit(f), f.offset});
}

Result<JsonRows> Store::Visits(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  Where w;
  if (!f.host.empty()) w.Add("v.host_country = ?", {f.host});
  if (!f.visitor_country.empty()) w.Add("v.visitor_country = ?", {f.visitor_country});
  AddPerson(&w, f.person, "v.actor_id");
  AddStatus(&w, f.status, "v.status");
  AddDateRange(&w, f, "v.date");
  const std::string sql = std::string("SELECT ") + kVisitColumns + " FROM visits v" + w.Sql() +
                          " ORDER BY coalesce(v.date, v.anchor)" + store::Desc(impl_->db) + ", v.id DESC LIMIT ? OFFSET ?";
  return Run(impl_->db, sql, w, {Limit(f), f.offset});
}

Result<JsonRows> Store::Meetings(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  Where w;
  if (!f.person.empty()) {
    std::string key = text::FoldPersonName(f.person);
    if (key.empty()) key = f.person;
    w.Add("m.id IN (SELECT meeting_id FROM meeting_participants WHERE actor_id IN "
          "(SELECT id FROM actors WHERE key = ? OR key LIKE '% ' || ?))",
          {key, key});
  }
  AddStatus(&w, f.status, "m.status");
  AddDateRange(&w, f, "m.date");
  const std::string sql = std::string("SELECT ") + kMeetingColumns + " FROM meetings m" + w.Sql() +
                          " ORDER BY coalesce(m.date, m.anchor)" + store::Desc(impl_->db) + ", m.id DESC LIMIT ? OFFSET ?";
  return Run(impl_->db, sql, w, {Limit(f), f.offset});
}

Result<JsonRows> Store::Timeline(const std::string& person, const QueryFilter& f) const {
  if (person.empty()) return Status::InvalidArgument("a timeline needs a person's name");
  if (Status s = CheckFilter(f); !s.ok()) return s;
  std::string key = text::FoldPersonName(person);
  if (key.empty()) key = person;
  // ?1 key, ?2 from, ?3 to (day bounds; '' and '~' when open).
  const std::string sql =
      "WITH who AS (SELECT id FROM actors WHERE key = ?1 OR key LIKE '% ' || ?1), "
      "events AS ("
      " SELECT coalesce(v.date, v.anchor) AS day, 'visit' AS kind, v.id AS id, v.visitor AS actor, "
      "  v.host_country AS country, v.place AS place, v.status AS status, NULL AS text, CAST(NULL AS INTEGER) AS article_id "
      " FROM visits v WHERE v.actor_id IN (SELECT id FROM who) "
      " UNION ALL SELECT coalesce(m.date, m.anchor), 'meeting', m.id, m.participants, NULL, m.place, m.status, "
      "  NULL, NULL FROM meetings m WHERE m.id IN "
      "  (SELECT meeting_id FROM meeting_participants WHERE actor_id IN (SELECT id FROM who)) "
      " UNION ALL SELECT a.published_day, 'quote', q.id, q.speaker, NULL, NULL, NULL, q.text, q.article_id "
      " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.actor_id IN (SELECT id FROM who)) "
      "SELECT day, kind, id, actor, country, place, status, text, article_id FROM events "
      "WHERE coalesce(day, '') >= ?2 AND coalesce(day, '') <= ?3 ORDER BY day" + std::string(store::Asc(impl_->db)) +
      ", kind, id LIMIT ?4 OFFSET ?5";
  Status st;
  Stmt s = impl_->db.Prepare(sql, &st);
  if (!st.ok()) return st;
  s.Bind(1, key).Bind(2, f.from.empty() ? "" : store::DayBound(f.from, false));
  s.Bind(3, f.to.empty() ? "~" : store::DayBound(f.to, true) + "~");
  s.Bind(4, Limit(f)).Bind(5, f.offset);
  JsonRows rows = store::RowsToJson(&s, &st);
  if (!st.ok()) return st;
  return rows;
}

Result<JsonRows> Store::Actors(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  Where w;
  if (!f.text.empty()) w.Add(std::string("ac.name") + store::Like(impl_->db) + "'%' || ? || '%'", {f.text});
  const std::string sql =
      "SELECT * FROM (SELECT ac.id, ac.name, ac.role, ac.country, "
      "(SELECT count(*) FROM visits v WHERE v.actor_id = ac.id) AS visits, "
      "(SELECT count(*) FROM meeting_participants mp WHERE mp.actor_id = ac.id) AS meetings, "
      "(SELECT count(*) FROM quotes q WHERE q.actor_id = ac.id) AS quotes FROM actors ac" +
      w.Sql() + ") t ORDER BY visits + meetings + quotes DESC, name LIMIT ? OFFSET ?";
  return Run(impl_->db, sql, w, {Limit(f), f.offset});
}

Result<JsonRows> Store::VisitSources(int64_t visit_id) const {
  Status st;
  Stmt s = impl_->db.Prepare(
      "SELECT a.id AS article_id, a.title, a.url, a.outlet, a.published, a.source, vs.date, vs.status, "
      "vs.mentions AS mentions_json FROM visit_sources vs JOIN articles a ON a.id = vs.article_id "
      "WHERE vs.visit_id = ?1 ORDER BY a.published_day" + std::string(store::Asc(impl_->db)) + ", a.id",
      &st);
  if (!st.ok()) return st;
  s.Bind(1, visit_id);
  JsonRows rows = store::RowsToJson(&s, &st);
  if (!st.ok()) return st;
  return rows;
}

Result<JsonRows> Store::VisitsByIds(const std::vector<int64_t>& ids) const {
  if (ids.size() > static_cast<size_t>(kMaxRows)) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxRows) + " visit ids at once");
  }
  std::string list = "[";
  for (size_t i = 0; i < ids.size(); ++i) list += (i ? "," : "") + std::to_string(ids[i]);
  list += "]";
  Where w;
  w.Add(store::InJsonIds(impl_->db, "v.id"), {list});
  const std::string sql = std::string("SELECT ") + kVisitColumns + " FROM visits v" + w.Sql() +
                          " ORDER BY coalesce(v.date, v.anchor)" + store::Asc(impl_->db) + ", v.id";
  return Run(impl_->db, sql, w, {});
}

// ---- the balance ----

const std::string& DefaultBlocs() {
  static const std::string kText = kDefaultBlocsTsv;
  return kText;
}

namespace {

// partner code -> bloc name, from the bloc file's text.
Result<std::map<std::string, std::string>> ParseBlocs(const std::string& tsv) {
  std::map<std::string, std::string> out;
  std::istringstream in(tsv);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      return Status::InvalidArgument("blocs line " + std::to_string(n) +
                                     ": expected a bloc name, a tab, then member codes");
    }
    const std::string bloc = line.substr(0, tab);
    std::istringstream members(line.substr(tab + 1));
    std::string code;
    while (members >> code) {
      while (!code.empty() && code.back() == ',') code.pop_back();
      if (!code.empty()) out.emplace(code, bloc);
    }
  }
  return out;
}

}  // namespace

Result<std::vector<BalanceRow>> Store::Balance(const BalanceQuery& q) const {
  if (q.host.empty()) return Status::InvalidArgument("the balance needs a host country (--host, ISO alpha-3)");
  if (q.by != "month" && q.by != "quarter" && q.by != "year") {
    return Status::InvalidArgument("--by must be month, quarter or year (got '" + q.by + "')");
  }
  QueryFilter check;
  check.from = q.from;
  check.to = q.to;
  check.status = q.status;
  if (Status s = CheckFilter(check); !s.ok()) return s;
  // The built-in blocs are parsed once; a user's file on each call.
  static const auto kDefault = ParseBlocs(DefaultBlocs());
  std::optional<decltype(ParseBlocs(""))> custom;
  const auto* blocs = &kDefault;
  if (!q.blocs_tsv.empty()) blocs = &custom.emplace(ParseBlocs(q.blocs_tsv));
  if (!blocs->ok()) return blocs->status();

  const std::string from_m = q.from.empty() ? "" : store::MonthBound(q.from, false);
  const std::string to_m = q.to.empty() ? "~" : store::MonthBound(q.to, true);
  // ?1 host, ?2 and ?3 the month range (an open range is '' to '~', which
  // also takes the visits with no month and no report date). A visit of
  // unknown month counts apart, under the month it was reported in.
  // Without ids the counts come from visit_counts (kept by triggers); with
  // ids every visit is read, from the covering index.
  Where w(4);
  std::string sql;
  if (!q.with_visit_ids) {
    AddStatus(&w, q.status, "c.status");
    sql = "SELECT c.partner, c.month, c.undated, sum(c.n), NULL FROM visit_counts c WHERE c.host_country = ?1 "
          "AND c.partner != ?1 AND c.month BETWEEN ?2 AND ?3" +
          w.AndSql() + " GROUP BY c.partner, c.month, c.undated HAVING sum(c.n) > 0";
  } else {
    AddStatus(&w, q.status, "v.status");
    const std::string cond = "v.host_country = ?1 AND coalesce(v.visitor_country, '') != ?1" + w.AndSql();
    sql = "SELECT coalesce(v.visitor_country, 'unknown'), v.month, 0, 1, v.id FROM visits v WHERE " + cond +
          " AND v.month BETWEEN ?2 AND ?3 UNION ALL "
          "SELECT coalesce(v.visitor_country, 'unknown'), substr(coalesce(v.anchor, ''), 1, 7), 1, 1, v.id "
          "FROM visits v WHERE " + cond +
          " AND v.month IS NULL AND substr(coalesce(v.anchor, ''), 1, 7) BETWEEN ?2 AND ?3";
  }
  Status st;
  Stmt s = impl_->db.Prepare(sql, &st);
  if (!st.ok()) return st;
  s.Bind(1, q.host).Bind(2, from_m).Bind(3, to_m);
  w.BindTo(&s);
  std::map<std::pair<std::string, std::string>, BalanceRow> cells;  // (period or "~" when undated, partner)
  while (s.Step(&st)) {
    const std::string partner(s.Text(0));
    std::optional<std::string> period;
    if (s.Int(2) == 0) period = store::PeriodOf(s.Text(1), q.by);
    BalanceRow& row = cells[{period.value_or("~"), partner}];
    if (row.partner.empty()) {
      auto it = blocs->value().find(partner);
      row.period = period;
      row.partner = partner;
      row.bloc = it == blocs->value().end() ? "Other" : it->second;
    }
    row.visits += static_cast<int>(s.Int(3));
    if (!s.IsNull(4)) row.visit_ids.push_back(s.Int(4));
  }
  if (!st.ok()) return st;
  std::vector<BalanceRow> out;
  for (auto& [k, row] : cells) {
    std::sort(row.visit_ids.begin(), row.visit_ids.end());
    out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(), [](const BalanceRow& a, const BalanceRow& b) {
    const std::string pa = a.period.value_or("~"), pb = b.period.value_or("~");
    if (pa != pb) return pa < pb;
    if (a.visits != b.visits) return a.visits > b.visits;
    return a.partner < b.partner;
  });
  return out;
}

std::string JsonArray(const JsonRows& rows) { return store::JoinArray(rows); }

std::string BalanceRowToJson(const BalanceRow& r) {
  std::string out = "{\"period\":";
  out += r.period ? json::Quote(*r.period) : "null";
  out += ",\"partner\":" + json::Quote(r.partner) + ",\"bloc\":" + json::Quote(r.bloc) +
         ",\"visits\":" + std::to_string(r.visits) + "}";
  return out;
}

std::string BalanceToJson(const std::vector<BalanceRow>& rows) {
  std::string out = "[";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) out.push_back(',');
    out += BalanceRowToJson(rows[i]);
  }
  out.push_back(']');
  return out;
}

// ---- exports ----

namespace {

struct ExportSpec {
  const char* sql;
  std::vector<const char*> csv_columns;
};

// PLOVER/POLECAT-style event records: one per visit and meeting, with the
// PLOVER type and mode, the CAMEO code, actors, location and the stories.
std::string EventsSql(const store::Db& db) {
  const bool pg = db.postgres();
  const std::string stories = store::JsonAgg(db, "coalesce(a.url, a.source)");
  return "SELECT 'attache-v' || v.id AS event_id, v.date AS event_date, v.plover_type AS event_type, "
         " v.plover_mode AS event_mode, v.cameo AS cameo_code, v.visitor AS source_actor, "
         " v.visitor_country AS source_country, NULL AS target_actor, v.host_country AS target_country, "
         " v.place AS place_name, v.host_country AS place_country, v.status AS status, "
         " (SELECT " + stories + " FROM visit_sources vs JOIN articles a "
         "  ON a.id = vs.article_id WHERE vs.visit_id = v.id) AS stories_json, "
         " (SELECT min(a.published_day) FROM visit_sources vs JOIN articles a ON a.id = vs.article_id "
         "  WHERE vs.visit_id = v.id) AS story_date "
         "FROM visits v "
         "UNION ALL "
         "SELECT 'attache-m' || m.id, m.date, m.plover_type, m.plover_mode, m.cameo, " +
         std::string(pg ? " m.participants::json->>0, NULL, "
                          " (SELECT string_agg(p.value, '; ') FROM json_array_elements_text(m.participants::json) "
                          "  WITH ORDINALITY AS p(value, n) WHERE p.n > 1), NULL, "
                        : " json_extract(m.participants, '$[0]'), NULL, "
                          " (SELECT group_concat(value, '; ') FROM json_each(m.participants) WHERE key > 0), NULL, ") +
         " m.place, NULL, m.status, "
         " (SELECT " + stories + " FROM meeting_sources ms JOIN articles a "
         "  ON a.id = ms.article_id WHERE ms.meeting_id = m.id), "
         " (SELECT min(a.published_day) FROM meeting_sources ms JOIN articles a ON a.id = ms.article_id "
         "  WHERE ms.meeting_id = m.id) "
         "FROM meetings m";
}

}  // namespace

Status Store::Export(const std::string& what, const std::string& format, std::FILE* out) const {
  if (format != "jsonl" && format != "csv") {
    return Status::InvalidArgument("export format must be jsonl or csv (got '" + format + "')");
  }
  std::string sql;
  if (what == "visits") {
    sql = std::string("SELECT ") + kVisitColumns +
          ", (SELECT " + store::JsonAgg(impl_->db, std::string(store::JsonObject(impl_->db)) +
          "('article_id', a.id, 'url', a.url, 'outlet', a.outlet, 'published', a.published)") +
          " FROM visit_sources vs JOIN articles a ON a.id = vs.article_id "
          "WHERE vs.visit_id = v.id) AS sources_json FROM visits v ORDER BY v.id";
  } else if (what == "meetings") {
    sql = std::string("SELECT ") + kMeetingColumns +
          ", (SELECT " + store::JsonAgg(impl_->db, std::string(store::JsonObject(impl_->db)) +
          "('article_id', a.id, 'url', a.url, 'outlet', a.outlet, 'published', a.published)") +
          " FROM meeting_sources ms JOIN articles a ON a.id = ms.article_id "
          "WHERE ms.meeting_id = m.id) AS sources_json FROM meetings m ORDER BY m.id";
  } else if (what == "quotes") {
    sql =
        "SELECT q.id, q.speaker, q.speaker_role, q.channel, q.direct, q.text, q.cue, q.article_id, a.url, "
        "a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id";
  } else if (what == "events") {
    sql = EventsSql(impl_->db);
  } else {
    return Status::InvalidArgument("export what must be visits, meetings, quotes or events (got '" + what + "')");
  }
  Status st;
  Stmt s = impl_->db.Prepare(sql, &st);
  if (!st.ok()) return st;
  const int n = s.ColumnCount();
  if (format == "csv") {
    std::string header;
    for (int i = 0; i < n; ++i) {
      std::string name = s.ColumnName(i);
      if (name.size() > 5 && name.substr(name.size() - 5) == "_json") name.resize(name.size() - 5);
      header += (i ? "," : "") + name;
    }
    header.push_back('\n');
    std::fputs(header.c_str(), out);
    std::string line;
    while (s.Step(&st)) {
      line.clear();
      for (int i = 0; i < n; ++i) {
        if (i) line.push_back(',');
        if (!s.IsNull(i)) line += store::CsvField(s.Text(i));
      }
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
    }
    return st;
  }
  // JSON lines, streamed: one row at a time.
  while (s.Step(&st)) {
    std::string o = store::RowJson(s);
    o.push_back('\n');
    std::fwrite(o.data(), 1, o.size(), out);
  }
  return st;
}

Result<Store::Counts> Store::Count() const {
  Status st;
  Stmt s = impl_->db.Prepare(
      "SELECT (SELECT count(*) FROM articles WHERE duplicate_of IS NULL), "
      "(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL), (SELECT count(*) FROM quotes), "
      "(SELECT count(*) FROM visits), (SELECT count(*) FROM visit_sources), (SELECT count(*) FROM meetings), "
      "(SELECT count(*) FROM actors)",
      &st);
  if (!st.ok()) return st;
  Counts c;
  if (s.Step(&st)) {
    c.articles = s.Int(0);
    c.syndicated = s.Int(1);
    c.quotes = s.Int(2);
    c.visits = s.Int(3);
    c.visit_reports = s.Int(4);
    c.meetings = s.Int(5);
    c.actors = s.Int(6);
  }
  if (!st.ok()) return st;
  return c;
}

}  // namespace attache
