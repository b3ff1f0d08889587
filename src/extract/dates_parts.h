// Internal (extract stage): the parts of a date being read and the
// helpers shared by dates.cc (machine values) and dates_prose.cc (dates in
// human-readable text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace attache::extract::date_parts {

constexpr std::size_t kMaxTextBytes = 4096;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

struct DateParts {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1, second = -1;
  std::string tz;  // "", "Z", "+HH:MM"
};

bool IsLeap(int y);
int DaysInMonth(int y, int m);
bool ValidDate(int y, int m, int d);
bool ValidTime(int h, int mi, int s);
// "YYYY-MM-DD", with "THH:MM[:SS]" and the zone when the time is known.
std::string Format(const DateParts& p);
std::string OffsetString(int sign, int hours, int minutes);
bool IsDigit(char c);
bool IsSpace(char c);
// An ISO 8601 date (and time) at s[pos]; *end is the byte after it.
bool ParseIsoAt(std::string_view s, std::size_t pos, DateParts* out, std::size_t* end);
// Days since 1970-01-01 to a civil date (proleptic Gregorian).
void CivilFromDays(int64_t z, int* y, int* m, int* d);
std::string_view Trim(std::string_view s);
// 1..12 for a lower-case month name or abbreviation in one of the languages
// dates_prose.cc reads ("february", "feb", "sept", "februar", "février",
// "февраля"), else 0.
int MonthNumber(std::string_view lower);

}  // namespace attache::extract::date_parts
