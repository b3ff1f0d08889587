// attache parse and attache train: the syntax stage from the command line.
// Public headers only.
#include <cstdio>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "cli_common.h"

namespace attache_cli {

namespace {

constexpr const char* kParseUsage =
    "Usage:\n"
    "  attache parse [--format conllu|json] [--quiet] PATH...\n"
    "      tags, dependency trees and entities of every sentence of each document's\n"
    "      article (CoNLL-U by default; MISC has Offsets=begin:end into the article\n"
    "      text and Entity=B-PER|I-PER|B-LOC|...; json: one line per article)\n"
    "  attache parse --conllu-in FILE.conllu [--lang L]\n"
    "      the file's words and sentence breaks printed back with LEMMA, UPOS, HEAD\n"
    "      and DEPREL predicted (other columns _)\n"
    "  attache parse --eval FILE.conllu      UPOS, UAS, LAS against the file's gold\n"
    "  attache parse --eval-entities FILE.iob2   entity P/R/F1 per type\n"
    "--lang sets the model's language for CoNLL-U input (default en); for pages\n"
    "it is the page's language. Models: data/models/<lang>/syntax.bin, or the\n"
    "folder ATTACHE_MODEL_DIR names.\n";

constexpr const char* kTrainUsage =
    "Usage: attache train --out MODEL --words WORDS.txt --train FILE.conllu... --dev FILE.conllu...\n"
    "                     [--lang L] [--attribution TEXT] [--epochs TAGGER,PARSER,ENTITIES] [--seed N]\n"
    "       attache train --convert OLD_MODEL --out MODEL\n"
    "Trains the tagger, the parser and the name finder (deterministic for a seed)\n"
    "and writes the model file. scripts/train-models runs it on the shipped corpora.\n"
    "--convert rewrites an existing model (format version 1 or 2) in the current\n"
    "format, with the same weights (the same predictions), without training.\n";

}  // namespace

int RunParse(const std::vector<std::string>& args) {
  std::string format = "conllu", lang = "en", conllu_in, eval, eval_entities;
  std::vector<std::string> paths;
  bool quiet = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kParseUsage, stdout);
      return 0;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a == "--format") {
      if (!value(&format) || (format != "conllu" && format != "json")) return UsageError("--format needs conllu or json");
    } else if (a == "--lang") {
      if (!value(&lang)) return UsageError("--lang needs a language code");
    } else if (a == "--conllu-in") {
      if (!value(&conllu_in)) return UsageError("--conllu-in needs a file");
    } else if (a == "--eval") {
      if (!value(&eval)) return UsageError("--eval needs a CoNLL-U file");
    } else if (a == "--eval-entities") {
      if (!value(&eval_entities)) return UsageError("--eval-entities needs an IOB2 file");
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return UsageError("unknown option '" + a + "' for parse");
    } else {
      paths.push_back(a);
    }
  }
  const int modes = !conllu_in.empty() + !eval.empty() + !eval_entities.empty() + !paths.empty();
  if (modes == 0) return UsageError("parse needs PATH..., --conllu-in FILE, --eval FILE or --eval-entities FILE");
  if (modes > 1) return UsageError("parse takes one of PATH..., --conllu-in, --eval, --eval-entities");
  auto emit = [](const attache::Result<std::string>& r, const std::string& what) {
    if (!r.ok()) {
      std::fprintf(stderr, "attache: %s: %s\n", what.c_str(), r.status().ToString().c_str());
      return 1;
    }
    std::fwrite(r.value().data(), 1, r.value().size(), stdout);
    return 0;
  };
  if (!conllu_in.empty()) return emit(attache::ParseConlluFile(conllu_in, lang), conllu_in);
  if (!eval.empty()) return emit(attache::EvaluateConlluFile(eval, lang), eval);
  if (!eval_entities.empty()) return emit(attache::EvaluateEntitiesFile(eval_entities, lang), eval_entities);

  const attache::ParseFormat fmt = format == "json" ? attache::ParseFormat::kJson : attache::ParseFormat::kConllu;
  unsigned long long parsed = 0, failed = 0;
  auto on_error = [&](const std::string& source, const attache::Status& st) {
    ++failed;
    std::fprintf(stderr, "attache: %s: %s\n", source.c_str(), st.ToString().c_str());
  };
  auto on_doc = [&](attache::RawDocument&& doc) {
    auto r = attache::Extract(doc, attache::ExtractLimits{});
    if (!r.ok()) return on_error(doc.source, r.status());
    auto p = attache::ParseArticle(r.value(), fmt);
    if (!p.ok()) return on_error(doc.source, p.status());
    ++parsed;
    std::fwrite(p.value().data(), 1, p.value().size(), stdout);
  };
  for (const auto& p : paths) {
    attache::Status st = attache::ReadPath(p, attache::InputLimits{}, on_doc, on_error);
    if (!st.ok()) on_error(p, st);
  }
  std::fflush(stdout);
  if (!quiet) std::fprintf(stderr, "attache: %llu documents parsed, %llu failed\n", parsed, failed);
  return parsed > 0 ? 0 : 1;
}

int RunTrain(const std::vector<std::string>& args) {
  attache::TrainSyntaxOptions o;
  std::vector<std::string>* list = nullptr;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kTrainUsage, stdout);
      return 0;
    } else if (a == "--out") {
      if (!value(&o.out)) return UsageError("--out needs a file");
      list = nullptr;
    } else if (a == "--convert") {
      if (!value(&o.convert)) return UsageError("--convert needs a model file");
      list = nullptr;
    } else if (a == "--words") {
      if (!value(&o.words_table)) return UsageError("--words needs a file");
      list = nullptr;
    } else if (a == "--lang") {
      if (!value(&o.lang)) return UsageError("--lang needs a code");
      list = nullptr;
    } else if (a == "--attribution") {
      if (!value(&o.attribution)) return UsageError("--attribution needs a text");
      list = nullptr;
    } else if (a == "--seed") {
      std::string v;
      unsigned long long n = 0;
      if (!value(&v) || !ParseSize(v.c_str(), &n)) return UsageError("--seed needs a positive whole number");
      o.seed = n;
      list = nullptr;
    } else if (a == "--epochs") {
      std::string v;
      if (!value(&v) || std::sscanf(v.c_str(), "%d,%d,%d", &o.tagger_epochs, &o.parser_epochs, &o.entity_epochs) != 3 ||
          o.tagger_epochs < 1 || o.parser_epochs < 1 || o.entity_epochs < 1)
        return UsageError("--epochs needs three positive numbers, TAGGER,PARSER,ENTITIES");
      list = nullptr;
    } else if (a == "--train") {
      list = &o.train;
    } else if (a == "--dev") {
      list = &o.dev;
    } else if (a.size() > 1 && a[0] == '-') {
      return UsageError("unknown option '" + a + "' for train");
    } else if (list) {
      list->push_back(a);
    } else {
      return UsageError("'" + a + "': files follow --train or --dev");
    }
  }
  if (!o.convert.empty()) {
    if (o.out.empty()) return UsageError("train --convert needs --out");
  } else if (o.out.empty() || o.words_table.empty() || o.train.empty() || o.dev.empty()) {
    return UsageError("train needs --out, --words, --train and --dev");
  }
  attache::Status st = attache::TrainSyntax(o, [](const std::string& s) {
    std::fprintf(stderr, "attache train: %s\n", s.c_str());
    std::fflush(stderr);
  });
  if (!st.ok()) {
    std::fprintf(stderr, "attache: train: %s\n", st.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "attache train: wrote %s\n", o.out.c_str());
  return 0;
}

}  // namespace attache_cli
