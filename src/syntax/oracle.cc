// Syntax stage: the dynamic oracle of the arc-hybrid system: how many gold
// arcs each move makes unreachable from the current configuration. The
// trainer takes the best-scoring move of least cost as the truth, so the
// parser learns to recover from its own earlier mistakes.
#include "syntax/transition.h"

namespace attache::syntax {

namespace {

// Words of the buffer whose gold head is `w`.
int DependentsInBuffer(const Config& c, int w, const std::vector<int>& g) {
  int k = 0;
  for (int i = c.b; i <= c.n; ++i) k += g[i] == w;
  return k;
}

}  // namespace

int MoveCost(const Config& c, Move m, const std::vector<int>& g) {
  if (!c.Allowed(m)) return 1 << 20;
  const int s0 = c.S(0), s1 = c.S(1), b0 = c.b;
  switch (m) {
    case kLeft: {
      // s0 leaves with head b0: its own head elsewhere (s1 or later in the
      // buffer) and its dependents still in the buffer are lost.
      int cost = DependentsInBuffer(c, s0, g);
      if (g[s0] != b0 && (g[s0] == s1 || g[s0] > b0)) ++cost;
      return cost;
    }
    case kRight: {
      int cost = DependentsInBuffer(c, s0, g);
      if (g[s0] != s1 && g[s0] >= b0 && g[s0] <= c.n) ++cost;
      return cost;
    }
    case kShift: {
      // b0 goes onto the stack: a head or dependents of it lower in the stack
      // than s0 can no longer be joined to it.
      int cost = 0;
      for (std::size_t k = 0; k < c.stack.size(); ++k) {
        const int w = c.stack[k];
        if (w != s0 && w != 0 && g[b0] == w) ++cost;
        if (w != 0 && g[w] == b0) ++cost;
      }
      return cost;
    }
  }
  return 1 << 20;
}

}  // namespace attache::syntax
