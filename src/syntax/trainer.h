// Syntax stage: training a language's model from UD treebanks. Fixed seed,
// one thread, deterministic: the same files give the same model bytes. Each
// part keeps the epoch that scores best on the dev files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "attache/status.h"
#include "syntax/conllu.h"
#include "syntax/model.h"

namespace attache::syntax {

struct TrainConfig {
  std::string lang = "en", attribution, word_table_text;
  int tagger_epochs = 12, parser_epochs = 15, entity_epochs = 12;
  int tagger_bits = 19, parser_bits = 22, labeller_bits = 18, entity_bits = 18;
  int folds = 4;  // tags the parser trains on come from taggers trained on the other folds (0: gold tags)
  uint64_t seed = 1;
  std::function<void(const std::string&)> log;
};

Result<Model> Train(const std::vector<TreebankSentence>& train, const std::vector<TreebankSentence>& dev,
                    const TrainConfig& config);

struct ParseScores {
  std::size_t words = 0, upos = 0, uas = 0, las = 0;
};
// Tags and parses `gold`'s words with `m` (labels compared before ':').
ParseScores Evaluate(const Model& m, const std::vector<TreebankSentence>& gold);

}  // namespace attache::syntax
