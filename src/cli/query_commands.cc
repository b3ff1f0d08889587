// attache's questions on a store: search, quotes, visits, meetings, timeline,
// actors, article, stats. JSON lines on stdout. Public headers only.
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "attache/store.h"
#include "cli_args.h"
#include "cli_common.h"

namespace attache_cli {

namespace {

int PrintStats(const attache::Store& store) {
  auto c = store.Count();
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
}

// The options each question takes (as its --help lists them); any other is
// an error, so that a filter a question cannot apply is never silently
// dropped (`meetings --host aze`).
const std::set<std::string>& QueryOptions(const std::string& cmd) {
  static const std::map<std::string, std::set<std::string>> kOptions = {
      {"search", {"--db", "--outlet", "--lang", "--from", "--to", "--limit", "--offset"}},
      {"quotes", {"--db", "--speaker", "--channel", "--text", "--outlet", "--from", "--to", "--limit", "--offset"}},
      {"visits",
       {"--db", "--host", "--visitor-country", "--bloc", "--person", "--status", "--from", "--to", "--limit",
        "--offset"}},
      {"meetings", {"--db", "--person", "--status", "--from", "--to", "--limit", "--offset"}},
      {"timeline", {"--db", "--from", "--to", "--limit", "--offset"}},
      {"actors", {"--db", "--limit", "--offset"}},
      {"article", {"--db"}},
      {"stats", {"--db"}},
  };
  static const std::set<std::string> kNone;
  const auto it = kOptions.find(cmd);
  return it == kOptions.end() ? kNone : it->second;
}

}  // namespace

int RunStoreQuery(const std::string& cmd, const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  const std::set<std::string>& with_value = QueryOptions(cmd);
  std::set<std::string> bare;
  if (with_value.count("--from")) bare.insert("--undated");  // every question with a date range
  ArgRules rules;
  rules.command = cmd;
  if (!ParseArgs(args, with_value, bare, &a, &code, rules)) return code;
  attache::QueryFilter f;
  f.outlet = Get(a, "--outlet");
  f.lang = Get(a, "--lang");
  f.from = Get(a, "--from");
  f.to = Get(a, "--to");
  f.undated = a.flags.count("--undated") > 0;
  f.speaker = Get(a, "--speaker");
  f.channel = Get(a, "--channel");
  f.text = Get(a, "--text");
  f.host = Get(a, "--host");
  f.visitor_country = Get(a, "--visitor-country");
  if (a.values.count("--bloc")) {
    if (!f.visitor_country.empty()) return UsageError("give --visitor-country or --bloc, not both");
    f.visitor_country = a.values["--bloc"];
  }
  f.person = Get(a, "--person");
  f.status = SplitList(Get(a, "--status"));
  if (a.values.count("--limit") && !ParseInt(a.values["--limit"], 1, 1000, &f.limit)) {
    return UsageError("--limit needs a number from 1 to 1000");
  }
  if (a.values.count("--offset") && !ParseInt(a.values["--offset"], 0, 1 << 30, &f.offset)) {
    return UsageError("--offset needs a number from 0");
  }
  // Mistakes in the dates are usage errors, told before the store is opened.
  if (attache::Status st = attache::CheckDateRange(f.from, f.to); !st.ok()) return UsageError(st.message());
  // Words after a question that takes none are a mistake, not a filter to
  // drop: "visits Azerbaijan" means --host, "meetings Lavrov" --person.
  if ((cmd == "visits" || cmd == "meetings" || cmd == "stats") && !a.positional.empty()) {
    std::string hint = cmd == "visits" ? " (a country: --host or --visitor-country; a person: --person)"
                       : cmd == "meetings" ? " (a person: --person)"
                                           : "";
    return UsageError(cmd + " takes no words, only options: '" + a.positional[0] + "'" + hint);
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
    return PrintStats(*store);
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
    if (rows.status().code() == attache::StatusCode::kInvalidArgument) return UsageError(rows.status().message());
    std::fprintf(stderr, "attache: %s\n", rows.status().message().c_str());
    return 1;
  }
  for (const std::string& r : rows.value()) std::printf("%s\n", r.c_str());
  return 0;
}

}  // namespace attache_cli
