// Page text to Article. The page is split into lines, each line is
// classified from its own features (words, end punctuation, capitals, the
// boilerplate table below), the body is the best-scoring run of prose lines,
// and the metadata is read from the lines around it.
#include "extract/text_page.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attache::extract {
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
// cannot belong to the same name, so a title line may break there.
constexpr std::array<const char*, 14> kHonorifics = {
    "prof.", "dr.", "mr.", "mrs.", "ms.", "gen.", "col.", "sen.", "rep.", "gov.", "amb.", "rev.",
    "sir", "lt."};

// Words that mark a short top line as the site's name.
constexpr std::array<const char*, 22> kOutletWords = {
    "news", "times", "post", "daily", "today", "press", "agency", "media", "tv", "herald", "tribune",
    "journal", "gazette", "telegraph", "review", "report", "online", "weekly", "observer", "monitor",
    "express", "chronicle"};

constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char*, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Words that open a prose sentence about an event date, not a dateline.
constexpr std::array<const char*, 10> kDatePrepositions = {
    "on", "in", "since", "until", "by", "from", "before", "after", "of", "at"};

// ---------------------------------------------------------------- text helpers

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

template <size_t N>
int IndexIn(const std::array<const char*, N>& table, std::string_view w) {
  for (size_t i = 0; i < N; ++i) {
    if (w == table[i]) return static_cast<int>(i);
  }
  return -1;
}

// ---------------------------------------------------------------- dates

struct Token {
  enum Kind { kNum, kWord, kPunct } kind;
  std::string_view text;
  size_t begin, end;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    Token::Kind kind = Token::kPunct;
    if (c >= '0' && c <= '9') {
      kind = Token::kNum;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    } else if (IsAsciiAlnum(c)) {
      kind = Token::kWord;
      while (j < s.size() && IsAsciiAlnum(s[j]) && !(s[j] >= '0' && s[j] <= '9')) ++j;
    } else {
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    }
    out.push_back({kind, s.substr(i, j - i), i, j});
    i = j;
  }
  return out;
}

int ToInt(std::string_view d) {
  int v = 0;
  for (char c : d) v = v * 10 + (c - '0');
  return v;
}

int MonthOf(std::string_view word) {
  std::string w = Fold(word);
  int i = IndexIn(kMonthNames, w);
  if (i < 0) i = IndexIn(kMonths, w);
  if (i < 0 && w == "sept") i = 8;
  return i < 0 ? 0 : i + 1;
}

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

std::string Two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

struct DateHit {
  std::string iso;
  size_t begin = 0, end = 0;  // byte span in the line
};

