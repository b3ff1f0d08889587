// Syntax stage: the part-of-speech tagger - greedy, left to right, each
// word's tag seen by the next words' features.
#include "syntax/decode.h"

namespace attache::syntax {

void TagWords(const Model& m, const std::vector<WordHashes>& w, std::vector<int>* tags) {
  const int n = static_cast<int>(w.size()) - 1;
  tags->assign(n + 1, 0);
  uint64_t feats[kMaxFeatures];
  float scores[256];
  for (int i = 1; i <= n; ++i) {
    const std::size_t k = TaggerFeatures(w, *tags, i, feats);
    m.tagger.Score(feats, k, scores);
    (*tags)[i] = Best(scores, m.tagger.classes());
  }
}

}  // namespace attache::syntax
