#include "extract/html_meta.h"

#include <gtest/gtest.h>

#include <string>

namespace attache::extract {
namespace {

Article Meta(std::string_view page) {
  html::Document doc = html::Parse(page);
  Article a;
  ExtractHtmlMetadata(doc, &a);
  return a;
}

std::string V(const std::optional<std::string>& s) { return s.value_or("<null>"); }

TEST(HtmlMetaTest, JsonLdNewsArticle) {
  Article a = Meta(R"(<html lang="en-GB"><head>
    <title>Rain expected all week | Daily Gazette</title>
    <meta property="og:title" content="OG title">
    <meta property="og:site_name" content="The Daily Gazette">
    <script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","@id":"https://ex.test/p","name":"Page name"},
      {"@type":["NewsArticle"],"headline":"Rain   expected all  week",
       "alternativeHeadline":"Forecasters say the wet spell will last",
       "datePublished":"2023-02-27T16:55:00+04:00","dateModified":"2023-02-28T10:00:00Z",
       "author":[{"@type":"Person","name":"Ann Smith"},{"@id":"#bob"}],
       "publisher":{"@type":"Organization","name":"Daily Gazette"},
       "articleSection":["Weather","Local"]},
      {"@type":"Person","@id":"#bob","name":"Bob Jones","url":"https://ex.test/bob"}
    ]}
    </script></head><body><h1>Rain expected all week</h1></body></html>)");
  EXPECT_EQ(V(a.title), "Rain expected all week");
  EXPECT_EQ(V(a.subtitle), "Forecasters say the wet spell will last");
  EXPECT_EQ(V(a.published), "2023-02-27T16:55+04:00");
  EXPECT_EQ(V(a.outlet), "Daily Gazette");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0], "Ann Smith");
  EXPECT_EQ(a.authors[1], "Bob Jones");
  EXPECT_EQ(V(a.section), "Weather");
  EXPECT_EQ(V(a.lang), "en");
}

TEST(HtmlMetaTest, JsonLdTopLevelArrayAndStringAuthor) {
  Article a = Meta(R"(<script type="application/ld+json">
    [{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"Tom &amp; Jerry return",
      "author":"By Carla Diaz","datePublished":"2021-05-04"}]</script>)");
  EXPECT_EQ(V(a.title), "Tom & Jerry return");
  EXPECT_EQ(V(a.published), "2021-05-04");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0], "Carla Diaz");
}

TEST(HtmlMetaTest, JsonLdWithRawNewlinesAndCommentWrapper) {
  Article a = Meta("<script type=\"application/ld+json\"><!--\n{\"@type\":\"NewsArticle\",\"headline\":\"Line\none\"}\n--></script>");
  EXPECT_EQ(V(a.title), "Line one");
}

TEST(HtmlMetaTest, BrokenAndDeepJsonLdIgnored) {
  std::string deep = "<title>Plain title here</title><script type=\"application/ld+json\">";
  for (int i = 0; i < 100000; ++i) deep += "[";
  deep += "</script><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",</script>";
  Article a = Meta(deep);
  EXPECT_EQ(V(a.title), "Plain title here");
}

TEST(HtmlMetaTest, OpenGraphAndMeta) {
  Article a = Meta(R"(<html><head><title>Whatever - Example News</title>
    <meta property="og:title" content="Council approves new park | Example News">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2022-11-03T08:00:00Z">
    <meta property="article:section" content="City">
    <meta name="author" content="Jane Roe and John Doe">
    <meta property="article:author" content="https://example.test/staff/jane">
    <meta http-equiv="content-language" content="fr-CA">
    </head><body></body></html>)");
  EXPECT_EQ(V(a.title), "Council approves new park");
  EXPECT_EQ(V(a.outlet), "Example News");
  EXPECT_EQ(V(a.published), "2022-11-03T08:00Z");
  EXPECT_EQ(V(a.section), "City");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0], "Jane Roe");
  EXPECT_EQ(a.authors[1], "John Doe");
  EXPECT_EQ(V(a.lang), "fr");
  EXPECT_EQ(V(a.subtitle), "<null>");
}

TEST(HtmlMetaTest, OtherDateMetasInOrder) {
  EXPECT_EQ(V(Meta(R"(<meta name="sailthru.date" content="2020-01-02 03:04:05">)").published),
            "2020-01-02T03:04:05");
  EXPECT_EQ(V(Meta(R"(<meta name="parsely-pub-date" content="2020-01-02T03:04:00Z">)").published),
            "2020-01-02T03:04Z");
  EXPECT_EQ(V(Meta(R"(<span itemprop="datePublished" content="2019-07-08">July 8</span>)").published),
            "2019-07-08");
  // The modified time is not the published time.
  EXPECT_EQ(V(Meta(R"(<meta property="article:modified_time" content="2020-01-02">)").published), "<null>");
}