// Matches one date starting at token k; sets *next to the token after it.
std::optional<DateHit> DateAt(const std::vector<Token>& t, size_t k, size_t* next) {
  auto num = [&](size_t i, size_t min_len, size_t max_len) {
    return i < t.size() && t[i].kind == Token::kNum && t[i].text.size() >= min_len &&
           t[i].text.size() <= max_len;
  };
  auto punct = [&](size_t i, std::string_view p) { return i < t.size() && t[i].text == p; };
  auto month = [&](size_t i) { return i < t.size() && t[i].kind == Token::kWord ? MonthOf(t[i].text) : 0; };
  auto ordinal = [&](size_t i) {
    return i < t.size() && t[i].kind == Token::kWord && t[i].begin == t[i - 1].end &&
           (t[i].text == "st" || t[i].text == "nd" || t[i].text == "rd" || t[i].text == "th");
  };
  int y = 0, m = 0, d = 0;
  size_t i = k;
  if (num(k, 4, 4) && k + 4 < t.size() && (punct(k + 1, "-") || punct(k + 1, "/") || punct(k + 1, ".")) &&
      num(k + 2, 1, 2) && t[k + 3].text == t[k + 1].text && num(k + 4, 1, 2)) {
    y = ToInt(t[k].text), m = ToInt(t[k + 2].text), d = ToInt(t[k + 4].text), i = k + 5;
  } else if (num(k, 1, 2) && k + 4 < t.size() && (punct(k + 1, ".") || punct(k + 1, "/") || punct(k + 1, "-")) &&
             num(k + 2, 1, 2) && t[k + 3].text == t[k + 1].text && num(k + 4, 4, 4)) {
    d = ToInt(t[k].text), m = ToInt(t[k + 2].text), y = ToInt(t[k + 4].text), i = k + 5;
  } else if (num(k, 1, 2)) {  // 27 February 2023, 19th of August, 2024
    i = k + 1;
    if (ordinal(i)) ++i;
    if (i < t.size() && Fold(t[i].text) == "of") ++i;
    if (!(m = month(i))) return std::nullopt;
    ++i;
    if (punct(i, ".")) ++i;
    if (punct(i, ",")) ++i;
    if (!num(i, 4, 4)) return std::nullopt;
    d = ToInt(t[k].text), y = ToInt(t[i].text), ++i;
  } else if ((m = month(k))) {  // February 27, 2023
    i = k + 1;
    if (punct(i, ".")) ++i;
    if (!num(i, 1, 2)) return std::nullopt;
    d = ToInt(t[i].text), ++i;
    if (ordinal(i)) ++i;
    if (punct(i, ",")) ++i;
    if (!num(i, 4, 4)) return std::nullopt;
    y = ToInt(t[i].text), ++i;
  } else {
    return std::nullopt;
  }
  if (!ValidDate(y, m, d)) return std::nullopt;
  DateHit hit{std::to_string(y) + "-" + Two(m) + "-" + Two(d), t[k].begin, t[i - 1].end};
  *next = i;
  return hit;
}

// A clock time "HH:MM" at token i.
std::optional<std::string> TimeAt(const std::vector<Token>& t, size_t i) {
  if (i + 2 < t.size() && t[i].kind == Token::kNum && t[i].text.size() <= 2 && t[i + 1].text == ":" &&
      t[i + 2].kind == Token::kNum && t[i + 2].text.size() == 2) {
    const int h = ToInt(t[i].text), mi = ToInt(t[i + 2].text);
    if (h < 24 && mi < 60) return Two(h) + ":" + Two(mi);
  }
  return std::nullopt;
}

// The first full date in `line`, with a clock time right before or after it.
std::optional<DateHit> FindDate(std::string_view line) {
  const std::vector<Token> t = Tokenize(line);
  for (size_t k = 0; k < t.size(); ++k) {
    size_t next = 0;
    std::optional<DateHit> hit = DateAt(t, k, &next);
    if (!hit) continue;
    size_t j = next;
    while (j < t.size() && (t[j].text == "," || t[j].text == "|" || t[j].text == "-" || Fold(t[j].text) == "at"))
      ++j;
    std::optional<std::string> time = TimeAt(t, j);
    if (time) {
      hit->end = t[j + 2].end;
    } else if (k >= 3 && (time = TimeAt(t, k - 3))) {
      hit->begin = t[k - 3].begin;
    } else if (k >= 4 && t[k - 1].text == "," && (time = TimeAt(t, k - 4))) {
      hit->begin = t[k - 4].begin;
    }
    if (time) hit->iso += "T" + *time;
    return hit;
  }
  return std::nullopt;
}

// The publication date a line states, if the line is a date line ("27
// February 2023 16:55", "date 09.07.2019") or opens with a dateline
// ("Bishkek, March 4, 2021 . / Kabar /. President ...").
std::optional<std::string> DateLine(std::string_view line) {
  std::optional<DateHit> hit = FindDate(line);
  if (!hit) return std::nullopt;
  const std::vector<std::string_view> before = Words(line.substr(0, hit->begin));
  const std::vector<std::string_view> after = Words(line.substr(hit->end));
  if (before.size() + after.size() <= 4) return hit->iso;
  if (before.size() > 4) return std::nullopt;
  for (std::string_view w : before) {
    if (IndexIn(kDatePrepositions, Fold(StripOpeners(w))) >= 0 || !IsCapitalised(w)) return std::nullopt;
  }
  std::string_view rest = Trim(line.substr(hit->end));
  if (rest.empty()) return hit->iso;
  std::string_view seps[] = {"-", ".", "/", "|", ":", "(", "\xE2\x80\x93", "\xE2\x80\x94"};
  for (std::string_view s : seps) {
    if (rest.substr(0, s.size()) == s) return hit->iso;
  }
  return std::nullopt;
}

