// Dates as page text prints them: date lines, datelines, the address.
#include "extract/text_dates.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/civil_date.h"

namespace attache::extract::text {
namespace {

constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char*, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Words that label the page's own date: "Posted on", "Published:".
constexpr std::array<const char*, 7> kPostingWords = {"posted", "published", "updated", "added",
                                                      "created", "dated", "modified"};
// The first three are the labels of posting ("a letter dated ..." is prose).
constexpr int kPostingLabels = 3;

// The index in kPostingWords of a word, its opening quotes and closing
// colons aside ("Published:"); -1 when none.
int PostingWord(std::string_view w) {
  std::string label = Fold(StripOpeners(w));
  while (!label.empty() && label.back() == ':') label.pop_back();
  return IndexIn(kPostingWords, label);
}

bool PostingLabel(std::string_view w) {
  const int l = PostingWord(w);
  return l >= 0 && l < kPostingLabels;
}

// Words that open a prose sentence about an event date, not a dateline.
constexpr std::array<const char*, 10> kDatePrepositions = {
    "on", "in", "since", "until", "by", "from", "before", "after", "of", "at"};


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

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where an address's path begins (after "scheme://") and where its query or
// fragment begins (url.size() when it has none).
size_t PathStart(std::string_view url) {
  const size_t i = url.find("://");
  return i == std::string_view::npos ? 0 : i + 3;
}
size_t QueryStart(std::string_view url) { return std::min(url.find_first_of("?#", PathStart(url)), url.size()); }

// The segments of an address's path, the host first ("a.example/2031/08/x"
// -> a.example, 2031, 08, x); the query and fragment left out.
std::vector<std::string_view> PathSegments(std::string_view url) {
  size_t i = PathStart(url);
  const size_t q = QueryStart(url);
  std::vector<std::string_view> seg;
  for (std::string_view path = url.substr(0, q); i < path.size();) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    seg.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return seg;
}

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
    // Slashes: day first unless only the month-first reading is a date
    // ("01/15/2010").
    if (punct(k + 1, "/") && !ValidDate(y, m, d) && ValidDate(y, d, m)) std::swap(d, m);
  } else if (num(k, 1, 2) && k + 4 < t.size() && punct(k + 1, ".") && num(k + 2, 2, 2) && punct(k + 3, ".") &&
             num(k + 4, 2, 2) && t[k + 4].end - t[k].begin == 8 && !(punct(k + 5, ".") && num(k + 6, 1, 4))) {
    // Two-digit year, written tight: "15.04.24", "Baku/19.04.21/Turan".
    const int yy = ToInt(t[k + 4].text);
    d = ToInt(t[k].text), m = ToInt(t[k + 2].text), y = yy < 70 ? 2000 + yy : 1900 + yy, i = k + 5;
  } else if (num(k, 1, 2)) {  // 27 February 2023, 19th of August, 2024
    i = k + 1;
    if (ordinal(i)) ++i;
    if (i < t.size() && Fold(t[i].text) == "of") ++i;
    // "9-Dec-2031": dashes around a month's name.
    const bool dashed = punct(i, "-") && month(i + 1);
    if (dashed) ++i;
    if (!(m = month(i))) return std::nullopt;
    ++i;
    if (dashed && !punct(i, "-")) return std::nullopt;
    if (dashed) ++i;
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
    // A span of days: "January 16 - 22, 2008" is dated by its first day.
    if ((punct(i, "-") || punct(i, "\xE2\x80\x93")) && num(i + 1, 1, 2)) i += 2;
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

// Zones printed after a clock time.
constexpr std::array<const char*, 9> kZones = {"gmt", "utc", "bst", "cet", "cest", "est", "edt", "msk", "azt"};

// A folded word that follows a clock time: "am", "pm" or a zone.
bool ClockSuffix(std::string_view folded) { return folded == "am" || folded == "pm" || IndexIn(kZones, folded) >= 0; }

// A clock time "HH:MM" at token i; "HH.MM" only when a zone or am/pm
// follows ("14.05 GMT"), since a dotted pair is a number too.
std::optional<std::string> TimeAt(const std::vector<Token>& t, size_t i) {
  auto zone_or_ampm = [&](size_t z) {
    if (z >= t.size() || t[z].kind != Token::kWord) return false;
    return ClockSuffix(Fold(t[z].text));
  };
  if (i + 2 < t.size() && t[i].kind == Token::kNum && t[i].text.size() <= 2 &&
      (t[i + 1].text == ":" || (t[i + 1].text == "." && zone_or_ampm(i + 3))) &&
      t[i + 2].kind == Token::kNum && t[i + 2].text.size() == 2) {
    int h = ToInt(t[i].text);
    const int mi = ToInt(t[i + 2].text);
    const std::string ampm = i + 3 < t.size() && t[i + 3].kind == Token::kWord ? Fold(t[i + 3].text) : "";
    if ((ampm == "pm" || ampm == "am") && (h < 1 || h > 12)) return std::nullopt;
    if (ampm == "pm" && h < 12) h += 12;
    if (ampm == "am" && h == 12) h = 0;
    if (h < 24 && mi < 60) return Two(h) + ":" + Two(mi);
  }
  return std::nullopt;
}

constexpr std::array<const char*, 14> kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                   "saturday", "sunday", "mon", "tue", "wed",
                                                   "thu", "fri", "sat", "sun"};

// A word of a clock time or a weekday: "12:05", "PM", "EST", "(GMT+4)",
// "Tue,"; punctuation alone ("|", "-") too.
bool TimeWord(std::string_view w) {
  const std::vector<Token> t = Tokenize(w);
  if (t.empty()) return true;
  bool digits = false, word = false;
  for (const Token& k : t) {
    if (k.kind == Token::kNum) digits = true;
    if (k.kind != Token::kWord) continue;
    if (word) return false;
    word = true;
    const std::string f = Fold(k.text);
    if (!ClockSuffix(f) && IndexIn(kWeekdays, f) < 0) return false;
  }
  if (!digits) return true;
  // Digits: only a clock "12:05" (a day or year would be the date's).
  return !word && t.size() >= 3 && t[0].kind == Token::kNum && t[1].text == ":" && t[2].kind == Token::kNum;
}

}  // namespace

