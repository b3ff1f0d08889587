// attache's store commands: ingest, the questions (search, quotes, visits,
// meetings, timeline, actors, article), balance and export. Public headers
// only.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "attache/store.h"
#include "cli_common.h"
#include "parallel.h"

namespace attache_cli {

namespace {

// Options of the form --name VALUE, flags (--name), and positional words.
struct Args {
  std::map<std::string, std::string> values;
  std::set<std::string> flags;
  std::vector<std::string> positional;
};

// Parses `args` against the options a command knows: `with_value` take a
// value, `bare` do not. Returns false (after printing why) on a mistake.
bool ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value,
               const std::set<std::string>& bare, Args* out, int* exit_code) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::puts("See `attache --help` for every command and its options.");
      *exit_code = 0;
      return false;
    }
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      std::string name = a, value;
      const size_t eq = a.find('=');
      bool has_inline = false;
      if (eq != std::string::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
        has_inline = true;
      }
      if (with_value.count(name)) {
        if (!has_inline) {
          if (i + 1 >= args.size()) {
            *exit_code = UsageError(name + " needs a value");
            return false;
          }
          value = args[++i];
        }
        out->values[name] = value;
      } else if (bare.count(name) && !has_inline) {
        out->flags.insert(name);
      } else {
        *exit_code = UsageError("unknown option '" + a + "'");
        return false;
      }
    } else {
      out->positional.push_back(a);
    }
  }
  return true;
}

std::string Get(const Args& a, const std::string& name, const std::string& def = "") {
  auto it = a.values.find(name);
  return it == a.values.end() ? def : it->second;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',' || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  return out;
}

bool ParseInt(const std::string& s, int lo, int hi, int* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (*end || v < lo || v > hi) return false;
  *out = static_cast<int>(v);
  return true;
}

std::unique_ptr<attache::Store> OpenStore(const Args& a, bool read_only, int* exit_code) {
  const std::string db = Get(a, "--db");
  if (db.empty()) {
    *exit_code = UsageError("--db FILE is required (the store)");
    return nullptr;
  }
  attache::StoreOptions opt;
  opt.read_only = read_only;
  auto r = attache::Store::Open(db, opt);
  if (!r.ok()) {
    std::fprintf(stderr, "attache: %s\n", r.status().message().c_str());
    *exit_code = 1;
    return nullptr;
  }
  return std::move(r).value();
}

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  if (!ParseArgs(args, {"--db", "--max-doc-bytes", "--max-inflate", "--max-depth", "--max-output", "--jobs"},
                 {"--quiet"}, &a, &code)) {
    return code;
  }
  if (a.positional.empty()) return UsageError("ingest needs at least one PATH (or - for standard input)");
  attache::InputLimits in_limits;
  attache::ExtractLimits ex_limits;
  for (const char* name : {"--max-doc-bytes", "--max-inflate", "--max-depth", "--max-output"}) {
    if (!a.values.count(name)) continue;
    unsigned long long v = 0;
    if (!ParseSize(a.values[name].c_str(), &v)) return UsageError(std::string(name) + " needs a positive whole number");
    if (std::string(name) == "--max-doc-bytes") in_limits.max_document_bytes = v;
    if (std::string(name) == "--max-inflate") in_limits.max_inflated_bytes = v;
    if (std::string(name) == "--max-depth") ex_limits.max_depth = v;
    if (std::string(name) == "--max-output") ex_limits.max_output_bytes = v;
  }
  unsigned jobs = DefaultJobs();
  if (a.values.count("--jobs") && !ParseJobs(a.values["--jobs"], &jobs))
    return UsageError("--jobs needs a whole number from 1 to 256");
  const bool quiet = a.flags.count("--quiet") > 0;
  auto store = OpenStore(a, false, &code);
  if (!store) return code;

  return IngestInto(store.get(), Get(a, "--db"), a.positional, in_limits, ex_limits, quiet, jobs);
}

