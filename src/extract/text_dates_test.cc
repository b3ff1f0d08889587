// Dates of page text (text_dates.cc). Invented lines and addresses.
#include "extract/text_dates.h"

#include <gtest/gtest.h>

#include <string>

#include "attache/extract.h"
#include "extract/text_page.h"

namespace attache::extract {
namespace {

TEST(TextDatesTest, DateLineForms) {
  struct Case {
    const char* line;
    const char* iso;
  };
  const Case cases[] = {
      {"23 February 2031, 15:40", "2031-02-23T15:40"},
      {"15.09.2031", "2031-09-15"},
      {"15.04.31 14:07", "2031-04-15T14:07"},
      {"Saltmere/19.04.31/Coast Wire: The board met on Monday to discuss the pier.", "2031-04-19"},
      {"Fri, 01/17/2031 - 14:48", "2031-01-17T14:48"},
      {"Jo Marsh (@jomarsh) Published June 17, 2031 | 09:37 PM", "2031-06-17T21:37"},
      {"January 16 - 22, 2031", "2031-01-16"},
      {"Sept 1 2031", "2031-09-01"},
      {"Last Updated : Feb 08 2031 | 3:25 AM", "2031-02-08T03:25"},
      {"Posted on March 18, 2031 by Jo Marsh", "2031-03-18"},
      {"Published: 18 March 2031 in Harbour News", "2031-03-18"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(text::DateLine(c.line), c.iso) << c.line;
  }
  // A sentence about an event on a date is no date line.
  EXPECT_EQ(text::DateLine("The board met on March 18, 2031 to vote on the pier"), std::nullopt);
  // A version number is no two-digit-year date.
  EXPECT_EQ(text::DateLine("Release 1.10.12.4"), std::nullopt);
}

// More of the forms outlets print, written for this test: a weekday first,
// a clock time first or after "at", a dotted clock, a time zone after the
// time, a short month with a dash, a tight ISO timestamp.
TEST(TextDatesTest, DateLineFormsOfOtherOutlets) {
  struct Case {
    const char* line;
    const char* iso;
  };
  const Case cases[] = {
      {"SALTMERE, Dec. 9, 2031 (Coast Wire) - The board met.", "2031-12-09"},
      {"9 December 2031 | 14:05", "2031-12-09T14:05"},
      {"Published: 09.12.2031", "2031-12-09"},
      {"Sat 9 Dec 2031 14.05 GMT", "2031-12-09T14:05"},
      {"December 9th 2031 - 07:37 UTC", "2031-12-09T07:37"},
      {"2031-12-09T14:05:00+04:00", "2031-12-09T14:05"},
      {"Saturday, 9 December, 2031", "2031-12-09"},
      {"12:05, 9 December 2031", "2031-12-09T12:05"},
      {"Dec 9, 2031 at 2:05 pm", "2031-12-09T14:05"},
      {"9-Dec-2031", "2031-12-09"},
      {"Sunday, December 10, 2031 6:30 AM", "2031-12-10T06:30"},
      {"Friday, 8 December 2031 10:42 GMT+4", "2031-12-08T10:42"},
      {"Date: 09/12/2031", "2031-12-09"},
      {"08 Dec 2031 [16:05] - Coast Wire", "2031-12-08T16:05"},
      {"2031/12/09 16:05", "2031-12-09T16:05"},
      {"Updated 9 December 2031", "2031-12-09"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(text::DateLine(c.line), c.iso) << c.line;
  }
}

// A posting label right before the date, with a byline or a sentence
// before it; a dateline whose agency in brackets and dashes come before the
// date. Prose that only mentions a dated paper is no date line.
TEST(TextDatesTest, PostingLabelAfterOtherWords) {
  struct Case {
    const char* line;
    const char* iso;
  };
  const Case cases[] = {
      {"Posted by Jo Marsh on December 9, 2031 at 2:05 pm", "2031-12-09T14:05"},
      {"By Jo Marsh, Coast Wire | Published December 9, 2031", "2031-12-09"},
      {"This article was published on 9 December 2031.", "2031-12-09"},
      {"Story by Ann Lee and Jo Marsh, last updated 9 Dec 2031", "2031-12-09"},
      {"SALTMERE (Coast Wire) -- Dec. 9, 2031 -- The board met to vote on the pier.", "2031-12-09"},
      // A clock time, its zone and a weekday between the label and the date.
      {"Updated: 12:05 PM EST, Tue December 9, 2031", "2031-12-09"},
      {"Posted by Jo Marsh at 9:10 am, Tuesday, on 9 December 2031", "2031-12-09"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(text::DateLine(c.line), c.iso) << c.line;
  }
  EXPECT_EQ(text::DateLine("The pier plan is in a letter dated 9 December 2031."), std::nullopt);
  EXPECT_EQ(text::DateLine("A long report on the pier and the ferry route that the board published on "
                           "9 December 2031 found costs had doubled."),
            std::nullopt);
}

// A byline or meta line of fields, one of which is the date; a credit
// before "on" the date or after it with "by".
TEST(TextDatesTest, DateAsAFieldOfAMetaLine) {
  struct Case {
    const char* line;
    const char* iso;
  };
  const Case cases[] = {
      {"By Jo Marsh | Coast Wire | Tuesday, 9 December 2031, 14:05 | 3 min read", "2031-12-09T14:05"},
      {"Coast Wire staff - December 9, 2031 - Politics", "2031-12-09"},
      {"Updated on: 09 December 2031 14:05 IST | Saltmere", "2031-12-09T14:05"},
      {"Harbour desk \xE2\x80\xA2 9 Dec 2031 \xE2\x80\xA2 4 min read", "2031-12-09"},
      {"Written by Jo Marsh on 9 December 2031. Posted in Harbour", "2031-12-09"},
      {"December 9, 2031 by Jo Marsh in Harbour, Ferries", "2031-12-09"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(text::DateLine(c.line), c.iso) << c.line;
  }
  // A sentence with dashes around a dated phrase is no meta line.
  EXPECT_EQ(text::DateLine("The board met - on 9 December 2031 - to vote on the pier"), std::nullopt);
  EXPECT_EQ(text::DateLine("The board said the pier - first planned in the spring of 2029 and approved on 9 December "
                           "2031 - would open to ferries in the summer"),
            std::nullopt);
}

TEST(TextDatesTest, AddressDates) {
  struct Case {
    const char* url;
    const char* iso;
  };
  const Case cases[] = {
      {"https://coast.example/en/2031-04-10/harbour-board-approves-pier/amp", "2031-04-10"},
      {"https://coast.example/photos/2031-07/09/content_5521.htm", "2031-07-09"},
      {"https://coast.example/2031/WORLD/europe/10/12/ferry.pier/index.html", "2031-10-12"},
      {"https://coast.example/politics.php?yyyy=2031&mm=06&dd=03&nav_id=5521", "2031-06-03"},
      {"https://coast.example/coast-today/pier-due-to-open-20310610162839000.htm", "2031-06-10"},
      {"https://coast.example/2031/05/21", "2031-05-21"},
      {"https://coast.example/news/2031_12_09/harbour-board", "2031-12-09"},
      {"https://coast.example/news/2031.12.09/harbour-board", "2031-12-09"},
      {"https://coast.example/news/09-12-2031/harbour-board", "2031-12-09"},
      {"https://coast.example/news/harbour-board?id=5521&date=2031-12-09", "2031-12-09"},
      {"https://coast.example/a/203112/09/WS5521.html", "2031-12-09"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(text::UrlDate(c.url), c.iso) << c.url;
  }
  EXPECT_EQ(text::UrlDate("https://coast.example/m/eng/news/295157"), std::nullopt);
  EXPECT_EQ(text::UrlDate("https://coast.example/a/295157/09/x.html"), std::nullopt);
  EXPECT_EQ(text::UrlDate("https://coast.example/news/pier-plan-v1.10.2031"), std::nullopt);
  EXPECT_EQ(text::UrlDate("https://coast.example/georgian-pier-114020800071_1.html"), std::nullopt);
}

constexpr const char* kLede =
    "The harbour board voted on Monday to build a second ferry pier at Saltmere, ending a dispute "
    "that had lasted three years.\n";

TEST(TextDatesTest, TimestampRightAboveHeadlineIsPublished) {
  // A stale date widget on top, then the article's own time-stamped date.
  Article a;
  ExtractPageText(std::string("URL: https://coast.example/news/5521/x\n\n"
                              "12 Dec 2033\n"
                              "Monday 16 February 2031 - 16:16\n"
                              "Story Code : 5521\n\n"
                              "Harbour board approves a second ferry pier\n\n") +
                      kLede,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-02-16T16:16");
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier");
}

TEST(TextDatesTest, LabelledDateRightAboveHeadlineIsPublished) {
  // "Published:" names the page's own date, even over the headline and
  // without a clock time; a bare date there stays the site's header.
  Article a;
  ExtractPageText(std::string("URL: https://coast.example/news/5521/x\n\n"
                              "Published: 16 February 2031\n\n"
                              "Harbour board approves a second ferry pier\n\n") +
                      kLede,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-02-16");
  Article b;
  ExtractPageText(std::string("URL: https://coast.example/news/5521/x\n\n"
                              "16 February 2031\n\n"
                              "Harbour board approves a second ferry pier\n\n") +
                      kLede,
                  {}, &b);
  EXPECT_EQ(b.published, std::nullopt);
}

TEST(TextDatesTest, AddressBeatsSidebarDate) {
  // No date by the headline; a related story's date further down.
  Article a;
  ExtractPageText(std::string("URL: https://coast.example/en/news/2031/04/13/harbour-board-approves-pier\n\n"
                              "Harbour board approves a second ferry pier\n") +
                      kLede +
                      "Photo: Coast Wire\n"
                      "Work is due to start in the spring, the chair of the board said on Monday.\n"
                      "Related News\n"
                      "17:23 / 20.01.2034\n"
                      "Ferry fares to rise next year\n",
                  {}, &a);
  EXPECT_EQ(a.published, "2031-04-13");
  // A stale header with a clock over a listing page gives way to the address.
  Article b;
  ExtractPageText(std::string("URL: https://coast.example/2031/05/21\n\n"
                              "Saltmere, November 21st 2034 - 21:40 UTC\n"
                              "Harbour board approves a second ferry pier\n\n") +
                      kLede,
                  {}, &b);
  EXPECT_EQ(b.published, "2031-05-21");
}

TEST(TextDatesTest, DatesAfterTheArticleAreOthers) {
  // Past "Related news" the dates are the related stories'.
  Article a;
  ExtractPageText(std::string("Harbour board approves a second ferry pier\n\n") + kLede +
                      "Related news\n"
                      "12 May 2031\n"
                      "Ferry fares to rise next year\n",
                  {}, &a);
  EXPECT_EQ(a.published, std::nullopt);
  // A date line closing the article itself still counts.
  Article b;
  ExtractPageText(std::string("Harbour board approves a second ferry pier\n\n") + kLede +
                      "Published: 12 May 2031\n"
                      "Related news\n",
                  {}, &b);
  EXPECT_EQ(b.published, "2031-05-12");
}

TEST(TextDatesTest, OwnDateLineBeatsAddressAcrossTimeZones) {
  // The article's own line under the headline, a day after the address's
  // date because of the time zone, is the publication date.
  Article a;
  ExtractPageText(std::string("URL: https://coast.example/world/2031/0520/5521.html\n\n"
                              "Harbour board approves a second ferry pier\n\n"
                              "2031-05-21 03:23:08 GMT\n\n") +
                      kLede,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-05-21T03:23");
  // Years apart, the line is a stale header and the address wins.
  Article b;
  ExtractPageText(std::string("URL: https://coast.example/world/2031/0520/5521.html\n\n"
                              "Harbour board approves a second ferry pier\n\n"
                              "Saltmere, November 21st 2034 - 21:40 UTC\n\n") +
                      kLede,
                  {}, &b);
  EXPECT_EQ(b.published, "2031-05-20");
}

TEST(TextDatesTest, StoreDateTakesTheTimeOfTheSameDay) {
  Article a;
  ExtractPageText(std::string(" date 2031-12-03 Open Menu\n\n"
                              "Wednesday 3 December 2031 - 22:00\n"
                              "Harbour board approves a second ferry pier\n\n") +
                      kLede,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-12-03T22:00");
  // Another day's line leaves the store's date alone.
  Article b;
  ExtractPageText(std::string(" date 2031-12-03 Open Menu\n\n"
                              "Harbour board approves a second ferry pier\n\n"
                              "1 December 2031 09:00\n\n") +
                      kLede,
                  {}, &b);
  EXPECT_EQ(b.published, "2031-12-03");
}

}  // namespace
TEST(TextDatesTest, ADatePrintedOverTwoLines) {
  Article a;
  ExtractPageText(std::string("URL: https://coast.example/news/ferry-pier-5521\n\n"
                              "Harbour board approves a second ferry pier\n\n"
                              "Coast Wire\n\n"
                              "June 4\n"
                              "09:31 2031\n\n") +
                      kLede,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-06-04T09:31");
}

TEST(TextDatesTest, AnAddressMonthAndALeadDay) {
  // The address gives the year and month, the lead the day.
  Article a;
  ExtractPageText("URL: https://coast.example/2031/08/ferry-pier.html\n\n"
                  "The harbour board of Saltmere will open the second ferry pier today, August 19, after a year "
                  "of building work on the north quay.\n"
                  "The board said the pier would take the larger ferries from the islands.\n",
                  {}, &a);
  EXPECT_EQ(a.published, "2031-08-19");
  // A day of another month is no publication day.
  Article b;
  ExtractPageText("URL: https://coast.example/2031/08/ferry-pier.html\n\n"
                  "The harbour board of Saltmere will open the second ferry pier on September 2, after a year "
                  "of building work on the north quay.\n"
                  "The board said the pier would take the larger ferries from the islands.\n",
                  {}, &b);
  EXPECT_EQ(b.published, std::nullopt);
  // A day with its own year is a full date, not the address month's day.
  Article c;
  ExtractPageText("URL: https://coast.example/2031/08/ferry-pier.html\n\n"
                  "The harbour board of Saltmere, founded on 19 August 1931, will open the second ferry pier "
                  "after a year of building work on the north quay.\n"
                  "The board said the pier would take the larger ferries from the islands.\n",
                  {}, &c);
  EXPECT_NE(c.published, std::optional<std::string>("2031-08-19"));
}

}  // namespace attache::extract

namespace attache::extract {
namespace {

// A line that names both the update and the publication: the publication,
// whichever comes first; a capitalised "Published" in a long byline too.
TEST(TextDatesTest, PublicationLabelBeatsUpdateLabel) {
  EXPECT_EQ(text::DateLine("Updated 10 December 2031, first published 9 December 2031"), "2031-12-09");
  EXPECT_EQ(text::DateLine("Modified: 10 December 2031 | Published: 9 December 2031"), "2031-12-09");
  EXPECT_EQ(text::DateLine("By Jo Marsh, Senior Correspondent, Coast Wire Published December 9, 2031 Updated "
                           "December 10, 2031"),
            "2031-12-09");
  // Prose that mentions a paper published on a date is no date line.
  EXPECT_EQ(text::DateLine("The survey the board published on 9 December 2031 found that ferries had doubled in "
                           "number since the pier opened"),
            std::nullopt);
}

}  // namespace
}  // namespace attache::extract

namespace attache::extract {
namespace {

// Slashes are read day first, unless the page's lead prints the same day
// month first in words: then the outlet writes the month first.
TEST(TextDatesTest, SlashesReadMonthFirstWhenTheLeadSaysSo) {
  const std::string lead = "SALTMERE, Dec. 9, 2031 - The harbour board voted on Tuesday to build a second ferry "
                           "pier at Saltmere, ending a dispute that had lasted three years.\n\n"
                           "Work is due to start in the spring, the board's chair said after the vote.\n";
  Article a;
  ExtractPageText("URL: https://coast.example/story/77\n\nHarbour board approves a second ferry pier\n\n"
                  "Posted 12/09/2031\n\n" + lead,
                  {}, &a);
  EXPECT_EQ(a.published, "2031-12-09");
  // Without such a lead, day first.
  Article b;
  ExtractPageText("URL: https://coast.example/story/78\n\nHarbour board approves a second ferry pier\n\n"
                  "Posted 12/09/2031\n\nThe harbour board voted on Tuesday to build a second ferry pier at "
                  "Saltmere, ending a dispute that had lasted three years.\n",
                  {}, &b);
  EXPECT_EQ(b.published, "2031-09-12");
}

}  // namespace
}  // namespace attache::extract
