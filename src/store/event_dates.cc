#include "store/event_dates.h"

#include "core/civil_date.h"

namespace attache::store {

namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (s.size() < pos + n) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int Num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

bool HasMonth(std::string_view d) {
  return Digits(d, 0, 4) && d.size() >= 7 && d[4] == '-' && Digits(d, 5, 2) && Num(d, 5, 2) >= 1 &&
         Num(d, 5, 2) <= 12;
}

bool HasDay(std::string_view d) {
  return HasMonth(d) && d.size() >= 10 && d[7] == '-' && Digits(d, 8, 2) && Num(d, 8, 2) >= 1 &&
         Num(d, 8, 2) <= 31;
}

}  // namespace

DatePrecision PrecisionOf(std::string_view d) {
  if (HasDay(d)) return DatePrecision::kDay;
  if (HasMonth(d)) return DatePrecision::kMonth;
  if (Digits(d, 0, 4) && (d.size() == 4 || d[4] != '-')) return DatePrecision::kYear;
  return DatePrecision::kNone;
}

std::optional<int64_t> DayNumber(std::string_view d) {
  if (!HasDay(d)) return std::nullopt;
  return civil::DaysFromCivil(Num(d, 0, 4), Num(d, 5, 2), Num(d, 8, 2));
}

std::string MonthOf(std::string_view d) { return HasMonth(d) ? std::string(d.substr(0, 7)) : std::string(); }

std::string DayOf(std::string_view d) { return HasDay(d) ? std::string(d.substr(0, 10)) : std::string(); }

std::string PeriodOf(std::string_view month, std::string_view by) {
  if (!HasMonth(month)) return "";
  if (by == "year") return std::string(month.substr(0, 4));
  if (by == "quarter") {
    const int q = (Num(month, 5, 2) - 1) / 3 + 1;
    return std::string(month.substr(0, 4)) + "-Q" + static_cast<char>('0' + q);
  }
  return std::string(month.substr(0, 7));
}

namespace {

// "2023-Q1" -> quarter 1; 0 when `b` is not a quarter.
int QuarterOf(std::string_view b) {
  if (b.size() == 7 && Digits(b, 0, 4) && b[4] == '-' && (b[5] == 'Q' || b[5] == 'q') && b[6] >= '1' && b[6] <= '4') {
    return b[6] - '0';
  }
  return 0;
}

}  // namespace

std::string BoundProblem(std::string_view b) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  if (b.size() == 4 && Digits(b, 0, 4)) return "";
  if (QuarterOf(b)) return "";
  if (b.size() == 7 && Digits(b, 0, 4) && b[4] == '-' && Digits(b, 5, 2)) {
    return HasMonth(b) ? "" : "there is no month " + std::string(b.substr(5, 2));
  }
  if (b.size() == 10 && Digits(b, 0, 4) && b[4] == '-' && Digits(b, 5, 2) && b[7] == '-' && Digits(b, 8, 2)) {
    if (!HasMonth(b)) return "there is no month " + std::string(b.substr(5, 2));
    const int y = Num(b, 0, 4), m = Num(b, 5, 2), d = Num(b, 8, 2);
    const int days = static_cast<int>(civil::DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
                                      civil::DaysFromCivil(y, m, 1));
    if (d >= 1 && d <= days) return "";
    return std::string(kMonths[m - 1]) + " " + std::string(b.substr(0, 4)) + " has " + std::to_string(days) +
           " days";
  }
  return "not a date";
}

std::string MonthBound(std::string_view b, bool end) {
  if (const int q = QuarterOf(b)) {
    const int m = end ? q * 3 : q * 3 - 2;
    return std::string(b.substr(0, 4)) + (m < 10 ? "-0" : "-") + std::to_string(m);
  }
  if (HasMonth(b)) return std::string(b.substr(0, 7));
  if (Digits(b, 0, 4) && b.size() == 4) return std::string(b) + (end ? "-12" : "-01");
  return "";
}

std::string DayBound(std::string_view b, bool end) {
  if (HasDay(b) && b.size() == 10) return std::string(b);
  const std::string m = MonthBound(b, end);
  if (m.empty()) return "";
  return m + (end ? "-31" : "-01");
}

}  // namespace attache::store
