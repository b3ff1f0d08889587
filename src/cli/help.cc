// attache CMD --help: each command's options, their defaults and an example.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cli_common.h"

namespace attache_cli {

namespace {

constexpr const char* kDates =
    "  --from D, --to D      a range, inclusive: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn\n"
    "                        (2023, 2023-02, 2023-02-27, 2023-Q1); an impossible date or\n"
    "                        a reversed range is an error (exit 2). Default: no bound.\n";
constexpr const char* kUndated =
    "  --undated             with a range, also the rows whose year is unknown (dates\n"
    "                        like XXXX-05-01, or none); without it they are outside\n"
    "                        every range\n";
constexpr const char* kPage =
    "  --limit N             at most N rows (default 50, at most 1000)\n"
    "  --offset N            skip the first N rows (default 0)\n";
constexpr const char* kDb = "  --db FILE             the store (required)\n";
constexpr const char* kCountries =
    "A COUNTRY is an ISO 3166-1 alpha-3 code in any case (AZE, aze), an English name\n"
    "(Azerbaijan, the United Kingdom), a demonym (Azerbaijani) or an organisation\n"
    "(NATO, EU); where a set fits, also a bloc name of the blocs file (West, \"South\n"
    "Caucasus\") or a comma-separated list. An unknown value is an error (exit 2)\n"
    "naming the nearest matches.\n";
constexpr const char* kLimits =
    "  --max-doc-bytes N     skip documents larger than N bytes (default 33554432)\n"
    "  --max-inflate N       give up on a gzip stream after N output bytes (default 1073741824)\n"
    "  --max-depth N         keep at most N levels of nested markup (default 512)\n"
    "  --max-output N        cut article text at N bytes (default 4194304)\n"
    "  --jobs N              analyse N documents at once (default: the number of cores);\n"
    "                        the output is the same, in input order, for every N\n"
    "  --quiet               no summary and no progress on stderr\n";

struct Help {
  std::string usage, what, options, example;
};

const std::map<std::string, Help>& Helps() {
  static const std::map<std::string, Help> k = {
      {"extract",
       {"attache extract [OPTIONS] PATH...", "Prints each document's article as one JSON line.", kLimits,
        "attache extract crawl.warc.gz > articles.jsonl"}},
      {"analyze",
       {"attache analyze [OPTIONS] PATH...",
        "Prints each document's article as one JSON line, with its quotes, visits and meetings.", kLimits,
        "attache analyze pages/ > analysed.jsonl"}},
      {"ingest",
       {"attache ingest --db FILE [OPTIONS] PATH...",
        "Analyzes the documents and keeps them in the store; run again to add more\n"
        "(nothing is stored twice).",
        std::string(kDb) + kLimits, "attache ingest --db record.db crawl.warc.gz pages/"}},
      {"balance",
       {"attache balance --db FILE --host COUNTRY [OPTIONS]",
        "Counts the visits to the host by partner (the visitor's country or\n"
        "organisation) and bloc, per period: every period of the range, empty ones as 0,\n"
        "and the share of visits whose month is unknown (\"undated\").",
        std::string(kDb) +
            "  --host COUNTRY        the host country (required; one country)\n" + kDates +
            "  --by month|quarter|year   the periods (default month)\n"
            "  --status LIST         planned, ongoing, past, comma-separated (default past,ongoing)\n"
            "  --format table|csv|json   (default table)\n"
            "  --explain             the visits behind each number, with their articles\n"
            "  --blocs FILE          bloc definitions (default: data/blocs/default.tsv, built in)\n",
        "attache balance --db record.db --host Azerbaijan --by year --from 2018 --to 2024"}},
      {"search",
       {"attache search --db FILE [WORDS] [OPTIONS]",
        "Articles with the words (\"a phrase\", prefix*, OR work): headline matches first,\n"
        "then by publication date, newest first; each with a passage around the words.",
        std::string(kDb) +
            "  --outlet O            only this outlet\n"
            "  --lang L              only this language (en, ru)\n" +
            kDates + kUndated + kPage,
        "attache search --db record.db \"balanced policy\" --from 2023-Q1"}},
      {"quotes",
       {"attache quotes --db FILE [WORDS] [OPTIONS]",
        "Quotes with their article (sources: id, title, outlet, date, url).",
        std::string(kDb) +
            "  --speaker NAME        a full name or a surname\n"
            "  --channel OUTLET      the outlet the speaker talked to\n"
            "  --text WORDS          words in the quote\n"
            "  --outlet O            the publishing outlet\n" +
            kDates + kUndated + kPage,
        "attache quotes --db record.db --speaker Lavrov --from 2023"}},
      {"visits",
       {"attache visits --db FILE [OPTIONS]",
        "Visits (merged over the articles reporting them), newest first, each with the\n"
        "countries' names and its sources (id, title, outlet, date, url).",
        std::string(kDb) +
            "  --host COUNTRY        the country visited (a bloc or list works)\n"
            "  --visitor-country COUNTRY   the visitor's country (a bloc or list works)\n"
            "  --bloc BLOC           the visitor's bloc (same as --visitor-country BLOC)\n"
            "  --person NAME         a full name or a surname\n"
            "  --status LIST         planned, ongoing, past, comma-separated (default: all)\n" +
            kDates + kUndated + kPage,
        "attache visits --db record.db --host aze --bloc West --from 2022 --to 2023-Q2"}},
      {"meetings",
       {"attache meetings --db FILE [OPTIONS]", "Meetings (merged over their reports), newest first, with sources.",
        std::string(kDb) +
            "  --person NAME         a participant: full name or surname\n"
            "  --status LIST         planned, ongoing, past, comma-separated (default: all)\n" +
            kDates + kUndated + kPage,
        "attache meetings --db record.db --person Aliyev --from 2023"}},
      {"timeline",
       {"attache timeline --db FILE NAME [OPTIONS]",
        "A person's visits, meetings and quotes by date, undated ones last; every row has\n"
        "its participants as an array and its sources.",
        std::string(kDb) + kDates + kUndated + kPage, "attache timeline --db record.db \"Sergei Lavrov\""}},
      {"actors",
       {"attache actors --db FILE [PART-OF-NAME] [OPTIONS]",
        "People and institutions, most active first, with their ids (the dashboard's\n"
        "#/actor/ID) and counts.",
        std::string(kDb) + kPage, "attache actors --db record.db Lavrov"}},
      {"article",
       {"attache article --db FILE ID", "One stored article with its quotes, visits and meetings.", kDb,
        "attache article --db record.db 12"}},
      {"stats", {"attache stats --db FILE", "What the store holds, as one JSON object.", kDb,
                 "attache stats --db record.db"}},
      {"export",
       {"attache export --db FILE visits|meetings|quotes|events [OPTIONS]",
        "Every row, streamed. events is one PLOVER/POLECAT-style record per visit and\n"
        "meeting. In CSV, array cells (sources, participants, stories) are ';'-joined\n"
        "names (a source by its url) unless --arrays json keeps them as JSON text.",
        std::string(kDb) +
            "  --format jsonl|csv    (default jsonl)\n"
            "  --excel               CSV with a UTF-8 byte-order mark, for spreadsheet programs\n"
            "  --bom                 a UTF-8 byte-order mark first\n"
            "  --arrays names|json   arrays in CSV cells (default names)\n"
            "  --host COUNTRY        visits and events: the country visited (meetings are left\n"
            "                        out of events when a country filter is given)\n"
            "  --visitor-country COUNTRY, --bloc BLOC   visits and events: the visitor's\n"
            "  --status LIST         planned, ongoing, past (visits, meetings, events)\n" +
            kDates + kUndated,
        "attache export --db record.db visits --host AZE --from 2022 --bloc West --excel > visits.csv"}},
      {"parse",
       {"attache parse [--format conllu|json] [--quiet] PATH...\n"
        "       attache parse --conllu-in FILE.conllu [--lang L]\n"
        "       attache parse --eval FILE.conllu | --eval-entities FILE.iob2 [--lang L]",
        "Tags, dependency trees and entities of every sentence of each document's\n"
        "article (CoNLL-U by default; MISC has Offsets=begin:end into the article\n"
        "text and Entity=B-PER|I-PER|B-LOC|...; json: one line per article).\n"
        "Models: data/models/<lang>/syntax.bin, or the folder ATTACHE_MODEL_DIR names.",
        "  --format conllu|json  the output for pages (default conllu)\n"
        "  --quiet               no summary on stderr\n"
        "  --conllu-in FILE.conllu   the file's words and sentence breaks printed back\n"
        "                        with LEMMA, UPOS, HEAD and DEPREL predicted (other\n"
        "                        columns _)\n"
        "  --eval FILE.conllu    UPOS, UAS, LAS against the file's gold\n"
        "  --eval-entities FILE.iob2   entity P/R/F1 per type\n"
        "  --lang L              the model's language for CoNLL-U input (default en); for\n"
        "                        pages it is the page's language\n",
        "attache parse --format json page.html > parsed.jsonl"}},
      {"train",
       {"attache train --out MODEL --words WORDS.txt --train FILE.conllu... --dev FILE.conllu...\n"
        "                     [--lang L] [--attribution TEXT] [--epochs TAGGER,PARSER,ENTITIES] [--seed N]\n"
        "       attache train --convert OLD_MODEL --out MODEL",
        "Trains the tagger, the parser and the name finder (deterministic for a seed)\n"
        "and writes the model file. scripts/train-models runs it on the shipped corpora.\n"
        "--convert rewrites an existing model (format version 1 or 2) in the current\n"
        "format, with the same weights (the same predictions), without training.",
        "  --out MODEL           the model file to write (required)\n"
        "  --words WORDS.txt     the language's word table (data/models/<lang>/words.txt)\n"
        "  --train FILE.conllu...   the training treebanks\n"
        "  --dev FILE.conllu...  the development treebanks\n"
        "  --lang L              the model's language (default en)\n"
        "  --attribution TEXT    the training data's credits, kept in the model\n"
        "  --epochs TAGGER,PARSER,ENTITIES   passes over the training data (default 12,15,12)\n"
        "  --seed N              the seed of the training's random choices (default 1)\n"
        "  --convert OLD_MODEL   rewrite a model in the current format, without training\n",
        "attache train --convert old.bin --out data/models/en/syntax.bin"}},
      {"serve",
       {"attache serve --db FILE [OPTIONS]",
        "The read-only HTTP JSON API and the web dashboard. SIGINT or SIGTERM stops it.",
        std::string(kDb) +
            "  --port N              (default 8080; 0: any free port, printed on start)\n"
            "  --host ADDR           the address to listen on (default 127.0.0.1)\n"
            "  --web DIR             the built dashboard (default: web/dist beside the binary\n"
            "                        or in the source tree)\n"
            "  --threads N           worker threads (default 16, at most 64)\n",
        "attache serve --db record.db --port 0"}},
  };
  return k;
}

}  // namespace

bool WantsHelp(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

bool HasCommandHelp(const std::string& cmd) { return Helps().count(cmd) > 0; }

int PrintCommandHelp(const std::string& cmd) {
  auto it = Helps().find(cmd);
  if (it == Helps().end()) return UsageError("unknown command '" + cmd + "'");
  const Help& h = it->second;
  std::string text = "Usage: " + h.usage + "\n\n" + h.what + "\n\nOptions:\n" + h.options;
  const bool takes_country = h.options.find("COUNTRY") != std::string::npos;
  if (takes_country) text += std::string("\n") + kCountries;
  text += "\nExample:\n  " + h.example + "\n";
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace attache_cli
