// attache parse and attache train: the syntax stage from the command line
// (their --help is in help.cc). Public headers only.
#include <cstdio>
#include <string>
#include <vector>

#include "attache/attache.h"
#include "cli_args.h"
#include "cli_common.h"

namespace attache_cli {

int RunParse(const std::vector<std::string>& args) {
  Args a;
  int code = 2;
  ArgRules rules;
  rules.aliases = {{"-q", "--quiet"}};
  rules.needs = {{"--format", "--format needs conllu or json"},
                 {"--lang", "--lang needs a language code"},
                 {"--conllu-in", "--conllu-in needs a file"},
                 {"--eval", "--eval needs a CoNLL-U file"},
                 {"--eval-entities", "--eval-entities needs an IOB2 file"}};
  rules.command = "parse";
  if (!ParseArgs(args, {"--format", "--lang", "--conllu-in", "--eval", "--eval-entities"}, {"--quiet"}, &a, &code,
                 rules))
    return code;
  const std::string format = Get(a, "--format", "conllu"), lang = Get(a, "--lang", "en");
  if (format != "conllu" && format != "json") return UsageError("--format needs conllu or json");
  const std::string conllu_in = Get(a, "--conllu-in"), eval = Get(a, "--eval"),
                    eval_entities = Get(a, "--eval-entities");
  const std::vector<std::string>& paths = a.positional;
  const bool quiet = a.flags.count("--quiet") > 0;
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
  Args a;
  int code = 2;
  ArgRules rules;
  rules.lists = {"--train", "--dev"};
  rules.needs = {{"--out", "--out needs a file"},
                 {"--convert", "--convert needs a model file"},
                 {"--words", "--words needs a file"},
                 {"--lang", "--lang needs a code"},
                 {"--attribution", "--attribution needs a text"},
                 {"--seed", "--seed needs a positive whole number"},
                 {"--epochs", "--epochs needs three positive numbers, TAGGER,PARSER,ENTITIES"}};
  rules.command = "train";
  if (!ParseArgs(args, {"--out", "--convert", "--words", "--lang", "--attribution", "--seed", "--epochs"}, {}, &a,
                 &code, rules))
    return code;
  if (!a.positional.empty()) return UsageError("'" + a.positional[0] + "': files follow --train or --dev");
  attache::TrainSyntaxOptions o;
  o.out = Get(a, "--out");
  o.convert = Get(a, "--convert");
  o.words_table = Get(a, "--words");
  o.lang = Get(a, "--lang", o.lang);
  o.attribution = Get(a, "--attribution");
  if (a.values.count("--seed")) {
    unsigned long long n = 0;
    if (!ParseSize(a.values["--seed"].c_str(), &n)) return UsageError(rules.needs["--seed"]);
    o.seed = n;
  }
  if (a.values.count("--epochs") &&
      (std::sscanf(a.values["--epochs"].c_str(), "%d,%d,%d", &o.tagger_epochs, &o.parser_epochs, &o.entity_epochs) !=
           3 ||
       o.tagger_epochs < 1 || o.parser_epochs < 1 || o.entity_epochs < 1))
    return UsageError(rules.needs["--epochs"]);
  o.train = a.lists["--train"];
  o.dev = a.lists["--dev"];
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
