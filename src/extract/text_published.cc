// The publication date of page text: the date line nearest the headline,
// checked against the address; the evidence of the page when it has none.
#include <algorithm>
#include <utility>

#include "extract/text_dates.h"
#include "extract/text_dates_parts.h"

namespace attache::extract::text {
namespace {

using namespace dparts;

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
  const std::optional<MonthDay> md = YearlessDateLineOnly(first);
  if (!md) return std::nullopt;
  const int m = md->month, d = md->day;
  const auto yt = YearAndTimeOnly(second);
  if (!yt || !ValidDate(yt->first, m, d)) return std::nullopt;
  std::string iso = Iso(yt->first, m, d);
  if (!yt->second.empty()) iso += "T" + yt->second;
  return iso;
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
      if (!year_follows) return Iso(y, m, d);
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

// A date line's date read day first from slashes ("12/09/2031") that the
// page's lead prints month first in words ("SALTMERE, Dec. 9, 2031"): the
// outlet writes the month first, so the other reading.
std::string MonthFirstReading(const std::vector<Line>& lines, size_t headline, std::string_view line,
                              const std::string& iso) {
  if (line.find('/') == std::string_view::npos || iso.size() < 10) return iso;
  const int y = ToInt(std::string_view(iso).substr(0, 4)), m = ToInt(std::string_view(iso).substr(5, 2)),
            d = ToInt(std::string_view(iso).substr(8, 2));
  if (d > 12 || d == m) return iso;
  const std::string swapped = Iso(y, d, m);
  for (size_t i : LeadLines(lines, headline, 2)) {
    if (std::optional<DateHit> hit = FindDate(lines[i].text); hit && hit->iso.compare(0, 10, swapped) == 0 &&
                                                              lines[i].text.substr(hit->begin, hit->end - hit->begin)
                                                                      .find('/') == std::string_view::npos)
      return swapped + iso.substr(10);
  }
  return iso;
}

}  // namespace


// Published: the date line nearest the headline. Below it, any date line
// up to the article's end counts (after it come related headlines and
// comments); above it, only one with a clock time or a posting label
// within a few lines (a bare date over the headline is the site's "today"
// header). With no headline, the first date line of the page. The
// address's date, when it has one, wins over a page date that disagrees
// with it (a sidebar's, a stale widget's) and stands in when the page has
// none; with neither, the lead's evidence (text_date_evidence.cc).
std::optional<std::string> ChoosePublished(const std::vector<Line>& lines, size_t headline, std::string_view url) {
  const bool has_headline = headline < lines.size();
  std::optional<std::string> below, above;
  size_t below_dist = 0, seen = 0, below_line = 0, above_line = 0;
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
    below_line = i;
    // A date the headline line itself ends with ("... - 09.12.2031").
    if (!below && has_headline && i == headline) {
      if (std::optional<DateHit> hit = TrailingDate(lines[i].text)) below = hit->iso;
    }
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
    if (d && (d->find('T') != std::string::npos || PostingLabelFirst(lines[i].text))) above = d, above_line = i;
  }
  // The article's own date line, right under its headline, is trusted
  // over the address (the two may differ by the time zone).
  const std::optional<std::string> address = url.empty() ? std::nullopt : UrlDate(url);
  // (Not one after the text began: in a listing, that is the next item's.)
  const bool own_line = has_headline && below && below_dist <= 4 && !below_after_prose;
  if (below) below = MonthFirstReading(lines, headline, lines[below_line].text, *below);
  if (above) above = MonthFirstReading(lines, headline, lines[above_line].text, *above);
  if (own_line && (!address || DaysApart(*below, *address) <= 1)) return below;
  std::optional<std::string> page = above ? above : below;
  if (address && (!page || page->compare(0, 10, *address) != 0)) return address;
  if (page) return page;
  // No date line: the page's other evidence, else none.
  if (!url.empty()) page = DayOfAddressMonth(lines, url);
  if (!page) page = YearlessDatelineDate(lines, headline, url);
  if (!page) page = LeadDateWithWeekday(lines, headline);
  return page;
}

}  // namespace attache::extract::text