// A full date in an address: /2023/04/01/, /2023/feb/21/, /2018/03-29/,
// /2023/0818/ or an 8-digit 20241111 segment.
std::optional<std::string> UrlDate(std::string_view url) {
  std::vector<std::string_view> seg;
  size_t i = url.find("://");
  i = i == std::string_view::npos ? 0 : i + 3;
  const size_t q = url.find_first_of("?#", i);
  std::string_view path = url.substr(0, q);
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    seg.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (size_t k = 1; k < seg.size(); ++k) {
    std::string_view s = seg[k];
    int y = 0, m = 0, d = 0;
    if (digits(s) && s.size() == 8) {
      y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(4, 2)), d = ToInt(s.substr(6, 2));
    } else if (digits(s) && s.size() == 4 && k + 1 < seg.size()) {
      std::string_view a = seg[k + 1];
      y = ToInt(s);
      if (digits(a) && a.size() == 4) {
        m = ToInt(a.substr(0, 2)), d = ToInt(a.substr(2, 2));
      } else if (a.size() == 5 && a[2] == '-' && digits(a.substr(0, 2)) && digits(a.substr(3))) {
        m = ToInt(a.substr(0, 2)), d = ToInt(a.substr(3, 2));
      } else if (k + 2 < seg.size() && digits(seg[k + 2]) && seg[k + 2].size() <= 2) {
        m = digits(a) && a.size() <= 2 ? ToInt(a) : MonthOf(a);
        d = ToInt(seg[k + 2]);
      }
    }
    if (ValidDate(y, m, d) && y >= 1990) return std::to_string(y) + "-" + Two(m) + "-" + Two(d);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- lines

enum class Kind { kBlank, kChrome, kDate, kProse, kTeaser, kOther };

struct Line {
  std::string_view text;
  std::vector<std::string_view> words;
  Kind kind = Kind::kBlank;
  bool ends_article = false;  // chrome after which the article stops
};

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
    const bool stop = !end.empty() && std::string_view(".!?:;").find(end.back()) != std::string_view::npos;
    if (teaser && n >= 6) {
      l->kind = Kind::kTeaser;
    } else if ((stop && n >= 8) || n >= 30 || (last && n >= 8)) {
      l->kind = Kind::kProse;
    } else {
      l->kind = Kind::kOther;
    }
  }
}

// A headline or subtitle: a few words, some in lower case, no full stop.
bool IsTitleLike(const Line& l) {
  const size_t n = l.words.size();
  if (l.kind != Kind::kOther || n < 3 || n > 30 || !HasLower(l.text)) return false;
  std::string_view end = StripClosers(l.text);
  return !end.empty() && end.back() != '.' && end.back() != ',' && end.back() != ':' && end.back() != ';';
}

// Line-score weights for the body search (in words).
constexpr int kOtherPenalty = 2;
constexpr int kTeaserPenalty = 6;
constexpr int kChromePenalty = 40;
constexpr long kBarrier = 1 << 24;

// Finds the run of lines [*begin, *end) with the largest score: prose lines
// add their word count, anything else costs a little, chrome a lot, and
// article-ending chrome cannot be crossed.
bool FindBody(const std::vector<Line>& lines, size_t* begin, size_t* end) {
  long best = 0, run = 0;
  size_t run_begin = 0;
  bool found = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    long s = 0;
    switch (l.kind) {
      case Kind::kBlank: continue;
      case Kind::kProse: s = static_cast<long>(l.words.size()); break;
      case Kind::kTeaser: s = -kTeaserPenalty; break;
      case Kind::kChrome: s = l.ends_article ? -kBarrier : -kChromePenalty; break;
      default: s = -kOtherPenalty; break;
    }
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    run += s;
    if (run > best) {
      best = run, *begin = run_begin, *end = i + 1, found = true;
    }
  }
  return found;
}

