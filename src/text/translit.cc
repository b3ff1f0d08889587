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
  s.reserve(word.size());
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  const std::string n = ascii ? std::string() : NormalizeName(word);
  const std::string_view from = ascii ? word : std::string_view(n);
  for (size_t i = 0; i < from.size();) {
    const char c = from[i];
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
    const std::string_view ch = from.substr(i, len);
    const bool symbol = (u == 0xC2) || (u == 0xE2 && ch.size() > 1 && static_cast<unsigned char>(ch[1]) < 0xB0) ||
                        (u == 0xE3 && ch.size() > 1 && static_cast<unsigned char>(ch[1]) == 0x80);
    if (!symbol) s += ch;
    i += ch.size();
  }
  if (s == "el" || s == "ul") return "al";
  if (s.size() > 3 && s[0] == 'y' && s[1] == 'e') s.erase(0, 1);  // Yevgeny, Evgeny
  // Sounds written with several letters (or one letter of several values),
  // longest first. 'C' stands for ch/tch/tsch, 'S' for sh/sch, 'J' for
  // j/dj/dzh/zh.
  std::string t;
  t.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto at = [&](std::string_view p) { return s.compare(i, p.size(), p) == 0; };
    const auto put = [&](std::string_view to, size_t skip) {
      t += to;
      i += skip;
    };
    switch (c) {
      case 't':
        if (at("tsch")) { put("C", 4); continue; }
        if (at("tch")) { put("C", 3); continue; }
        break;
      case 'd':
        if (at("dzh")) { put("J", 3); continue; }
        if (at("dj")) { put("J", 2); continue; }
        break;
      case 's':
        if (at("sch")) { put("S", 3); continue; }
        if (at("sh")) { put("S", 2); continue; }
        break;
      case 'c':
        if (at("ch")) { put("C", 2); continue; }
        if (at("ck")) { put("k", 2); continue; }
        break;
      case 'z': if (at("zh")) { put("J", 2); continue; } break;
      case 'k': if (at("kh")) { put("h", 2); continue; } break;
      case 'g': if (at("gh")) { put("g", 2); continue; } break;
      case 'p': if (at("ph")) { put("f", 2); continue; } break;
      case 'o': if (at("ou")) { put("u", 2); continue; } break;
      case 'j': put("J", 1); continue;
      case 'w': put("v", 1); continue;
      case 'x': put("ks", 1); continue;
      default: break;
    }
    t += c;
    ++i;
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
