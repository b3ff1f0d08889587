// Syntax stage: the parser with a beam. The greedy parser keeps the one best
// configuration; this keeps the `width` best by the sum of their moves'
// scores. Every arc-hybrid parse of n words takes 2n moves, so the
// configurations of a beam end together. The model is the greedy one
// (trained with the dynamic oracle), so a beam here can only re-rank what
// its local scores propose: bench/parser_beam measures whether that helps.
#include <algorithm>

#include "syntax/decode.h"

namespace attache::syntax {

void ParseWordsBeam(const Model& m, const std::vector<WordHashes>& w, const std::vector<int>& tags, int width,
                    std::vector<int>* heads, std::vector<int>* labels) {
  if (width <= 1) return ParseWords(m, w, tags, heads, labels);
  struct Item {
    Config c;
    float score = 0;
  };
  struct Next {
    int item;
    Move move;
    float score;
  };
  const int n = static_cast<int>(w.size()) - 1;
  std::vector<Item> beam(1);
  beam[0].c.Init(n);
  uint64_t feats[kMaxFeatures];
  float scores[256];
  std::vector<Next> next;
  while (!beam[0].c.Terminal()) {
    next.clear();
    for (int i = 0; i < static_cast<int>(beam.size()); ++i) {
      const Config& c = beam[static_cast<size_t>(i)].c;
      const std::size_t k = ParserFeatures(c, w, tags, feats);
      m.parser.Score(feats, k, scores);
      for (int t = 0; t < kMoves; ++t)
        if (c.Allowed(static_cast<Move>(t)))
          next.push_back({i, static_cast<Move>(t), beam[static_cast<size_t>(i)].score + scores[t]});
    }
    const size_t keep = std::min(next.size(), static_cast<size_t>(width));
    std::partial_sort(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(keep), next.end(),
                      [](const Next& a, const Next& b) { return a.score > b.score; });
    std::vector<Item> grown;
    grown.reserve(keep);
    for (size_t j = 0; j < keep; ++j) {
      Item it{beam[static_cast<size_t>(next[j].item)].c, next[j].score};
      int lab = -1;
      if (next[j].move != kShift) {
        int h, d;
        it.c.Arc(next[j].move, &h, &d);
        const std::size_t kl = LabelFeatures(it.c, w, tags, h, d, feats);
        m.labeller.Score(feats, kl, scores);
        lab = Best(scores, m.labeller.classes());
      }
      it.c.Apply(next[j].move, lab);
      grown.push_back(std::move(it));
    }
    beam = std::move(grown);
  }
  *heads = beam[0].c.head;
  *labels = beam[0].c.label;
}

}  // namespace attache::syntax