int64_t DaysApart(std::string_view a, std::string_view b) {
  auto days = [](std::string_view v) {
    if (v.size() < 10) return int64_t{0};
    return civil::DaysFromCivil(ToInt(v.substr(0, 4)), ToInt(v.substr(5, 2)), ToInt(v.substr(8, 2)));
  };
  const int64_t d = days(a) - days(b);
  return d < 0 ? -d : d;
}

std::optional<DateHit> FindDate(std::string_view line) {
  const std::vector<Token> t = Tokenize(line);
  for (size_t k = 0; k < t.size(); ++k) {
    size_t next = 0;
    std::optional<DateHit> hit = DateAt(t, k, &next);
    if (!hit) continue;
    size_t j = next;
    // Between a date and its time: ", ", " | ", " - ", " at ", " [", and the
    // "T" of an ISO timestamp written tight ("2031-12-09T14:05").
    while (j < t.size() && (t[j].text == "," || t[j].text == "|" || t[j].text == "-" || t[j].text == "[" ||
                            Fold(t[j].text) == "at" || (t[j].text == "T" && t[j].begin == t[j - 1].end)))
      ++j;
    std::optional<std::string> time = TimeAt(t, j);
    if (time) {
      hit->end = t[j + 2].end;
      if (j + 3 < t.size() && t[j + 3].kind == Token::kWord && t[j + 3].begin == t[j + 2].end + 1 &&
          (Fold(t[j + 3].text) == "pm" || Fold(t[j + 3].text) == "am"))
        hit->end = t[j + 3].end;
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

namespace {

// A line that is a date line by itself (DateLine without fields).
std::optional<std::string> WholeDateLine(std::string_view line) {
  std::optional<DateHit> hit = FindDate(line);
  if (!hit) return std::nullopt;
  // Before the date, a clock time, its zone and a weekday say nothing of
  // the line's kind ("Updated: 12:05 PM EST, Tue December 9, 2031").
  std::vector<std::string_view> before;
  for (std::string_view w : Words(line.substr(0, hit->begin)))
    if (!TimeWord(w)) before.push_back(w);
  const std::vector<std::string_view> after = Words(line.substr(hit->end));
  if (before.size() + after.size() <= 4) return hit->iso;
  // A posting label right before the date, "on" between them, in a short
  // line: "Posted by Jo Marsh on March 18, 2024", "By Jo Marsh | Published
  // March 18, 2024", "This article was published on 18 March 2024."
  // (Only the labels of posting: "a letter dated ..." is prose.)
  if (!before.empty() && before.size() + after.size() <= 10) {
    size_t j = before.size();
    const bool on = j > 1 && Fold(before[j - 1]) == "on";
    if (on) --j;
    // "Written by Jo Marsh on 9 December 2031": a credit, "on", the date.
    const bool by = before.size() >= 2 && (Fold(before[0]) == "by" || Fold(before[1]) == "by");
    if (PostingLabel(before[j - 1]) || (on && (PostingLabel(before.front()) || by))) return hit->iso;
  }
  if (before.size() > 4) return std::nullopt;
  // The date, then its credit: "December 9, 2031 by Jo Marsh in Politics".
  if (before.empty() && !after.empty() && after.size() <= 8 && Fold(after.front()) == "by") return hit->iso;
  // A posting label before the date ("Posted on March 18, 2024 by Jo
  // Marsh"): a date line whatever short credit follows.
  if (!before.empty() && before.size() <= 2 && after.size() <= 6) {
    if (PostingWord(before.front()) >= 0 && (before.size() == 1 || Fold(before[1]) == "on")) return hit->iso;
  }
  // A dateline: capitalised words (a place, an agency in brackets) and
  // dashes before the date.
  for (std::string_view w : before) {
    if (StripOpeners(w).empty()) continue;  // "--", "|"
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

}  // namespace

// A date line, or a short line of fields one of which is one: "By Jo Marsh
// | Coast Wire | 9 December 2031, 14:05 | 3 min read", "Coast Wire staff -
// December 9, 2031 - Politics" (a field that opens with a preposition is
// a phrase of a sentence, not a field).
std::optional<std::string> DateLine(std::string_view line) {
  if (auto d = WholeDateLine(line)) return d;
  if (Words(line).size() > 24) return std::nullopt;
  static constexpr std::string_view kSeparators[] = {"|", " - ", " \xE2\x80\x93 ", "\xE2\x80\xA2", "\xC2\xB7"};
  std::vector<std::string_view> fields = {line};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string_view> next;
    for (std::string_view f : fields) {
      for (size_t i = 0;;) {
        const size_t j = f.find(sep, i);
        next.push_back(f.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
        if (j == std::string_view::npos) break;
        i = j + sep.size();
      }
    }
    fields = std::move(next);
  }
  if (fields.size() < 2) return std::nullopt;
  for (std::string_view f : fields) {
    const std::vector<std::string_view> w = Words(f);
    if (w.empty() || IndexIn(kDatePrepositions, Fold(StripOpeners(w.front()))) >= 0) continue;
    if (auto d = WholeDateLine(f)) return d;
  }
  return std::nullopt;
}

std::optional<std::string> UrlDate(std::string_view url) {
  const auto digits = AllDigits;
  auto iso = [](int y, int m, int d) -> std::optional<std::string> {
    if (!ValidDate(y, m, d) || y < 1990) return std::nullopt;
    return std::to_string(y) + "-" + Two(m) + "-" + Two(d);
  };
  const std::vector<std::string_view> seg = PathSegments(url);
  const size_t q = QueryStart(url);
  // Path segments: /2023/04/01/, /2023/feb/21/, /2018/03-29/, /2023/0818/,
  // /2008-07/09/, and a year a section or two before its month and day
  // (/2010/world/europe/10/12/).
  for (size_t k = 1; k < seg.size(); ++k) {
    std::string_view s = seg[k];
    if (!(digits(s) && s.size() == 4) && !(s.size() == 7 && s[4] == '-' && digits(s.substr(0, 4)))) continue;
    const int y = ToInt(s.substr(0, 4));
    if (s.size() == 7 && k + 1 < seg.size() && digits(seg[k + 1]) && seg[k + 1].size() <= 2 && digits(s.substr(5))) {
      if (auto v = iso(y, ToInt(s.substr(5)), ToInt(seg[k + 1]))) return v;
    }
    if (s.size() != 4 || k + 1 >= seg.size()) continue;
    std::string_view a = seg[k + 1];
    if (digits(a) && a.size() == 4) {
      if (auto v = iso(y, ToInt(a.substr(0, 2)), ToInt(a.substr(2, 2)))) return v;
    } else if (a.size() == 5 && a[2] == '-' && digits(a.substr(0, 2)) && digits(a.substr(3))) {
      if (auto v = iso(y, ToInt(a.substr(0, 2)), ToInt(a.substr(3, 2)))) return v;
    }
    for (size_t skip = 0; skip <= 2 && k + skip + 2 < seg.size(); ++skip) {
      std::string_view ms = seg[k + 1 + skip], ds = seg[k + 2 + skip];
      if (skip > 0 && digits(seg[k + skip])) break;  // a number between is no section
      const int m = digits(ms) && ms.size() <= 2 ? ToInt(ms) : (skip == 0 ? MonthOf(ms) : 0);
      if (m && digits(ds) && ds.size() <= 2) {
        if (auto v = iso(y, m, ToInt(ds))) return v;
      }
    }
  }
  // Digits inside a segment: "2023-04-10" and "2023-04-10-slug" (or with
  // "_" or "." between), a day first "10-04-2023", or a run of 8
  // ("20241111") or of 14 and more (a timestamp "20100610162839000").
  for (size_t k = 1; k < seg.size(); ++k) {
    std::string_view s = seg[k];
    const auto sep = [&](size_t i) { return i < s.size() && (s[i] == '-' || s[i] == '_' || s[i] == '.'); };
    const auto two = [&](size_t i) { return i + 2 <= s.size() && digits(s.substr(i, 2)); };
    const auto ends = [&](size_t i) { return i == s.size() || !(s[i] >= '0' && s[i] <= '9'); };
    for (size_t b = 0; b < s.size();) {
      if (!(s[b] >= '0' && s[b] <= '9') || (b > 0 && s[b - 1] >= '0' && s[b - 1] <= '9')) {
        ++b;
        continue;
      }
      size_t e = b;
      while (e < s.size() && s[e] >= '0' && s[e] <= '9') ++e;
      std::string_view run = s.substr(b, e - b);
      if (run.size() == 4 && sep(e) && two(e + 1) && s[e + 3] == s[e] && two(e + 4) && ends(e + 6)) {
        if (auto v = iso(ToInt(run), ToInt(s.substr(e + 1, 2)), ToInt(s.substr(e + 4, 2)))) return v;
      }
      if (run.size() == 2 && sep(e) && two(e + 1) && s[e + 3] == s[e] && e + 8 <= s.size() &&
          digits(s.substr(e + 4, 4)) && ends(e + 8)) {
        if (auto v = iso(ToInt(s.substr(e + 4, 4)), ToInt(s.substr(e + 1, 2)), ToInt(run))) return v;
      }
      if (run.size() == 8 || run.size() >= 14) {
        if (auto v = iso(ToInt(run.substr(0, 4)), ToInt(run.substr(4, 2)), ToInt(run.substr(6, 2)))) return v;
      }
      // A year and month, then the day as the next segment: /202112/09/.
      if (run.size() == 6 && e == s.size() && b == 0 && k + 1 < seg.size() && seg[k + 1].size() <= 2 &&
          digits(seg[k + 1])) {
        if (auto v = iso(ToInt(run.substr(0, 4)), ToInt(run.substr(4, 2)), ToInt(seg[k + 1]))) return v;
      }
      b = e;
    }
  }
  // Query fields: ?yyyy=2021&mm=06&dd=03, ?year=2021&month=6&day=3.
  int y = 0, m = 0, d = 0;
  for (std::string_view rest = url.substr(q); !rest.empty();) {
    rest.remove_prefix(1);
    const size_t amp = std::min(rest.find('&'), rest.size());
    std::string_view kv = rest.substr(0, amp);
    rest = rest.substr(amp);
    const size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    // A field whose value is an ISO date: ?date=2021-06-03.
    if (const std::string_view val = kv.substr(eq + 1); val.size() == 10 && val[4] == '-' && val[7] == '-' &&
                                                         digits(val.substr(0, 4)) && digits(val.substr(5, 2)) &&
                                                         digits(val.substr(8, 2))) {
      if (auto v = iso(ToInt(val.substr(0, 4)), ToInt(val.substr(5, 2)), ToInt(val.substr(8, 2)))) return v;
    }
    if (!digits(kv.substr(eq + 1)) || kv.size() - eq - 1 > 4) continue;
    const std::string key = Fold(kv.substr(0, eq));
    const int v = ToInt(kv.substr(eq + 1));
    if (key == "yyyy" || key == "year") y = v;
    if (key == "mm" || key == "month") m = v;
    if (key == "dd" || key == "day") d = v;
  }
  return iso(y, m, d);
}

namespace {

// "March 4" or "4 March" alone on a line (a day with no year): the month and
// day, else {0, 0}.
std::pair<int, int> MonthDayOnly(std::string_view line) {
  const std::vector<Token> t = Tokenize(line);
  std::vector<const Token*> core;
  for (const Token& k : t)
    if (!(k.kind == Token::kPunct && (k.text == "," || k.text == "."))) core.push_back(&k);
  auto day = [](const Token* k) { return k->kind == Token::kNum && k->text.size() <= 2 ? ToInt(k->text) : 0; };
  auto month = [](const Token* k) { return k->kind == Token::kWord ? MonthOf(k->text) : 0; };
  if (core.size() == 2 && month(core[0]) && day(core[1])) return {month(core[0]), day(core[1])};
  if (core.size() == 2 && day(core[0]) && month(core[1])) return {month(core[1]), day(core[0])};
  return {0, 0};
}

// A line that holds only a year and maybe a clock time ("09:31 2017").
std::optional<std::pair<int, std::string>> YearAndTimeOnly(std::string_view line) {
  const std::vector<Token> t = Tokenize(line);
  int year = 0;
  std::string time;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == Token::kNum && t[i].text.size() == 4 && !year) {
      year = ToInt(t[i].text);
    } else if (auto c = TimeAt(t, i); c && time.empty()) {
      time = *c;
      i += 2;
    } else if (t[i].kind != Token::kPunct) {
      return std::nullopt;
    }
  }
  if (!year) return std::nullopt;
  return std::make_pair(year, time);
}

// A date printed over two short lines: "March 4" then "09:31 2017".
std::optional<std::string> SplitDateLine(std::string_view first, std::string_view second) {
  const auto [m, d] = MonthDayOnly(first);
  if (!m) return std::nullopt;
  const auto yt = YearAndTimeOnly(second);
  if (!yt || !ValidDate(yt->first, m, d)) return std::nullopt;
  std::string iso = std::to_string(yt->first) + "-" + Two(m) + "-" + Two(d);
  if (!yt->second.empty()) iso += "T" + yt->second;
  return iso;
}

// The year and month of an address that gives no day ("/2031/08/slug").
std::pair<int, int> UrlYearMonth(std::string_view url) {
  const std::vector<std::string_view> seg = PathSegments(url);
  const auto digits = AllDigits;
  for (size_t k = 1; k + 1 < seg.size(); ++k) {
    if (seg[k].size() != 4 || !digits(seg[k]) || !digits(seg[k + 1]) || seg[k + 1].size() > 2) continue;
    const int y = ToInt(seg[k]), m = ToInt(seg[k + 1]);
    if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12) return {y, m};
  }
  return {0, 0};
}

// An address with a year and month and a lead that names a day of that
// month with no year ("arrive today, August 19"): that day.
std::optional<std::string> DayOfAddressMonth(const std::vector<Line>& lines, std::string_view url) {
  const auto [y, m] = UrlYearMonth(url);
  if (!y) return std::nullopt;
  int prose = 0;
  for (const Line& line : lines) {
    if (line.kind != Kind::kProse) continue;
    if (++prose > 2) break;
    const std::vector<Token> t = Tokenize(line.text);
    for (size_t k = 0; k + 1 < t.size(); ++k) {
      int d = 0;
      if (t[k].kind == Token::kWord && MonthOf(t[k].text) == m && t[k + 1].kind == Token::kNum &&
          t[k + 1].text.size() <= 2)
        d = ToInt(t[k + 1].text);
      else if (t[k].kind == Token::kNum && t[k].text.size() <= 2 && t[k + 1].kind == Token::kWord &&
               MonthOf(t[k + 1].text) == m)
        d = ToInt(t[k].text);
      if (!d || !ValidDate(y, m, d)) continue;
      // A year right after ("August 19, 2030", "19 August 2030") makes it a
      // full date of its own, maybe of another year: not the page's.
      bool year_follows = false;
      for (size_t j = k + 2; j < t.size() && j <= k + 3; ++j)
        year_follows |= t[j].kind == Token::kNum && t[j].text.size() == 4;
      if (!year_follows) return std::to_string(y) + "-" + Two(m) + "-" + Two(d);
    }
  }
  return std::nullopt;
}

// Whether a line opens with a posting label ("Published:", "Posted on").
bool PostingLabelFirst(std::string_view line) {
  const std::vector<std::string_view> w = Words(line);
  if (w.empty()) return false;
  return PostingLabel(w.front());
}

}  // namespace

// Published: the date line nearest the headline. Below it, any date line
// up to the article's end counts (after it come related headlines and
// comments); above it, only one with a clock time or a posting label
// within a few lines (a bare date over the headline is the site's "today"
// header). With no
// headline, the first date line of the page. The address's date, when it has one,
// wins over a page date that disagrees with it (a sidebar's, a stale
// widget's) and stands in when the page has none.
std::optional<std::string> ChoosePublished(const std::vector<Line>& lines, size_t headline, std::string_view url) {
  const bool has_headline = headline < lines.size();
  std::optional<std::string> below, above;
  size_t below_dist = 0, seen = 0;
  bool below_after_prose = false;  // the date line below comes after the text began
  bool prose = false;  // the search has reached the article's text
  for (size_t i = has_headline ? headline : 0; i < lines.size() && !below; ++i) {
    // Past the article's end (related headlines, comments) dates are others'.
    if (prose && lines[i].kind == Kind::kChrome && lines[i].ends_article) break;
    prose |= lines[i].kind == Kind::kProse;
    if (lines[i].kind == Kind::kBlank || lines[i].words.size() > 60) continue;
    ++below_dist;
    below_after_prose = prose;
    below = DateLine(lines[i].text);
    if (!below && lines[i].words.size() <= 3) {
      size_t n = i + 1;
      while (n < lines.size() && lines[n].kind == Kind::kBlank) ++n;
      if (n < lines.size() && lines[n].words.size() <= 4) below = SplitDateLine(lines[i].text, lines[n].text);
    }
  }
  for (size_t i = has_headline ? headline : 0; i-- > 0 && seen < 4 && !above;) {
    if (lines[i].kind == Kind::kBlank) continue;
    ++seen;
    std::optional<std::string> d = lines[i].words.size() <= 12 ? DateLine(lines[i].text) : std::nullopt;
    // (Or one that a posting label names: "Published: 9 December 2031".)
    if (d && (d->find('T') != std::string::npos || PostingLabelFirst(lines[i].text))) above = d;
  }
  // The article's own date line, right under its headline, is trusted
  // over the address (the two may differ by the time zone).
  const std::optional<std::string> address = url.empty() ? std::nullopt : UrlDate(url);
  // (Not one after the text began: in a listing, that is the next item's.)
  const bool own_line = has_headline && below && below_dist <= 4 && !below_after_prose;
  if (own_line && (!address || DaysApart(*below, *address) <= 1)) return below;
  std::optional<std::string> page = above ? above : below;
  if (address && (!page || page->compare(0, 10, *address) != 0)) return address;
  if (!page && !url.empty()) return DayOfAddressMonth(lines, url);
  return page;
}

}  // namespace attache::extract::text
