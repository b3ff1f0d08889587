// Syntax stage: feature templates (features.h).
#include "syntax/features.h"

#include <algorithm>
#include <string>

#include "syntax/linear.h"
#include "text/gazetteer.h"

namespace attache::syntax {

namespace {

constexpr uint64_t kNone = 0x6e6f6e65ULL, kRoot = 0x726f6f74ULL;

// Length in bytes of the UTF-8 sequence starting with `c`.
int Utf8Len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

struct Emit {
  uint64_t* out;
  std::size_t n = 0;
  void operator()(uint64_t tmpl, uint64_t a) { out[n++] = Mix(tmpl * 0x100000001b3ULL, a); }
  void operator()(uint64_t tmpl, uint64_t a, uint64_t b) { out[n++] = Mix(Mix(tmpl * 0x100000001b3ULL, a), b); }
  void operator()(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
    out[n++] = Mix(Mix(Mix(tmpl * 0x100000001b3ULL, a), b), c);
  }
  void operator()(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    out[n++] = Mix(Mix(Mix(Mix(tmpl * 0x100000001b3ULL, a), b), c), d);
  }
};

}  // namespace

// FNV-1a as HashString computes it, one byte at a time.
constexpr uint64_t kFnvOffset = 1469598103934665603ULL, kFnvPrime = 1099511628211ULL;
inline uint64_t Fnv(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }
inline uint64_t Fnv(uint64_t h, const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) h = Fnv(h, static_cast<unsigned char>(p[i]));
  return h;
}

// The same hashes as HashString over the lower-cased form, the shape and
// the prefixes and suffixes, in one pass over the bytes and with no
// allocation: the prefixes' hashes are the lower-cased form's running hash
// at their ends; the starts of the first three and the last four
// characters are kept as they go by.
void HashWords(const std::vector<std::string_view>& forms, std::vector<WordHashes>* out) {
  out->assign(forms.size() + 1, WordHashes{});
  WordHashes& root = (*out)[0];
  root.form = root.lower = root.shape = kRoot;
  for (auto& p : root.pre) p = kRoot;
  for (auto& s : root.suf) s = kRoot;
  std::string low;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const std::string_view f = forms[i];
    WordHashes& h = (*out)[i + 1];
    low.resize(f.size());
    uint64_t hl = kFnvOffset, hs = kFnvOffset;
    std::size_t shape_len = 0;
    char last = 0, last2 = 0;  // the shape's last two characters
    std::size_t chars = 0, next = 0;  // characters started so far; where the next one starts
    std::size_t first[4] = {0, 0, 0, 0}, ring[4] = {0, 0, 0, 0};  // starts of characters 0-3, and of the last four
    uint64_t pre_h[3] = {0, 0, 0};
    for (std::size_t k = 0; k < f.size(); ++k) {
      char ch = f[k];
      const char sh = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd'
                      : static_cast<unsigned char>(ch) >= 0x80 ? 'u' : ch;
      if (shape_len < 2 || last != sh || last2 != sh) {
        hs = Fnv(hs, static_cast<unsigned char>(sh));
        ++shape_len;
        last2 = last;
        last = sh;
      }
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if (k == next) {  // a character starts here (as Utf8Len steps over the lower-cased bytes)
        // The prefix of `chars` characters ends here.
        if (chars >= 1 && chars <= 3) pre_h[chars - 1] = hl;
        if (chars < 4) first[chars] = k;
        ring[chars & 3] = k;
        ++chars;
        next = k + static_cast<std::size_t>(Utf8Len(static_cast<unsigned char>(ch)));
      }
      low[k] = ch;
      hl = Fnv(hl, static_cast<unsigned char>(ch));
    }
    h.cap = !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
    h.form = Mix(Fnv(kFnvOffset, f.data(), f.size()), f.size());
    h.lower = Mix(hl, low.size());
    h.shape = Mix(hs, shape_len);
    // Prefixes of 1-3 characters (the whole word when it is shorter).
    for (std::size_t k = 0; k < 3; ++k) {
      const bool whole = k + 1 >= chars;
      const std::size_t end = whole ? low.size() : first[k + 1];
      h.pre[k] = Mix(Mix(whole ? hl : pre_h[k], end), 11 + k);
    }
    // Suffixes of 1-4 characters.
    for (std::size_t k = 0; k < 4; ++k) {
      const std::size_t begin = k + 1 <= chars ? ring[(chars - 1 - k) & 3] : 0;
      h.suf[k] = Mix(Mix(Fnv(kFnvOffset, low.data() + begin, low.size() - begin), low.size() - begin), 21 + k);
    }
  }
}

