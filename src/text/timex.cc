#include "text/timex.h"

#include "core/civil_date.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace attache::text {

namespace {

// A calendar date; 0 means not known (year) or not given (month, day).
struct Date {
  int y = 0, m = 0, d = 0;
};

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m (1..12) of year y; an unknown year (0) allows February 29.
int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && (y == 0 || Leap(y)) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (the
// days-from-civil algorithms of H. Hinnant).
int64_t DaysFromCivil(int64_t y, int m, int d) { return civil::DaysFromCivil(y, m, d); }

Date CivilFromDays(int64_t z) {
  const civil::YearMonthDay c = civil::CivilFromDays(z);
  if (c.year < 1) return {-1, 0, 0};  // before the calendar's first year: no date
  return {static_cast<int>(c.year), c.month, c.day};
}

int64_t Days(const Date& x) { return DaysFromCivil(x.y, x.m, x.d); }

// ISO weekday (1 = Monday .. 7 = Sunday); 1970-01-01 was a Thursday.
int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

std::string Format(const Date& x) {
  if (x.m < 0 || x.m > 12 || x.y < 0 || x.y > 9999) return "";
  char buf[16];
  if (x.y == 0) {
    if (x.m == 0 || x.d == 0) return "";
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", x.m, x.d);
  } else if (x.m == 0) {
    std::snprintf(buf, sizeof buf, "%04d", x.y);
  } else if (x.d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", x.y, x.m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", x.y, x.m, x.d);
  }
  return buf;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {  // s: at most 4 digits
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// "YYYY", "YYYY-MM", "YYYY-MM-DD" with anything after the day; else {}.
Date ParseAnchor(std::string_view a) {
  Date x;
  if (a.size() < 4 || !AllDigits(a.substr(0, 4))) return x;
  const int y = ToInt(a.substr(0, 4));
  if (y < 1) return x;
  x.y = y;
  if (a.size() >= 7 && a[4] == '-' && AllDigits(a.substr(5, 2))) {
    const int m = ToInt(a.substr(5, 2));
    if (m < 1 || m > 12) return x;
    x.m = m;
    if (a.size() >= 10 && a[7] == '-' && AllDigits(a.substr(8, 2))) {
      const int d = ToInt(a.substr(8, 2));
      if (d >= 1 && d <= DaysIn(y, m)) x.d = d;
    }
  }
  return x;
}

struct Tok {
  uint32_t b = 0, e = 0;
  std::string w;  // folded, without a trailing "."; punctuation as is
  bool num = false, punct = false, cap = false, dot = false;
};

std::vector<Tok> Words(std::string_view text, Span span, const LanguageTables& tables) {
  std::vector<Tok> out;
  for (const Token& t : Tokenize(text, span, &tables)) {
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) {
      Tok k{t.begin, t.end, std::string(raw), t.kind == TokenKind::kNumber, t.kind != TokenKind::kNumber};
      out.push_back(std::move(k));
      continue;
    }
    // Words split at hyphens ("mid-June", "mid-2022").
    uint32_t b = t.begin;
    while (b < t.end) {
      uint32_t e = b;
      while (e < t.end && text[e] != '-') ++e;
      if (e > b) {
        Tok k;
        k.b = b;
        k.e = e;
        std::string_view part = text.substr(b, e - b);
        k.dot = part.size() > 1 && part.back() == '.';
        if (k.dot) part.remove_suffix(1);
        k.num = AllDigits(part);
        k.cap = b == t.begin ? t.cap : (part[0] >= 'A' && part[0] <= 'Z');
        k.w = k.num ? std::string(part) : Fold(part);
        out.push_back(std::move(k));
      }
      b = e + 1;
    }
  }
  return out;
}

class Finder {
 public:
  Finder(const std::vector<Tok>& t, const DateWords& dw, Date anchor) : t_(t), dw_(dw), a_(anchor) {}

  // The expression starting at token i: its end (a token index > i) and
  // value, or false when none starts there.
  bool Match(size_t i, size_t* end, std::string* value, bool* stated) {
    *stated = false;
    // Fixed phrases: the longest wins.
    size_t best = 0;
    int offset = 0;
    bool none = false;
    for (const auto& p : dw_.no_date)
      if (size_t n = Phrase(i, p); n > best) best = n, none = true;
    for (const auto& [p, off] : dw_.day_phrases)
      if (size_t n = Phrase(i, p); n > best) best = n, none = false, offset = off;
    if (best > 0) {
      *end = i + best;
      *value = none || a_.d == 0 ? "" : Format(CivilFromDays(Days(a_) + offset));
      return true;
    }
    // [the] part [of] [the]: "at the end of 2022", "late last year", "mid-June".
    size_t j = i;
    char part = 0;
    bool article = false;
    if (Article(j) && Part(j + 1)) ++j;
    if (Part(j)) {
      part = Part(j);
      ++j;
      if (Of(j)) ++j;
      if (Article(j)) ++j, article = true;
    }
    Date x;
    bool ok = false;
    size_t k = j;
    const int cue = Cue(i);
    if (Shift(j) && Unit(j + 1)) {  // "next month", "last year", "this week"
      const int s = ShiftBy(j);
      const char u = Unit(j + 1);
      k = j + 2;
      ok = true;
      if (u == 'm' && a_.m) x = AddMonths({a_.y, a_.m, 0}, s);
      else if (u == 'y' && a_.y) x = {a_.y + s, 0, 0};
      else if (u == 'd' || u == 'w') x = {-1, 0, 0};  // no date
    } else if (Shift(j) && (Month(j + 1) || Wday(j + 1, false))) {  // "last June", "next Monday"
      const int s = ShiftBy(j);
      k = j + 2;
      ok = true;
      if (int m = Month(j + 1); m && a_.m) {
        x = {s > 0 ? (m > a_.m ? a_.y : a_.y + 1) : s < 0 ? (m < a_.m ? a_.y : a_.y - 1) : a_.y, m, 0};
      } else if (int wd = Wday(j + 1, false); wd && a_.d) {
        x = WeekdayDate(wd, s, true, 0);
      }
    } else if (part && article && (Unit(j) == 'm' || Unit(j) == 'y')) {  // "the end of the year"
      k = j + 1;
      ok = true;
      if (Unit(j) == 'm' && a_.m) x = {a_.y, a_.m, 0};
      else if (Unit(j) == 'y' && a_.y) x = {a_.y, 0, 0};
    } else if (Count(j) && Unit(j + 1) && j + 2 < t_.size() && dw_.ago.count(t_[j + 2].w)) {  // "a month ago"
      const int n = Count(j);
      const char u = Unit(j + 1);
      k = j + 3;
      ok = true;
      if ((u == 'd' || u == 'w') && a_.d) x = CivilFromDays(Days(a_) - static_cast<int64_t>(n) * (u == 'w' ? 7 : 1));
      else if (u == 'm' && a_.m) x = AddMonths({a_.y, a_.m, 0}, -n);
      else if (u == 'y' && a_.y) x = {a_.y - n, 0, 0};
    } else if (int wd = Wday(j, true)) {  // "Monday", "(Sunday, 6 May)", "Monday (19th August 2024)"
      size_t m = j + 1;
      if (m < t_.size() && (t_[m].w == "," || t_[m].w == "(")) ++m;
      Date y;
      size_t n = 0;
      if (DateAt(m, false, &y, &n) && y.d) {
        x = y;
        k = n < t_.size() && t_[n].w == ")" ? n + 1 : n;
        *stated = y.y != 0;
        x = FillYear(x, cue);
      } else {
        if (!Wday(j, false)) return false;  // an abbreviation alone
        k = j + 1;
        if (a_.d) x = WeekdayDate(wd, 0, false, cue ? cue : OpeningCue(i, k));
      }
      ok = true;
    } else if (DateAt(j, part != 0 || Prep(i), &x, &k)) {
      ok = true;
      *stated = x.y != 0 && x.d != 0;
      x = FillYear(x, cue);
    }
    if (!ok) return false;
    if (x.y > 0 && x.m == 0 && part == 'l') x.m = 12;
    if (x.y > 0 && x.m == 0 && part == 'f') x.m = 1;
    *end = k;
    *value = x.y < 0 ? "" : Format(x);
    return true;
  }

  void SetAnchor(const Date& a) { a_ = a; }
  const Date& anchor() const { return a_; }

 private:
  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < t_.size() ? t_[i].w : kEmpty;
  }
  size_t Phrase(size_t i, const std::vector<std::string>& p) const {
    if (p.empty() || i + p.size() > t_.size()) return 0;
    for (size_t k = 0; k < p.size(); ++k)
      if (t_[i + k].w != p[k]) return 0;
    return p.size();
  }
  bool Article(size_t i) const { return i < t_.size() && dw_.articles.count(t_[i].w); }
  bool Of(size_t i) const { return i < t_.size() && dw_.ofs.count(t_[i].w); }
  bool Prep(size_t i) const { return i > 0 && dw_.preps.count(t_[i - 1].w); }
  bool Shift(size_t i) const { return i < t_.size() && dw_.shifts.count(t_[i].w); }
  int ShiftBy(size_t i) const {
    auto it = dw_.shifts.find(W(i));
    return it == dw_.shifts.end() ? 0 : it->second;
  }
  char Part(size_t i) const {
    if (i >= t_.size()) return 0;
    auto it = dw_.parts.find(t_[i].w);
    return it == dw_.parts.end() ? 0 : it->second;
  }
  char Unit(size_t i) const {
    if (i >= t_.size()) return 0;
    auto it = dw_.units.find(t_[i].w);
    return it == dw_.units.end() ? 0 : it->second;
  }
  bool NameOk(size_t i) const { return !t_[i].num && !t_[i].punct && (t_[i].cap || !dw_.names_capitalized); }
  int Month(size_t i) const {
    if (i >= t_.size() || !NameOk(i)) return 0;
    auto it = dw_.months.find(t_[i].w);
    return it == dw_.months.end() ? 0 : it->second;
  }
  // The weekday at i; abbreviations only when `abbrev` or written with a dot.
  int Wday(size_t i, bool abbrev) const {
    if (i >= t_.size() || !NameOk(i)) return 0;
    auto it = dw_.weekdays.find(t_[i].w);
    if (it == dw_.weekdays.end()) return 0;
    if (it->second > 0) return it->second;
    return abbrev || t_[i].dot ? -it->second : 0;
  }
  int Count(size_t i) const {
    if (i >= t_.size()) return 0;
    if (t_[i].num && t_[i].w.size() <= 3 && AllDigits(t_[i].w)) return ToInt(t_[i].w);
    auto it = dw_.numbers.find(t_[i].w);
    return it == dw_.numbers.end() ? 0 : it->second;
  }
  // A day number ("23", "23rd", "24-25" gives 24), or 0.
  int Day(size_t i) const {
    if (i >= t_.size() || !t_[i].num) return 0;
    const std::string& s = t_[i].w;
    size_t n = 0;
    while (n < s.size() && n < 3 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || n > 2) return 0;
    const int d = ToInt(std::string_view(s).substr(0, n));
    std::string_view rest = std::string_view(s).substr(n);
    if (!rest.empty() && rest[0] == '-') {
      rest.remove_prefix(1);
      if (rest.empty() || rest.size() > 2 || !AllDigits(rest) || ToInt(rest) < d || ToInt(rest) > 31) return 0;
    } else if (!rest.empty() && !dw_.ordinals.count(Fold(rest))) {
      return 0;
    }
    return d >= 1 && d <= 31 ? d : 0;
  }
  int Year(size_t i) const {
    if (i >= t_.size() || !t_[i].num || t_[i].w.size() != 4 || !AllDigits(t_[i].w)) return 0;
    const int y = ToInt(t_[i].w);
    return y >= 1000 && y <= 2999 ? y : 0;
  }
  // Skips a "," before a year ("June 23, 2023").
  size_t Comma(size_t i) const { return i < t_.size() && t_[i].w == "," ? i + 1 : i; }

  // A numeric date: "2023-02-27", "27.02.2023", "27/02/2023".
  bool Numeric(size_t i, Date* x, size_t* end) const {
    if (i >= t_.size() || !t_[i].num) return false;
    const std::string& s = t_[i].w;
    int f[3] = {0, 0, 0};
    size_t len[3] = {0, 0, 0};
    char sep = 0;
    size_t part = 0;
    *end = i + 1;
    if (s.size() >= 8 && s.size() <= 10) {
      for (char c : s) {
        if (c >= '0' && c <= '9') {
          if (len[part] >= 4) return false;
          f[part] = f[part] * 10 + (c - '0');
          ++len[part];
        } else if ((c == '-' || c == '.') && (sep == 0 || sep == c) && part < 2) {
          sep = c;
          ++part;
        } else {
          return false;
        }
      }
    } else if (i + 4 < t_.size() && t_[i + 1].w == "/" && t_[i + 3].w == "/" && t_[i + 2].num && t_[i + 4].num &&
               t_[i + 1].b == t_[i].e && t_[i + 4].b == t_[i + 3].e) {
      const std::string* p[3] = {&s, &t_[i + 2].w, &t_[i + 4].w};
      for (int k = 0; k < 3; ++k) {
        if (!AllDigits(*p[k]) || p[k]->size() > 4) return false;
        f[k] = ToInt(*p[k]);
        len[k] = p[k]->size();
      }
      sep = '/';
      part = 2;
      *end = i + 5;
    }
    if (part != 2) return false;
    int y, m, d;
    if (sep == '-' && len[0] == 4) y = f[0], m = f[1], d = f[2];
    else if (sep == '.' && len[2] == 4) y = f[2], m = f[1], d = f[0];
    else if (sep == '/' && len[2] == 4) y = f[2], m = dw_.slash_month_first ? f[0] : f[1], d = dw_.slash_month_first ? f[1] : f[0];
    else return false;
    if (sep == '/' && (m > 12 && d <= 12)) std::swap(m, d);
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m)) return false;
    *x = {y, m, d};
    return true;
  }

  // A stated date at i: numeric, "June 23[, 2023]", "[the] 23[rd] [of] June
  // [2023]", "23rd of this month", "June 2023", and when `bare` also "June"
  // and "2022". The year is 0 when not stated.
  bool DateAt(size_t i, bool bare, Date* x, size_t* end) const {
    if (Numeric(i, x, end)) return true;
    if (int m = Month(i)) {
      size_t k = i + 1;
      if (k < t_.size() && t_[k].w == "." && t_[k].b == t_[i].e) ++k;
      if (int d = Day(k)) {
        if (d > DaysIn(0, m)) return false;
        *x = {0, m, d};
        *end = k + 1;
        if (int y = Year(Comma(k + 1))) x->y = y, *end = Comma(k + 1) + 1;
        if (x->y && d > DaysIn(x->y, m)) return false;
        return true;
      }
      if (int y = Year(Comma(k))) {
        *x = {y, m, 0};
        *end = Comma(k) + 1;
        return true;
      }
      if (!bare) return false;
      *x = {0, m, 0};
      *end = i + 1;
      return true;
    }
    size_t k = Article(i) ? i + 1 : i;
    if (int d = Day(k)) {
      size_t n = Of(k + 1) ? k + 2 : k + 1;
      if (int m = Month(n)) {
        if (d > DaysIn(0, m)) return false;
        *x = {0, m, d};
        *end = n + 1;
        if (int y = Year(Comma(n + 1))) x->y = y, *end = Comma(n + 1) + 1;
        if (x->y && d > DaysIn(x->y, m)) return false;
        return true;
      }
      if (n == k + 2 && Shift(n) && Unit(n + 1) == 'm') {  // "23rd of this month"
        *end = n + 2;
        if (!a_.m) {
          *x = {-1, 0, 0};
          return true;
        }
        *x = AddMonths({a_.y, a_.m, 0}, ShiftBy(n));
        if (d > DaysIn(x->y, x->m)) return false;
        x->d = d;
        return true;
      }
      return false;
    }
    if (bare && k == i) {
      if (int y = Year(i)) {
        *x = {y, 0, 0};
        *end = i + 1;
        return true;
      }
    }
    return false;
  }

  static Date AddMonths(Date x, int n) {
    const int64_t idx = static_cast<int64_t>(x.y) * 12 + (x.m - 1) + n;
    if (idx < 12) return {-1, 0, 0};
    return {static_cast<int>(idx / 12), static_cast<int>(idx % 12) + 1, 0};
  }

  // The weekday wd near the anchor: shift +1 / -1 strictly after / before,
  // else by the tense cue, else in the anchor's week.
  Date WeekdayDate(int wd, int shift, bool shifted, int cue) const {
    const int64_t a = Days(a_);
    const int aw = Weekday(a);
    int delta = wd - aw;
    if (shifted && shift > 0) delta = (wd - aw + 7) % 7 == 0 ? 7 : (wd - aw + 7) % 7;
    else if (shifted && shift < 0) delta = (aw - wd + 7) % 7 == 0 ? -7 : -((aw - wd + 7) % 7);
    else if (!shifted && cue > 0) delta = (wd - aw + 7) % 7;
    else if (!shifted && cue < 0) delta = -((aw - wd + 7) % 7);
    return CivilFromDays(a + delta);
  }

  // Gives a date without a year the anchor's year, or the one before or
  // after, whichever is nearest the anchor, or with a future cue the first on
  // or after it. (Past cues are not used here: a reporting verb ("said",
  // "was confirmed") is past even when the date is ahead.)
  Date FillYear(Date x, int cue) const {
    if (x.y != 0 || x.m == 0 || a_.y == 0) return x;
    const bool by_day = x.d != 0 && a_.m != 0;
    const Date an{a_.y, a_.m ? a_.m : 7, a_.d ? a_.d : 15};
    const int64_t ak = by_day ? Days(an) : static_cast<int64_t>(an.y) * 12 + an.m;
    int best_y = a_.y;
    int64_t best = -1;
    for (int y = a_.y > 1 ? a_.y - 1 : 1; y <= a_.y + 1; ++y) {
      if (x.d > DaysIn(y, x.m)) continue;
      const int64_t key = by_day ? DaysFromCivil(y, x.m, x.d) : static_cast<int64_t>(y) * 12 + x.m;
      const int64_t diff = key - ak;
      if (cue > 0 && diff < 0) continue;
      const int64_t dist = diff < 0 ? -diff : diff;
      if (best < 0 || dist < best) best = dist, best_y = y;
    }
    x.y = best_y;
    if (x.d > DaysIn(x.y, x.m)) x.d = 0;
    return x;
  }

  // The tense of the nearest cue word among the 12 tokens before token i in
  // its sentence: +1 future, -1 past, 0 none.
  int Cue(size_t i) const {
    for (size_t n = 0; i > 0 && n < 12; ++n) {
      const Tok& t = t_[--i];
      if (SentenceEnd(t)) return 0;
      if (const int c = CueOf(t)) return c;
    }
    return 0;
  }

  // For an expression that opens its sentence (after a preposition at
  // most: "On Wednesday, the minister flew to Paris"), the nearest cue
  // among the 12 tokens after it (ending at token k); else 0.
  int OpeningCue(size_t i, size_t k) const {
    if (Prep(i)) --i;
    if (i > 0 && !SentenceEnd(t_[i - 1])) return 0;
    for (size_t n = 0; k < t_.size() && n < 12; ++n, ++k) {
      if (SentenceEnd(t_[k])) return 0;
      if (const int c = CueOf(t_[k])) return c;
    }
    return 0;
  }

  static bool SentenceEnd(const Tok& t) {
    return t.punct && (t.w == "." || t.w == "!" || t.w == "?" || t.w == ";");
  }

  // The tense a word cues: +1 future, -1 past, 0 none.
  int CueOf(const Tok& t) const {
    if (t.punct || t.num) return 0;
    if (dw_.future.count(t.w)) return 1;
    if (dw_.past.count(t.w)) return -1;
    if (t.cap) return 0;
    const auto ends = [&t](const std::string& s) {
      return t.w.size() > s.size() + 2 && t.w.compare(t.w.size() - s.size(), s.size(), s) == 0;
    };
    for (const auto& s : dw_.past_exceptions)
      if (ends(s)) return 0;
    for (const auto& s : dw_.past_suffixes)
      if (ends(s)) return -1;
    return 0;
  }

  const std::vector<Tok>& t_;
  const DateWords& dw_;
  Date a_;
};

}  // namespace

