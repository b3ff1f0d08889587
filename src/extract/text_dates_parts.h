// Internal (extract stage, page text): the pieces of reading a date that
// text_dates.cc (date lines), text_url_dates.cc (the address),
// text_published.cc (the choice of the page's date) and
// text_date_evidence.cc (the lead's evidence) share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/text_lines.h"

namespace attache::extract::text::dparts {

struct Token {
  enum Kind { kNum, kWord, kPunct } kind;
  std::string_view text;
  size_t begin, end;
};

// Runs of digits, of ASCII letters, and single other characters; spaces
// dropped.
std::vector<Token> Tokenize(std::string_view s);
int ToInt(std::string_view digits);
// 1..12 for a month's name or its short form ("Sept" too), else 0: the
// month table of dates_prose.cc (MonthNumber), whatever the word's case.
int MonthOf(std::string_view word);
// 0 (Monday) .. 6 (Sunday) for a weekday's name or short form, else -1.
int WeekdayOf(std::string_view word);
bool ValidDate(int y, int m, int d);
std::string Two(int v);
bool AllDigits(std::string_view s);
// "YYYY-MM-DD".
std::string Iso(int y, int m, int d);
// Days since 1970-01-01 of the date that opens an ISO value
// ("YYYY-MM-DD..."); 0 for a shorter value.
int64_t IsoDays(std::string_view iso);
// A folded word that follows a clock time: "am", "pm" or a zone.
bool ClockSuffix(std::string_view folded);
// A clock time "HH:MM" at token i (see text_dates.cc).
std::optional<std::string> TimeAt(const std::vector<Token>& t, size_t i);
// "Published", "Posted", "Updated" (with a colon or not).
bool PostingLabel(std::string_view w);

struct MonthDay {
  int month = 0, day = 0;
};
// A short date line without a year: a month and day in either order, with
// at most a weekday, a clock time and its zone ("9 DEC, 14:05", "Tue, Dec.
// 9", "December 9 | 2:05 PM", "March 4").
std::optional<MonthDay> YearlessDateLineOnly(std::string_view line);

// Lines of the article's lead: the first `count` prose lines below the
// headline (from the page's top when there is none).
std::vector<size_t> LeadLines(const std::vector<Line>& lines, size_t headline, size_t count);

// The segments of an address's path, the host first; the query and
// fragment left out. QueryStart: where the query or fragment begins.
std::vector<std::string_view> PathSegments(std::string_view url);
size_t QueryStart(std::string_view url);
// The year and month of an address that gives no day ("/2031/08/slug"),
// else {0, 0}.
std::pair<int, int> UrlYearMonth(std::string_view url);

}  // namespace attache::extract::text::dparts
