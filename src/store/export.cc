// Exports: every row of visits, meetings, quotes or PLOVER/POLECAT-style
// events, filtered, as JSON lines or CSV, streamed row by row.
#include <string>
#include <vector>

#include "attache/store.h"
#include "store/dialect.h"
#include "store/rows.h"
#include "store/sqlite.h"
#include "store/store_impl.h"

namespace attache {

using store::Stmt;
using store::Where;

namespace {

// PLOVER/POLECAT-style event records: one per visit and meeting, with the
// PLOVER type and mode, the CAMEO code, actors, location and the stories;
// the countries' names last (added after the POLECAT columns, so that a
// reader of the older columns by position still finds them).
constexpr const char* kEventsSql =
    "SELECT 'attache-v' || v.id AS event_id, v.date AS event_date, v.plover_type AS event_type, "
    " v.plover_mode AS event_mode, v.cameo AS cameo_code, v.visitor AS source_actor, "
    " v.visitor_country AS source_country, NULL AS target_actor, v.host_country AS target_country, "
    " v.place AS place_name, v.host_country AS place_country, v.status AS status, "
    " (SELECT json_group_array(coalesce(a.url, a.source)) FROM visit_sources vs JOIN articles a "
    "  ON a.id = vs.article_id WHERE vs.visit_id = v.id) AS stories_json, "
    " (SELECT min(a.published_day) FROM visit_sources vs JOIN articles a ON a.id = vs.article_id "
    "  WHERE vs.visit_id = v.id) AS story_date, "
    " attache_country_name(v.visitor_country) AS source_country_name, "
    " attache_country_name(v.host_country) AS target_country_name "
    "FROM visits v {VISITS_WHERE} "
    "UNION ALL "
    "SELECT 'attache-m' || m.id, m.date, m.plover_type, m.plover_mode, m.cameo, "
    " json_extract(m.participants, '$[0]'), NULL, "
    " {OTHER_PARTICIPANTS}, NULL, "
    " m.place, NULL, m.status, "
    " (SELECT json_group_array(coalesce(a.url, a.source)) FROM meeting_sources ms JOIN articles a "
    "  ON a.id = ms.article_id WHERE ms.meeting_id = m.id), "
    " (SELECT min(a.published_day) FROM meeting_sources ms JOIN articles a ON a.id = ms.article_id "
    "  WHERE ms.meeting_id = m.id), NULL, NULL "
    "FROM meetings m {MEETINGS_WHERE}";


void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t p = s->find(from); p != std::string::npos; p = s->find(from, p + to.size())) s->replace(p, from.size(), to);
}

Status WriteRows(const store::Db& db, Stmt& s, const ExportOptions& o, std::FILE* out) {
  Status st;
  if (o.bom) std::fputs("\xEF\xBB\xBF", out);
  const int n = s.ColumnCount();
  if (o.format == "csv") {
    // Arrays (columns named *_json) as ';'-joined names: the strings of an
    // array of strings, the url of each source object (else its title).
    Stmt flat = db.Prepare(
        db.postgres()
            ? "SELECT string_agg(CASE json_typeof(value) WHEN 'object' THEN coalesce(value->>'url', "
              "value->>'title', value->>'id') ELSE value #>> '{}' END, ';') FROM json_array_elements(CAST(?1 AS json))"
            : "SELECT group_concat(CASE type WHEN 'object' THEN coalesce(json_extract(value, '$.url'), "
              "json_extract(value, '$.title'), json_extract(value, '$.id')) ELSE value END, ';') FROM json_each(?1)",
        &st);
    if (!st.ok()) return st;
    std::string header;
    std::vector<bool> is_json(n);
    for (int i = 0; i < n; ++i) {
      std::string name = s.ColumnName(i);
      if (name.size() > 5 && name.substr(name.size() - 5) == "_json") {
        name.resize(name.size() - 5);
        is_json[i] = true;
      }
      header += (i ? "," : "") + name;
    }
    header.push_back('\n');
    std::fputs(header.c_str(), out);
    std::string line;
    while (s.Step(&st)) {
      line.clear();
      for (int i = 0; i < n; ++i) {
        if (i) line.push_back(',');
        if (s.IsNull(i)) continue;
        if (is_json[i] && o.csv_arrays == "names" && !s.Text(i).empty() && s.Text(i)[0] == '[') {
          flat.Reset();
          flat.Bind(1, std::string(s.Text(i)));
          Status fst;
          if (flat.Step(&fst) && !flat.IsNull(0)) line += store::CsvField(flat.Text(0));
          if (!fst.ok()) return fst;
          continue;
        }
        line += store::CsvField(s.Text(i));
      }
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
    }
    return st;
  }
  // JSON lines, streamed: one row at a time.
  while (s.Step(&st)) {
    std::string o2 = store::RowJson(s);
    o2.push_back('\n');
    std::fwrite(o2.data(), 1, o2.size(), out);
  }
  return st;
}

}  // namespace