void MarkGazetteer(const std::vector<std::string_view>& forms, std::string_view lang, std::vector<WordHashes>* w) {
  const std::size_t n = forms.size();
  std::string joined;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view f = forms[i];
    if (f.empty() || static_cast<unsigned char>(f[0]) < 'A' || (f[0] >= 'a' && f[0] <= 'z')) continue;
    if ((*w)[i + 1].gaz) continue;
    for (std::size_t len = std::min<std::size_t>(3, n - i); len >= 1; --len) {
      joined.assign(f);
      for (std::size_t k = 1; k < len; ++k) joined.append(" ").append(forms[i + k]);
      uint8_t mark = 0;
      if (text::LookupPlace(joined, lang)) mark = 1;
      else if (text::LookupOrg(joined, lang)) mark = 3;
      else if (len == 1 && text::LookupDemonym(joined, lang)) mark = 5;
      if (!mark) continue;
      (*w)[i + 1].gaz = mark;
      for (std::size_t k = 1; k < len; ++k) (*w)[i + 1 + k].gaz = static_cast<uint8_t>(mark == 5 ? 5 : mark + 1);
      break;
    }
  }
}

std::size_t TaggerFeatures(const std::vector<WordHashes>& w, const std::vector<int>& tags, int i, uint64_t* out) {
  const int n = static_cast<int>(w.size()) - 1;
  auto L = [&](int k) { return k >= 1 && k <= n ? w[k].lower : kNone; };
  auto T = [&](int k) { return k >= 1 && k <= n ? static_cast<uint64_t>(tags[k]) : kNone; };
  auto S3 = [&](int k) { return k >= 1 && k <= n ? w[k].suf[2] : kNone; };
  auto Sh = [&](int k) { return k >= 1 && k <= n ? w[k].shape : kNone; };
  const WordHashes& x = w[i];
  Emit e{out};
  e(1, 1);
  e(2, x.lower);
  e(3, x.form);
  for (int k = 0; k < 4; ++k) e(4 + k, x.suf[k]);
  for (int k = 0; k < 3; ++k) e(8 + k, x.pre[k]);
  e(11, x.shape);
  e(12, x.shape, i == 1);
  e(13, L(i - 1));
  e(14, L(i + 1));
  e(15, L(i - 2));
  e(16, L(i + 2));
  e(17, S3(i - 1));
  e(18, S3(i + 1));
  e(19, T(i - 1));
  e(20, T(i - 2), T(i - 1));
  e(21, T(i - 1), x.lower);
  e(22, L(i - 1), x.lower);
  e(23, x.lower, L(i + 1));
  e(24, Sh(i + 1));
  e(25, Sh(i - 1));
  e(26, T(i - 1), x.suf[2]);
  e(27, L(i + 1), L(i + 2));
  e(28, x.suf[1], L(i + 1));
  e(29, T(i - 1), Sh(i));
  e(30, i < n ? w[i + 1].suf[1] : kNone, x.lower);
  e(31, i < n ? w[i + 1].pre[0] : kNone);
  e(32, x.pre[0], x.suf[2], Sh(i));
  return e.n;
}

