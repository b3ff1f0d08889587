// The headline of page text (text_title.cc). Invented pages; none of this
// text comes from a real site.
#include "extract/text_title.h"

#include <gtest/gtest.h>

#include <string>

#include "attache/extract.h"
#include "extract/text_page.h"

namespace attache::extract {
namespace {

constexpr const char* kLede =
    "The harbour board voted on Monday to build a second ferry pier at Saltmere, ending a dispute "
    "that had lasted three years.\n\n"
    "Work is due to start in the spring, the board's chair said after the vote.\n";

Article Read(const std::string& page) {
  Article a;
  ExtractPageText(page, {}, &a);
  return a;
}

TEST(TextTitleTest, FontSizeWidgetIsNoTitle) {
  // The store's date line runs into a font-size control.
  Article a = Read(std::string(" date 2030-01-02 + \xE2\x86\xBA \xE2\x88\x92 18 px\n\n") + kLede);
  EXPECT_EQ(a.title, std::nullopt);
  EXPECT_EQ(a.published, "2030-01-02");
}

// Text-size controls and audio players print a line of a headline's length
// above the headline; the page's own headline wins over them.
TEST(TextTitleTest, TextSizeAndAudioWidgetsAreNoTitle) {
  for (const char* widget : {"A+ A- Font size", "Text size: A A A", "a- A A+", "Listen to this article",
                             "Font size", "+ \xE2\x86\xBA \xE2\x88\x92 16 px"}) {
    Article a = Read(std::string("URL: https://example.org/item/20931\n\n") + widget +
                     "\n\nHarbour board approves a second ferry pier\n\n" + kLede);
    EXPECT_EQ(a.title, std::optional<std::string>("Harbour board approves a second ferry pier")) << widget;
    EXPECT_TRUE(text::IsTitleFurniture(widget) || std::string(widget).find("Listen") != std::string::npos ||
                std::string(widget) == "Font size")
        << widget;
  }
  // Reading-time, sign-in and navigation widgets, with or without numbers.
  for (const char* widget : {"3 min read", "Reading time: 3 min", "Listen to this article 3 min",
                             "Skip to main content", "Log in Register", "Sign in to save this article",
                             "Decrease font size Increase font size", "You are here: Home / News"}) {
    Article a = Read(std::string("URL: https://example.org/item/20931\n\n") + widget +
                     "\n\nHarbour board approves a second ferry pier\n\n" + kLede);
    EXPECT_EQ(a.title, std::optional<std::string>("Harbour board approves a second ferry pier")) << widget;
  }
  // A headline with a number in it is still a headline.
  Article n = Read(std::string("URL: https://example.org/item/20931\n\n") +
                   "Board reads 3 bids for the ferry pier\n\n" + kLede);
  EXPECT_EQ(n.title, std::optional<std::string>("Board reads 3 bids for the ferry pier"));
  // A headline with lone letters or a sum is still a headline.
  for (const char* headline : {"Plan B for the harbour is a ferry pier", "Ministers hold 2 + 2 talks on the pier",
                               "Council picks option A over option B"}) {
    EXPECT_FALSE(text::IsTitleFurniture(headline)) << headline;
  }
}

TEST(TextTitleTest, UpdateNoteWithClockTimeIsNoTitle) {
  Article a = Read(std::string("Details added (first version posted at 09:12)\n\n") + kLede);
  EXPECT_EQ(a.title, std::nullopt);
  Article b = Read(std::string("4 Mar. 10:15 (UTC+2)\n\n") + kLede);
  EXPECT_EQ(b.title, std::nullopt);
}

TEST(TextTitleTest, DatelineWithoutYearIsNoTitle) {
  Article a = Read(std::string("Saltmere, Westmoor, Jan. 16\n\n") + kLede);
  EXPECT_EQ(a.title, std::nullopt);
}

TEST(TextTitleTest, LineOfSeveralSentencesIsNoTitle) {
  Article a = Read(std::string("Reporters need a pass from the harbour office to cover the opening. The deadline for "
                               "passes is 12 May 2031. Apply for a pass\n\n") +
                   kLede);
  EXPECT_EQ(a.title, std::nullopt);
}

TEST(TextTitleTest, SlugPicksHeadlineOverCaptionAndCallToAction) {
  Article a = Read(std::string("URL: https://coast.example/2030/03/04/harbour-board-approves-second-ferry-pier/\n\n"
                               "Support independent coastal journalism!\n"
                               "A view of the old pier at dawn (Jo Marsh/Coast Photo)\n\n"
                               "Harbour board approves a second ferry pier\n\n") +
                   kLede);
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier");
}

TEST(TextTitleTest, SlugFindsQuestionHeadlineThatReadsAsProse) {
  Article a = Read(std::string("URL: https://coast.example/what-will-the-second-pier-change-for-saltmere/\n\n"
                               "Coast news\n\n"
                               "What will the second pier change for the people of Saltmere?\n") +
                   kLede);
  EXPECT_EQ(a.title, "What will the second pier change for the people of Saltmere?");
}

TEST(TextTitleTest, LineSharingNoWordWithTheSlugIsNoTitle) {
  // The slug's words are on the page, so the slug is this page's: a line
  // that shares none of them is a widget, not the headline.
  Article a = Read(std::string("URL: https://coast.example/saltmere-board-votes-ferry-pier\n\n"
                               " date 2030-03-04 Listen to this story with synthetic narration\n\n") +
                   kLede);
  EXPECT_EQ(a.title, std::nullopt);
  // A slug in another language, of which the page uses a word or two,
  // vetoes nothing.
  Article b = Read(std::string("URL: https://coast.example/ben-pha-moi-cho-ngu-dan-tai-cang-harbour-board\n\n"
                               "Harbour board approves a second ferry pier\n\n") +
                   kLede);
  EXPECT_EQ(b.title, "Harbour board approves a second ferry pier");
}

TEST(TextTitleTest, BreadcrumbBylineAndFieldsAreNoTitle) {
  Article a = Read(std::string("URL: https://coast.example/story/5521\n\n"
                               "World > Coast > Ferry dispute\n\n"
                               "Story Code : 5521\n\n"
                               "Harbour board approves a second ferry pier\n\n"
                               "By Jo Marsh, Coast Wire\n\n") +
                   kLede);
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier");
}

TEST(TextTitleTest, ImageAltAndCaptionPairIsNoTitle) {
  // An image's alt text and caption: the same line twice in a row.
  Article a = Read(std::string("Harbour board approves a second ferry pier\n\n"
                               "Board members look at the plans for the new pier\n"
                               "Board members look at the plans for the new pier\n\n") +
                   kLede);
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier");
  // A headline printed twice with a blank line between stays the headline.
  Article b = Read(std::string("Harbour board approves a second ferry pier\n\n"
                               "Harbour board approves a second ferry pier\n\n") +
                   kLede);
  EXPECT_EQ(b.title, "Harbour board approves a second ferry pier");
}

TEST(TextTitleTest, HeadlinePrintedTwiceInARowAtThePageTopIsTheHeadline) {
  // The page's title and its heading, one under the other, as the first
  // headline-shaped lines (a section label above), agreeing with the slug.
  Article a = Read(std::string("URL: https://coast.example/news/harbour-board-approves-second-ferry-pier\n\n"
                               "Ferry news\n\n"
                               "Harbour board approves a second ferry pier\n"
                               "Harbour board approves a second ferry pier\n\n") +
                   kLede);
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier");
  // An alt text and caption pair under the headline stays no headline.
  Article b = Read(std::string("URL: https://coast.example/news/harbour-board-approves-second-ferry-pier\n\n"
                               "Saltmere gets its second pier\n\n"
                               "Board members approve the second ferry pier plans\n"
                               "Board members approve the second ferry pier plans\n\n") +
                   kLede);
  EXPECT_EQ(b.title, "Saltmere gets its second pier");
}

TEST(TextTitleTest, HeadlineEndingWithAnAbbreviationIsAHeadline) {
  Article a = Read(std::string("Harbour board signs a ferry deal with the U.S.\n\n9 December 2031\n\n") + kLede);
  EXPECT_EQ(a.title, "Harbour board signs a ferry deal with the U.S.");
  // A line ending with a full stop stays no headline.
  Article b = Read(std::string("Harbour board signs a ferry deal with Saltmere.\n\n9 December 2031\n\n") + kLede);
  EXPECT_EQ(b.title, std::nullopt);
}

TEST(TextTitleTest, HardWrappedPageGivesNoTitleFromAWrappedLine) {
  // A page saved with its lines cut at 70 characters and no headline.
  Article a = Read(
      "Coast Wire\n"
      "Sept 1 2030\n"
      "\n"
      "Saltmere. Jo Marsh. The harbour board voted on Monday to build a\n"
      "second ferry pier at Saltmere, ending a dispute that had lasted for\n"
      "three years and divided the fishing fleet from the ferry operators.\n"
      "\n"
      "\"The pier will take the pressure off the old quay and give the boats\n"
      "room to land their catch in the mornings,\" said the board's chair\n"
      "while talking to reporters after the vote. She said that work would\n"
      "start in the spring and that the pier should open the next summer.\n"
      "\n"
      "The ferry operators welcomed the decision. They had asked for a new\n"
      "berth since the timetable was doubled and the old quay became too\n"
      "crowded for the boats to turn safely in bad weather in the winter.\n");
  EXPECT_EQ(a.title, std::nullopt);
  EXPECT_EQ(a.published, "2030-09-01");
  EXPECT_NE(a.text.find("build a second ferry pier"), std::string::npos);
}

}  // namespace
}  // namespace attache::extract

