// attache export: every row of visits, meetings, quotes or events, filtered,
// as JSON lines or CSV (optionally with a byte-order mark for spreadsheet
// programs). Public headers only.
#include <cstdio>
#include <string>
#include <vector>

#include "attache/store.h"
#include "cli_args.h"
#include "cli_common.h"

namespace attache_cli {

int RunExport(const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  if (!ParseArgs(args, {"--db", "--format", "--host", "--visitor-country", "--bloc", "--from", "--to", "--status",
                        "--arrays"},
                 {"--bom", "--excel", "--undated"}, &a, &code)) {
    return code;
  }
  if (a.positional.size() != 1) return UsageError("export needs one of: visits, meetings, quotes, events");
  attache::ExportOptions o;
  o.format = Get(a, "--format", "jsonl");
  o.bom = a.flags.count("--bom") > 0;
  if (a.flags.count("--excel")) {
    // What spreadsheet programs open without garbling "Çavuşoğlu": CSV with
    // a UTF-8 byte-order mark, arrays as ';'-joined names.
    if (a.values.count("--format") && o.format != "csv") return UsageError("--excel writes CSV (drop --format)");
    o.format = "csv";
    o.bom = true;
  }
  o.csv_arrays = Get(a, "--arrays", "names");
  if (o.csv_arrays != "names" && o.csv_arrays != "json") return UsageError("--arrays must be names or json");
  attache::QueryFilter& f = o.filter;
  f.host = Get(a, "--host");
  f.visitor_country = Get(a, "--visitor-country");
  if (a.values.count("--bloc")) {
    if (!f.visitor_country.empty()) return UsageError("give --visitor-country or --bloc, not both");
    f.visitor_country = a.values["--bloc"];
  }
  f.from = Get(a, "--from");
  f.to = Get(a, "--to");
  f.undated = a.flags.count("--undated") > 0;
  f.status = SplitList(Get(a, "--status"));
  if (attache::Status st = attache::CheckDateRange(f.from, f.to); !st.ok()) return UsageError(st.message());
  auto store = OpenStore(a, true, &code);
  if (!store) return code;
  attache::Status st = store->Export(a.positional[0], o, stdout);
  if (!st.ok()) {
    if (st.code() == attache::StatusCode::kInvalidArgument) return UsageError(st.message());
    std::fprintf(stderr, "attache: %s\n", st.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace attache_cli
