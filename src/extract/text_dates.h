// Internal (extract stage, page text): dates as page text prints them, in
// date lines, datelines and the page's address, and the choice of the
// publication date among them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text_lines.h"

namespace attache::extract::text {

struct DateHit {
  std::string iso;            // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
  size_t begin = 0, end = 0;  // byte span in the line
};

// The first full date in `line`, with a clock time right before or after it.
std::optional<DateHit> FindDate(std::string_view line);

// A date that ends a headline-shaped line, set off by a dash, a bar, a
// comma or brackets ("Board approves levy - 09.12.2031", "Board approves
// levy (9 December 2031)"): the date, its span from the end of the
// headline's words to the end of the line.
std::optional<DateHit> TrailingDate(std::string_view line);

// The publication date a line states, if the line is a date line ("27
// February 2023 16:55", "date 09.07.2019") or opens with a dateline
// ("Bishkek, March 4, 2021 . / Kabar /. President ...").
std::optional<std::string> DateLine(std::string_view line);

// A full date in an address: /2023/04/01/, /2023/feb/21/, /2018/03-29/,
// /2023/0818/, /2023-04-10/, an 8-digit 20241111 segment.
std::optional<std::string> UrlDate(std::string_view url);

// Days between the dates that open two ISO values ("YYYY-MM-DD...").
int64_t DaysApart(std::string_view a, std::string_view b);

// The publication date of the page: the date line nearest the headline
// (line index `headline`, or lines.size() when there is none), checked
// against the date in the address `url` (may be empty).
std::optional<std::string> ChoosePublished(const std::vector<Line>& lines, size_t headline, std::string_view url);

// With no date line and no date in the address (text_date_evidence.cc):
// a lead's dateline without a year ("Saltmere, Dec 9 (Agency).-") dated by
// the page's own evidence (the address's year and month, a full date of
// the page a little before it, else the one year the page prints in which
// the weekday the lead names fits); null without such evidence.
std::optional<std::string> YearlessDatelineDate(const std::vector<Line>& lines, size_t headline,
                                                std::string_view url);
// A lead whose first sentence dates what it reports in full, with the
// weekday the calendar agrees with ("meets on Tuesday (9 December 2031)").
std::optional<std::string> LeadDateWithWeekday(const std::vector<Line>& lines, size_t headline);

}  // namespace attache::extract::text
