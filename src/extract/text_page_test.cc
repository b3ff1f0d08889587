#include "extract/text_page.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "attache/extract.h"

namespace attache::extract {
namespace {

// Invented pages; none of this text comes from a real site.
constexpr const char* kMagazinePage =
    "facebook\n"
    "telegram\n"
    "search\n"
    "\n"
    "Reproduction of materials is allowed only with a hyperlink to Northwind.Example\n"
    "Northwind.example \xC2\xA9 2024.\n"
    "ANALYSIS\n"
    "A+\n"
    "\n"
    "Harbour talks: fishing quotas split the coastal alliance\n"
    "\n"
    "12 March 2024 09:05\n"
    "\n"
    "Delegates from the four coastal provinces met in Saltmere on Monday to argue over next year's "
    "fishing quotas, and the first day ended without a joint statement.\n"
    "\n"
    "\"We came to share the sea, not to divide it,\" said Orla Venn, who chairs the northern "
    "delegation. Her counterpart from the south said the proposal ignored the smaller ports.\n"
    "\n"
    "Talks resume on Tuesday.\n"
    "\n"
    "The secretariat expects a draft text by the end of the week, according to a note seen by "
    "reporters.\n"
    "\n"
    "Northwind.Example\n"
    "Views: 1,204\n"
    "\n"
    "Liked the story? Share it with friends!\n"
    "print\n"
    "copy link\n"
    "Follow us on Mastodon\n"
    "ANALYSIS\n"
    "Coastal ferries to run a winter timetable\n"
    "\n"
    "Leave a Reply\n"
    "\n"
    "Your email address will not be published.\n"
    "\n"
    "I have fished these waters for thirty years and nobody from the alliance has ever asked "
    "what we think about any of this.\n";

TEST(TextPageTest, MagazinePageFieldsAndBody) {
  Article a;
  ExtractPageText(kMagazinePage, {}, &a);
  EXPECT_EQ(a.title, "Harbour talks: fishing quotas split the coastal alliance");
  EXPECT_EQ(a.subtitle, std::nullopt);
  EXPECT_EQ(a.published, "2024-03-12T09:05");
  EXPECT_EQ(a.section, "ANALYSIS");
  EXPECT_EQ(a.views, 1204);
  EXPECT_EQ(a.outlet, "Northwind.Example");
  EXPECT_EQ(a.url, std::nullopt);
  EXPECT_EQ(a.text.substr(0, 39), "Delegates from the four coastal provinc");
  EXPECT_NE(a.text.find("\n\n\"We came to share the sea"), std::string::npos);
  EXPECT_NE(a.text.find("\n\nTalks resume on Tuesday.\n\n"), std::string::npos);
  EXPECT_TRUE(a.text.ends_with("according to a note seen by reporters."));
  for (const char* chrome : {"Views", "Share it", "copy link", "Follow us", "winter timetable", "Leave a Reply",
                             "thirty years", "hyperlink", "ANALYSIS", "12 March"}) {
    EXPECT_EQ(a.text.find(chrome), std::string::npos) << chrome;
  }
}

TEST(TextPageTest, UrlLineStoreDateAndTitle) {
  Article a;
  ExtractPageText(
      "URL: https://www.valleyherald.example/2019/05/06/bridge\n\n"
      " date 2021-10-04 Valley bridge reopens after two years of repairs\n\n"
      "RIVERTON\n\n"
      "The old stone bridge over the Lark reopened to traffic on Sunday after repairs that took "
      "almost two years and cost twice the first estimate.\n\n"
      "The mayor cut the ribbon in front of a small crowd.\n",
      {}, &a);
  EXPECT_EQ(a.url, "https://www.valleyherald.example/2019/05/06/bridge");
  EXPECT_EQ(a.published, "2021-10-04");  // the store's date wins over the address
  EXPECT_EQ(a.title, "Valley bridge reopens after two years of repairs");
  EXPECT_EQ(a.section, std::nullopt);  // a dateline below the headline is no section
  EXPECT_TRUE(a.text.starts_with("The old stone bridge"));
  EXPECT_TRUE(a.text.ends_with("small crowd."));
}

TEST(TextPageTest, StoreLineWithLedeHasNoTitle) {
  Article a;
  ExtractPageText(
      "URL: https://lakeside.example/news/1\n\n"
      " date 2020-01-15 The regional council approved the new budget on Wednesday after a debate "
      "that lasted late into the night.\n\n"
      "Opposition members said the plan underfunds rural schools.\n",
      {}, &a);
  EXPECT_EQ(a.title, std::nullopt);
  EXPECT_EQ(a.published, "2020-01-15");
  EXPECT_TRUE(a.text.starts_with("The regional council approved"));
  EXPECT_EQ(a.outlet, "lakeside.example");  // only the address names the site
}

TEST(TextPageTest, DateForms) {
  struct Case {
    const char* line;
    const char* iso;
  } cases[] = {
      {"27 February 2023 16:55", "2023-02-27T16:55"},
      {"February 27, 2023", "2023-02-27"},
      {"Feb. 27, 2023 - 08:10", "2023-02-27T08:10"},
      {"27.02.2023", "2023-02-27"},
      {"Published: 2023-02-27", "2023-02-27"},
      {"14:30, 3 Sept 2022", "2022-09-03T14:30"},
      {"Monday, 1st of May 2017", "2017-05-01"},
  };
  for (const Case& c : cases) {
    Article a;
    const std::string page = std::string("Lighthouse keepers return to the northern cape\n\n") + c.line +
                             "\n\nThe keepers arrived by boat in the morning and began repairs on the lamp "
                             "that had been dark since the storm.\n";
    ExtractPageText(page, {}, &a);
    EXPECT_EQ(a.published, c.iso) << c.line;
    EXPECT_EQ(a.title, "Lighthouse keepers return to the northern cape") << c.line;
  }
}

TEST(TextPageTest, DatelineButNotEventDate) {
  Article a;
  ExtractPageText(
      "Orchard growers count frost damage\n\n"
      "Millbrook, April 9, 2022 / Farm Wire /. Growers across the valley are counting the damage "
      "after two nights of frost.\n",
      {}, &a);
  EXPECT_EQ(a.published, "2022-04-09");
  Article b;
  ExtractPageText(
      "Orchard growers count frost damage\n\n"
      "On April 9, 2022, growers across the valley began counting the damage after two nights of "
      "frost, a local cooperative said.\n",
      {}, &b);
  EXPECT_EQ(b.published, std::nullopt);
}

TEST(TextPageTest, HeaderDateAboveHeadlineIsNotPublished) {
  Article a;
  ExtractPageText(
      "URL: https://coastal.example/ferry-strike\n\n"
      "Coastal Daily\n\n"
      "Tuesday, Jun 4, 2030\n\n"
      "Ferry crews walk out over rosters\n\n"
      "Ferry crews on the island routes stopped work on Friday morning in a dispute over new duty "
      "rosters, stranding hundreds of passengers.\n",
      {}, &a);
  EXPECT_EQ(a.published, std::nullopt);
  EXPECT_EQ(a.title, "Ferry crews walk out over rosters");
  EXPECT_EQ(a.outlet, "Coastal Daily");
}

TEST(TextPageTest, AddressDateWhenPageHasNone) {
  Article a;
  ExtractPageText(
      "URL: https://paper.example/2022/nov/08/market\n\n"
      "The covered market will close for renovation in spring, the city said, and traders will move "
      "to a temporary hall.\n",
      {}, &a);
  EXPECT_EQ(a.published, "2022-11-08");
}

TEST(TextPageTest, RunTogetherHeadlineAndSubtitle) {
  Article a;
  ExtractPageText(
      "Botanist: drought shifts the flowering season in Westmoor Dr. Ilse Marr on what gardeners should expect\n\n"
      "Gardeners in the lowlands have noticed the change for several years, and a new survey now puts "
      "numbers on it.\n",
      {}, &a);
  EXPECT_EQ(a.title, "Botanist: drought shifts the flowering season in Westmoor");
  EXPECT_EQ(a.subtitle, "Dr. Ilse Marr on what gardeners should expect");
}

TEST(TextPageTest, HeadlineWithNamesIsNotSplit) {
  Article b;  // an honorific after a verb stays inside the headline
  ExtractPageText(
      "Farmers in Westmoor welcome Dr. Ilse Marr as the new head of the valley research station\n\n"
      "The station's board chose her from a field of six candidates after a search that lasted a year.\n",
      {}, &b);
  EXPECT_EQ(b.subtitle, std::nullopt);
  Article a;
  ExtractPageText(
      "Mayor Anna Brook meets Governor Tom Hale to discuss the new tram line\n\n"
      "The two met at city hall for an hour and agreed to set up a joint working group on the tram.\n",
      {}, &a);
  EXPECT_EQ(a.title, "Mayor Anna Brook meets Governor Tom Hale to discuss the new tram line");
  EXPECT_EQ(a.subtitle, std::nullopt);
}

TEST(TextPageTest, TeasersAndRelatedHeadlinesDropped) {
  Article a;
  ExtractPageText(
      "Sheep return to the high pastures as the snow melts early this year.\n"
      "Shepherds said the grass was the best they had seen in a decade, and the flocks were healthy.\n"
      "Wool prices are expected to stay low despite the good season.\n"
      "The county fair committee has announced that the fair will open two weeks…\n"
      "A local baker, famous for her rye loaves, has been named the best in the region after a…\n",
      {}, &a);
  EXPECT_EQ(a.text.find("fair"), std::string::npos);
  EXPECT_EQ(a.text.find("baker"), std::string::npos);
  EXPECT_NE(a.text.find("\n\nWool prices"), std::string::npos);
}

TEST(TextPageTest, ShortLinesInsideBodyKept) {
  Article a;
  ExtractPageText(
      "The observatory opened its doors to the public for the first time in twenty years on Saturday.\n\n"
      "Visitors queued from dawn.\n\n"
      "Inside, volunteers showed the restored telescope and explained how the dome had been repaired.\n",
      {}, &a);
  EXPECT_NE(a.text.find("\n\nVisitors queued from dawn.\n\n"), std::string::npos);
}

TEST(TextPageTest, DegenerateInputs) {
  for (const char* page : {"", "\n\n\n", "URL: https://x.example/", "menu\nshare\n", "Just a few words"}) {
    Article a;
    ExtractPageText(page, {}, &a);
    EXPECT_LE(a.text.size(), 20u) << page;
  }
  Article a;
  ExtractPageText("Just a few words", {}, &a);
  EXPECT_EQ(a.text, "Just a few words");
}

TEST(TextPageTest, OutputLimitCutsAtParagraph) {
  std::string page;
  for (int i = 0; i < 50; ++i) page += "This paragraph has exactly ten words in it, like the others.\n\n";
  ExtractLimits limits;
  limits.max_output_bytes = 200;
  Article a;
  ExtractPageText(page, limits, &a);
  EXPECT_LE(a.text.size(), 200u);
  EXPECT_TRUE(a.text.ends_with("others."));
}

TEST(ExtractSniffTest, TextAndMarkup) {
  RawDocument text;
  text.body = "URL: https://q.example/a\n\nThe quay was rebuilt in stone after the flood of last winter, the harbour "
              "master said on Monday.\n";
  Result<Article> r = Extract(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().url, "https://q.example/a");
  EXPECT_TRUE(r.value().text.starts_with("The quay was rebuilt"));

  RawDocument html;
  html.body = "<!doctype html><html><body><p>Hi</p></body></html>";
  Result<Article> h = Extract(html);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h.value().title, std::nullopt);  // not taken for page text

