#include "extract/dates.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace attache::extract {
namespace {

std::string N(std::string_view s) { return NormalizeDate(s).value_or("<none>"); }
std::string F(std::string_view s) { return FindDateInText(s).value_or("<none>"); }

TEST(DatesTest, Iso) {
  EXPECT_EQ(N("2023-02-27"), "2023-02-27");
  EXPECT_EQ(N("2023-02-27T16:55"), "2023-02-27T16:55");
  EXPECT_EQ(N("2023-02-27T16:55:00"), "2023-02-27T16:55");
  EXPECT_EQ(N("2023-02-27T16:55:07"), "2023-02-27T16:55:07");
  EXPECT_EQ(N("2023-02-27T16:55:07.123Z"), "2023-02-27T16:55:07Z");
  EXPECT_EQ(N("2023-02-27T16:55:00+04:00"), "2023-02-27T16:55+04:00");
  EXPECT_EQ(N("2023-02-27T16:55:00-0500"), "2023-02-27T16:55-05:00");
  EXPECT_EQ(N("2023-02-27T16:55:00+00:00"), "2023-02-27T16:55+00:00");
  EXPECT_EQ(N("2023-02-27 16:55:00"), "2023-02-27T16:55");
  EXPECT_EQ(N(" 2023/2/7 "), "2023-02-07");
  EXPECT_EQ(N("20230227"), "2023-02-27");
  EXPECT_EQ(N("20230227T165500Z"), "2023-02-27T16:55Z");
}

TEST(DatesTest, Rfc2822AndEpoch) {
  EXPECT_EQ(N("Mon, 27 Feb 2023 16:55:00 +0000"), "2023-02-27T16:55+00:00");
  EXPECT_EQ(N("Mon, 27 Feb 2023 16:55:00 GMT"), "2023-02-27T16:55Z");
  EXPECT_EQ(N("1677516900"), "2023-02-27T16:55Z");
  EXPECT_EQ(N("1677516900000"), "2023-02-27T16:55Z");
}

TEST(DatesTest, Prose) {
  EXPECT_EQ(F("27 February 2023 16:55"), "2023-02-27T16:55");
  EXPECT_EQ(F("February 27, 2023"), "2023-02-27");
  EXPECT_EQ(F("Feb. 27, 2023 at 4:55 pm"), "2023-02-27T16:55");
  EXPECT_EQ(F("Feb 27th, 2023 12:05 a.m. EST"), "2023-02-27T00:05-05:00");
  EXPECT_EQ(F("Published 2023-02-27"), "2023-02-27");
  EXPECT_EQ(F("27.02.2023"), "2023-02-27");
  EXPECT_EQ(F("27.02.2023, 16:55"), "2023-02-27T16:55");
  EXPECT_EQ(F("Posted: Monday, 27 February 2023"), "2023-02-27");
  EXPECT_EQ(F("Updated 10:30 AM ET, Mon February 27, 2023"), "2023-02-27T10:30");
  EXPECT_EQ(F("27 февраля 2023, 16:55"), "2023-02-27T16:55");
  EXPECT_EQ(F("27 de febrero de 2023"), "2023-02-27");
  // Issue 14's forms, in invented lines.
  EXPECT_EQ(F("Saltmere/19.04.31/Coast Wire: the board met"), "2031-04-19");
  EXPECT_EQ(F("15.04.31 14:07"), "2031-04-15T14:07");
  EXPECT_EQ(F("23 February 2031, 15:40"), "2031-02-23T15:40");
  EXPECT_EQ(F("15.09.2031"), "2031-09-15");
  EXPECT_EQ(F("version 1.10.12.4"), "<none>");
  EXPECT_EQ(F("27. März 2023 um 16:55 Uhr"), "2023-03-27T16:55");
  EXPECT_EQ(F("2023年2月27日"), "2023-02-27");
  EXPECT_EQ(F("12/31/2022"), "2022-12-31");
  EXPECT_EQ(F("31/12/2022"), "2022-12-31");
}

TEST(DatesTest, Rejects) {
  EXPECT_EQ(F("03/04/2022"), "<none>");  // ambiguous
  EXPECT_EQ(F("February 30, 2023"), "<none>");
  EXPECT_EQ(F("2023-13-01"), "<none>");
  EXPECT_EQ(F("in 2023 we had 27 cats"), "<none>");
  EXPECT_EQ(F(""), "<none>");
  EXPECT_EQ(N("not a date"), "<none>");
  EXPECT_EQ(N("99999999999"), "<none>");
  EXPECT_EQ(F("Feb 29, 2023"), "<none>");
  EXPECT_EQ(F("Feb 29, 2024"), "2024-02-29");
  EXPECT_EQ(F("February 27, 2023 25:99"), "2023-02-27");
}

// Arbitrary bytes: no crash, no sanitizer report, and bounded time.
TEST(DatesTest, RandomBytes) {
  std::mt19937 rng(1234);
  const std::string alphabet = "0123456789-/.:,+ TZapmFebMay\xD0\xB0\xE5\xB9\xB4\xC2\xA0\xFF";
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    int len = static_cast<int>(rng() % 48);
    for (int k = 0; k < len; ++k) {
      s.push_back(rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()]);
    }
    auto a = NormalizeDate(s);
    auto b = FindDateInText(s);
    if (a) { EXPECT_GE(a->size(), 10u); }
    if (b) { EXPECT_GE(b->size(), 10u); }
  }
  // An overlong UTF-8 form of a digit once stalled the tokenizer.
  EXPECT_FALSE(FindDateInText("\xb4mg:\xc0\xb1" "5\xbe+a+"));
  EXPECT_FALSE(FindDateInText("\xc0\xb2\xc0\xb0\xc0\xb2\xc0\xb3"));
  std::string big(1 << 20, '2');
  EXPECT_FALSE(FindDateInText(big));
  EXPECT_FALSE(NormalizeDate(big));
}

}  // namespace
}  // namespace attache::extract
