// Phonetic keys of name words; see translit.h.
#include "text/translit.h"

#include <algorithm>

#include "text/gazetteer.h"

namespace attache::text {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

// Letters of a romanised sound written with several letters (or with one
// letter of several values), longest first. 'C' stands for ch/tch/tsch, 'S'
// for sh/sch, 'J' for j/dj/dzh/zh.
struct Rewrite {
  std::string_view from, to;
};
constexpr Rewrite kRewrites[] = {
    {"tsch", "C"}, {"dzh", "J"}, {"tch", "C"}, {"sch", "S"}, {"ch", "C"}, {"sh", "S"}, {"zh", "J"}, {"dj", "J"},
    {"kh", "h"},   {"gh", "g"},  {"ph", "f"},  {"ck", "k"},  {"ou", "u"}, {"j", "J"},  {"w", "v"},  {"x", "ks"},
};

// Consonants of a key, in order: what given names written with other vowels
// share ("mihail", "miheil" -> "mhl").
std::string Consonants(const std::string& key) {
  std::string out;
  for (char c : key)
    if (!IsVowel(c)) out += c;
  return out;
}

bool SameGivenName(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a.size() == 1 || b.size() == 1) return a[0] == b[0];  // an initial
  if (a == b) return true;
  if (a[0] != b[0]) return false;
  const std::string ca = Consonants(a), cb = Consonants(b);
  return ca.size() >= 2 && ca == cb;
}

}  // namespace

std::string PhoneticKey(std::string_view word) {
  // Letters only, lower case, diacritics off; letters of other scripts stay.
  std::string s;
  const std::string n = NormalizeName(word);
  for (size_t i = 0; i < n.size();) {
    const char c = n[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      if (c >= 'A' && c <= 'Z') s += static_cast<char>(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z') s += c;
      ++i;
      continue;
    }
    // A character of another script: kept unless it is punctuation or a
    // symbol (Latin-1's U+00A0..U+00BF, U+2000..U+2BFF, U+3000..U+303F).
    const size_t len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
    const std::string_view ch(n.data() + i, std::min(len, n.size() - i));
    const bool symbol = (u == 0xC2) || (u == 0xE2 && ch.size() > 1 && static_cast<unsigned char>(ch[1]) < 0xB0) ||
                        (u == 0xE3 && ch.size() > 1 && static_cast<unsigned char>(ch[1]) == 0x80);
    if (!symbol) s += ch;
    i += ch.size();
  }
  if (s == "el" || s == "ul") return "al";
  if (s.size() > 3 && s[0] == 'y' && s[1] == 'e') s.erase(0, 1);  // Yevgeny, Evgeny
  // Sounds written with several letters.
  std::string t;
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    for (const Rewrite& r : kRewrites) {
      if (s.compare(i, r.from.size(), r.from) == 0) {
        t += r.to;
        i += r.from.size();
        done = true;
        break;
      }
    }
    if (!done) t += s[i++];
  }
  // A "y" between vowels is written or not (Aliyev, Aliev; Tokayev, Tokaev);
  // elsewhere it is an "i" (Berdymukhammedov, Berdimuhamedow).
  s.clear();
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == 'y' && !s.empty() && IsVowel(s.back()) && i + 1 < t.size() && IsVowel(t[i + 1])) continue;
    s += c == 'y' ? 'i' : c;
  }
  // Doubled letters fold to one; of a run of three vowels the first and the
  // last stand (Mirziyoyev -> mirzioev -> mirziev; Mirzieev -> mirziev).
  t.clear();
  for (char c : s) {
    if (!t.empty() && t.back() == c) continue;
    if (t.size() >= 2 && IsVowel(c) && IsVowel(t.back()) && IsVowel(t[t.size() - 2])) {
      t.back() = c;
      if (t[t.size() - 2] == c) t.pop_back();
      continue;
    }
    t += c;
  }
  // Endings: -iev, -iov, -ev (Grigoriev, Grigorev; Gorbachyov, Gorbachev),
  // with their female -a; French -chvili for Georgian -shvili.
  for (std::string_view end : {"iev", "iov", "ieva", "iova"}) {
    if (t.size() > end.size() + 1 && EndsWith(t, end)) {
      t.replace(t.size() - end.size(), 2, "e");
      break;
    }
  }
  if (EndsWith(t, "Cvili")) t[t.size() - 5] = 'S';
  // Word-final -y, -i, -iy, -yy, -ii are all "i" by now (Zelensky, Zelenskiy).
  return t;
}

std::vector<std::string> PhoneticWords(std::string_view name) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '-' && name[j] != '\t' && name[j] != '\n' &&
           name[j] != ',' && name[j] != '(' && name[j] != ')')
      ++j;
    if (j > i) {
      std::string k = PhoneticKey(name.substr(i, j - i));
      if (!k.empty()) out.push_back(std::move(k));
    }
    i = j + 1;
  }
  return out;
}

bool CompatibleGivenNames(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  size_t j = 0;
  for (const std::string& w : shorter) {
    while (j < longer.size() && !SameGivenName(w, longer[j])) ++j;
    if (j == longer.size()) return false;
    ++j;
  }
  return true;
}

bool SamePersonSpelling(std::string_view a, std::string_view b) {
  std::vector<std::string> x = PhoneticWords(a), y = PhoneticWords(b);
  if (x.empty() || y.empty() || x.back() != y.back()) return false;
  x.pop_back();
  y.pop_back();
  return CompatibleGivenNames(x, y);
}

}  // namespace attache::text
