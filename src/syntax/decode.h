// Syntax stage: prediction with a trained model, over hashed words (index 0
// is the root; arrays are sized n+1). Shared by the runtime and the trainer's
// evaluation.
#pragma once

#include <vector>

#include "syntax/features.h"
#include "syntax/model.h"
#include "syntax/syntax.h"

namespace attache::syntax {

void TagWords(const Model& m, const std::vector<WordHashes>& w, std::vector<int>* tags);
// heads[i] in 0..n (0: root), labels[i] relation index.
void ParseWords(const Model& m, const std::vector<WordHashes>& w, const std::vector<int>& tags,
                std::vector<int>* heads, std::vector<int>* labels);
// The same with a beam of `width` configurations ranked by the sum of their
// moves' scores (syntax/beam.cc); width 1 is ParseWords.
void ParseWordsBeam(const Model& m, const std::vector<WordHashes>& w, const std::vector<int>& tags, int width,
                    std::vector<int>* heads, std::vector<int>* labels);
// ner[i]: index into m.ner (0 = outside).
void EntityWords(const Model& m, const std::vector<WordHashes>& w, const std::vector<int>& tags,
                 const std::vector<int>& heads, const std::vector<int>& labels, std::vector<int>* ner);
// A sentence's hashed words and tags as TagOnly computed them, kept by
// DocumentSyntax::Tagged so that a later Get parses from them instead of
// hashing the words and reading the tags back (the same parse: ParseOnly
// over TagOnly's tags).
struct TaggedWords {
  std::vector<WordHashes> w;
  std::vector<int> tags;
};
// TagOnly, keeping the hashes and tags in `t`.
bool TagKeeping(const Model& m, Sentence* s, TaggedWords* t);
// ParseOnly of a sentence TagKeeping tagged into `t` (upos and lemmas stay).
void ParseTagged(const Model& m, TaggedWords t, Sentence* s);
// Whether entity label `next` may follow `prev` (I-X only after B-X or I-X).
bool EntityAllowed(const std::vector<std::string>& names, int prev, int next);

}  // namespace attache::syntax
