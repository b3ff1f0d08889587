// attache/syntax.h: tags, dependency trees and entities of sentences, for
// `attache parse` and `attache train` (the finders reach the syntax stage
// through analyze; see src/syntax/syntax.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

enum class ParseFormat { kConllu, kJson };

// Every sentence of an article's text: words (the text layer's tokens split
// into syntactic words), lemma, UPOS, head, relation, entities, with byte
// offsets into Article::text. kConllu: one block per sentence (# text, # begin
// comments, MISC has Offsets=begin:end and Entity=B-PER...). kJson: one line
// per article. Fails when the article's language has no syntax model.
Result<std::string> ParseArticle(const Article& a, ParseFormat format);

// Reads CoNLL-U and prints it back with its words and sentence breaks, LEMMA,
// UPOS, HEAD and DEPREL predicted (XPOS, FEATS, DEPS, MISC become "_"; ranges
// and comments are kept).
Result<std::string> ParseConlluFile(const std::string& path, std::string_view lang);

// Scores the model on a gold CoNLL-U file (gold words; predicted tags and
// trees): UPOS, UAS, LAS (CoNLL 2018: punctuation counted, relations compared
// before ':'), and LAS errors by gold relation. A readable report.
Result<std::string> EvaluateConlluFile(const std::string& path, std::string_view lang);
// Scores the name finder on an IOB2 file (PER, LOC, ORG): P, R, F1 per type.
Result<std::string> EvaluateEntitiesFile(const std::string& path, std::string_view lang);

struct TrainSyntaxOptions {
  std::vector<std::string> train, dev;  // CoNLL-U files
  std::string words_table;              // the language's word table (data/models/<lang>/words.txt)
  std::string lang = "en", attribution;
  std::string out;                      // model file to write
  int tagger_epochs = 12, parser_epochs = 15, entity_epochs = 12;
  uint64_t seed = 1;
  std::string convert;  // when set: no training; this model file (any version it reads) is rewritten to `out`
};
// Trains a model (or converts one, see `convert`) and writes it in the
// current format; progress lines go to `log`.
Status TrainSyntax(const TrainSyntaxOptions& o, const std::function<void(const std::string&)>& log);

// Sentences that analyze did not parse because they were longer than the
// limit (process total, for the run's summary).
uint64_t SyntaxSentencesTooLong();

}  // namespace attache
