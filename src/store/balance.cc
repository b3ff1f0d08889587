// The balance: visits to a host by partner and bloc, per period; every
// period of the range, and the share of visits that are undated.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "attache/countries.h"
#include "attache/store.h"
#include "core/json.h"
#include "store/blocs.h"
#include "store/event_dates.h"
#include "store/rows.h"
#include "store/sqlite.h"
#include "store/store_impl.h"

namespace attache {

extern const char* const kDefaultBlocsTsv;

using store::Stmt;
using store::Where;

const std::string& DefaultBlocs() {
  static const std::string kText = kDefaultBlocsTsv;
  return kText;
}

Result<std::vector<BalanceRow>> Store::Balance(const BalanceQuery& q) const {
  if (q.host.empty()) return Status::InvalidArgument("the balance needs a host country (--host, ISO alpha-3)");
  if (q.by != "month" && q.by != "quarter" && q.by != "year") {
    return Status::InvalidArgument("--by must be month, quarter or year (got '" + q.by + "')");
  }
  QueryFilter check;
  check.from = q.from;
  check.to = q.to;
  check.status = q.status;
  if (Status s = store::CheckFilter(check); !s.ok()) return s;
  // The built-in blocs are parsed once; a user's file on each call.
  std::optional<Result<store::Blocs>> custom;
  const store::Blocs* blocs = &store::Blocs::Default();
  if (!q.blocs_tsv.empty()) {
    custom.emplace(store::Blocs::Parse(q.blocs_tsv));
    if (!custom->ok()) return custom->status();
    blocs = &custom->value();
  }

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
    store::AddStatus(&w, q.status, "c.status");
    sql = "SELECT c.partner, c.month, c.undated, sum(c.n), NULL FROM visit_counts c WHERE c.host_country = ?1 "
          "AND c.partner != ?1 AND c.month BETWEEN ?2 AND ?3" +
          w.AndSql() + " GROUP BY c.partner, c.month, c.undated HAVING sum(c.n) > 0";
  } else {
    store::AddStatus(&w, q.status, "v.status");
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
      row.period = period;
      row.partner = partner;
      row.partner_name = CountryName(partner);
      row.bloc = blocs->Of(q.host, partner);
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
  out += ",\"partner\":" + json::Quote(r.partner) + ",\"partner_name\":" +
         (r.partner_name.empty() ? std::string("null") : json::Quote(r.partner_name)) + ",\"bloc\":" + json::Quote(r.bloc) +
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


namespace {

// The month after "YYYY-MM".
std::string NextMonth(const std::string& m) {
  int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + 1;
  if (mo == 13) {
    mo = 1;
    ++y;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
  return buf;
}

}  // namespace

BalanceSummary SummarizeBalance(const BalanceQuery& q, const std::vector<BalanceRow>& rows) {
  BalanceSummary s;
  std::string first, last;  // months
  for (const auto& r : rows) {
    if (!r.period) {
      s.undated += r.visits;
      continue;
    }
    s.dated += r.visits;
  }
  // The months of the range: the bounds given, else the months of the
  // dated visits (read back from their periods' first and last months).
  auto first_month = [](const std::string& p) {
    if (p.size() == 4) return p + "-01";
    if (p.size() == 7 && p[5] == 'Q') return store::MonthBound(p, false);
    return p;
  };
  auto last_month = [](const std::string& p) {
    if (p.size() == 4) return p + "-12";
    if (p.size() == 7 && p[5] == 'Q') return store::MonthBound(p, true);
    return p;
  };
  for (const auto& r : rows) {
    if (!r.period) continue;
    const std::string f = first_month(*r.period), l = last_month(*r.period);
    if (first.empty() || f < first) first = f;
    if (last.empty() || l > last) last = l;
  }
  if (!q.from.empty()) first = store::MonthBound(q.from, false);
  if (!q.to.empty()) last = store::MonthBound(q.to, true);
  if (first.empty() || last.empty() || first > last) return s;
  int guard = 0;
  for (std::string m = first; m <= last && guard < 12 * 400; m = NextMonth(m), ++guard) {
    const std::string p = store::PeriodOf(m, q.by);
    if (s.periods.empty() || s.periods.back() != p) s.periods.push_back(p);
  }
  return s;
}

std::string BalanceReportJson(const BalanceQuery& q, const std::vector<BalanceRow>& rows,
                              const std::function<std::string(size_t)>& row_extra) {
  const BalanceSummary sum = SummarizeBalance(q, rows);
  const std::string host_name = CountryName(q.host);
  std::string out = "{\"host\":" + json::Quote(q.host) +
                    ",\"host_name\":" + (host_name.empty() ? std::string("null") : json::Quote(host_name)) +
                    ",\"by\":" + json::Quote(q.by) + ",\"from\":" + (q.from.empty() ? "null" : json::Quote(q.from)) +
                    ",\"to\":" + (q.to.empty() ? "null" : json::Quote(q.to)) + ",\"status\":[";
  for (size_t i = 0; i < q.status.size(); ++i) out += (i ? "," : "") + json::Quote(q.status[i]);
  out += "],\"periods\":[";
  for (size_t i = 0; i < sum.periods.size(); ++i) out += (i ? "," : "") + json::Quote(sum.periods[i]);
  char share[32];
  std::snprintf(share, sizeof share, "%.4f", sum.undated_share());
  out += "],\"visits\":" + std::to_string(sum.dated + sum.undated) + ",\"undated\":" + std::to_string(sum.undated) +
         ",\"undated_share\":" + share + ",\"rows\":[";
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string obj = BalanceRowToJson(rows[i]);
    if (row_extra) {
      obj.pop_back();
      obj += row_extra(i) + "}";
    }
    out += (i ? "," : "") + obj;
  }
  out += "]}";
  return out;
}

}  // namespace attache
