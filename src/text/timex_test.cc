#include "text/timex.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace attache::text {
namespace {

struct Case {
  const char* anchor;
  const char* expr;
  const char* want;
};

// 2023-02-27 is a Monday, 2024-02-06 a Tuesday, 2024-08-19 a Monday.
const Case kCases[] = {
    // Days relative to the anchor.
    {"2023-02-27", "today", "2023-02-27"},
    {"2023-02-27T16:55", "starts today", "2023-02-27"},
    {"2023-02-27", "tonight", "2023-02-27"},
    {"2023-02-27", "this morning", "2023-02-27"},
    {"2023-02-27", "yesterday", "2023-02-26"},
    {"2023-02-27", "tomorrow", "2023-02-28"},
    {"2023-02-27", "the day after tomorrow", "2023-03-01"},
    {"2023-02-27", "last night", "2023-02-26"},
    {"", "today", ""},
    {"2023", "yesterday", ""},
    {"not a date", "today", ""},
    // Leap years and month and year ends.
    {"2024-02-28", "tomorrow", "2024-02-29"},
    {"2023-02-28", "tomorrow", "2023-03-01"},
    {"2024-03-01", "yesterday", "2024-02-29"},
    {"2023-01-01", "yesterday", "2022-12-31"},
    {"2000-02-28", "tomorrow", "2000-02-29"},
    {"1900-02-28", "tomorrow", "1900-03-01"},
    {"2024-02-31", "today", ""},
    // Weekdays: in the anchor's week, unless a tense cue or next/last.
    {"2023-02-27", "on Wednesday", "2023-03-01"},
    {"2023-02-27", "on Monday", "2023-02-27"},
    {"2023-02-27", "on Sunday", "2023-03-05"},
    {"2023-03-01", "on Monday", "2023-02-27"},
    {"2023-02-27", "They met on Sunday", "2023-02-26"},
    {"2023-02-27", "He arrived on Saturday evening", "2023-02-25"},
    // Irregular past forms are past cues too.
    {"2023-02-27", "She flew into Riga on Saturday", "2023-02-25"},
    {"2023-02-27", "He paid a visit to Oslo on Friday", "2023-02-24"},
    {"2024-02-06", "He will visit the Vatican on Monday", "2024-02-12"},
    {"2024-02-06", "Milei will meet Netanyahu on Wednesday", "2024-02-07"},
    {"2023-08-18T09:12", "said on Thursday", "2023-08-17"},
    // A weekday that opens its sentence takes the cue of the verb after it.
    {"2024-02-06", "On Thursday, the envoy flew home", "2024-02-01"},
    {"2024-02-06", "On Monday the envoy will fly to Rome", "2024-02-12"},
    {"2024-02-06", "Friday, the two ministers talked by phone", "2024-02-02"},
    // Not one inside a sentence: the words after it are another clause's.
    {"2024-02-06", "The envoy on Friday said he flew home", "2024-02-09"},
    {"2023-02-27", "next Monday", "2023-03-06"},
    {"2023-02-27", "last Friday", "2023-02-24"},
    // "past" counts back like "last".
    {"2023-02-27", "three trips over the past year", "2022"},
    {"2023-02-27", "this past Friday", "2023-02-24"},
    {"2023-02-27", "this Friday", "2023-03-03"},
    {"2023-02-27", "late Wednesday", "2023-03-01"},
    {"2023-02-27", "Thursday evening", "2023-03-02"},
    {"", "on Monday", ""},
    {"2023-02", "on Monday", ""},
    // Weeks have no value.
    {"2023-02-27", "next week", ""},
    {"2023-02-27", "last week", ""},
    {"2023-02-27", "this week", ""},
    // Months and years relative to the anchor.
    {"2023-02-27", "later this year", "2023"},
    {"2023-02-27", "earlier this year", "2023"},
    {"2023-02-27", "next month", "2023-03"},
    {"2023-12-05", "next month", "2024-01"},
    {"2023-01-10", "last month", "2022-12"},
    {"2023-02-27", "earlier this month", "2023-02"},
    {"2023-02-27", "next year", "2024"},
    {"2023-07-18", "last year", "2022"},
    {"2023-07-18", "late last year", "2022"},
    {"2023-07-18", "at the end of last year", "2022-12"},
    {"2023-07-18", "by the end of the year", "2023-12"},
    {"2023-07-18", "at the end of the month", "2023-07"},
    {"2023-07-18", "a month ago", "2023-06"},
    {"2023-01-18", "two months ago", "2022-11"},
    {"2023-02-27", "two days ago", "2023-02-25"},
    {"2023-02-27", "a week ago", "2023-02-20"},
    {"2023-02-27", "three years ago", "2020"},
    {"", "a month ago", ""},
    // Years and parts of years.
    {"2023-02-27", "at the end of 2022", "2022-12"},
    {"", "at the end of 2022", "2022-12"},
    {"2023-02-27", "at the beginning of 2023", "2023-01"},
    {"2023-02-27", "in early 2022", "2022"},
    {"2023-02-27", "in mid-2022", "2022"},
    {"2023-02-27", "in late 2022", "2022"},
    {"2023-02-27", "in 2022", "2022"},
    {"", "since 2014", "2014"},
    // Months without a day.
    {"2023-02-27", "June 2023", "2023-06"},
    {"", "in June 2023", "2023-06"},
    {"2023-02-27", "in June", "2023-06"},
    {"2023-04-01", "visited in February", "2023-02"},
    {"2023-02-27", "in December", "2022-12"},
    {"2023-02-27", "will travel there in December", "2023-12"},
    {"2023-02-27", "at the end of June", "2023-06"},
    {"2023-02-27", "in mid-June", "2023-06"},
    {"2023-02-27", "last June", "2022-06"},
    {"2023-07-27", "last June", "2023-06"},
    {"2023-02-27", "next June", "2023-06"},
    {"2023-02-27", "next February", "2024-02"},
    {"2023", "in June", "2023-06"},
    {"", "in June", ""},
    // Day and month.
    {"", "on June 23", "XXXX-06-23"},
    {"2023-02-27", "on June 23", "2023-06-23"},
    {"2023-12-20", "on January 5", "2024-01-05"},
    {"2023-01-05", "on December 20", "2022-12-20"},
    {"2023-02-27", "June 23, 2023", "2023-06-23"},
    {"2023-02-27", "June 23 2021", "2021-06-23"},
    {"2023-02-27", "23 June 2023", "2023-06-23"},
    {"2023-02-27", "on the 23rd of June", "2023-06-23"},
    {"2024-11", "on Nov. 27", "2024-11-27"},
    {"2023-08-17", "Aug. 17", "2023-08-17"},
    {"2023-08-18T09:12", "dateline Aug. 17", "2023-08-17"},
    {"2023-02-21", "on February 25th", "2023-02-25"},
    {"2023-02-21", "He will be in Delhi 25-26 February", "2023-02-25"},
    {"2023-02-21", "He will proceed to Bengaluru on February 26", "2023-02-26"},
    {"2023-04-01", "A visit was later confirmed to April 13", "2023-04-13"},
    {"2019-07-09", "the visit should be prepared in August", "2019-08"},
    {"2023-01-05", "He said he will go there on December 20", "2023-12-20"},
    {"2022-05-22", "the war, which began on February 24", "2022-02-24"},
    {"2024-02-06", "He will proceed to the Vatican on Monday", "2024-02-12"},
    {"2021-03-04", "on Feb. 24-25", "2021-02-24"},
    {"2021-03-04", "March 11-12", "2021-03-11"},
    {"2024-01-12", "from January 13 to January 18", "2024-01-13"},
    {"2024-08-19", "on 23rd of this month", "2024-08-23"},
    {"2024-08-19", "on the 2nd of next month", "2024-09-02"},
    {"", "on 23rd of this month", ""},
    {"", "(Sunday, 6 May)", "XXXX-05-06"},
    {"2018-05-01", "today (Sunday, 6 May)", "2018-05-01"},
    {"", "Monday (19th August 2024)", "2024-08-19"},
    {"", "Tuesday, March 2", "XXXX-03-02"},
    {"2024-03-01", "Feb. 29", "2024-02-29"},
    {"", "Feb. 29", "XXXX-02-29"},
    {"", "February 29, 2023", ""},
    {"", "June 31", ""},
    // Numeric dates.
    {"", "27.02.2023", "2023-02-27"},
    {"", "date 09.07.2019", "2019-07-09"},
    {"", "2023-02-27", "2023-02-27"},
    {"", "02/27/2023", "2023-02-27"},
    {"", "27/02/2023", "2023-02-27"},
    {"", "2023-02-30", ""},
    // No date.
    {"2023-02-27", "in recent days", ""},
    {"2023-02-27", "recently", ""},
    {"2023-02-27", "soon", ""},
    {"2023-02-27", "in the coming weeks", ""},
    {"2023-02-27", "a few days ago", ""},
    {"2023-02-27", "they may visit", ""},
    {"2023-02-27", "He sat down", ""},
    {"2023-02-27", "The Sun reported", ""},
    {"2023-02-27", "due on Fri.", "2023-03-03"},
    {"2023-02-27", "Sun., May 6", "2023-05-06"},
    {"2023-02-27", "3.5 percent of 1,000 people", ""},
    {"2023-02-27", "on the 5th", ""},
};

TEST(TimexTest, Resolves) {
  const LanguageTables& en = TablesFor("en");
  for (const Case& c : kCases)
    EXPECT_EQ(ResolveDate(c.expr, c.anchor, en), c.want) << "'" << c.expr << "' at " << c.anchor;
}

std::vector<std::string> Found(std::string_view s, std::string_view anchor) {
  std::vector<std::string> out;
  for (const TimeExpr& e : FindDates(s, {0, static_cast<uint32_t>(s.size())}, anchor, TablesFor("en")))
    out.push_back(std::string(s.substr(e.begin, e.end - e.begin)) + "=" + e.value);
  return out;
}

TEST(TimexTest, FindsSpansInOrder) {
  EXPECT_EQ(Found("The tour runs from January 13 to January 18, the ministry said on Friday.", "2024-01-12"),
              (std::vector<std::string>{"January 13=2024-01-13", "January 18=2024-01-18", "Friday=2024-01-12"}));
  EXPECT_EQ(Found("Trade fell at the end of 2022 and in recent days.", "2023-02-27"),
            (std::vector<std::string>{"the end of 2022=2022-12", "in recent days="}));
  EXPECT_EQ(Found("He arrived today (Sunday, 6 May).", ""),
            (std::vector<std::string>{"today=", "Sunday, 6 May)=XXXX-05-06"}));
  EXPECT_EQ(Found("", "2023-02-27"), std::vector<std::string>{});
}

TEST(TimexTest, StatedDateAnchorsWhatFollowsWhenThePageHasNone) {
  const std::string s =
      "Modi will be on a visit to Poland from Wednesday. Briefing media on Monday (19th August 2024), he said "
      "the Prime Minister will be in Kyiv on 23rd of this month. Yesterday was quiet.";
  EXPECT_EQ(Found(s, ""), (std::vector<std::string>{"Wednesday=2024-08-21", "Monday (19th August 2024)=2024-08-19",
                                                   "23rd of this month=2024-08-23", "Yesterday=2024-08-18"}));
  EXPECT_EQ(Found(s, "2024-08"), Found(s, ""));
  EXPECT_EQ(Found("He left on Monday. On June 5 he met Lavrov.", ""),
            (std::vector<std::string>{"Monday=", "June 5=XXXX-06-05"}));
  // A publication date with a day is never replaced.
  EXPECT_EQ(Found("On 19 August 2024 and tomorrow.", "2023-01-01"),
            (std::vector<std::string>{"19 August 2024=2024-08-19", "tomorrow=2023-01-02"}));
}

TEST(TimexTest, SpanIsRespected) {
  const std::string s = "yesterday and tomorrow";
  const auto found = FindDates(s, {10, static_cast<uint32_t>(s.size())}, "2023-02-27", TablesFor("en"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2023-02-28");
  EXPECT_EQ(found[0].begin, 14u);
  EXPECT_TRUE(FindDates(s, {5, 400}, "2023-02-27", TablesFor("en")).empty());
  EXPECT_TRUE(FindDates(s, {9, 3}, "2023-02-27", TablesFor("en")).empty());
}

TEST(TimexTest, ArbitraryInputIsSafe) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789-./, ()JanMayJuneMondaythe endoflastnextago\xC3\xA9\xFF\n";
  const char* anchors[] = {"", "2023-02-27", "2024-02-29T10:00", "0000-00-00", "9999-12-31", "0001-01-01", "2023"};
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const size_t len = rng() % 80;
    for (size_t i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    for (const char* a : anchors) {
      for (const TimeExpr& e : FindDates(s, {0, static_cast<uint32_t>(s.size())}, a, TablesFor("en"))) {
        ASSERT_LE(e.begin, e.end);
        ASSERT_LE(e.end, s.size());
        ASSERT_TRUE(e.value.empty() || e.value.size() == 4 || e.value.size() == 7 || e.value.size() == 10) << e.value;
      }
    }
  }
  EXPECT_EQ(ResolveDate("999 years ago", "0001-01-01", TablesFor("en")), "");
  EXPECT_EQ(ResolveDate("next year", "9999-12-31", TablesFor("en")), "");
  EXPECT_EQ(ResolveDate("tomorrow", "9999-12-31", TablesFor("en")), "");
  EXPECT_EQ(ResolveDate("999 months ago", "0001-01-01", TablesFor("en")), "");
  EXPECT_EQ(ResolveDate("yesterday", "0001-01-01", TablesFor("en")), "");
  const std::string big(1 << 20, '7');
  EXPECT_TRUE(FindDates(big, {0, static_cast<uint32_t>(big.size())}, "2023-02-27", TablesFor("en")).empty());
}

// How many gold visit and meeting dates some expression in the article
// resolves to (printed, not asserted: the figure is for the record).
void GoldCoverage(const std::filesystem::path& dir) {
  std::ifstream in(dir / "gold.jsonl");
  if (!in) GTEST_SKIP() << "no " << dir;
  int total = 0, hit = 0;
  std::string line;
  while (std::getline(in, line)) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.contains("file")) continue;
    std::ifstream f(dir / doc["file"].get<std::string>(), std::ios::binary);
    std::stringstream buf;
    buf << f.rdbuf();
    const std::string text = buf.str();
    const std::string anchor = doc.value("published", nlohmann::json()).is_string() ? doc["published"].get<std::string>() : "";
    std::set<std::string> values;
    for (const TimeExpr& e : FindDates(text, {0, static_cast<uint32_t>(text.size())}, anchor, TablesFor("en")))
      values.insert(e.value);
    for (const char* kind : {"visits", "meetings"}) {
      if (!doc.contains(kind)) continue;
      for (const auto& ev : doc[kind]) {
        if (!ev.contains("date") || !ev["date"].is_string()) continue;
        ++total;
        if (values.count(ev["date"].get<std::string>())) ++hit;
        else std::cout << "  missed " << doc.value("id", "?") << " " << ev["date"].get<std::string>() << "\n";
      }
    }
  }
  std::cout << dir.filename().string() << ": " << hit << "/" << total << " gold event dates found\n";
}

TEST(TimexTest, NewsDevGoldDates) { GoldCoverage(std::filesystem::path(ATTACHE_SHARED_DIR) / "corpora" / "news-dev"); }
TEST(TimexTest, SeedGoldDates) { GoldCoverage(std::filesystem::path(ATTACHE_SHARED_DIR) / "seeds"); }

}  // namespace
}  // namespace attache::text