  RawDocument forced = html;
  forced.kind = ContentKind::kText;
  EXPECT_TRUE(Extract(forced).ok());
}

// The two seed pages, read in place from the shared folder.
TEST(TextPageSeedsTest, MatchGold) {
  const std::filesystem::path dir = std::filesystem::path(ATTACHE_SHARED_DIR) / "seeds";
  std::ifstream gold_in(dir / "gold.jsonl");
  if (!gold_in) GTEST_SKIP() << "shared seeds not found at " << dir << "; skipping the seed check";
  std::string line;
  int pages = 0;
  while (std::getline(gold_in, line)) {
    if (line.empty()) continue;
    const nlohmann::json g = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(g.is_discarded());
    std::ifstream page_in(dir / g["file"].get<std::string>(), std::ios::binary);
    ASSERT_TRUE(page_in) << g["file"];
    const std::string page((std::istreambuf_iterator<char>(page_in)), std::istreambuf_iterator<char>());
    Article a;
    ExtractPageText(page, {}, &a);
    ++pages;
    auto expect_field = [&](const char* key, const std::optional<std::string>& got) {
      if (!g.contains(key)) return;
      if (g[key].is_null()) {
        EXPECT_EQ(got, std::nullopt) << g["file"] << " " << key;
      } else {
        EXPECT_EQ(got, g[key].get<std::string>()) << g["file"] << " " << key;
      }
    };
    expect_field("title", a.title);
    expect_field("subtitle", a.subtitle);
    expect_field("published", a.published);
    expect_field("outlet", a.outlet);
    expect_field("section", a.section);
    if (g.contains("views")) {
      EXPECT_EQ(a.views, g["views"].get<int64_t>()) << g["file"];
    }
    // Every quote start is kept (the body keeps every paragraph).
    for (const auto& q : g["quotes"]) {
      EXPECT_NE(a.text.find(q["start"].get<std::string>()), std::string::npos) << g["file"] << " " << q["start"];
    }
    // Chrome named in the notes is gone; paragraphs are split by one blank line.
    for (const char* chrome : {"Leave a Reply", "Your email address", "Back to top", "Newsletter",
                               "Azerbaijan may become a target of sanctions", "Views:", "copy link", "Follow us",
                               "INTERVIEWS", "A+", "27 February 2023", "\xC2\xA9", "\n\n\n"}) {
      EXPECT_EQ(a.text.find(chrome), std::string::npos) << g["file"] << " " << chrome;
    }
    EXPECT_FALSE(a.text.starts_with("Azerbaijan news")) << g["file"];
    EXPECT_FALSE(a.text.ends_with("Caliber.Az")) << g["file"];
    EXPECT_NE(a.text.find(".\n\n"), std::string::npos) << g["file"];
  }
  EXPECT_EQ(pages, 2);
}

// A section page of a wire: the site's name with a language note on top, a
// stale "today" line, then stories each under its own time-stamped line.
// The first story is the page's; the next story's date line, after the first
// story's text began, is not its date.
TEST(TextPageTest, ListingPageTakesItsFirstStory) {
  Article a;
  ExtractPageText("URL: https://www.coastwire.example/harbour?p=4\n\n"
                  "Coast Wire, en Espa\xC3\xB1ol\n\n"
                  "Saltmere, December 9th 2031 - 07:37 UTC\n\n"
                  "  \xE2\x80\xA2 Monday, November 21st 2031 - 11:34 UTC\n\n"
                  "    Harbour board approves a second ferry pier at Saltmere\n\n"
                  "    The vote ends a dispute of three years between the board and the fishing families.\n\n"
                  "    The harbour board voted on Monday to build a second ferry pier at Saltmere, ending a dispute "
                  "that had lasted three years, its chair said after the meeting.\n\n"
                  "  \xE2\x80\xA2 Monday, November 21st 2031 - 11:22 UTC\n\n"
                  "    Island ferries to run twice a day from the spring\n\n"
                  "    The ferry company said on Monday that its boats would run twice a day to the islands from "
                  "the spring, once the new pier is open.\n",
                  {}, &a);
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier at Saltmere");
  EXPECT_EQ(a.published, "2031-11-21T11:34");
  EXPECT_EQ(a.outlet, "Coast Wire");
  // The same with a spaced dash after the name.
  Article b;
  ExtractPageText("URL: https://www.coastwire.example/harbour\n\n"
                  "Coast Wire \xE2\x80\x94 Harbour edition\n\n"
                  "Harbour board approves a second ferry pier at Saltmere\n\n"
                  "The harbour board voted on Monday to build a second ferry pier at Saltmere, ending a dispute "
                  "that had lasted three years, its chair said after the meeting.\n",
                  {}, &b);
  EXPECT_EQ(b.title, "Harbour board approves a second ferry pier at Saltmere");
  EXPECT_EQ(b.outlet, "Coast Wire");
}

// A short lead-in ending in a colon right above the text hands over to it:
// it is part of the body, not of the page's header.
TEST(TextPageTest, ALeadInWithAColonOpensTheBody) {
  Article a;
  ExtractPageText("URL: https://coast.example/news/ferry-pier\n\n"
                  "Harbour board approves a second ferry pier\n\n"
                  "A spokeswoman for the harbour board said:\n\n"
                  "The board has voted to build a second ferry pier at Saltmere, and the work will begin in the "
                  "spring once the last permits are granted by the regional council.\n\n"
                  "The new pier will take the larger ferries from the islands, which today must wait offshore for "
                  "the tide to turn before they can berth.\n",
                  {}, &a);
  EXPECT_EQ(a.title, "Harbour board approves a second ferry pier");
  EXPECT_EQ(a.text.rfind("A spokeswoman for the harbour board said:\n\nThe board has voted", 0), 0u) << a.text;
}

}  // namespace
}  // namespace attache::extract
