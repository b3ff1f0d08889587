// Syntax stage: reading treebanks - CoNLL-U (words, tags, trees, and GUM's
// Entity= spans in MISC turned into BIO labels) and IOB2 entity files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"

namespace attache::syntax {

struct TreebankSentence {
  std::vector<std::string> lines;  // every input line, for printing back (words marked by word_line)
  std::vector<int> word_line;      // index in `lines` of each word
  std::vector<std::string> forms, lemmas, upos, deprels;
  std::vector<int> heads;          // 0: root, else 1-based
  std::vector<std::string> ner;    // "O", "B-PER", ... (empty when the file has none)
  bool has_entities = false;
};

// Words are the lines whose ID is an integer; ranges ("3-4") and empty nodes
// ("3.1") are kept in `lines` only. A malformed line is an error naming the
// file and line.
Status ReadConllu(std::string_view text, const std::string& name, std::vector<TreebankSentence>* out);
// IOB2 (ID, FORM, LABEL, ...): forms and ner only.
Status ReadIob2(std::string_view text, const std::string& name, std::vector<TreebankSentence>* out);
Result<std::string> ReadFile(const std::string& path);

}  // namespace attache::syntax
