// Syntax stage: the feature extractor. Each word's strings are hashed once
// (WordHashes); a feature is a template number mixed with the hashes and
// class indexes it looks at. Tagger, parser, labeller and entity tagger each
// have their templates here.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/transition.h"

namespace attache::syntax {

struct WordHashes {
  uint64_t form = 0, lower = 0, shape = 0, pre[3] = {}, suf[4] = {};
  bool cap = false;
  uint8_t gaz = 0;  // gazetteer mark (MarkGazetteer): 0 none, 1/2 place begin/inside, 3/4 organisation, 5 demonym
};

// Index 0 is the root/padding word; words are 1..n.
void HashWords(const std::vector<std::string_view>& forms, std::vector<WordHashes>* out);

// Marks words that begin or continue a place or organisation of the
// language's gazetteer (text/gazetteer.h), in spans of up to three words.
void MarkGazetteer(const std::vector<std::string_view>& forms, std::string_view lang, std::vector<WordHashes>* w);

inline constexpr std::size_t kMaxFeatures = 128;

// tags[1..n]: tags of words before i already predicted.
std::size_t TaggerFeatures(const std::vector<WordHashes>& w, const std::vector<int>& tags, int i, uint64_t* out);
std::size_t ParserFeatures(const Config& c, const std::vector<WordHashes>& w, const std::vector<int>& tags,
                           uint64_t* out);
std::size_t LabelFeatures(const Config& c, const std::vector<WordHashes>& w, const std::vector<int>& tags, int h,
                          int d, uint64_t* out);
// gaz[i]: gazetteer class of word i (0 none, else 1 + a class) - from the
// caller's tables; ner: labels of the words before i.
std::size_t EntityFeatures(const std::vector<WordHashes>& w, const std::vector<int>& tags, const std::vector<int>& ner,
                           const std::vector<int>& heads, const std::vector<int>& labels, int i, uint64_t* out);

}  // namespace attache::syntax
