// attache: the command-line tool. Built on the library's public headers only.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "cli_common.h"
#include "parallel.h"

namespace {

using namespace attache_cli;

constexpr const char* kUsage =
    "attache: a checked record of diplomacy, built from news pages.\n"
    "\n"
    "Usage:\n"
    "  attache extract [OPTIONS] PATH...   print each document's article as one JSON line\n"
    "  attache analyze [OPTIONS] PATH...   the same, plus its quotes, visits and meetings\n"
    "  attache ingest --db FILE PATH...    analyze and keep everything in a store (SQLite)\n"
    "  attache parse [--format conllu|json] PATH...   tags, dependency trees, entities\n"
    "  attache parse --conllu-in FILE.conllu          the same over CoNLL-U words\n"
    "                                     (attache parse --help for evaluation options)\n"
    "  attache train --out MODEL ...        train a syntax model (scripts/train-models)\n"
    "  attache balance --db FILE --host COUNTRY [--from D] [--to D] [--by month|quarter|year]\n"
    "                  [--status past,ongoing,planned] [--format table|csv|json] [--explain]\n"
    "                  [--blocs FILE]        visits to a host, by partner and bloc, per period\n"
    "  attache search --db FILE [WORDS] [--outlet O] [--lang L] [--from D] [--to D]\n"
    "  attache quotes --db FILE [--speaker NAME] [--channel OUTLET] [--text WORDS]\n"
    "  attache visits --db FILE [--host COUNTRY] [--visitor-country COUNTRY] [--bloc BLOC]\n"
    "                 [--person NAME] [--status S] [--from D] [--to D] [--undated]\n"
    "  attache meetings --db FILE [--person NAME] [--status S] [--from D] [--to D]\n"
    "  attache timeline --db FILE NAME      a person's visits, meetings and quotes by date\n"
    "  attache actors --db FILE [PART-OF-NAME]\n"
    "  attache article --db FILE ID         one stored article with its quotes and events\n"
    "  attache stats --db FILE              what the store holds\n"
    "  attache export --db FILE visits|meetings|quotes|events [--format jsonl|csv] [--excel]\n"
    "                 [--host C] [--bloc B] [--from D] [--to D] [--status S]\n"
    "  attache serve --db FILE [--port N] [--host ADDR] [--web DIR] [--threads N]\n"
    "                                     the HTTP JSON API and the web dashboard, read-only\n"
    "  attache --help | --version\n"
    "\n"
    "PATH is a WARC file (plain or gzipped), an HTML file, a page-text file,\n"
    "a JSON-lines file with \"url\" and \"html\" or \"text\", a folder of any of\n"
    "these (read recursively), or - for standard input. Kinds are recognised\n"
    "by content, not by file name.\n"
    "\n"
    "Output fields: source, url, title, subtitle, published, outlet, authors,\n"
    "section, lang, text (unknown fields are null, authors is then []).\n"
    "analyze adds \"quotes\": [{speaker, speaker_role, channel, direct, text,\n"
    "begin, end, cue}], \"visits\": [{visitor, visitor_role, visitor_country,\n"
    "host_country, place, date, status, cameo, plover_type, plover_mode,\n"
    "mentions}] and \"meetings\": [{participants, place, date, status, ...}];\n"
    "begin, end and mentions are byte offsets into text. Dates are resolved\n"
    "against the publication date; status is planned, ongoing or past.\n"
    "\n"
    "Options:\n"
    "  --max-doc-bytes N    skip documents larger than N bytes (default 33554432)\n"
    "  --max-inflate N      give up on a gzip stream after N output bytes (default 1073741824)\n"
    "  --max-depth N        keep at most N levels of nested markup (default 512)\n"
    "  --max-output N       cut article text at N bytes (default 4194304)\n"
    "  --jobs N             analyse N documents at a time (default: the number of cores);\n"
    "                       the input is read as one stream and the output keeps its order,\n"
    "                       the same byte for byte whatever N (extract, analyze, ingest)\n"
    "  --quiet              no summary and no progress on stderr (the progress line,\n"
    "                       with documents/s, bytes read and time left, shows on a terminal)\n"
    "\n"
    "Problems with single documents are reported on stderr, one line each, and\n"
    "the run goes on; a summary closes the run.\n"
    "Exit status: 0 when anything was extracted, 1 when nothing could be read\n"
    "or extracted, 2 for usage errors.\n"
    "\n"
    "The store (ingest and the questions on it): one SQLite file. Each document\n"
    "is stored whole or not at all, so an interrupted ingest (Ctrl-C, kill -9)\n"
    "resumes when run again and stores nothing twice; a syndicated copy is\n"
    "linked to its original and its events are not counted again; one visit\n"
    "reported by several articles is one visit with several sources.\n"
    "Query commands print JSON lines (--limit N, default 50, at most 1000;\n"
    "--offset N). Dates D are YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn, inclusive;\n"
    "visits of unknown year are outside every range unless --undated. A COUNTRY\n"
    "is a code in any case, an English name or a demonym (AZE, aze, Azerbaijan).\n"
    "attache CMD --help shows a command's options, defaults and an example.\n"
    "balance counts visits (not articles) whose status is past or ongoing unless\n"
    "--status says otherwise; visits of unknown month are counted apart.\n"
    "\n"
    "serve listens on 127.0.0.1:8080 unless told otherwise (--port 0: any free\n"
    "port; the address is printed on start) and answers GET /api/... with JSON\n"
    "(see README, \"Server and dashboard\") and / with the dashboard, built\n"
    "by (cd web && npm ci && npm run build) and found beside the binary or in\n"
    "the source tree (--web DIR to say where). SIGINT or SIGTERM stops it.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return UsageError("no command given");
  if (args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args[0] == "--version") {
    std::puts("attache 0.1.0");
    return 0;
  }
  const std::string cmd = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "help" && rest.size() == 1) return PrintCommandHelp(rest[0]);
  if (WantsHelp(rest)) return PrintCommandHelp(cmd);
  if (HasCommandHelp(cmd)) CurrentCommand() = cmd;
  if (cmd == "parse") return RunParse(rest);
  if (cmd == "train") return RunTrain(rest);
  if (cmd == "ingest") return RunIngest(rest);
  if (cmd == "balance") return RunBalance(rest);
  if (cmd == "export") return RunExport(rest);
  if (cmd == "serve") return RunServe(rest);
  if (cmd == "search" || cmd == "quotes" || cmd == "visits" || cmd == "meetings" || cmd == "timeline" ||
      cmd == "actors" || cmd == "article" || cmd == "stats") {
    return RunStoreQuery(cmd, rest);
  }
  if (cmd != "extract" && cmd != "analyze") return UsageError("unknown command '" + cmd + "'");

  attache::InputLimits in_limits;
  attache::ExtractLimits ex_limits;
  bool quiet = false;
  unsigned jobs = DefaultJobs();
  std::vector<std::string> paths;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](unsigned long long* out) {
      if (i + 1 >= args.size() || !ParseSize(args[i + 1].c_str(), out)) return false;
      ++i;
      return true;
    };
    unsigned long long v = 0;
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a == "--jobs" || a == "-j") {
      if (i + 1 >= args.size() || !ParseJobs(args[i + 1], &jobs)) {
        return UsageError(a + " needs a whole number from 1 to 256");
      }
      ++i;
    } else if (a == "--max-doc-bytes") {
      if (!value(&v)) return UsageError(a + " needs a positive whole number");
      in_limits.max_document_bytes = v;
    } else if (a == "--max-inflate") {
      if (!value(&v)) return UsageError(a + " needs a positive whole number");
      in_limits.max_inflated_bytes = v;
    } else if (a == "--max-depth") {
      if (!value(&v)) return UsageError(a + " needs a positive whole number");
      ex_limits.max_depth = v;
    } else if (a == "--max-output") {
      if (!value(&v)) return UsageError(a + " needs a positive whole number");
      ex_limits.max_output_bytes = v;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return UsageError("unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) return UsageError(cmd + " needs at least one PATH (or - for standard input)");
  return RunExtract(paths, in_limits, ex_limits, quiet, cmd == "analyze", jobs);
}
