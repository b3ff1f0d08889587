// attache balance: visits to a host by partner and bloc, per period, as a
// table, CSV or JSON, with the visits behind each number (--explain).
// Public headers only.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "attache/countries.h"
#include "attache/store.h"
#include "cli_args.h"
#include "cli_common.h"

namespace attache_cli {

namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Named(const std::string& code, const std::string& name) {
  return name.empty() ? code : name + " (" + code + ")";
}

void PrintBalanceTable(const std::vector<attache::BalanceRow>& rows, const attache::BalanceQuery& q) {
  // Columns: the blocs, in order of their total; rows: every period of the range.
  std::map<std::string, int> bloc_total;
  std::map<std::string, std::map<std::string, int>> cell;  // period -> bloc -> visits
  std::map<std::string, std::map<std::string, int>> partners;  // bloc -> partner -> visits
  std::map<std::string, std::string> names;                    // partner -> name
  std::map<std::string, int> undated;                          // bloc -> visits
  for (const auto& r : rows) {
    bloc_total[r.bloc] += r.visits;
    partners[r.bloc][r.partner] += r.visits;
    names[r.partner] = r.partner_name;
    if (r.period) {
      cell[*r.period][r.bloc] += r.visits;
    } else {
      undated[r.bloc] += r.visits;
    }
  }
  const attache::BalanceSummary sum = attache::SummarizeBalance(q, rows);
  std::vector<std::string> blocs;
  for (const auto& [b, n] : bloc_total) blocs.push_back(b);
  std::stable_sort(blocs.begin(), blocs.end(),
                   [&](const std::string& x, const std::string& y) { return bloc_total[x] > bloc_total[y]; });
  std::string status;
  for (const auto& s : q.status) status += (status.empty() ? "" : ", ") + s;
  std::printf("Visits to %s by bloc, per %s%s%s%s%s (status: %s)\n",
              Named(q.host, attache::CountryName(q.host)).c_str(), q.by.c_str(), q.from.empty() ? "" : ", from ",
              q.from.c_str(), q.to.empty() ? "" : " to ", q.to.c_str(), status.c_str());
  if (rows.empty()) {
    std::printf("no visits\n");
    return;
  }
  // A column is as wide as its bloc's name in characters, not UTF-8 bytes
  // ("Türkiye and the OTS"), and at least 5.
  auto chars = [](const std::string& name) {
    size_t n = 0;
    for (unsigned char c : name) n += (c & 0xC0) != 0x80;
    return n;
  };
  auto width = [&](const std::string& name) { return std::max<size_t>(5, chars(name)); };
  std::printf("%-10s", "period");
  for (const auto& b : blocs) std::printf(" %s%s", std::string(width(b) - chars(b), ' ').c_str(), b.c_str());
  std::printf(" %6s\n", "total");
  auto print_row = [&](const std::string& label, const std::map<std::string, int>& m) {
    std::printf("%-10s", label.c_str());
    int total = 0;
    for (const auto& b : blocs) {
      auto it = m.find(b);
      const int n = it == m.end() ? 0 : it->second;
      total += n;
      std::printf(" %*d", static_cast<int>(width(b)), n);
    }
    std::printf(" %6d\n", total);
  };
  static const std::map<std::string, int> kNone;
  for (const auto& period : sum.periods) {
    auto it = cell.find(period);
    print_row(period, it == cell.end() ? kNone : it->second);
  }
  if (!undated.empty()) print_row("undated", undated);
  print_row("all", bloc_total);
  std::printf("\nPartners:\n");
  for (const auto& b : blocs) {
    std::vector<std::pair<int, std::string>> ps;
    for (const auto& [p, n] : partners[b]) ps.emplace_back(-n, p);
    std::sort(ps.begin(), ps.end());
    std::printf("  %s:", b.c_str());
    for (size_t i = 0; i < ps.size(); ++i) {
      std::printf("%s %s %d", i ? "," : "", Named(ps[i].second, names[ps[i].second]).c_str(), -ps[i].first);
    }
    std::printf("\n");
  }
  std::printf("\nUndated: %d of %d visits (%.0f%%) have no known month; they are in no period.\n", sum.undated,
              sum.dated + sum.undated, 100.0 * sum.undated_share());
}

// The visits behind each number, with their visitors and sources, as text.
void PrintExplain(const attache::Store& store, const std::vector<attache::BalanceRow>& rows) {
  std::printf("\nThe visits behind each number:\n");
  for (const auto& r : rows) {
    std::printf("\n%s  %s, %s: %d visit%s\n", r.period.value_or("undated").c_str(),
                Named(r.partner, r.partner_name).c_str(), r.bloc.c_str(), r.visits, r.visits == 1 ? "" : "s");
    auto visits = store.VisitsByIds(r.visit_ids);
    if (!visits.ok()) continue;
    for (const auto& row : visits.value()) {
      const nlohmann::json v = nlohmann::json::parse(row, nullptr, false);
      if (!v.is_object()) continue;
      auto str = [](const nlohmann::json& o, const char* k, const char* def) {
        return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string(def);
      };
      std::printf("  visit %lld: %s, %s, %s, %s (%s)\n", v.value("id", 0LL), str(v, "visitor", "?").c_str(),
                  str(v, "visitor_role", "no role given").c_str(), str(v, "date", "date unknown").c_str(),
                  str(v, "place", "place not named").c_str(), str(v, "status", "?").c_str());
      if (!v.contains("sources") || !v["sources"].is_array()) continue;
      for (const auto& s : v["sources"]) {
        std::printf("    article %lld, %s, %s: %s  %s\n", s.value("id", 0LL), str(s, "date", "undated").c_str(),
                    str(s, "outlet", "outlet unknown").c_str(), str(s, "title", "(no title)").c_str(),
                    str(s, "url", "").c_str());
      }
    }
  }
}

}  // namespace