int RunStoreQuery(const std::string& cmd, const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  if (!ParseArgs(args,
                 {"--db", "--outlet", "--lang", "--from", "--to", "--speaker", "--channel", "--text", "--host",
                  "--visitor-country", "--person", "--status", "--limit", "--offset"},
                 {}, &a, &code)) {
    return code;
  }
  attache::QueryFilter f;
  f.outlet = Get(a, "--outlet");
  f.lang = Get(a, "--lang");
  f.from = Get(a, "--from");
  f.to = Get(a, "--to");
  f.speaker = Get(a, "--speaker");
  f.channel = Get(a, "--channel");
  f.text = Get(a, "--text");
  f.host = Get(a, "--host");
  f.visitor_country = Get(a, "--visitor-country");
  f.person = Get(a, "--person");
  f.status = SplitList(Get(a, "--status"));
  if (a.values.count("--limit") && !ParseInt(a.values["--limit"], 1, 1000, &f.limit)) {
    return UsageError("--limit needs a number from 1 to 1000");
  }
  if (a.values.count("--offset") && !ParseInt(a.values["--offset"], 0, 1 << 30, &f.offset)) {
    return UsageError("--offset needs a number from 0");
  }
  std::string joined;
  for (const auto& p : a.positional) joined += (joined.empty() ? "" : " ") + p;
  auto store = OpenStore(a, true, &code);
  if (!store) return code;

  attache::Result<attache::JsonRows> rows = attache::JsonRows{};
  if (cmd == "search") {
    if (!joined.empty()) f.text = joined;
    rows = store->SearchArticles(f);
  } else if (cmd == "quotes") {
    if (!joined.empty() && f.text.empty()) f.text = joined;
    rows = store->Quotes(f);
  } else if (cmd == "visits") {
    rows = store->Visits(f);
  } else if (cmd == "meetings") {
    rows = store->Meetings(f);
  } else if (cmd == "timeline") {
    if (joined.empty()) return UsageError("timeline needs a person's NAME");
    rows = store->Timeline(joined, f);
  } else if (cmd == "actors") {
    if (!joined.empty()) f.text = joined;
    rows = store->Actors(f);
  } else if (cmd == "stats") {
    auto c = store->Count();
    if (!c.ok()) {
      std::fprintf(stderr, "attache: %s\n", c.status().message().c_str());
      return 1;
    }
    const auto& n = c.value();
    std::printf("{\"articles\":%lld,\"syndicated\":%lld,\"quotes\":%lld,\"visits\":%lld,\"visit_reports\":%lld,"
                "\"meetings\":%lld,\"actors\":%lld}\n",
                static_cast<long long>(n.articles), static_cast<long long>(n.syndicated),
                static_cast<long long>(n.quotes), static_cast<long long>(n.visits),
                static_cast<long long>(n.visit_reports), static_cast<long long>(n.meetings),
                static_cast<long long>(n.actors));
    return 0;
  } else if (cmd == "article") {
    int id = 0;
    if (a.positional.size() != 1 || !ParseInt(a.positional[0], 1, 2147483647, &id)) {
      return UsageError("article needs one article ID (a number, as search prints it)");
    }
    auto art = store->ArticleJson(id);
    if (!art.ok()) {
      std::fprintf(stderr, "attache: %s\n", art.status().message().c_str());
      return 1;
    }
    std::printf("%s\n", art.value().c_str());
    return 0;
  }
  if (!rows.ok()) {
    std::fprintf(stderr, "attache: %s\n", rows.status().message().c_str());
    return rows.status().code() == attache::StatusCode::kInvalidArgument ? 2 : 1;
  }
  for (const std::string& r : rows.value()) std::printf("%s\n", r.c_str());
  return 0;
}

namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void PrintBalanceTable(const std::vector<attache::BalanceRow>& rows, const attache::BalanceQuery& q) {
  // Columns: the blocs, in order of their total; rows: the periods.
  std::map<std::string, int> bloc_total;
  std::map<std::string, std::map<std::string, int>> cell;  // period -> bloc -> visits
  std::map<std::string, std::map<std::string, int>> partners;  // bloc -> partner -> visits
  std::map<std::string, int> undated;                          // bloc -> visits
  for (const auto& r : rows) {
    bloc_total[r.bloc] += r.visits;
    partners[r.bloc][r.partner] += r.visits;
    if (r.period) {
      cell[*r.period][r.bloc] += r.visits;
    } else {
      undated[r.bloc] += r.visits;
    }
  }
  std::vector<std::string> blocs;
  for (const auto& [b, n] : bloc_total) blocs.push_back(b);
  std::stable_sort(blocs.begin(), blocs.end(),
                   [&](const std::string& x, const std::string& y) { return bloc_total[x] > bloc_total[y]; });
  std::string status;
  for (const auto& s : q.status) status += (status.empty() ? "" : ", ") + s;
  std::printf("Visits to %s by bloc, per %s%s%s%s%s (status: %s)\n", q.host.c_str(), q.by.c_str(),
              q.from.empty() ? "" : ", from ", q.from.c_str(), q.to.empty() ? "" : " to ", q.to.c_str(),
              status.c_str());
  if (rows.empty()) {
    std::printf("no visits\n");
    return;
  }
  std::printf("%-10s", "period");
  for (const auto& b : blocs) std::printf(" %*s", static_cast<int>(std::max<size_t>(5, b.size())), b.c_str());
  std::printf(" %6s\n", "total");
  auto print_row = [&](const std::string& label, const std::map<std::string, int>& m) {
    std::printf("%-10s", label.c_str());
    int total = 0;
    for (const auto& b : blocs) {
      auto it = m.find(b);
      const int n = it == m.end() ? 0 : it->second;
      total += n;
      std::printf(" %*d", static_cast<int>(std::max<size_t>(5, b.size())), n);
    }
    std::printf(" %6d\n", total);
  };
  for (const auto& [period, m] : cell) print_row(period, m);
  if (!undated.empty()) print_row("undated", undated);
  print_row("all", bloc_total);
  std::printf("\nPartners:\n");
  for (const auto& b : blocs) {
    std::vector<std::pair<int, std::string>> ps;
    for (const auto& [p, n] : partners[b]) ps.emplace_back(-n, p);
    std::sort(ps.begin(), ps.end());
    std::printf("  %s:", b.c_str());
    for (const auto& [n, p] : ps) std::printf(" %s %d", p.c_str(), -n);
    std::printf("\n");
  }
  if (!undated.empty()) {
    std::printf("\n\"undated\": visits whose month the articles do not give; they are in no period.\n");
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
  q.host = Get(a, "--host");
  for (char& c : q.host) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (q.host.empty()) return UsageError("balance needs --host ISO3 (the host country, e.g. AZE)");
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
  auto store = OpenStore(a, true, &code);
  if (!store) return code;
  const bool explain = a.flags.count("--explain") > 0;
  q.with_visit_ids = explain;
  auto rows = store->Balance(q);
  if (!rows.ok()) {
    std::fprintf(stderr, "attache: %s\n", rows.status().message().c_str());
    return rows.status().code() == attache::StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (format == "json") {
    if (!explain) {
      std::printf("%s\n", attache::BalanceToJson(rows.value()).c_str());
    } else {
      // The same rows, each with the visits behind it and their sources.
      std::string out = "[";
      size_t i = 0;
      for (const auto& r : rows.value()) {
        std::string obj = attache::BalanceRowToJson(r);
        obj.pop_back();  // the closing brace: "explain" follows
        obj += ",\"explain\":[";
        for (size_t k = 0; k < r.visit_ids.size(); ++k) {
          auto src = store->VisitSources(r.visit_ids[k]);
          obj += (k ? "," : "") + std::string("{\"visit_id\":") + std::to_string(r.visit_ids[k]) + ",\"sources\":[";
          if (src.ok()) {
            for (size_t j = 0; j < src.value().size(); ++j) obj += (j ? "," : "") + src.value()[j];
          }
          obj += "]}";
        }
        obj += "]}";
        out += (i++ ? "," : "") + obj;
      }
      out += "]";
      std::printf("%s\n", out.c_str());
    }
    return 0;
  }
  if (format == "csv") {
    std::printf("period,partner,bloc,visits%s\n", explain ? ",visit_ids" : "");
    for (const auto& r : rows.value()) {
      std::string ids;
      for (auto id : r.visit_ids) ids += (ids.empty() ? "" : " ") + std::to_string(id);
      std::printf("%s,%s,%s,%d", r.period.value_or("").c_str(), r.partner.c_str(), r.bloc.c_str(), r.visits);
      if (explain) std::printf(",%s", ids.c_str());
      std::printf("\n");
    }
    return 0;
  }
  PrintBalanceTable(rows.value(), q);
  if (explain) {
    std::printf("\nThe visits behind each number:\n");
    for (const auto& r : rows.value()) {
      std::printf("\n%s  %s (%s): %d visit%s\n", r.period.value_or("undated").c_str(), r.partner.c_str(),
                  r.bloc.c_str(), r.visits, r.visits == 1 ? "" : "s");
      for (auto id : r.visit_ids) {
        auto src = store->VisitSources(id);
        std::printf("  visit %lld, reported by:\n", static_cast<long long>(id));
        if (src.ok()) {
          for (const auto& s : src.value()) std::printf("    %s\n", s.c_str());
        }
      }
    }
  }
  return 0;
}

int RunExport(const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  if (!ParseArgs(args, {"--db", "--format"}, {}, &a, &code)) return code;
  if (a.positional.size() != 1) return UsageError("export needs one of: visits, meetings, quotes, events");
  auto store = OpenStore(a, true, &code);
  if (!store) return code;
  attache::Status st = store->Export(a.positional[0], Get(a, "--format", "jsonl"), stdout);
  if (!st.ok()) {
    std::fprintf(stderr, "attache: %s\n", st.message().c_str());
    return st.code() == attache::StatusCode::kInvalidArgument ? 2 : 1;
  }
  return 0;
}

}  // namespace attache_cli
