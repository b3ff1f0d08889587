// The page's date when it prints no date line and its address has no date:
// a dateline without a year ("Saltmere, Dec 9 (Agency).-") whose year the
// page itself gives, and a lead that dates what it reports in full with its
// weekday ("on Tuesday (9 December 2031)").
#include <algorithm>
#include <set>

#include "core/civil_date.h"
#include "extract/text_dates.h"
#include "extract/text_dates_parts.h"

namespace attache::extract::text {

std::vector<size_t> dparts::LeadLines(const std::vector<Line>& lines, size_t headline, size_t count) {
  std::vector<size_t> out;
  for (size_t i = headline < lines.size() ? headline + 1 : 0; i < lines.size() && out.size() < count; ++i) {
    if (lines[i].kind == Kind::kProse) out.push_back(i);
  }
  return out;
}

namespace {

using namespace dparts;

// 0 (Monday) .. 6 (Sunday) of a day counted from 1970-01-01, a Thursday.
int WeekdayOfDays(int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7); }

// A dateline without a year opening a line: capitalised words (a place,
// its country), a comma, a month and day in either order, then the end of
// the dateline (an agency in brackets, a dash, a full stop, a slash):
// "Saltmere, Dec 9 (Agency).- ...", "SALTMERE, December 9. /Agency/. ...",
// "Saltmere, 9 December - ...".
std::optional<MonthDay> YearlessDateline(std::string_view line) {
  const std::vector<Token> t = Tokenize(line.substr(0, std::min<size_t>(line.size(), 120)));
  size_t i = 0, place = 0;
  while (i < t.size() && t[i].kind == Token::kWord && IsCapitalised(t[i].text) && !MonthOf(t[i].text)) {
    ++i, ++place;
    // Words of a place joined by commas, spaces or hyphens.
    if (i < t.size() && (t[i].text == "," || t[i].text == "-") && i + 1 < t.size() && t[i + 1].kind == Token::kWord &&
        !MonthOf(t[i + 1].text))
      ++i;
  }
  // A comma after the place, or a full stop after a place of a word or two
  // ("Saltmere. 9 December. Agency/").
  if (place == 0 || place > 5 || i >= t.size() || !(t[i].text == "," || (t[i].text == "." && place <= 2)))
    return std::nullopt;
  ++i;
  MonthDay md;
  auto day = [&](size_t k) { return k < t.size() && t[k].kind == Token::kNum && t[k].text.size() <= 2; };
  if (i + 1 < t.size() && t[i].kind == Token::kWord && MonthOf(t[i].text)) {
    md.month = MonthOf(t[i].text), ++i;
    if (i < t.size() && t[i].text == ".") ++i;
    if (!day(i)) return std::nullopt;
    md.day = ToInt(t[i].text), ++i;
  } else if (day(i) && i + 1 < t.size() && t[i + 1].kind == Token::kWord && MonthOf(t[i + 1].text)) {
    md.day = ToInt(t[i].text), md.month = MonthOf(t[i + 1].text), i += 2;
  } else {
    return std::nullopt;
  }
  // What ends a dateline; a year or a clock time would make it another form.
  if (i >= t.size()) return std::nullopt;
  const std::string_view next = t[i].text;
  // (A comma only before an agency in capitals: "SALTMERE, DECEMBER 9,
  // COASTWIRE.")
  const bool agency = next == "," && i + 1 < t.size() && t[i + 1].kind == Token::kWord &&
                      t[i + 1].text.size() >= 2 && !HasLower(t[i + 1].text);
  if (next != "(" && next != "-" && next != "." && next != "/" && next != "\xE2\x80\x93" &&
      next != "\xE2\x80\x94" && !agency)
    return std::nullopt;
  if (next == "." && i + 1 < t.size() && t[i + 1].kind == Token::kNum) return std::nullopt;
  if (!ValidDate(2000, md.month, md.day)) return std::nullopt;
  return md;
}

}  // namespace

std::optional<MonthDay> dparts::YearlessDateLineOnly(std::string_view line) {
  const std::vector<Token> t = Tokenize(line);
  if (t.empty() || t.size() > 14) return std::nullopt;
  MonthDay md;
  for (size_t i = 0; i < t.size(); ++i) {
    if (std::optional<std::string> time = TimeAt(t, i)) {
      i += 2;
      continue;
    }
    const Token& k = t[i];
    if (k.kind == Token::kPunct) continue;
    if (k.kind == Token::kWord) {
      if (const int m = MonthOf(k.text); m && !md.month) {
        md.month = m;
      } else if (WeekdayOf(k.text) < 0 && !ClockSuffix(Fold(k.text))) {
        return std::nullopt;
      }
      continue;
    }
    if (k.text.size() > 2 || md.day) return std::nullopt;  // a year, or a second number
    md.day = ToInt(k.text);
  }
  if (!md.month || !md.day || !ValidDate(2000, md.month, md.day)) return std::nullopt;
  return md;
}

