// Syntax stage: arc-hybrid transitions (transition.h).
#include "syntax/transition.h"

namespace attache::syntax {

void Config::Init(int words) {
  n = words;
  stack.assign(1, 0);
  stack.reserve(words + 1);
  b = 1;
  head.assign(words + 1, -1);
  label.assign(words + 1, -1);
  lmost.assign(words + 1, 0);
  lmost2.assign(words + 1, 0);
  rmost.assign(words + 1, 0);
  rmost2.assign(words + 1, 0);
  nleft.assign(words + 1, 0);
  nright.assign(words + 1, 0);
}

bool Config::Allowed(Move m) const {
  switch (m) {
    case kShift: return b <= n;
    case kLeft: return b <= n && stack.size() >= 2;
    case kRight: return stack.size() >= 3 || (stack.size() == 2 && b > n);
  }
  return false;
}

void Config::Arc(Move m, int* h, int* d) const {
  *d = S(0);
  *h = m == kLeft ? b : S(1);
}

void Config::Apply(Move m, int lab) {
  if (m == kShift) {
    stack.push_back(b++);
    return;
  }
  int h, d;
  Arc(m, &h, &d);
  stack.pop_back();
  head[d] = h;
  label[d] = lab;
  if (d < h) {
    if (nleft[h] < 255) ++nleft[h];
    if (!lmost[h] || d < lmost[h]) {
      lmost2[h] = lmost[h];
      lmost[h] = d;
    } else if (!lmost2[h] || d < lmost2[h]) {
      lmost2[h] = d;
    }
  } else {
    if (nright[h] < 255) ++nright[h];
    if (!rmost[h] || d > rmost[h]) {
      rmost2[h] = rmost[h];
      rmost[h] = d;
    } else if (!rmost2[h] || d > rmost2[h]) {
      rmost2[h] = d;
    }
  }
}

}  // namespace attache::syntax
