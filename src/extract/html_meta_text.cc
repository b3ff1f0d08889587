// Text and tree helpers of the HTML metadata reader.
#include "extract/html_meta_text.h"

#include <algorithm>
#include <cctype>

namespace attache::extract::meta {

namespace {
constexpr std::size_t kMaxParentWalk = 1024;
}  // namespace

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  if (s.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Length in bytes of a Unicode space (or zero-width character) at s[i], 0
// when there is none. Covers NBSP, U+2000..U+200B, U+202F, U+205F, U+3000,
// U+2028/9, U+FEFF.
std::size_t UnicodeSpaceAt(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiSpace(c)) return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  }
  return 0;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
void TruncateUtf8(std::string* s, std::size_t max) {
  if (s->size() <= max) return;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>((*s)[n]) & 0xC0) == 0x80) --n;
  s->resize(n);
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Collapses runs of whitespace to one space, trims, caps the length.
std::string CleanText(std::string_view s, std::size_t max) {
  std::string out;
  out.reserve(std::min(s.size(), max + 8));
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t sp = UnicodeSpaceAt(s, i);
    if (sp) {
      pending_space = !out.empty();
      i += sp;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i]);
    ++i;
    if (out.size() > max + 4) break;
  }
  TruncateUtf8(&out, max);
  return out;
}

// For values that may still hold markup or character references (JSON-LD):
// drops tags, decodes references, cleans.
std::string CleanMarkupText(std::string_view s) {
  if (s.size() > 16 * kMaxValueBytes) s = s.substr(0, 16 * kMaxValueBytes);
  std::string no_tags;
  if (s.find('<') != std::string_view::npos) {
    bool in_tag = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (!in_tag && c == '<' && i + 1 < s.size() &&
          (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!')) {
        in_tag = true;
        no_tags.push_back(' ');
      } else if (in_tag && c == '>') {
        in_tag = false;
      } else if (!in_tag) {
        no_tags.push_back(c);
      }
    }
    s = no_tags;
  }
  if (s.find('&') != std::string_view::npos) {
    std::string decoded;
    html::AppendDecoded(s, false, &decoded);
    return CleanText(decoded);
  }
  return CleanText(s);
}

bool LooksLikeUrl(std::string_view s) {
  return StartsWithIgnoreCase(s, "http://") || StartsWithIgnoreCase(s, "https://") ||
         StartsWithIgnoreCase(s, "www.") || StartsWithIgnoreCase(s, "//") ||
         (s.find('/') != std::string_view::npos && s.find(' ') == std::string_view::npos);
}

// Lower-case ASCII alphanumeric words (non-ASCII bytes kept as word bytes).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur.push_back(AsciiLower(c));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::size_t CountWords(std::string_view s) { return Words(s).size(); }

// Same words, ignoring case and punctuation.
bool SameWords(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  return !wa.empty() && wa == wb;
}

// ---- Tree helpers ----

bool IsInlineTag(Tag t) {
  switch (t) {
    case Tag::kA: case Tag::kAbbr: case Tag::kB: case Tag::kCite: case Tag::kCode: case Tag::kEm:
    case Tag::kFont: case Tag::kI: case Tag::kMark: case Tag::kQ: case Tag::kS: case Tag::kSmall:
    case Tag::kSpan: case Tag::kStrong: case Tag::kSub: case Tag::kSup: case Tag::kTime:
    case Tag::kU: case Tag::kTt: case Tag::kKbd: case Tag::kVar: case Tag::kDel: case Tag::kIns:
    case Tag::kText:
      return true;
    default:
      return false;
  }
}

bool IsHiddenTag(Tag t) {
  return t == Tag::kScript || t == Tag::kStyle || t == Tag::kNoscript || t == Tag::kTemplate ||
         t == Tag::kSvg || t == Tag::kMath || t == Tag::kSelect || t == Tag::kButton;
}

// Visible text of a subtree, with a space at block and <br> boundaries, cleaned.
std::string ElementText(const Document& doc, uint32_t i, std::size_t max_bytes) {
  std::string out;
  const uint32_t stop = doc.Next(i, true);
  for (uint32_t j = i; j != kNone && j != stop;) {
    const Node& n = doc.node(j);
    if (n.is_text()) {
      out.append(doc.text(n));
      if (out.size() > 4 * max_bytes) break;
    } else if (j != i) {
      if (IsHiddenTag(n.tag)) {
        j = doc.Next(j, true);
        continue;
      }
      if (!IsInlineTag(n.tag)) out.push_back(' ');
    }
    j = doc.Next(j);
  }
  return CleanText(out, max_bytes);
}

bool IsAncestor(const Document& doc, uint32_t ancestor, uint32_t node) {
  if (ancestor == 0) return true;
  uint32_t cur = node;
  for (std::size_t steps = 0; cur != kNone && steps < kMaxParentWalk; ++steps) {
    if (cur == ancestor) return true;
    cur = doc.node(cur).parent;
  }
  return false;
}

// True when some class token (or the id) of `n` contains one of `needles`.
// `lower_names` is the element's class and id, lower-cased and joined by a
// space (NamesOf); `needles` are lower case.
bool NamesContain(std::string_view lower_names, std::initializer_list<std::string_view> needles) {
  if (lower_names.empty()) return false;
  for (std::string_view needle : needles)
    if (lower_names.find(needle) != std::string_view::npos) return true;
  return false;
}

std::string NamesOf(const Document& doc, const Node& n) {
  std::string_view cls = doc.attr(n, "class");
  std::string_view id = doc.attr(n, "id");
  if (cls.empty() && id.empty()) return {};
  std::string out = Lower(cls);
  out.push_back(' ');
  out += Lower(id);
  return out;
}

bool ClassOrIdContains(const Document& doc, const Node& n, std::initializer_list<std::string_view> needles) {
  if (n.attr_count == 0) return false;
  return NamesContain(NamesOf(doc, n), needles);
}

}  // namespace attache::extract::meta