TEST(HtmlMetaTest, VisiblePageFallback) {
  Article a = Meta(R"(<html><head><title>Bridge reopens after repairs | Riverside Times</title></head>
    <body><nav><h1>Riverside Times</h1></nav>
    <article>
      <h1 class="headline">Bridge   reopens after repairs</h1>
      <p class="article-standfirst">The crossing was closed for six months.</p>
      <div class="byline">By <a href="/a/kim">Kim Lee</a>, Staff Writer | <span class="date">Feb. 27, 2023 at 4:55 pm</span></div>
      <p>Body text.</p>
    </article></body></html>)");
  EXPECT_EQ(V(a.title), "Bridge reopens after repairs");
  EXPECT_EQ(V(a.subtitle), "The crossing was closed for six months.");
  EXPECT_EQ(V(a.published), "2023-02-27T16:55");
  EXPECT_EQ(V(a.outlet), "Riverside Times");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0], "Kim Lee");
  EXPECT_EQ(V(a.lang), "<null>");
}

TEST(HtmlMetaTest, TimeElementPrefersPublished) {
  Article a = Meta(R"(<article><h1>T</h1>
    <time class="updated" datetime="2023-03-01T10:00">Mar 1</time>
    <time class="published" datetime="2023-02-27">Feb 27</time></article>)");
  EXPECT_EQ(V(a.published), "2023-02-27");
  Article b = Meta(R"(<article><h1>T</h1><p>Posted <time datetime="2023-02-27T09:30:00Z">today</time></p></article>)");
  EXPECT_EQ(V(b.published), "2023-02-27T09:30Z");
}

TEST(HtmlMetaTest, TitleSuffixRules) {
  // A dash followed by lower-case words is part of the headline.
  EXPECT_EQ(V(Meta("<title>Brexit - what happens next</title>").title), "Brexit - what happens next");
  EXPECT_EQ(V(Meta("<title>Brexit: what happens next - The Courier</title>").title), "Brexit: what happens next");
  Article a = Meta("<title>Storm hits coast | Coastal Herald</title>");
  EXPECT_EQ(V(a.title), "Storm hits coast");
  EXPECT_EQ(V(a.outlet), "Coastal Herald");
  // Site first.
  EXPECT_EQ(V(Meta(R"(<meta property="og:site_name" content="Herald"><title>Herald | Storm hits coast</title>)").title),
            "Storm hits coast");
  // An h1 that disagrees with <title> is not the headline.
  EXPECT_EQ(V(Meta("<title>Storm hits coast | Herald</title><body><main><h1>Newsletter</h1></main>").title),
            "Storm hits coast");
}

TEST(HtmlMetaTest, ItempropAuthorAndTwitterSite) {
  Article a = Meta(R"(<meta name="twitter:site" content="@coastnews">
    <article><h1>X</h1><span itemprop="author" itemscope><span itemprop="name">Dana  White</span></span>
    <a rel="author" href="/p/lee">Sam Lee</a></article>)");
  EXPECT_EQ(V(a.outlet), "coastnews");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0], "Dana White");
  EXPECT_EQ(a.authors[1], "Sam Lee");
}

TEST(HtmlMetaTest, AuthorsDeduplicatedAndCapped) {
  std::string names;
  for (int i = 0; i < 30; ++i) names += "Person " + std::string(1, static_cast<char>('A' + (i % 26))) + "x, ";
  Article a = Meta("<meta name=\"author\" content=\"Ann Smith, ann smith, " + names + "\">");
  EXPECT_EQ(a.authors.size(), 10u);
  EXPECT_EQ(a.authors[0], "Ann Smith");
}

TEST(HtmlMetaTest, BylineRolesAndOutletPiecesDropped) {
  Article a = Meta(R"(<meta property="og:site_name" content="Metro Wire">
    <script type="application/ld+json">{"@type":"NewsArticle","author":[
      {"@type":"Person","name":"Analysis by Pat Quinn, Metro Wire Politics"},
      {"@type":"Person","name":"Lee Park, Senior Correspondent"},
      {"@type":"Person","name":"Sam Ode, metrowire.test"},
      {"@type":"Organization","name":"Ministry of Trade and Industry"}]}</script>)");
  ASSERT_EQ(a.authors.size(), 4u);
  EXPECT_EQ(a.authors[0], "Pat Quinn");
  EXPECT_EQ(a.authors[1], "Lee Park");
  EXPECT_EQ(a.authors[2], "Sam Ode");
  EXPECT_EQ(a.authors[3], "Ministry of Trade and Industry");
  // A desk byline on its own is what the page declares.
  EXPECT_EQ(Meta(R"(<meta name="author" content="Staff Reports">)").authors.size(), 1u);
  // A weekday leaking in from the date line is cut.
  Article b = Meta(R"(<article><h1>H</h1><p class="byline">By Jo Bell Monday, March 6, 2023</p></article>)");
  ASSERT_EQ(b.authors.size(), 1u);
  EXPECT_EQ(b.authors[0], "Jo Bell");
}

