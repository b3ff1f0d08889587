// Internal: the date arithmetic the store needs to merge reports of one
// event and to put events into periods. Dates are the strings analyze
// prints: "YYYY-MM-DD", "YYYY-MM", "YYYY", "XXXX-MM-DD" or none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace attache::store {

enum class DatePrecision { kNone = 0, kYear = 1, kMonth = 2, kDay = 3 };

// kNone for null, "XXXX-…" and anything unreadable.
DatePrecision PrecisionOf(std::string_view date);

// Days since 1970-01-01 of a "YYYY-MM-DD…" string; nullopt when it has no day.
std::optional<int64_t> DayNumber(std::string_view date);

// "YYYY-MM" of a date with a month, else "".
std::string MonthOf(std::string_view date);

// "YYYY-MM-DD" of a timestamp or date with a day, else "".
std::string DayOf(std::string_view date);

// The period a month falls in: "2023-02" (month), "2023-Q1" (quarter), "2023" (year).
std::string PeriodOf(std::string_view month, std::string_view by);

// Why a range bound is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn naming a
// real period ("February 2022 has 28 days", "not a date"); "" when it is one.
std::string BoundProblem(std::string_view bound);

// A bound given as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn, as the first (`end` false)
// or last (`end` true) month it covers: "2022-02" -> "2022-02"; "2022" ->
// "2022-01" / "2022-12". "" when the bound is not a date.
std::string MonthBound(std::string_view bound, bool end);

// The same for days: "2022-02" -> "2022-02-01" / "2022-02-31" (compared as
// text, so the day need not exist).
std::string DayBound(std::string_view bound, bool end);

}  // namespace attache::store
