#include "text/text.h"

#include <gtest/gtest.h>

#include "text/names.h"

namespace attache::text {
namespace {

std::vector<std::string> Sentences(std::string_view s) {
  std::vector<std::string> out;
  for (Span sp : SplitSentences(s, TablesFor("en"))) out.emplace_back(s.substr(sp.begin, sp.size()));
  return out;
}

TEST(TextTest, SentencesDoNotBreakAtAbbreviations) {
  EXPECT_EQ(Sentences("Prof. Tkachenko spoke in St. Petersburg on Jan. 5. The U.S. envoy left. Then he flew home."),
            (std::vector<std::string>{"Prof. Tkachenko spoke in St. Petersburg on Jan. 5.", "The U.S. envoy left.",
                                      "Then he flew home."}));
}

TEST(TextTest, SentencesStopAtParagraphs) {
  EXPECT_EQ(Sentences("A headline without a stop\n\nThe body starts here. It goes on."),
            (std::vector<std::string>{"A headline without a stop", "The body starts here.", "It goes on."}));
}

TEST(TextTest, Tokens) {
  const std::string s = "Lavrov’s visit to the U.S., says Al-Saud: “3,500 people”.";
  std::vector<std::string> words;
  for (const Token& t : Tokenize(s, {0, static_cast<uint32_t>(s.size())})) words.emplace_back(s.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(words, (std::vector<std::string>{"Lavrov’s", "visit", "to", "the", "U.S.", ",", "says", "Al-Saud", ":",
                                              "“", "3,500", "people", "”", "."}));
}

TEST(TextTest, FoldAndTables) {
  EXPECT_EQ(Fold("Реклама"), "реклама");
  EXPECT_EQ(Fold("NATO"), "nato");
  const LanguageTables& en = TablesFor("en");
  EXPECT_EQ(en.verb("said"), VerbClass::kSay);
  EXPECT_EQ(en.verb("told"), VerbClass::kTell);
  EXPECT_EQ(en.verb("believes"), VerbClass::kThink);
  EXPECT_EQ(en.verb("table"), VerbClass::kNone);
  EXPECT_TRUE(en.closing_verbs.count("summed"));
  EXPECT_EQ(en.pronouns.at("she"), 'f');
  EXPECT_EQ(&TablesFor("xx"), &en);  // unknown languages fall back to English
}

TEST(TextTest, RegnalNumbersArePartOfNames) {
  const std::string text = "Jordan's King Abdullah II met Henry Ford III. Later Abdullah spoke. I agreed.";
  const TextLayer layer = BuildTextLayer(text, TablesFor("en"));
  std::vector<std::string> names;
  for (const auto& m : layer.people.mentions) names.push_back(m.full_name);
  // A monarch known by one name and a number keeps his title; "I" alone is
  // the pronoun.
  EXPECT_EQ(names, (std::vector<std::string>{"King Abdullah II", "Henry Ford III", "King Abdullah II"}));
}

}  // namespace
}  // namespace attache::text