std::size_t ParserFeatures(const Config& c, const std::vector<WordHashes>& w, const std::vector<int>& tags,
                           uint64_t* out) {
  auto W = [&](int k) { return k < 0 ? kNone : w[k].lower; };
  auto T = [&](int k) { return k < 0 ? kNone : k == 0 ? kRoot : static_cast<uint64_t>(tags[k]); };
  auto Lb = [&](int k) { return k <= 0 || c.label[k] < 0 ? kNone : static_cast<uint64_t>(c.label[k]); };
  auto Ch = [](int k) { return k == 0 ? -1 : k; };  // 0 in child slots means none
  const int s0 = c.S(0), s1 = c.S(1), s2 = c.S(2), b0 = c.B(0), b1 = c.B(1), b2 = c.B(2);
  const int s0L = s0 > 0 ? Ch(c.lmost[s0]) : -1, s0L2 = s0 > 0 ? Ch(c.lmost2[s0]) : -1;
  const int s0R = s0 >= 0 ? Ch(c.rmost[s0]) : -1, s0R2 = s0 >= 0 ? Ch(c.rmost2[s0]) : -1;
  const int s1R = s1 >= 0 ? Ch(c.rmost[s1]) : -1, s1R2 = s1 >= 0 ? Ch(c.rmost2[s1]) : -1;
  const int b0L = b0 > 0 ? Ch(c.lmost[b0]) : -1, b0L2 = b0 > 0 ? Ch(c.lmost2[b0]) : -1;
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0), b1w = W(b1),
                 b1t = T(b1);
  const uint64_t dist = s0 >= 0 && b0 > 0 ? std::min(b0 - s0, 6) : 99;
  const uint64_t dist1 = s1 >= 0 && s0 >= 0 ? std::min(s0 - s1, 6) : 99;
  const uint64_t s0nl = s0 > 0 ? c.nleft[s0] : 99, s0nr = s0 >= 0 ? c.nright[s0] : 99;
  const uint64_t b0nl = b0 > 0 ? c.nleft[b0] : 99, s1nr = s1 >= 0 ? c.nright[s1] : 99;
  Emit e{out};
  e(1, 1);
  e(2, s0w);
  e(3, s0t);
  e(4, s0w, s0t);
  e(5, s1w);
  e(6, s1t);
  e(7, s1w, s1t);
  e(8, b0w);
  e(9, b0t);
  e(10, b0w, b0t);
  e(11, b1w);
  e(12, b1t);
  e(13, b1w, b1t);
  e(14, W(b2));
  e(15, T(b2));
  e(16, T(s2));
  e(17, W(s2));
  e(18, s0w, s0t, b0w, b0t);
  e(19, s0w, s0t, b0w);
  e(20, s0w, b0w, b0t);
  e(21, s0w, s0t, b0t);
  e(22, s0t, b0w, b0t);
  e(23, s0w, b0w);
  e(24, s0t, b0t);
  e(25, b0t, b1t);
  e(26, s0t, s1t);
  e(27, s0w, s1w);
  e(28, s1t, b0t);
  e(29, s1w, b0w);
  e(30, b0t, b1t, T(b2));
  e(31, s0t, b0t, b1t);
  e(32, s1t, s0t, b0t);
  e(33, T(s2), s1t, s0t);
  e(34, s0t, T(s0L), b0t);
  e(35, s0t, T(s0R), b0t);
  e(36, s0t, b0t, T(b0L));
  e(37, s1t, s0t, T(s0L));
  e(38, s1t, s0t, T(s0R));
  e(39, s1t, T(s1R), s0t);
  e(40, s0t, T(b0L), T(b0L2));
  e(41, s0t, T(s0L), T(s0L2));
  e(42, s0t, T(s0R), T(s0R2));
  e(43, s1t, T(s1R), T(s1R2));
  e(44, s0w, b0t, b1t);
  e(45, s1w, s0t, b0t);
  e(46, s0w, dist);
  e(47, s0t, dist);
  e(48, b0w, dist);
  e(49, b0t, dist);
  e(50, s0t, b0t, dist);
  e(51, s1t, s0t, dist1);
  e(52, s0w, s0nl);
  e(53, s0t, s0nl);
  e(54, s0w, s0nr);
  e(55, s0t, s0nr);
  e(56, b0w, b0nl);
  e(57, b0t, b0nl);
  e(58, s1t, s1nr);
  e(59, W(s0L));
  e(60, T(s0L));
  e(61, Lb(s0L));
  e(62, W(s0R));
  e(63, T(s0R));
  e(64, Lb(s0R));
  e(65, W(b0L));
  e(66, T(b0L));
  e(67, Lb(b0L));
  e(68, Lb(s1R));
  e(69, T(s1R));
  e(70, Lb(s0L2));
  e(71, Lb(s0R2));
  e(72, Lb(b0L2));
  e(73, s0w, Lb(s0L), Lb(s0L2));
  e(74, s0t, Lb(s0L), Lb(s0L2));
  e(75, s0t, Lb(s0R), Lb(s0R2));
  e(76, b0t, Lb(b0L), Lb(b0L2));
  e(77, s0w, s0t, Lb(s0L));
  e(78, b0t, Lb(b0L), s0t);
  e(79, b0 > 0 ? w[b0].suf[2] : kNone);
  e(80, s0 > 0 ? w[s0].suf[2] : kNone);
  e(81, s1t, s0t, b0t, b1t);
  e(82, s0t, b0w, b1t);
  e(83, s1w, s1t, s0t);
  e(84, s1t, Lb(s1R), s0t, b0t);
  e(85, b0t, b0w, Lb(b0L));
  e(86, s0 > 0 ? w[s0].shape : kNone, b0 > 0 ? w[b0].shape : kNone);
  return e.n;
}