Status Store::Export(const std::string& what, const std::string& format, std::FILE* out) const {
  ExportOptions o;
  o.format = format;
  return Export(what, o, out);
}

Status Store::Export(const std::string& what, const ExportOptions& o, std::FILE* out) const {
  if (o.format != "jsonl" && o.format != "csv") {
    return Status::InvalidArgument("export format must be jsonl or csv (got '" + o.format + "')");
  }
  if (o.csv_arrays != "names" && o.csv_arrays != "json") {
    return Status::InvalidArgument("arrays in CSV cells are 'names' or 'json' (got '" + o.csv_arrays + "')");
  }
  const QueryFilter& f = o.filter;
  if (Status s = store::CheckFilter(f); !s.ok()) return s;
  const bool by_country = !f.host.empty() || !f.visitor_country.empty();
  if (by_country && (what == "meetings" || what == "quotes")) {
    return Status::InvalidArgument("host and bloc filters apply to visits and events; " + what +
                                   " have no host country");
  }
  // The filter's conditions, for visits (v) or meetings (m) or quotes (q, a).
  auto where = [&](const char* date_col, const char* status_col, bool countries, Where* w) -> Status {
    if (countries) {
      if (Status s = store::AddCountries(w, f.host, "host", "v.host_country"); !s.ok()) return s;
      if (Status s = store::AddCountries(w, f.visitor_country, "visitor country", "v.visitor_country"); !s.ok()) {
        return s;
      }
    }
    if (status_col) store::AddStatus(w, f.status, status_col);
    store::AddDateRange(w, f, date_col);
    return Status::Ok();
  };
  Where w;
  std::string sql;
  if (what == "visits") {
    if (Status s = where("v.date", "v.status", true, &w); !s.ok()) return s;
    sql = "SELECT " + store::VisitColumns() + " FROM visits v" + w.Sql() + " ORDER BY v.id";
  } else if (what == "meetings") {
    if (Status s = where("m.date", "m.status", false, &w); !s.ok()) return s;
    sql = "SELECT " + store::MeetingColumns() + " FROM meetings m" + w.Sql() + " ORDER BY m.id";
  } else if (what == "quotes") {
    if (!f.status.empty()) return Status::InvalidArgument("quotes have no status; --status applies to visits, meetings, events");
    if (Status s = where("a.published_day", nullptr, false, &w); !s.ok()) return s;
    sql =
        "SELECT q.id, q.speaker, q.speaker_role, q.channel, CASE WHEN q.direct THEN 'true' ELSE 'false' END AS "
        "direct_json, q.text, q.cue, q.article_id, a.title AS article_title, a.url, a.outlet, a.published "
        "FROM quotes q JOIN articles a ON a.id = q.article_id" + w.Sql() + " ORDER BY q.id";
  } else if (what == "events") {
    if (Status s = where("v.date", "v.status", true, &w); !s.ok()) return s;
    Where wm(w.Next());
    if (Status s = where("m.date", "m.status", false, &wm); !s.ok()) return s;
    sql = kEventsSql;
    ReplaceAll(&sql, "{VISITS_WHERE}", w.Sql());
    // The participants after the first, '; '-joined.
    ReplaceAll(&sql, "{OTHER_PARTICIPANTS}",
               impl_->db.postgres()
                   ? "(SELECT string_agg(p.value, '; ') FROM json_array_elements_text(CAST(m.participants AS json)) "
                     "WITH ORDINALITY AS p(value, n) WHERE p.n > 1)"
                   : "(SELECT group_concat(value, '; ') FROM json_each(m.participants) WHERE key > 0)");
    // A country filter leaves the meetings out: they have no host country.
    ReplaceAll(&sql, "{MEETINGS_WHERE}", by_country ? std::string(" WHERE 0") : wm.Sql());
    Status st;
    Stmt s = impl_->db.Prepare(sql, &st);
    if (!st.ok()) return st;
    w.BindTo(&s);
    wm.BindTo(&s);
    return WriteRows(impl_->db, s, o, out);
  } else {
    return Status::InvalidArgument("export what must be visits, meetings, quotes or events (got '" + what + "')");
  }
  Status st;
  Stmt s = impl_->db.Prepare(sql, &st);
  if (!st.ok()) return st;
  w.BindTo(&s);
  return WriteRows(impl_->db, s, o, out);
}

}  // namespace attache
