// The page's date from the evidence of its lead (text_date_evidence.cc):
// a dateline without a year, a lead that dates its news in full with the
// weekday. Invented pages.
#include <gtest/gtest.h>

#include <string>

#include "attache/extract.h"
#include "extract/text_dates.h"
#include "extract/text_page.h"

namespace attache::extract {
namespace {

constexpr const char* kHeadline = "Harbour board approves a levy on visiting ferries\n\n";
constexpr const char* kSecond = "\n\nMembers voted nine to two in favour, the chair told reporters.\n";

Article Read(const std::string& url, const std::string& lead, const std::string& more = "") {
  Article a;
  ExtractPageText("URL: " + url + "\n\n" + kHeadline + lead + kSecond + more, {}, &a);
  return a;
}

TEST(TextDateEvidenceTest, YearlessDatelineTakesTheAddressYear) {
  const std::string lead = "Saltmere, Dec 9 (Coast Wire).- The harbour board of Saltmere agreed on a levy for "
                           "visiting ferries after a long session, officials said.";
  EXPECT_EQ(Read("https://coast.example/2031/12/levy-for-ferries", lead).published, "2031-12-09");
  // An address of another month gives no year.
  EXPECT_EQ(Read("https://coast.example/2031/06/levy-for-ferries", lead).published, std::nullopt);
  // No evidence at all: no year, no date (never today's year).
  EXPECT_EQ(Read("https://coast.example/levy-for-ferries", lead).published, std::nullopt);
}

TEST(TextDateEvidenceTest, YearlessDatelinesOfOtherAgencies) {
  for (const char* dateline : {"SALTMERE, DECEMBER 9, COASTWIRE. ", "Saltmere. 9 December. COASTWIRE/ ",
                               "Saltmere, Coastland, December 9. ", "SALTMERE, Dec. 9 /Coast Wire/ - "}) {
    const std::string lead =
        std::string(dateline) + "The harbour board of Saltmere agreed on a levy for visiting ferries.";
    EXPECT_EQ(Read("https://coast.example/2031/12/levy-for-ferries", lead).published, "2031-12-09") << dateline;
    EXPECT_EQ(Read("https://coast.example/levy-for-ferries", lead).published, std::nullopt) << dateline;
  }
  // A sentence that opens with a place and a date is no dateline.
  EXPECT_EQ(Read("https://coast.example/levy-for-ferries",
                 "Saltmere, December 9 was the day the harbour board of Saltmere agreed on a levy.",
                 "\nThe vote had first been set for 2 December 2031 but was put off by a week.\n")
                .published,
            std::nullopt);
}

TEST(TextDateEvidenceTest, YearlessDatelineTakesTheYearOfAFullDateShortlyBefore) {
  const std::string lead = "SALTMERE, December 9. /Coast Wire/. The harbour board agreed on a levy for visiting "
                           "ferries after a long session.";
  // A full date a week before the dateline's day: the same year.
  EXPECT_EQ(Read("https://coast.example/levy", lead,
                 "\nThe vote had first been set for 2 December 2031 but was put off by a week.\n")
                .published,
            "2031-12-09");
  // A date of long ago says nothing of the year.
  EXPECT_EQ(Read("https://coast.example/levy", lead, "\nThe last levy dated from 3 March 1998.\n").published,
            std::nullopt);
}

TEST(TextDateEvidenceTest, YearlessDatelineTakesTheYearWhoseWeekdayFits) {
  // 9 December is a Tuesday in 2031 and a Sunday in 2035: of the years
  // the page prints, only 2031 fits the lead's "on Tuesday".
  const std::string lead = "Saltmere, 9 December (Coast Wire) - The harbour board on Tuesday agreed on a levy for "
                           "visiting ferries for the years 2031 to 2035.";
  EXPECT_EQ(Read("https://coast.example/levy", lead).published, "2031-12-09");
  // A weekday that fits none of them: no date.
  const std::string other = "Saltmere, 9 December (Coast Wire) - The harbour board on Thursday agreed on a levy "
                            "for visiting ferries for the years 2031 to 2035.";
  EXPECT_EQ(Read("https://coast.example/levy", other).published, std::nullopt);
}

TEST(TextDateEvidenceTest, YearlessDateLineUnderTheHeadlineTakesTheAddressYear) {
  for (const char* line : {"9 DEC, 14:05", "Tue, Dec. 9", "December 9 | 2:05 PM"}) {
    Article a;
    ExtractPageText(std::string("URL: https://coast.example/2031/12/levy-for-ferries\n\n") + kHeadline + line +
                        "\n\nThe harbour board agreed on a levy for visiting ferries after a long session." +
                        kSecond,
                    {}, &a);
    EXPECT_EQ(a.published, "2031-12-09") << line;
    // Without evidence of the year: none.
    Article b;
    ExtractPageText(std::string("URL: https://coast.example/levy-for-ferries\n\n") + kHeadline + line +
                        "\n\nThe harbour board agreed on a levy for visiting ferries after a long session." +
                        kSecond,
                    {}, &b);
    EXPECT_EQ(b.published, std::nullopt) << line;
  }
}

TEST(TextDateEvidenceTest, LeadDatesItsNewsWithTheWeekday) {
  EXPECT_EQ(Read("https://coast.example/release_17.htm",
                 "The harbour board meets on Tuesday (9 December 2031) to vote on a levy for visiting ferries.")
                .published,
            "2031-12-09");
  EXPECT_EQ(Read("https://coast.example/release_18.htm",
                 "On Tuesday, 9 December 2031, the harbour board approved a levy for visiting ferries.")
                .published,
            "2031-12-09");
  // The calendar disagrees with the weekday: no date.
  EXPECT_EQ(Read("https://coast.example/release_19.htm",
                 "The harbour board meets on Friday (9 December 2031) to vote on a levy for visiting ferries.")
                .published,
            std::nullopt);
  // A full date without a weekday is a date of the story, not the page's.
  EXPECT_EQ(Read("https://coast.example/release_20.htm",
                 "The harbour board, which first met on 9 December 1931, voted on a levy for visiting ferries.")
                .published,
            std::nullopt);
}

TEST(TextDateEvidenceTest, ADateLineOfThePageWinsOverTheLead) {
  Article a;
  ExtractPageText(std::string("URL: https://coast.example/release_21.htm\n\n") + kHeadline +
                      "8 December 2031\n\n"
                      "The harbour board meets on Tuesday (9 December 2031) to vote on a levy for visiting ferries." +
                      kSecond,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-12-08");
}

}  // namespace
}  // namespace attache::extract