std::vector<TimeExpr> FindDates(std::string_view text, Span span, std::string_view anchor,
                                const LanguageTables& tables) {
  std::vector<TimeExpr> out;
  if (span.end > text.size() || span.begin > span.end) return out;
  const std::vector<Tok> toks = Words(text, span, tables);
  Finder f(toks, tables.dates, ParseAnchor(anchor));
  // When the publication date names no day, the first full date the text
  // states is the anchor (a second pass); else one pass.
  bool borrow = f.anchor().d == 0;
  for (int pass = 0; pass < 2; ++pass) {
    out.clear();
    bool again = false;
    size_t i = 0;
    while (i < toks.size()) {
      size_t end = i + 1;
      std::string value;
      bool stated = false;
      if (!toks[i].punct && f.Match(i, &end, &value, &stated) && end > i) {
        out.push_back({toks[i].b, toks[end - 1].e, value});
        if (borrow && stated && value.size() == 10 && value[0] != 'X') {
          f.SetAnchor(ParseAnchor(value));
          borrow = false;
          again = true;
        }
        i = end;
      } else {
        ++i;
      }
    }
    if (!again) break;
  }
  return out;
}

std::string ResolveDate(std::string_view expr, std::string_view anchor, const LanguageTables& tables) {
  const auto found = FindDates(expr, {0, static_cast<uint32_t>(expr.size())}, anchor, tables);
  return found.empty() ? "" : found.front().value;
}

}  // namespace attache::text