int RunBalance(const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  if (!ParseArgs(args, {"--db", "--host", "--from", "--to", "--by", "--status", "--format", "--blocs"},
                 {"--explain"}, &a, &code)) {
    return code;
  }
  if (!a.positional.empty()) return UsageError("balance takes no PATH ('" + a.positional[0] + "')");
  attache::BalanceQuery q;
  if (Get(a, "--host").empty()) return UsageError("balance needs --host COUNTRY (the host country, e.g. AZE or Azerbaijan)");
  q.from = Get(a, "--from");
  q.to = Get(a, "--to");
  q.by = Get(a, "--by", "month");
  if (a.values.count("--status")) q.status = SplitList(a.values["--status"]);
  const std::string format = Get(a, "--format", "table");
  if (format != "table" && format != "csv" && format != "json") {
    return UsageError("--format must be table, csv or json");
  }
  if (a.values.count("--blocs")) {
    bool ok = false;
    q.blocs_tsv = ReadFile(a.values["--blocs"], &ok);
    if (!ok) {
      std::fprintf(stderr, "attache: %s: cannot read the bloc file\n", a.values["--blocs"].c_str());
      return 1;
    }
  }
  auto host = attache::ResolveCountry(Get(a, "--host"), "host", false, q.blocs_tsv);
  if (!host.ok()) return UsageError(host.status().message());
  q.host = host.value().codes[0];
  if (attache::Status st = attache::CheckDateRange(q.from, q.to); !st.ok()) return UsageError(st.message());
  auto store = OpenStore(a, true, &code);
  if (!store) return code;
  const bool explain = a.flags.count("--explain") > 0;
  q.with_visit_ids = explain;
  auto rows = store->Balance(q);
  if (!rows.ok()) {
    if (rows.status().code() == attache::StatusCode::kInvalidArgument) return UsageError(rows.status().message());
    std::fprintf(stderr, "attache: %s\n", rows.status().message().c_str());
    return 1;
  }
  if (format == "json") {
    std::function<std::string(size_t)> extra;
    if (explain) {
      // Each row with the visits behind it, their visitors and sources.
      extra = [&](size_t i) {
        auto v = store->VisitsByIds(rows.value()[i].visit_ids);
        return ",\"explain\":" + (v.ok() ? attache::JsonArray(v.value()) : std::string("[]"));
      };
    }
    std::printf("%s\n", attache::BalanceReportJson(q, rows.value(), extra).c_str());
    return 0;
  }
  if (format == "csv") {
    // Every period of the range: an empty one is one row with 0 visits.
    std::printf("period,partner,partner_name,bloc,visits%s\n", explain ? ",visit_ids" : "");
    const attache::BalanceSummary sum = attache::SummarizeBalance(q, rows.value());
    std::map<std::string, bool> seen;
    for (const auto& r : rows.value()) {
      if (r.period) seen[*r.period] = true;
    }
    auto csv = [](const std::string& v) {
      if (v.find_first_of(",\"\n") == std::string::npos) return v;
      std::string o = "\"";
      for (char c : v) o += c == '"' ? std::string("\"\"") : std::string(1, c);
      return o + "\"";
    };
    auto print = [&](const attache::BalanceRow& r) {
      std::string ids;
      for (auto id : r.visit_ids) ids += (ids.empty() ? "" : ";") + std::to_string(id);
      std::printf("%s,%s,%s,%s,%d", r.period.value_or("").c_str(), r.partner.c_str(), csv(r.partner_name).c_str(),
                  csv(r.bloc).c_str(), r.visits);
      if (explain) std::printf(",%s", ids.c_str());
      std::printf("\n");
    };
    for (const auto& p : sum.periods) {
      if (!seen.count(p)) std::printf("%s,,,,0%s\n", p.c_str(), explain ? "," : "");
      for (const auto& r : rows.value()) {
        if (r.period == p) print(r);
      }
    }
    for (const auto& r : rows.value()) {
      if (!r.period) print(r);
    }
    return 0;
  }
  PrintBalanceTable(rows.value(), q);
  if (explain) PrintExplain(*store, rows.value());
  return 0;
}

}  // namespace attache_cli
