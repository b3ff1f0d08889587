// Dates as page text prints them: date lines and datelines. The address's
// date is read in text_url_dates.cc, the page's date chosen in
// text_published.cc.
#include "extract/text_dates.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/civil_date.h"
#include "extract/dates_parts.h"
#include "extract/text_dates_parts.h"

namespace attache::extract::text {
namespace dparts {
namespace {

// Words that label the page's own date: "Posted on", "Published:".
constexpr std::array<const char*, 7> kPostingWords = {"posted", "published", "updated", "added",
                                                      "created", "dated", "modified"};
// The first three are the labels of posting ("a letter dated ..." is prose);
// the first two of them name the publication, not an update.
constexpr int kPostingLabels = 3;
constexpr int kPublicationLabels = 2;

// The index in kPostingWords of a word, its opening quotes and closing
// colons aside ("Published:"); -1 when none.
int PostingWord(std::string_view w) {
  std::string label = Fold(StripOpeners(w));
  while (!label.empty() && label.back() == ':') label.pop_back();
  return IndexIn(kPostingWords, label);
}

constexpr std::array<const char*, 14> kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                   "saturday", "sunday", "mon", "tue", "wed",
                                                   "thu", "fri", "sat", "sun"};

// Zones printed after a clock time.
constexpr std::array<const char*, 9> kZones = {"gmt", "utc", "bst", "cet", "cest", "est", "edt", "msk", "azt"};

}  // namespace

bool PostingLabel(std::string_view w) {
  const int l = PostingWord(w);
  return l >= 0 && l < kPostingLabels;
}

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

int MonthOf(std::string_view word) { return date_parts::MonthNumber(Fold(word)); }

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

std::string Two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int WeekdayOf(std::string_view word) {
  const int i = IndexIn(kWeekdays, Fold(word));
  return i < 0 ? -1 : i % 7;
}

std::string Iso(int y, int m, int d) { return std::to_string(y) + "-" + Two(m) + "-" + Two(d); }

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

}  // namespace dparts

namespace {

using namespace dparts;

// Words that open a prose sentence about an event date, not a dateline.
constexpr std::array<const char*, 10> kDatePrepositions = {
    "on", "in", "since", "until", "by", "from", "before", "after", "of", "at"};

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
  DateHit hit{Iso(y, m, d), t[k].begin, t[i - 1].end};
  *next = i;
  return hit;
}

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

int64_t dparts::IsoDays(std::string_view iso) {
  if (iso.size() < 10) return 0;
  return civil::DaysFromCivil(ToInt(iso.substr(0, 4)), ToInt(iso.substr(5, 2)), ToInt(iso.substr(8, 2)));
}

int64_t DaysApart(std::string_view a, std::string_view b) {
  const int64_t d = IsoDays(a) - IsoDays(b);
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

// In a short line, the date a capitalised posting label names ("By Jo
// Marsh, Senior Writer, Coast Wire Published December 9, 2031 Updated
// December 10, 2031"; "Updated 10 December 2031, first published 9
// December 2031"): the publication, not the update, whatever comes first.
std::optional<std::string> LabelledDate(std::string_view line) {
  for (size_t from = 0; from < line.size();) {
    std::optional<DateHit> hit = FindDate(line.substr(from));
    if (!hit) break;
    const size_t begin = from + hit->begin;
    from += hit->end;
    std::vector<std::string_view> before = Words(line.substr(0, begin));
    while (!before.empty() && (TimeWord(before.back()) || Fold(before.back()) == "on")) before.pop_back();
    const int label = before.empty() ? -1 : PostingWord(before.back());
    if (label < 0 || label >= kPublicationLabels) continue;
    // Capitalised, or after "first" ("first published"): a label, not prose.
    if (IsCapitalised(StripOpeners(before.back())) ||
        (before.size() >= 2 && Fold(before[before.size() - 2]) == "first"))
      return hit->iso;
  }
  return std::nullopt;
}

}  // namespace

// A date line, or a short line of fields one of which is one: "By Jo Marsh
// | Coast Wire | 9 December 2031, 14:05 | 3 min read", "Coast Wire staff -
// December 9, 2031 - Politics" (a field that opens with a preposition is
// a phrase of a sentence, not a field).
std::optional<std::string> DateLine(std::string_view line) {
  if (Words(line).size() > 24) return WholeDateLine(line);
  if (auto d = LabelledDate(line)) return d;
  if (auto d = WholeDateLine(line)) return d;
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

std::optional<DateHit> TrailingDate(std::string_view line) {
  std::string_view s = Trim(line);
  bool bracket = false;
  if (!s.empty() && (s.back() == ')' || s.back() == ']')) s.remove_suffix(1), bracket = true;
  // The last date of the line, where it ends the line.
  std::optional<DateHit> hit;
  for (size_t from = 0; from < s.size();) {
    std::optional<DateHit> h = FindDate(s.substr(from));
    if (!h) break;
    h->begin += from, h->end += from;
    from = h->end;
    hit = h;
  }
  if (!hit || !Trim(s.substr(hit->end)).empty() || hit->begin == 0) return std::nullopt;
  // What sets it off from the headline.
  std::string_view before = s.substr(0, hit->begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  static constexpr std::string_view kMarks[] = {"-", "|", ",", "\xE2\x80\x93", "\xE2\x80\x94", "/"};
  size_t mark = 0;
  if (bracket && !before.empty() && (before.back() == '(' || before.back() == '[')) mark = 1;
  for (std::string_view m : kMarks)
    if (!bracket && before.size() > m.size() && before.substr(before.size() - m.size()) == m) mark = m.size();
  if (!mark) return std::nullopt;
  before.remove_suffix(mark);
  before = Trim(before);
  if (Words(before).size() < 3) return std::nullopt;
  hit->begin = before.size();
  hit->end = line.size();
  return hit;
}

}  // namespace attache::extract::text