std::size_t LabelFeatures(const Config& c, const std::vector<WordHashes>& w, const std::vector<int>& tags, int h,
                          int d, uint64_t* out) {
  const int n = c.n;
  auto W = [&](int k) { return k < 0 || k > n ? kNone : w[k].lower; };
  auto T = [&](int k) { return k < 0 || k > n ? kNone : k == 0 ? kRoot : static_cast<uint64_t>(tags[k]); };
  auto Lb = [&](int k) { return k <= 0 || c.label[k] < 0 ? kNone : static_cast<uint64_t>(c.label[k]); };
  auto Ch = [](int k) { return k == 0 ? -1 : k; };
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t dist = h == 0 ? 98 : std::min(d < h ? h - d : d - h, 8);
  const int dL = Ch(c.lmost[d]), dR = Ch(c.rmost[d]), dL2 = Ch(c.lmost2[d]);
  const int hL = h > 0 ? Ch(c.lmost[h]) : -1, hR = Ch(c.rmost[h]);
  const uint64_t ht = T(h), dt = T(d), hw = W(h), dw = W(d);
  Emit e{out};
  e(101, dir);
  e(102, ht, dir);
  e(103, dt, dir);
  e(104, hw, dir);
  e(105, dw, dir);
  e(106, ht, dt, dir);
  e(107, hw, dt, dir);
  e(108, ht, dw, dir);
  e(109, hw, dw);
  e(110, ht, dt, dist, dir);
  e(111, dt, Lb(dL));
  e(112, dt, Lb(dR));
  e(113, W(dL), dt);
  e(114, W(dR), dt);
  e(115, dt, c.nleft[d], c.nright[d]);
  e(116, Lb(hL), dt, dir);
  e(117, Lb(hR), dt, dir);
  e(118, w[d].suf[2], dir);
  e(119, dt, Lb(dL), Lb(dL2));
  e(120, dt, T(d - 1), dir);
  e(121, dt, T(d + 1), dir);
  e(122, W(hL), dt, dir);
  e(123, W(dL), T(dL));
  e(124, ht, W(hL));
  e(125, T(c.B(0)), dt, dir);
  e(126, w[d].shape, dt);
  e(127, dw, dt, ht);
  e(128, W(d - 1), dt);
  e(129, T(dL), T(dR), dt);
  e(130, w[d].cap, dt, ht);
  return e.n;
}

std::size_t EntityFeatures(const std::vector<WordHashes>& w, const std::vector<int>& tags, const std::vector<int>& ner,
                           const std::vector<int>& heads, const std::vector<int>& labels, int i, uint64_t* out) {
  const int n = static_cast<int>(w.size()) - 1;
  auto L = [&](int k) { return k >= 1 && k <= n ? w[k].lower : kNone; };
  auto F = [&](int k) { return k >= 1 && k <= n ? w[k].form : kNone; };
  auto T = [&](int k) { return k >= 1 && k <= n ? static_cast<uint64_t>(tags[k]) : kNone; };
  auto Sh = [&](int k) { return k >= 1 && k <= n ? w[k].shape : kNone; };
  const uint64_t prev = i > 1 ? static_cast<uint64_t>(ner[i - 1]) : kNone;
  const int h = heads[i];
  const uint64_t lab = static_cast<uint64_t>(labels[i]);
  Emit e{out};
  e(201, 1);
  e(202, F(i));
  e(203, L(i));
  e(204, w[i].suf[2]);
  e(205, w[i].pre[2]);
  e(206, Sh(i));
  e(207, T(i));
  e(208, prev);
  e(209, prev, T(i));
  e(210, prev, Sh(i));
  e(211, L(i - 1));
  e(212, L(i + 1));
  e(213, F(i - 1), F(i));
  e(214, F(i), F(i + 1));
  e(215, T(i - 1), T(i), T(i + 1));
  e(216, Sh(i - 1), Sh(i), Sh(i + 1));
  e(217, L(i - 2));
  e(218, L(i + 2));
  e(219, lab, T(i));
  e(220, h > 0 ? w[h].lower : kRoot, lab);
  e(221, prev, L(i - 1));
  e(222, w[i].suf[3], T(i));
  e(223, i == 1, Sh(i));
  e(224, F(i + 1), F(i + 2));
  e(225, F(i - 2), F(i - 1));
  auto G = [&](int k) { return k >= 1 && k <= n ? static_cast<uint64_t>(w[k].gaz) : kNone; };
  e(226, G(i));
  e(227, G(i), T(i));
  e(228, G(i - 1), G(i), G(i + 1));
  e(229, G(i), prev);
  return e.n;
}

}  // namespace attache::syntax