TEST(HtmlMetaTest, CommentFormsAreNotBylinesButPageFormsAreFine) {
  Article a = Meta(R"(<article><h1>H</h1></article><div id="respond"><form>
    <label for="author">Name (required)</label><input id="author" name="author"></form></div>)");
  EXPECT_TRUE(a.authors.empty());
  Article b = Meta(R"(<form id="page"><article><h1>H</h1><span class="author-name">Ria Das</span>
    <time datetime="2023-02-27">Feb 27</time></article></form>)");
  ASSERT_EQ(b.authors.size(), 1u);
  EXPECT_EQ(b.authors[0], "Ria Das");
  EXPECT_EQ(V(b.published), "2023-02-27");
}

TEST(HtmlMetaTest, SectionPrefixAndGluedSiteName) {
  Article a = Meta(R"(<meta property="og:site_name" content="The Ledger">
    <meta property="article:section" content="Opinion">
    <meta property="og:title" content="Opinion | Why rates will fall | TheLedger">)");
  EXPECT_EQ(V(a.title), "Why rates will fall");
  EXPECT_EQ(V(Meta(R"(<meta property="og:site_name" content="https://ledger.test">)").outlet), "<null>");
}

TEST(HtmlMetaTest, EmptyAndGarbage) {
  Article a = Meta("");
  EXPECT_FALSE(a.title);
  EXPECT_TRUE(a.authors.empty());
  Meta("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[[[\"x\"]]],\"headline\":7,"
       "\"publisher\":[],\"datePublished\":{\"a\":1}}</script><html lang=\"!!\">");
}

TEST(HtmlMetaTest, LongValuesCapped) {
  std::string t(5000, 'a');
  Article a = Meta("<title>" + t + "</title>");
  ASSERT_TRUE(a.title);
  EXPECT_LE(a.title->size(), 1000u);
}

// Issue 14: the address's date beats a shown date that disagrees with it.
TEST(HtmlMetaTest, AddressDateBeatsShownSidebarDate) {
  const char* page = R"(<html><body><aside><div class="date">17:23 / 20.01.2034</div>
    <a>Ferry fares to rise</a></aside><article><h1>Harbour board approves a second ferry pier</h1>
    <p>The harbour board voted on Monday to build a second ferry pier at Saltmere.</p></article></body></html>)";
  html::Document doc = html::Parse(page);
  Article a;
  a.url = "https://coast.example/en/news/2031/04/13/harbour-board-approves-pier";
  ExtractHtmlMetadata(doc, &a);
  EXPECT_EQ(V(a.published), "2031-04-13");
  // Without an address the shown date stays.
  EXPECT_EQ(V(Meta(page).published), "2034-01-20T17:23");
  // A declared date is trusted over the address.
  html::Document doc2 = html::Parse(
      R"(<html><head><meta property="article:published_time" content="2031-04-12T23:30:00Z"></head>
      <body><h1>Harbour board approves a second ferry pier</h1></body></html>)");
  Article b;
  b.url = "https://coast.example/2031/04/20/harbour-board-approves-pier";
  ExtractHtmlMetadata(doc2, &b);
  EXPECT_EQ(V(b.published), "2031-04-12T23:30Z");
  // No date on the page: the address's.
  html::Document doc3 = html::Parse("<html><body><h1>Harbour board approves a pier</h1></body></html>");
  Article c;
  c.url = "https://coast.example/2031/04/20/harbour-board-approves-pier";
  ExtractHtmlMetadata(doc3, &c);
  EXPECT_EQ(V(c.published), "2031-04-20");
}

// Issue 14: site widgets and update notes never become a title.
TEST(HtmlMetaTest, WidgetsAndUpdateNotesAreNoTitle) {
  Article a = Meta(R"html(<html><head><meta property="og:title" content="Details added (first version posted on 14:51)">
    </head><body><h1>+ A &#8722; 16 px</h1><article><h1>Harbour board approves a second ferry pier</h1>
    <p>The harbour board voted on Monday.</p></article></body></html>)html");
  EXPECT_EQ(V(a.title), "Harbour board approves a second ferry pier");
  // A short plain title stays.
  EXPECT_EQ(V(Meta("<html><head><title>Harbours</title></head><body><p>Text.</p></body></html>").title), "Harbours");
}

}  // namespace
}  // namespace attache::extract
