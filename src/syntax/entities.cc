// Syntax stage: the name finder - a greedy BIO tagger over words, their tags
// and relations (labels "O", "B-PER", "I-PER", ... from the model).
#include "syntax/decode.h"

namespace attache::syntax {

bool EntityAllowed(const std::vector<std::string>& names, int prev, int next) {
  const std::string& n = names[next];
  if (n.size() < 2 || n[0] != 'I') return true;
  if (prev <= 0) return false;
  const std::string& p = names[prev];
  return p.size() >= 2 && p.compare(1, std::string::npos, n, 1, std::string::npos) == 0;
}

void EntityWords(const Model& m, const std::vector<WordHashes>& w, const std::vector<int>& tags,
                 const std::vector<int>& heads, const std::vector<int>& labels, std::vector<int>* ner) {
  const int n = static_cast<int>(w.size()) - 1;
  ner->assign(n + 1, 0);
  const int classes = m.entities.classes();
  if (classes <= 1) return;
  uint64_t feats[kMaxFeatures];
  float scores[256];
  bool allowed[256];
  for (int i = 1; i <= n; ++i) {
    const std::size_t k = EntityFeatures(w, tags, *ner, heads, labels, i, feats);
    m.entities.Score(feats, k, scores);
    for (int c = 0; c < classes; ++c) allowed[c] = EntityAllowed(m.ner, i > 1 ? (*ner)[i - 1] : 0, c);
    (*ner)[i] = Best(scores, classes, allowed);
  }
}

}  // namespace attache::syntax
