// Syntax stage: the greedy parser - the best allowed transition at each
// step, then the best relation for the arc it makes.
#include "syntax/decode.h"

namespace attache::syntax {

void ParseWords(const Model& m, const std::vector<WordHashes>& w, const std::vector<int>& tags,
                std::vector<int>* heads, std::vector<int>* labels) {
  const int n = static_cast<int>(w.size()) - 1;
  Config c;
  c.Init(n);
  uint64_t feats[kMaxFeatures];
  float scores[256];
  while (!c.Terminal()) {
    const std::size_t k = ParserFeatures(c, w, tags, feats);
    m.parser.Score(feats, k, scores);
    bool allowed[kMoves];
    for (int t = 0; t < kMoves; ++t) allowed[t] = c.Allowed(static_cast<Move>(t));
    const Move mv = static_cast<Move>(Best(scores, kMoves, allowed));
    int lab = -1;
    if (mv != kShift) {
      int h, d;
      c.Arc(mv, &h, &d);
      const std::size_t kl = LabelFeatures(c, w, tags, h, d, feats);
      m.labeller.Score(feats, kl, scores);
      lab = Best(scores, m.labeller.classes());
    }
    c.Apply(mv, lab);
  }
  *heads = c.head;
  *labels = c.label;
}

}  // namespace attache::syntax