namespace attache::extract {
namespace {

// The crawl joins the site's name or the date to the headline line; a
// two-step breadcrumb that opens with a site label is no headline.
TEST(TextTitleTest, SiteNameAndDateJoinedToTheHeadlineAreLeftOut) {
  const char* kHead = "Harbour board approves a second ferry pier";
  for (const char* line : {"Harbour board approves a second ferry pier | Coast Wire",
                           "Harbour board approves a second ferry pier - Coast Wire",
                           "Coast Wire | Harbour board approves a second ferry pier"}) {
    Article a = Read(std::string("URL: https://www.coastwire.example/ferry-pier-5521\n\n") + line +
                     "\n\n9 December 2031\n\n" + kLede);
    EXPECT_EQ(a.title, kHead) << line;
  }
  // Another outlet's name stays: it is part of what the headline says.
  Article b = Read(std::string("URL: https://www.harbourdaily.example/ferry-pier-5521\n\n"
                               "Harbour board approves a second ferry pier | Coast Wire\n\n") +
                   kLede);
  EXPECT_EQ(b.title, "Harbour board approves a second ferry pier | Coast Wire");
  // A date after the headline is the page's date, not the headline's.
  for (const char* line : {"Harbour board approves a second ferry pier - 09.12.2031",
                           "Harbour board approves a second ferry pier (9 December 2031)",
                           "09.12.2031 - Harbour board approves a second ferry pier",
                           "9 December 2031 | Harbour board approves a second ferry pier"}) {
    Article c = Read(std::string("URL: https://coast.example/story/5521\n\n") + line + "\n\n" + kLede);
    EXPECT_EQ(c.title, kHead) << line;
    EXPECT_EQ(c.published, "2031-12-09") << line;
  }
}

TEST(TextTitleTest, TwoStepBreadcrumbIsNoTitle) {
  for (const char* crumb : {"Home | World", "Home > Coast"}) {
    Article a = Read(std::string("URL: https://coast.example/story/5521\n\n") + crumb +
                     "\n\nHarbour board approves a second ferry pier\n\n" + kLede);
    EXPECT_EQ(a.title, "Harbour board approves a second ferry pier") << crumb;
  }
}

}  // namespace
}  // namespace attache::extract

