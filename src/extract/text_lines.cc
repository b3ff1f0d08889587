// Lines of page text and their classes: chrome (menus, share bars, comment
// forms), date lines, prose, teasers and the rest; plus the text helpers
// shared by the page-text readers.
#include "extract/text_lines.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "extract/text_dates.h"

namespace attache::extract::text {
namespace {

// ---------------------------------------------------------------- data tables

// Page chrome. `phrase` is case-folded and matched on word boundaries in a
// line of at most `max_words` words (at the line start only when `at_start`).
// `ends_article` marks phrases after which the article does not go on, so
// the body never reaches across them. Add other languages here as rows.
struct ChromePhrase {
  const char* phrase;
  int max_words;
  bool at_start;
  bool ends_article;
};
constexpr ChromePhrase kChrome[] = {
    {"leave a reply", 6, false, true},
    {"leave a comment", 6, false, true},
    {"post a comment", 6, false, true},
    {"add comment", 4, false, true},
    {"comments", 3, false, true},
    {"your email address will not be published", 20, false, true},
    {"required fields are marked", 20, false, true},
    {"you may also like", 8, false, true},
    {"related news", 5, false, true},
    {"related articles", 5, false, true},
    {"related posts", 5, false, true},
    {"related stories", 5, false, true},
    {"more news", 4, false, true},
    {"latest news", 4, false, true},
    {"most read", 4, false, true},
    {"back to top", 5, false, false},
    {"newsletter", 8, false, false},
    {"subscribe", 8, false, false},
    {"sign up", 6, false, false},
    {"share", 3, false, false},
    {"share it", 10, false, false},
    {"share this", 10, false, false},
    {"share on", 6, true, false},
    {"print", 2, false, false},
    {"copy link", 4, false, false},
    {"follow us", 8, false, false},
    {"all rights reserved", 30, false, false},
    {"©", 30, false, false},
    {"copyright", 12, false, false},
    {"use of materials", 30, false, false},
    {"hyperlink", 30, false, false},
    {"views", 3, false, false},
    {"read also", 16, true, false},
    {"read more", 16, true, false},
    {"also read", 16, true, false},
    {"see also", 16, true, false},
    {"skip to content", 8, false, false},
    {"source link", 3, false, false},
    {"source", 4, true, false},
    {"photo", 8, true, false},
    {"tags", 12, true, false},
    {"categories", 12, true, false},
    {"further information", 3, false, false},
    {"media enquiries", 3, false, false},
    {"for journalists", 3, false, false},
    {"advertisement", 2, false, false},
    {"ads", 1, false, false},
    {"loading", 1, false, false},
    {"search", 2, false, false},
    {"menu", 2, false, false},
    {"what are you looking for", 8, false, false},
    {"privacy policy", 10, false, false},
    {"terms of use", 10, false, false},
    {"cookies", 12, false, false},
    {"facebook", 2, false, false},
    {"twitter", 2, false, false},
    {"instagram", 5, false, false},
    {"youtube", 2, false, false},
    {"telegram", 2, false, false},
    {"whatsapp", 2, false, false},
    {"linkedin", 2, false, false},
    {"pinterest", 2, false, false},
    {"tiktok", 2, false, false},
    {"email", 2, false, false},
};

// Titles that open a personal name: a capitalised word before one of these


}  // namespace


bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  // U+00A0 no-break space at either end.
  while (e - b >= 2 && s.substr(b, 2) == "\xC2\xA0") b += 2;
  while (e - b >= 2 && s.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  return s.substr(b, e - b);
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Fold(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

// First code point of `s` (0 when empty or invalid).
UChar32 FirstChar(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0 : c;
}

// Skips leading quote marks and brackets.
std::string_view StripOpeners(std::string_view w) {
  while (!w.empty()) {
    UChar32 c = FirstChar(w);
    if (c == 0 || u_isalnum(c)) break;
    w.remove_prefix(U8_LENGTH(c));
  }
  return w;
}

bool IsCapitalised(std::string_view word) {
  UChar32 c = FirstChar(StripOpeners(word));
  return u_isupper(c) || u_istitle(c) || u_isdigit(c);
}

bool HasLower(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c > 0 && u_islower(c)) return true;
  }
  return false;
}

bool HasLetter(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c > 0 && u_isalpha(c)) return true;
  }
  return false;
}

