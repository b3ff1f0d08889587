// The store's questions: search, quotes, visits, meetings, timelines,
// actors, the balance, and exports. Every value reaches SQLite as a bound
// parameter.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "attache/countries.h"
#include "attache/store.h"
#include "core/json.h"
#include "store/event_dates.h"
#include "store/dialect.h"
#include "store/rows.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "text/officeholders.h"

namespace attache {


using store::Stmt;
using store::Where;

namespace {

constexpr int kMaxRows = 1000;
// Full-text search ranks at most this many of the most recently stored
// matches, so that a common word costs no more than a rare one.
constexpr int kSearchRankWindow = 200;

int Limit(const QueryFilter& f) { return std::clamp(f.limit, 1, kMaxRows); }

}  // namespace

Status CheckDateRange(const std::string& from, const std::string& to) {
  for (const auto& [d, what] : {std::pair{&from, "from"}, std::pair{&to, "to"}}) {
    if (d->empty()) continue;
    const std::string problem = store::BoundProblem(*d);
    if (!problem.empty()) {
      return Status::InvalidArgument(std::string(what) + " must be a date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn (got '" +
                                     *d + "': " + problem + ")");
    }
  }
  if (!from.empty() && !to.empty() && store::DayBound(from, false) > store::DayBound(to, true)) {
    return Status::InvalidArgument("to (" + to + ") is before from (" + from + "): the range is reversed");
  }
  return Status::Ok();
}

namespace store {

Status CheckFilter(const QueryFilter& f) {
  if (Status s = CheckDateRange(f.from, f.to); !s.ok()) return s;
  for (const std::string& st : f.status) {
    if (st != "planned" && st != "ongoing" && st != "past") {
      return Status::InvalidArgument("status must be planned, ongoing or past (got '" + st + "')");
    }
  }
  if (f.offset < 0) return Status::InvalidArgument("offset must not be negative");
  return Status::Ok();
}

// Conditions on a date column (text, YYYY[-MM[-DD]], or XXXX-MM-DD when the
// year is unknown) from the filter's range. A date of unknown year is in no
// range; f.undated adds the dates of unknown year (and none) to the range.
void AddDateRange(Where* w, const QueryFilter& f, std::string_view column) {
  if (f.from.empty() && f.to.empty()) return;
  const std::string c(column);
  std::string cond = c + " NOT LIKE 'X%'";
  std::vector<std::string> values;
  if (!f.from.empty()) {
    cond += " AND " + c + " >= ?";
    values.push_back(DayBound(f.from, false));
  }
  if (!f.to.empty()) {
    cond += " AND " + c + " <= ? || '~'";
    values.push_back(DayBound(f.to, true));
  }
  if (f.undated) cond = "(" + cond + ") OR " + c + " IS NULL OR " + c + " LIKE 'X%'";
  w->Add(cond, values);
}

void AddStatus(Where* w, const std::vector<std::string>& status, std::string_view column) {
  if (status.empty()) return;
  std::string c = std::string(column) + " IN (";
  for (size_t i = 0; i < status.size(); ++i) c += i ? ", ?" : "?";
  c += ")";
  w->Add(c, status);
}

Status AddCountries(Where* w, const std::string& value, std::string_view what, std::string_view column) {
  if (value.empty()) return Status::Ok();
  auto set = ResolveCountry(value, what, true);
  if (!set.ok()) return set.status();
  AddStatus(w, set.value().codes, column);
  return Status::Ok();
}

}  // namespace store

namespace {

using store::AddCountries;
using store::AddDateRange;
using store::AddStatus;
using store::CheckFilter;

// Actors whose folded name is the person's, or ends with it (a surname).
void AddPerson(Where* w, const std::string& person, std::string_view actor_id_column) {
  if (person.empty()) return;
  std::string key = text::FoldPersonName(person);
  if (key.empty()) key = person;
  w->Add(std::string(actor_id_column) + " IN (SELECT id FROM actors WHERE key = ? OR key LIKE '% ' || ?)",
         {key, key});
}

// The day a visit or meeting (table alias `t`) sorts by: its date when the
// year is known, else the day it was reported (its anchor), as the balance
// counts it; a date of unknown year (XXXX-05-01) would otherwise sort above
// every real date.
std::string SortDay(const std::string& t) {
  return "(CASE WHEN " + t + ".date IS NULL OR " + t + ".date LIKE 'X%' THEN " + t + ".anchor ELSE " + t +
         ".date END)";
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

// A quote's one source, in the shape of the events' sources.
constexpr const char* kQuoteSource =
    "json_array(json_object('id', a.id, 'title', a.title, 'outlet', a.outlet, 'date', a.published, 'url', a.url)) "
    "AS sources_json";

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
    // matches, headline matches first, newest first; the passages are made below.
    sql = "WITH q AS (SELECT websearch_to_tsquery('simple', ?1) AS q), hits AS (SELECT a.id, CASE WHEN "
          "to_tsvector('simple', coalesce(a.title, '')) @@ q.q THEN 0 ELSE 1 END AS tier FROM q, articles a "
          "JOIN article_meta m ON m.id = a.id WHERE a.tsv @@ q.q" + w.AndSql() +
          " ORDER BY a.id DESC LIMIT " + std::to_string(kSearchRankWindow) +
          ") SELECT a.id, a.title, a.url, a.outlet, a.published, a.lang, a.source, a.duplicate_of, a.text "
          "FROM hits JOIN articles a ON a.id = hits.id ORDER BY hits.tier, a.published_day DESC NULLS LAST, "
          "hits.id DESC LIMIT ? OFFSET ?";
  } else if (!fts.empty()) {
    // News ranking that costs the same for a word in half the record as for
    // a rare one: among the kSearchRankWindow most recently stored matches,
    // those with the words in the headline come first, then the others;
    // within each, the newest by publication date first. (bm25 would count every match of every term to weigh
    // them, which is what made common words slow.) The passages are made for
    // the page of results only.
    const std::string join = w.Count() ? "JOIN article_meta m ON m.id = articles_fts.rowid " : "";
    const std::string window = " ORDER BY articles_fts.rowid DESC LIMIT " + std::to_string(kSearchRankWindow);
    sql = "WITH th AS (SELECT articles_fts.rowid AS id, 0 AS tier FROM articles_fts " + join +
          "WHERE articles_fts MATCH '{title} : (' || ?1 || ')'" + w.AndSql() + window +
          "), bh AS (SELECT articles_fts.rowid AS id, 1 AS tier FROM articles_fts " + join +
          "WHERE articles_fts MATCH ?1" + w.AndSql() + window +
          "), top AS (SELECT u.id AS id, min(u.tier) AS tier, d.published_day AS day "
          "FROM (SELECT * FROM th UNION ALL SELECT * FROM bh) u JOIN article_meta d ON d.id = u.id GROUP BY u.id "
          "ORDER BY tier, day DESC, u.id DESC LIMIT ? OFFSET ?) "
          "SELECT a.id, a.title, a.url, a.outlet, a.published, a.lang, a.source, a.duplicate_of, "
          "attache_snippet(a.text, ?1) AS snippet FROM top JOIN articles a ON a.id = top.id ORDER BY top.tier, top.day DESC, top.id DESC";
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
  if (!rows_of("SELECT id, speaker, speaker_role, channel, CASE WHEN direct THEN 'true' ELSE 'false' END AS direct_json, "
               "text, begin, \"end\", cue FROM quotes "
               "WHERE article_id = ?1 ORDER BY begin",
               &quotes) ||
      !rows_of(std::string("SELECT ") + store::VisitColumns() +
                   ", vs.mentions AS mentions_json FROM visit_sources vs JOIN visits v ON v.id = vs.visit_id "
                   "WHERE vs.article_id = ?1 ORDER BY v.id",
               &visits) ||
      !rows_of(std::string("SELECT ") + store::MeetingColumns() +
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
      std::string("SELECT q.id, q.speaker, q.speaker_role, q.channel, ") +
      "CASE WHEN q.direct THEN 'true' ELSE 'false' END AS direct_json, q.text, q.cue, q.article_id, "
      "a.title AS article_title, a.outlet, a.published, a.url, " + kQuoteSource +
      " FROM quotes q JOIN articles a ON a.id = q.article_id" +
      w.Sql() + " ORDER BY a.published_day" + store::Desc(impl_->db) + ", q.id LIMIT ? OFFSET ?";
  return Run(impl_->db, sql, w, {Limit(f), f.offset});
}

Result<JsonRows> Store::Visits(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  Where w;
  if (Status s = AddCountries(&w, f.host, "host", "v.host_country"); !s.ok()) return s;
  if (Status s = AddCountries(&w, f.visitor_country, "visitor country", "v.visitor_country"); !s.ok()) return s;
  AddPerson(&w, f.person, "v.actor_id");
  AddStatus(&w, f.status, "v.status");
  AddDateRange(&w, f, "v.date");
  // The page's ids first, then their columns: the names and sources are
  // made for the rows shown, not for every row the sort reads.
  const std::string sql = std::string("SELECT ") + store::VisitColumns() +
                          " FROM (SELECT v.id FROM visits v" + w.Sql() +
                          " ORDER BY " + SortDay("v") + store::Desc(impl_->db) + ", v.id DESC LIMIT ? OFFSET ?) page "
                          "JOIN visits v ON v.id = page.id ORDER BY " + SortDay("v") + store::Desc(impl_->db) +
                          ", v.id DESC";
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
  const std::string sql = std::string("SELECT ") + store::MeetingColumns() +
                          " FROM (SELECT m.id FROM meetings m" + w.Sql() +
                          " ORDER BY " + SortDay("m") + store::Desc(impl_->db) + ", m.id DESC LIMIT ? OFFSET ?) page "
                          "JOIN meetings m ON m.id = page.id ORDER BY " + SortDay("m") + store::Desc(impl_->db) +
                          ", m.id DESC";
  return Run(impl_->db, sql, w, {Limit(f), f.offset});
}

Result<JsonRows> Store::Timeline(const std::string& person, const QueryFilter& f) const {
  if (person.empty()) return Status::InvalidArgument("a timeline needs a person's name");
  if (Status s = CheckFilter(f); !s.ok()) return s;
  std::string key = text::FoldPersonName(person);
  if (key.empty()) key = person;
  // ?1 key; then the date conditions, the limit and the offset. Every row
  // has its sources (a quote its article), the article_id of the first, and
  // the people in it as an array; rows of unknown date come last.
  Where w(2);
  AddDateRange(&w, f, "day");
  const std::string sql =
      "WITH who AS (SELECT id FROM actors WHERE key = ?1 OR key LIKE '% ' || ?1), "
      "events AS ("
      " SELECT coalesce(v.date, v.anchor) AS day, 'visit' AS kind, v.id AS id, v.visitor AS actor, "
      "  json_array(v.visitor) AS participants_json, v.host_country AS country, "
      "  attache_country_name(v.host_country) AS country_name, v.place AS place, v.status AS status, "
      "  NULL AS text, " + store::SourcesSql("visit", "v.id") + " AS sources_json "
      " FROM visits v WHERE v.actor_id IN (SELECT id FROM who) "
      " UNION ALL SELECT coalesce(m.date, m.anchor), 'meeting', m.id, "
      "  (SELECT group_concat(value, '; ') FROM json_each(m.participants)), m.participants, NULL, NULL, m.place, "
      "  m.status, NULL, " + store::SourcesSql("meeting", "m.id") + " FROM meetings m WHERE m.id IN "
      "  (SELECT meeting_id FROM meeting_participants WHERE actor_id IN (SELECT id FROM who)) "
      " UNION ALL SELECT a.published_day, 'quote', q.id, q.speaker, json_array(q.speaker), NULL, NULL, NULL, NULL, "
      "  q.text, " + kQuoteSource + " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.actor_id IN (SELECT id FROM who)) "
      "SELECT day, kind, id, actor, participants_json, country, country_name, place, status, text, "
      "CAST(json_extract(sources_json, '$[0].id') AS INTEGER) AS article_id, sources_json FROM events" + w.Sql() +
      " ORDER BY day IS NULL, day, kind, id LIMIT ? OFFSET ?";
  Status st;
  Stmt s = impl_->db.Prepare(sql, &st);
  if (!st.ok()) return st;
  s.Bind(1, key);
  w.BindTo(&s);
  s.Bind(w.Next(), Limit(f)).Bind(w.Next() + 1, f.offset);
  JsonRows rows = store::RowsToJson(&s, &st);
  if (!st.ok()) return st;
  return rows;
}

Result<JsonRows> Store::Actors(const QueryFilter& f) const {
  if (Status s = CheckFilter(f); !s.ok()) return s;
  Where w;
  if (!f.text.empty()) w.Add(std::string("ac.name") + store::Like(impl_->db) + "'%' || ? || '%'", {f.text});
  if (f.actor_id > 0) w.Add("ac.id = CAST(? AS INTEGER)", {std::to_string(f.actor_id)});
  const std::string sql =
      "SELECT * FROM (SELECT ac.id, ac.name, ac.role, ac.country, attache_country_name(ac.country) AS country_name, "
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
  const std::string sql = std::string("SELECT ") + store::VisitColumns() + " FROM visits v" + w.Sql() +
                          " ORDER BY " + SortDay("v") + ", v.id";
  return Run(impl_->db, sql, w, {});
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
