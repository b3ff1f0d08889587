#include "attache/extract.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/jsonld_body.h"
#include "html/html.h"

namespace attache {
namespace {

Result<Article> ExtractPage(const std::string& page) {
  RawDocument d;
  d.source = "test.html";
  d.body = page;
  return Extract(d);
}

TEST(ExtractTest, EmptyPageIsAnError) {
  RawDocument d;
  d.source = "empty.html";
  auto r = Extract(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kEmpty);
}

// A JSON-lines record's metadata is the article's, written once: before,
// "published" stayed null (so dates had no anchor) and came out twice.
TEST(ExtractTest, RecordMetadataFillsTheArticleAndIsNotRepeated) {
  RawDocument d;
  d.source = "crawl.jsonl:3";
  d.kind = ContentKind::kText;
  d.body = "The minister arrived on Monday for talks on the new border crossing and the railway.";
  d.extra_json =
      "{\"published\":\"2024-05-15 08:30:00\",\"title\":\"Talks on the border\",\"authors\":[\"A. Writer\"],"
      "\"views\":12,\"lang\":\"en\",\"crawl_id\":7,\"section\":null,\"outlet\":3}";
  auto r = Extract(d);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Article& a = r.value();
  EXPECT_EQ(a.published.value_or("-").substr(0, 10), "2024-05-15");
  EXPECT_EQ(a.title.value_or("-"), "Talks on the border");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.views.value_or(0), 12);
  EXPECT_EQ(a.lang.value_or("-"), "en");
  // Other fields stay; a contract field of the wrong type goes; nothing twice.
  EXPECT_EQ(a.extra_json, "{\"crawl_id\":7}");
  EXPECT_FALSE(a.outlet.has_value());
  const std::string out = ArticleToJson(a);
  EXPECT_EQ(out.find("\"title\""), out.rfind("\"title\"")) << out;
  EXPECT_EQ(out.find("\"published\""), out.rfind("\"published\"")) << out;
  EXPECT_EQ(out.find("\"outlet\""), out.rfind("\"outlet\"")) << out;
}

TEST(ExtractTest, ScriptRenderedPageFallsBackToJsonLdBody) {
  auto r = ExtractPage(
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
      "\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"The delegation arrived on Monday for talks on "
      "trade.\\nTalks continue on Tuesday, officials said, with a statement expected in the evening.\"}]}</script>"
      "</head><body><div id=\"app\"></div></body></html>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text,
            "The delegation arrived on Monday for talks on trade.\n\nTalks continue on Tuesday, officials said, with "
            "a statement expected in the evening.");
}

TEST(ExtractTest, ScriptRenderedHowToFallsBackToItsDeclaredSteps) {
  auto r = ExtractPage(
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"HowTo\","
      "\"name\":\"Re-pot a cactus\",\"description\":\"<p>A cactus that has outgrown its pot is easy to move, "
      "if you protect your hands and use dry soil.</p>\",\"step\":[{\"@type\":\"HowToSection\",\"itemListElement\":"
      "[{\"@type\":\"HowToStep\",\"text\":\"<p>Wrap the cactus in a folded newspaper and lift it out of the old "
      "pot.</p>\"}]},{\"@type\":\"HowToStep\",\"text\":\"Set it in the new pot, fill in dry soil around it, and wait "
      "a week before the first watering.\"}]}</script></head><body><div id=\"app\"></div></body></html>");
  ASSERT_TRUE(r.ok());
  const std::string& t = r.value().text;
  EXPECT_NE(t.find("A cactus that has outgrown its pot"), std::string::npos) << t;
  EXPECT_NE(t.find("Wrap the cactus in a folded newspaper"), std::string::npos) << t;
  EXPECT_NE(t.find("wait a week before the first watering."), std::string::npos) << t;
  EXPECT_EQ(t.find("<p>"), std::string::npos) << t;
}

TEST(ExtractTest, TemplateMarkupIsReadWhenThePageIsEmpty) {
  auto r = ExtractPage(
      "<html><body><div id=\"root\"></div><script type=\"text/template\"><div class=\"post-body\"><p>Inside the "
      "template, the post explains in some detail, with commas, how the new protocol protects users.</p><p>A second "
      "paragraph, again long enough, describes how the rollout will proceed over the coming months.</p></div>"
      "</script></body></html>");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.value().text.find("Inside the template"), std::string::npos) << r.value().text;
}

TEST(ExtractTest, DeepJsonLdIsIgnored) {
  std::string deep = "<script type=\"application/ld+json\">";
  for (int i = 0; i < 100000; ++i) deep += "[";
  deep += "</script>";
  EXPECT_EQ(extract::JsonLdArticleBody(html::Parse(deep)), "");
}

TEST(ExtractTest, TextPagesAreRecognisedByContent) {
  auto r = ExtractPage("Talks resume\n\nThe two delegations met again on Friday in the capital, the ministry said in a "
               "statement, and agreed to continue next month.\n");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.value().text.find("The two delegations met again"), std::string::npos);
}

}  // namespace
}  // namespace attache

namespace attache {
namespace {

TEST(ExtractTest, LanguageIsGuessedFromTheTextWhenThePageDeclaresNone) {
  RawDocument d;
  d.source = "page.txt";
  d.kind = ContentKind::kText;
  d.body =
      "Talks resume in Geneva\n\nThe delegations said on Monday that they would meet again after the holiday, and "
      "that a draft of the agreement was expected by the end of the month.\n";
  auto r = Extract(d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().lang.value_or("(null)"), "en");
}

}  // namespace
}  // namespace attache
