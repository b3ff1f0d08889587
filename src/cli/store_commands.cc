// attache ingest: analyze documents and keep them in a store. (The
// questions are in query_commands.cc, balance in balance_command.cc, export
// in export_command.cc.) Public headers only.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "attache/store.h"
#include "cli_args.h"
#include "cli_common.h"
#include "parallel.h"

namespace attache_cli {

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

}  // namespace attache_cli