namespace attache::extract {
namespace {

TEST(TextTitleTest, QuestionHeadlineAboveADateLineIsTheHeadline) {
  Article a = Read(std::string("URL: https://coast.example/story/5522\n\n"
                               "Will the new ferry levy pay for a second pier at Saltmere?\n\n"
                               "9 December 2031\n\n") +
                   kLede);
  EXPECT_EQ(a.title, "Will the new ferry levy pay for a second pier at Saltmere?");
  EXPECT_EQ(a.published, "2031-12-09");
  EXPECT_EQ(a.text.rfind("The harbour board voted", 0), 0u);
  // A question inside the text, under another headline, stays text.
  Article b = Read(std::string("URL: https://coast.example/story/5523\n\n"
                               "Harbour board approves a second ferry pier\n\n"
                               "9 December 2031\n\n"
                               "Will the new ferry levy pay for a second pier at Saltmere?\n\n") +
                   kLede);
  EXPECT_EQ(b.title, "Harbour board approves a second ferry pier");
}

TEST(TextTitleTest, HeadlineInCapitalsFromFiveWords) {
  Article a = Read(std::string("URL: https://coast.example/story/5524\n\n"
                               "WORLD\n\n"
                               "HARBOUR BOARD APPROVES A SECOND FERRY PIER\n\n"
                               "9 December 2031\n\n") +
                   kLede);
  EXPECT_EQ(a.title, "HARBOUR BOARD APPROVES A SECOND FERRY PIER");
}

TEST(TextTitleTest, MoreSiteSeparatorsAndAHeadlinePrintedTwiceOnOneLine) {
  const char* kHead = "Harbour board approves a second ferry pier";
  for (const char* line : {"Harbour board approves a second ferry pier \xC2\xBB Coast Wire",
                           "Harbour board approves a second ferry pier :: Coast Wire",
                           "Harbour board approves a second ferry pier \xE2\x80\xA2 Coast Wire",
                           "Harbour board approves a second ferry pier - CoastWire.example",
                           "Harbour board approves a second ferry pier | World | Coast Wire",
                           "Harbour board approves a second ferry pier Harbour board approves a second ferry pier"}) {
    Article a = Read(std::string("URL: https://www.coastwire.example/story/5525\n\n") + line +
                     "\n\n9 December 2031\n\n" + kLede);
    EXPECT_EQ(a.title, kHead) << line;
  }
  // The site's initials, for an address spelt so.
  Article b = Read(std::string("URL: https://cw.example/story/5526\n\n"
                               "Harbour board approves a second ferry pier | CW\n\n") +
                   kLede);
  EXPECT_EQ(b.title, kHead);
}

}  // namespace
}  // namespace attache::extract