// Splits a run-together "Headline Subtitle" line where an honorific opens a
// new name right after a capitalised word ("... irritates Moscow Prof.
// Tkachenko on ..."): such a word cannot be part of the same name.
bool SplitTitle(std::string_view line, std::string* title, std::string* subtitle) {
  const std::vector<std::string_view> w = Words(line);
  for (size_t i = 3; i + 3 <= w.size(); ++i) {
    if (IndexIn(kHonorifics, Fold(w[i])) < 0 || !IsCapitalised(w[i - 1])) continue;
    if (IndexIn(kHonorifics, Fold(w[i - 1])) >= 0 || w[i - 1].back() == ':' || w[i - 1].back() == ',') continue;
    const size_t cut = static_cast<size_t>(w[i].data() - line.data());
    *title = std::string(Trim(line.substr(0, cut)));
    *subtitle = std::string(Trim(line.substr(cut)));
    return true;
  }
  return false;
}

// The registrable part of an address's host: "https://m.hanoitimes.vn/x"
// -> "hanoitimes.vn", "thenews.com.pk" stays whole.
std::string HostOf(std::string_view url) {
  size_t i = url.find("://");
  if (i == std::string_view::npos) return "";
  i += 3;
  const size_t j = url.find_first_of("/?#:", i);
  const std::string host = Fold(url.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
  std::vector<size_t> dots;
  for (size_t k = 0; k < host.size(); ++k) {
    if (host[k] == '.') dots.push_back(k);
  }
  if (dots.size() < 2) return host;
  size_t keep = 2;  // labels kept from the right
  const std::string_view sld = std::string_view(host).substr(dots[dots.size() - 2] + 1,
                                                             dots.back() - dots[dots.size() - 2] - 1);
  for (std::string_view g : {"com", "co", "org", "net", "gov", "ac", "edu"}) {
    if (sld == g) keep = 3;
  }
  if (dots.size() < keep) return host;
  return host.substr(dots[dots.size() - keep] + 1);
}

// A name on the page that spells the address's site label: "Kanyi Daily"
// for kanyidaily.com, "TASS" for tass.com, "Beautiful Virgin Islands" for
// bvi.org.
std::optional<std::string> NameForHost(const std::vector<Line>& lines, std::string_view host) {
  const std::string label = Squash(host.substr(0, host.find('.')));
  if (label.size() < 3) return std::nullopt;
  for (const Line& l : lines) {
    const auto& w = l.words;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string joined, initials;
      for (size_t k = i; k < w.size() && k < i + 4; ++k) {
        const std::string_view word = StripClosers(StripOpeners(w[k]));
        if (!IsCapitalised(word) || word.empty()) break;
        joined += Squash(word);
        initials += Squash(word.substr(0, 1));
        if (joined == label || (k > i && initials == label)) {
          const char* b = StripOpeners(w[i]).data();
          std::string_view last = StripClosers(StripOpeners(w[k]));
          while (!last.empty() && !IsAsciiAlnum(last.back()) && static_cast<unsigned char>(last.back()) < 0x80)
            last.remove_suffix(1);
          return std::string(b, static_cast<size_t>(last.data() + last.size() - b));
        }
      }
    }
  }
  return std::nullopt;
}

// The name in a copyright line: "Caliber.az © 2025. ." -> "Caliber.az".
std::optional<std::string> CopyrightName(std::string_view line) {
  std::string_view rest = line;
  const size_t c = line.find("\xC2\xA9");
  std::string name;
  for (std::string_view w : Words(rest)) {
    std::string f = Fold(w);
    if (f == "\xC2\xA9" || f == "copyright" || f == "(c)") continue;
    if (Squash(w).size() == 4 && Squash(w).find_first_not_of("0123456789") == std::string::npos) {
      if (!name.empty() && c != std::string_view::npos && w.data() > line.data() + c) break;
      continue;
    }
    if (!IsCapitalised(w)) break;
    std::string_view clean = w;
    while (!clean.empty() && (clean.back() == '.' || clean.back() == ',')) clean.remove_suffix(1);
    if (clean.empty()) break;
    if (!name.empty()) name += ' ';
    name += std::string(clean);
    if (w.back() == '.' || w.back() == ',') break;
  }
  if (name.empty() || Words(name).size() > 4) return std::nullopt;
  return name;
}

