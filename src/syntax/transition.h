// Syntax stage: the arc-hybrid transition system (Kuhlmann et al. 2011) and
// its dynamic oracle (Goldberg and Nivre 2013).
//
// Words are numbered 1..n, 0 is the artificial root at the bottom of the
// stack. SHIFT moves the buffer's first word onto the stack; LEFT makes the
// buffer's first word the head of the stack's top and pops it; RIGHT makes
// the second stack item the head of the top and pops it. RIGHT onto the root
// is allowed only once the buffer is empty, so every tree has one root.
#pragma once

#include <cstdint>
#include <vector>

namespace attache::syntax {

enum Move : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kMoves = 3;

struct Config {
  int n = 0;
  std::vector<int> stack;
  int b = 1;  // first buffer word; the buffer is b..n
  std::vector<int> head, label;                        // per word, -1 until attached
  std::vector<int> lmost, lmost2, rmost, rmost2;       // children, 0 when none
  std::vector<uint8_t> nleft, nright;                  // numbers of children

  void Init(int words);
  bool Terminal() const { return b > n && stack.size() == 1; }
  bool Allowed(Move m) const;
  // The arc a move makes: head and dependent (LEFT, RIGHT only).
  void Arc(Move m, int* h, int* d) const;
  void Apply(Move m, int lab);
  int S(std::size_t k) const { return k < stack.size() ? stack[stack.size() - 1 - k] : -1; }
  int B(int k) const { return b + k <= n ? b + k : -1; }
};

// Gold arcs a move makes unreachable (heads: gold head of word i at [i], 0 = root).
int MoveCost(const Config& c, Move m, const std::vector<int>& gold_heads);

}  // namespace attache::syntax