// Drops closing quotes, brackets and spaces from the end.
std::string_view StripClosers(std::string_view s) {
  static constexpr std::string_view kClosers[] = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99",
                                                  "\xE2\x80\x9C", "\xC2\xBB", " "};
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (std::string_view c : kClosers) {
      if (s.size() >= c.size() && s.substr(s.size() - c.size()) == c) {
        s.remove_suffix(c.size());
        again = true;
      }
    }
  }
  return s;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// True when folded `hay` holds `needle` starting and ending on word boundaries.
bool ContainsWord(std::string_view hay, std::string_view needle, bool at_start) {
  size_t pos = 0;
  while ((pos = hay.find(needle, pos)) != std::string_view::npos) {
    const size_t end = pos + needle.size();
    const bool left = pos == 0 || !IsAsciiAlnum(hay[pos - 1]) || !IsAsciiAlnum(needle.front());
    const bool right = end == hay.size() || !IsAsciiAlnum(hay[end]) || !IsAsciiAlnum(needle.back());
    if (left && right) return !at_start || StripOpeners(hay.substr(0, pos)).empty();
    if (at_start) return false;
    ++pos;
  }
  return false;
}

// Letters and digits only, ASCII lower case: "Caliber.Az" -> "caliberaz".
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiAlnum(c)) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool DotOfAbbreviation(std::string_view text) {
  const size_t space = text.find_last_of(' ');
  const std::string_view last = text.substr(space == std::string_view::npos ? 0 : space + 1);
  return last.size() >= 4 && last.back() == '.' && last[last.size() - 2] != '.' &&
         last.substr(0, last.size() - 1).find('.') != std::string_view::npos;
}

namespace {

bool IsChrome(std::string_view text, size_t n_words, bool* ends_article) {
  const std::string folded = Fold(text);
  for (const ChromePhrase& p : kChrome) {
    if (static_cast<int>(n_words) <= p.max_words && ContainsWord(folded, p.phrase, p.at_start)) {
      *ends_article = p.ends_article;
      return true;
    }
  }
  return false;
}

}  // namespace

void Classify(Line* l, bool last) {
  const size_t n = l->words.size();
  if (n == 0) return;
  if (IsChrome(l->text, n, &l->ends_article)) {
    l->kind = Kind::kChrome;
  } else if (n <= 8 && DateLine(l->text)) {
    l->kind = Kind::kDate;
  } else {
    std::string_view end = StripClosers(l->text);
    // A wire credit after the last sentence ("... the ministry said. NAN").
    if (n >= 2 && !HasLower(l->words.back()) && std::string_view(".!?").find(l->words[n - 2].back()) !=
                                                    std::string_view::npos)
      end = StripClosers(l->words[n - 2]);
    const bool teaser = EndsWith(end, "\xE2\x80\xA6") || EndsWith(end, "...");
    // (A short line ending with "U.S." is no sentence for that dot.)
    const bool stop = !end.empty() && std::string_view(".!?:;").find(end.back()) != std::string_view::npos &&
                      !(n < 15 && DotOfAbbreviation(end));
    if (teaser && n >= 6) {
      l->kind = Kind::kTeaser;
    } else if ((stop && n >= 8) || n >= 30 || (last && n >= 8)) {
      l->kind = Kind::kProse;
    } else {
      l->kind = Kind::kOther;
    }
  }
}

void JoinHardWrapped(std::vector<Line>* lines, std::deque<std::string>* storage) {
  std::vector<size_t> lengths;
  for (const Line& l : *lines) {
    if (!l.words.empty()) lengths.push_back(l.text.size());
  }
  if (lengths.size() < 8) return;
  std::vector<size_t> sorted = lengths;
  std::sort(sorted.begin(), sorted.end());
  const size_t width = sorted[sorted.size() * 9 / 10];
  if (width < 50 || width > 100 || sorted.back() > width + 40) return;
  const auto full = [width](size_t n) { return n + 20 >= width; };
  const size_t n_full = static_cast<size_t>(std::count_if(lengths.begin(), lengths.end(), full));
  if (n_full < 6 || 2 * n_full < lengths.size()) return;
  std::vector<Line> out;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line l = (*lines)[i];
    if (!l.words.empty() && full(l.text.size()) && i + 1 < lines->size() && !(*lines)[i + 1].words.empty()) {
      std::string joined(l.text);
      while (i + 1 < lines->size() && !(*lines)[i + 1].words.empty() && full((*lines)[i].text.size())) {
        ++i;
        joined += ' ';
        joined += (*lines)[i].text;
      }
      storage->push_back(std::move(joined));
      l.text = storage->back();
      l.words = Words(l.text);
    }
    out.push_back(std::move(l));
  }
  *lines = std::move(out);
}

}  // namespace attache::extract::text
