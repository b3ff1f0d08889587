// Text stage: date expressions ("yesterday", "on Monday", "June 23, 2023",
// "at the end of 2022", "27.02.2023") found in text and resolved against the
// article's publication date (the anchor).
//
// Values follow the gold format: "YYYY-MM-DD", "YYYY-MM", "YYYY",
// "XXXX-MM-DD" (day and month stated, year unknowable: no year in the
// expression and none in the anchor) or "" (a time expression that names no
// date: "in recent days", "next week", or one that needs an anchor it lacks).
// All words come from the language tables (months.txt, weekdays.txt,
// date_words.txt).
//
// Rules for ambiguous expressions:
// - A weekday ("on Monday") is taken in the anchor's week (Monday to Sunday):
//   after the anchor's weekday it is upcoming, before it past, the same day is
//   the anchor. The nearest tense cue before it in its sentence overrides
//   this: a future word ("will", "scheduled") picks the next such weekday on
//   or after the anchor, a past word ("was", "met", a word ending in "-ed")
//   the last one on or before it (cues: date_words.txt, 12 words back). "next Monday" is the first Monday after the
//   anchor, "last Monday" the last one before it, "this Monday" the one in the
//   anchor's week.
// - A day or month without a year ("June 23", "in June") takes the year (the
//   anchor's, the one before or after) that puts it nearest the anchor, or
//   with a future cue the first on or after the anchor (past cues are not
//   used: "was later confirmed to April 13" is ahead of a 1 April anchor).
//   A month alone without an anchor year is "".
// - Weeks ("next week", "this week", "two weeks ago" excepted) are "": the
//   gold format has no week values.
// - "the end/beginning of 2022" is the last/first month ("2022-12"); "early",
//   "mid", "late" leave the period as it is ("late 2022" is "2022").
// - Ranges ("Feb. 24-25", "25-26 February") give their first day; "from
//   January 13 to January 18" gives two expressions.
// - "N days/weeks ago" is a day, "N months ago" a month, "N years ago" a year.
// - The anchor may be "YYYY-MM-DD[T...]", "YYYY-MM", "YYYY" or "" (anything
//   else counts as ""). In FindDates, when the anchor names no day, the first
//   full date the text states ("Monday (19th August 2024)") becomes the anchor
//   of every expression in the span, before and after it.
//
// Accepts arbitrary bytes: no exceptions, no recursion, time linear in the
// number of tokens (times the size of the tables).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tables.h"
#include "text/text.h"

namespace attache::text {

struct TimeExpr {
  uint32_t begin = 0, end = 0;  // byte span in the text
  std::string value;            // as above
};

// All date expressions in text[span], in text order, resolved against `anchor`.
std::vector<TimeExpr> FindDates(std::string_view text, Span span, std::string_view anchor,
                                const LanguageTables& tables);

// The value of the first date expression in `expr` ("" when there is none).
std::string ResolveDate(std::string_view expr, std::string_view anchor, const LanguageTables& tables);

}  // namespace attache::text
