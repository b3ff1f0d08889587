// Text stage: a fixed set of lower-case words, looked up without allocation.
// For the small closed word lists that rules test against (auxiliaries,
// prepositions); language data that may grow belongs in the tables.
#pragma once

#include <initializer_list>
#include <string_view>
#include <unordered_set>

namespace attache::text {

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : set_(words) {}
  bool has(std::string_view w) const { return set_.count(w) > 0; }

 private:
  std::unordered_set<std::string_view> set_;
};

}  // namespace attache::text