namespace {

// The years the page's lines print (four digits, 1990-2100), and the
// first full dates of its lines.
void PageYears(const std::vector<Line>& lines, std::set<int>* years, std::vector<std::string>* dates) {
  for (const Line& l : lines) {
    if (l.kind == Kind::kChrome || l.kind == Kind::kBlank) continue;
    for (const Token& k : Tokenize(l.text)) {
      if (k.kind != Token::kNum || k.text.size() != 4) continue;
      const int y = ToInt(k.text);
      if (y >= 1990 && y <= 2100) years->insert(y);
    }
    if (std::optional<DateHit> hit = FindDate(l.text)) dates->push_back(hit->iso.substr(0, 10));
  }
}

// The first weekday a line names, else -1.
int FirstWeekday(std::string_view line) {
  for (const Token& k : Tokenize(line)) {
    if (k.kind == Token::kWord && IsCapitalised(k.text) && k.text.size() >= 6) {
      if (const int w = WeekdayOf(k.text); w >= 0) return w;
    }
  }
  return -1;
}

}  // namespace

std::optional<std::string> YearlessDatelineDate(const std::vector<Line>& lines, size_t headline,
                                                std::string_view url) {
  std::optional<MonthDay> md;
  size_t at = lines.size();
  for (size_t i : LeadLines(lines, headline, 2)) {
    if ((md = YearlessDateline(lines[i].text))) {
      at = i;
      break;
    }
  }
  // Or a date line without a year right under the headline.
  for (size_t i = headline < lines.size() ? headline + 1 : lines.size(), seen = 0;
       !md && i < lines.size() && seen < 4 && lines[i].kind != Kind::kProse; ++i) {
    if (lines[i].kind == Kind::kBlank) continue;
    ++seen;
    if ((md = YearlessDateLineOnly(lines[i].text))) at = i;
  }
  if (!md) return std::nullopt;
  const int m = md->month, d = md->day;
  // The address's year, when its month is the dateline's.
  if (const auto [uy, um] = url.empty() ? std::pair<int, int>{0, 0} : UrlYearMonth(url); uy && um == m) {
    if (ValidDate(uy, m, d)) return Iso(uy, m, d);
  }
  std::set<int> years;
  std::vector<std::string> dates;
  PageYears(lines, &years, &dates);
  // A full date of the page that the dateline's day follows within three
  // months (or precedes by a week): the year that makes them so.
  std::set<int> by_dates;
  for (const std::string& full : dates) {
    const int fy = ToInt(std::string_view(full).substr(0, 4));
    const int64_t full_days = IsoDays(full);
    for (int y : {fy, fy + 1}) {
      if (!ValidDate(y, m, d)) continue;
      const int64_t gap = civil::DaysFromCivil(y, m, d) - full_days;
      if (gap >= -7 && gap <= 92) by_dates.insert(y);
    }
  }
  if (by_dates.size() == 1) return Iso(*by_dates.begin(), m, d);
  if (!by_dates.empty()) return std::nullopt;
  // The weekday the lead names for what it reports (the dateline's day or
  // the day before): the one year the page prints in which that holds.
  const int weekday = FirstWeekday(lines[at].text);
  if (weekday < 0) return std::nullopt;
  std::set<int> fits;
  for (int y : years) {
    if (!ValidDate(y, m, d)) continue;
    const int w = WeekdayOfDays(civil::DaysFromCivil(y, m, d));
    if (w == weekday || (w + 6) % 7 == weekday) fits.insert(y);
  }
  if (fits.size() == 1) return Iso(*fits.begin(), m, d);
  return std::nullopt;
}

std::optional<std::string> LeadDateWithWeekday(const std::vector<Line>& lines, size_t headline) {
  for (size_t i : LeadLines(lines, headline, 1)) {
    const std::string_view text = lines[i].text;
    // The lead's first sentence.
    const size_t stop = text.find(". ");
    const std::string_view first = text.substr(0, stop == std::string_view::npos ? text.size() : stop + 1);
    const std::optional<DateHit> hit = FindDate(first);
    if (!hit) return std::nullopt;
    // A weekday right before the date ("on Tuesday (9 December 2031)",
    // "On Tuesday, 9 December 2031,") or right after it ("9 December 2031
    // (Tuesday)"), that the calendar agrees with.
    const std::vector<Token> before = Tokenize(first.substr(0, hit->begin));
    const std::vector<Token> after = Tokenize(first.substr(hit->end));
    int weekday = -1;
    for (size_t k = before.size(), n = 0; k-- > 0 && n < 3 && weekday < 0; ++n) {
      if (before[k].kind == Token::kWord) weekday = WeekdayOf(before[k].text);
      if (before[k].kind != Token::kPunct) break;
    }
    for (size_t k = 0; k < after.size() && k < 3 && weekday < 0; ++k) {
      if (after[k].kind == Token::kWord) weekday = WeekdayOf(after[k].text);
      if (after[k].kind != Token::kPunct) break;
    }
    if (weekday < 0) return std::nullopt;
    const std::string_view iso = hit->iso;
    if (WeekdayOfDays(IsoDays(iso)) != weekday)
      return std::nullopt;
    return std::string(iso.substr(0, 10));
  }
  return std::nullopt;
}

}  // namespace attache::extract::text