bool SameName(std::string_view a, std::string_view b) { return !Squash(a).empty() && Squash(a) == Squash(b); }

bool IsNameLine(const Line& l) {
  if (l.kind != Kind::kOther || l.words.empty() || l.words.size() > 4) return false;
  for (std::string_view w : l.words) {
    if (!IsCapitalised(w)) return false;
  }
  return true;
}

std::optional<int64_t> ViewCount(std::string_view line) {
  if (Words(line).size() > 4 || Fold(line).find("view") == std::string::npos) return std::nullopt;
  int64_t v = 0;
  bool any = false;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (v > (int64_t{1} << 50)) return std::nullopt;
      v = v * 10 + (c - '0'), any = true;
    } else if (any && c != ',' && c != ' ' && c != '.') {
      break;
    }
  }
  if (!any) return std::nullopt;
  return v;
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

}  // namespace

void ExtractPageText(std::string_view text, const ExtractLimits& limits, Article* out) {
  // Lines; a leading "URL:" line and the store's " date YYYY-MM-DD" prefix
  // are metadata, not page text.
  std::vector<Line> lines;
  size_t pos = 0;
  bool first = true;
  std::optional<std::string> store_date;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (first && !raw.empty()) {
      first = false;
      if (raw.substr(0, 4) == "URL:") {
        std::string_view url = Trim(raw.substr(4));
        if (!url.empty()) out->url = std::string(url);
        first = true;
        continue;
      }
      if (raw.substr(0, 5) == "date " && raw.size() >= 15) {
        std::optional<DateHit> hit = FindDate(raw.substr(5, 10));
        if (hit && hit->begin == 0 && hit->end == 10) {
          store_date = hit->iso;
          raw = Trim(raw.substr(15));
        }
      }
    }
    Line l;
    l.text = raw;
    l.words = Words(raw);
    lines.push_back(std::move(l));
  }
  size_t last_nonblank = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].words.empty()) last_nonblank = i;
  }
  for (size_t i = 0; i < lines.size(); ++i) Classify(&lines[i], i == last_nonblank);

  size_t body_begin = 0, body_end = 0;
  if (!FindBody(lines, &body_begin, &body_end)) {
    // No prose at all: keep the longest non-chrome line.
    size_t best = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind != Kind::kChrome && lines[i].kind != Kind::kBlank &&
          (best == lines.size() || lines[i].words.size() > lines[best].words.size()))
        best = i;
    }
    if (best < lines.size()) body_begin = best, body_end = best + 1;
  }

  // Headline and subtitle: title-like lines above the body, nearest first,
  // up to chrome or prose; a short site-name line at the top is the outlet.
  std::vector<size_t> cands;
  size_t scanned = 0;
  for (size_t i = body_begin; i-- > 0 && scanned < 8;) {
    const Line& l = lines[i];
    if (l.kind == Kind::kBlank) continue;
    ++scanned;
    if (l.kind == Kind::kProse || (l.kind == Kind::kChrome && !cands.empty())) break;
    if (IsTitleLike(l) && (cands.empty() || lines[cands.back()].text != l.text)) cands.push_back(i);
    if (cands.size() == 3) break;
  }
  std::reverse(cands.begin(), cands.end());
  const std::string host = out->url ? HostOf(*out->url) : "";
  size_t top = 0;
  while (top < lines.size() && (lines[top].kind == Kind::kBlank || lines[top].kind == Kind::kChrome)) ++top;
  std::optional<std::string> site;
  if (top < body_begin && lines[top].kind == Kind::kOther && lines[top].words.size() <= 5 &&
      (cands.empty() || cands.front() != top || cands.size() > 1)) {
    const Line& t = lines[top];
    bool repeated = false, outlet_word = false;
    for (size_t i = 0; i < lines.size(); ++i) repeated |= i != top && lines[i].text == t.text;
    for (std::string_view w : t.words) outlet_word |= IndexIn(kOutletWords, Fold(w)) >= 0;
    std::optional<std::string> host_name = host.empty() ? std::nullopt : NameForHost({t}, host);
    if (repeated || outlet_word || (host_name && SameName(*host_name, t.text))) {
      site = std::string(t.text);
      if (!cands.empty() && cands.front() == top) cands.erase(cands.begin());
    }
  }
  size_t headline_line = body_begin;
  if (!cands.empty()) {
    headline_line = cands.front();
    std::string title, subtitle;
    if (SplitTitle(lines[cands.front()].text, &title, &subtitle)) {
      out->title = title;
      out->subtitle = subtitle;
    } else {
      out->title = CollapseSpaces(lines[cands.front()].text);
      if (cands.size() > 1) out->subtitle = CollapseSpaces(lines[cands[1]].text);
    }
    // A section label: an all-capitals word or two above the headline.
    for (size_t i = headline_line; i-- > 0;) {
      const Line& l = lines[i];
      if (l.kind == Kind::kOther && l.words.size() <= 3 && HasLetter(l.text) && !HasLower(l.text) &&
          Squash(l.text).size() >= 3 && l.text.find_first_of("?!:") == std::string_view::npos) {
        out->section = std::string(l.text);
        break;
      }
      if (l.kind == Kind::kProse) break;
    }
  }

  // Published: the store's date, then a date line below the headline (a
  // date above it is the site's current-date header), then the address.
  if (store_date) {
    out->published = store_date;
  } else {
    for (size_t i = cands.empty() ? 0 : headline_line; i < lines.size() && !out->published; ++i) {
      if (lines[i].kind == Kind::kBlank || lines[i].words.size() > 60) continue;
      if (std::optional<std::string> d = DateLine(lines[i].text)) out->published = d;
    }
    if (!out->published && out->url) out->published = UrlDate(*out->url);
  }

  // Views, copyright name, and a signature line right after the body.
  std::optional<std::string> copyright, signature;
  for (const Line& l : lines) {
    if (l.kind != Kind::kChrome) continue;
    if (!out->views) out->views = ViewCount(l.text);
    if (!copyright && (l.text.find("\xC2\xA9") != std::string_view::npos || Fold(l.text).find("copyright") == 0))
      copyright = CopyrightName(l.text);
  }
  for (size_t i = body_end; i < lines.size(); ++i) {
    if (lines[i].kind == Kind::kBlank) continue;
    if (IsNameLine(lines[i])) signature = std::string(lines[i].text);
    break;
  }
  std::optional<std::string> host_name = host.empty() ? std::nullopt : NameForHost(lines, host);
  if (signature && ((copyright && SameName(*signature, *copyright)) || (site && SameName(*signature, *site)) ||
                    (host_name && SameName(*signature, *host_name)) ||
                    (!host.empty() && SameName(*signature, host)))) {
    out->outlet = signature;
  } else if (site) {
    out->outlet = site;
  } else if (copyright) {
    out->outlet = copyright;
  } else if (host_name) {
    out->outlet = host_name;
  } else if (!host.empty()) {
    out->outlet = host;
  }

  // Body text: every non-chrome line of the run, one paragraph each.
  std::string body;
  for (size_t i = body_begin; i < body_end; ++i) {
    const Line& l = lines[i];
    if (l.kind == Kind::kBlank || l.kind == Kind::kChrome) continue;
    std::string para = CollapseSpaces(l.text);
    if (!body.empty() && body.size() + 2 + para.size() > limits.max_output_bytes) break;
    if (!body.empty()) body += "\n\n";
    body += para;
  }
  if (body.size() > limits.max_output_bytes) {  // one huge paragraph: cut on a character
    size_t cut = limits.max_output_bytes;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    body.resize(cut);
  }
  out->text = std::move(body);
}

}  // namespace attache::extract
