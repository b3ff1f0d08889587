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

// Issue 11: abbreviations are whole words; an initial is no sentence end,
// even one that opens a longer abbreviation ("D." of "D.C.", "U." of "U.S.").
TEST(TextTest, InitialsAndWholeWordAbbreviations) {
  EXPECT_EQ(Sentences("Admiral Nora D. Vance met Pia U. Lind in Oslo. They spoke."),
            (std::vector<std::string>{"Admiral Nora D. Vance met Pia U. Lind in Oslo.", "They spoke."}));
  EXPECT_EQ(Sentences("Mr. Ortiz flew to Harare (Gen. Moyo was there). He left South Africa. The envoys of NATO. "
                      "They came West. Talks end."),
            (std::vector<std::string>{"Mr. Ortiz flew to Harare (Gen. Moyo was there).", "He left South Africa.",
                                      "The envoys of NATO.", "They came West.", "Talks end."}));
  // Other scripts' capitals are initials too.
  EXPECT_EQ(Sentences("Envoy Ömer Ş. Kaya arrived."), (std::vector<std::string>{"Envoy Ömer Ş. Kaya arrived."}));
}

// Issue 11: a '?' between two letters is an apostrophe the encoding lost.
TEST(TextTest, QuestionMarkInsideAWordIsNoSentenceEnd) {
  EXPECT_EQ(Sentences("He met Chile?s envoy in Lima. Was it useful? Yes."),
            (std::vector<std::string>{"He met Chile?s envoy in Lima.", "Was it useful?", "Yes."}));
  // The word stays whole; a '?' before a space or a digit is punctuation.
  const std::string s = "Chile?s envoy? Why?2 fold";
  std::vector<std::string> words;
  for (const Token& t : Tokenize(s, {0, static_cast<uint32_t>(s.size())})) words.emplace_back(s.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(words, (std::vector<std::string>{"Chile?s", "envoy", "?", "Why", "?", "2", "fold"}));
}

// Issue 11: text that goes on in lower case continues the sentence: after a
// question quoted inside it, after a line or a paragraph the page broke
// inside it.
TEST(TextTest, LowerCaseGoesOnTheSentence) {
  EXPECT_EQ(Sentences("“Why wait?” she asked. “Go!” he said. Is it late? No."),
            (std::vector<std::string>{"“Why wait?” she asked.", "“Go!” he said.", "Is it late?", "No."}));
  EXPECT_EQ(Sentences("The minister also\nnoted the talks. Then\nThe end"),
            (std::vector<std::string>{"The minister also\nnoted the talks.", "Then", "The end"}));
  EXPECT_EQ(Sentences("The minister also\n\nnoted the talks.\n\nthe next one."),
            (std::vector<std::string>{"The minister also\n\nnoted the talks.", "the next one."}));
  // Ranks are abbreviations too.
  EXPECT_EQ(Sentences("(Cpl. Ana Ruiz took the photo.)"), (std::vector<std::string>{"(Cpl. Ana Ruiz took the photo.)"}));
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

std::vector<std::string> Names(const std::string& text) {
  const TextLayer layer = BuildTextLayer(text, TablesFor("en"));
  std::vector<std::string> names;
  for (const auto& m : layer.people.mentions) names.push_back(m.full_name);
  return names;
}

// Issue 4 (sweep): names the name finder cut short.
TEST(TextTest, ParticleJoinedByHyphenIsPartOfName) {
  EXPECT_EQ(Names("Egyptian President Omar Nabil al-Hariri spoke in Cairo."),
            (std::vector<std::string>{"Omar Nabil al-Hariri"}));
  // A lower-case word with a hyphen that is no particle is not a name.
  EXPECT_EQ(Names("Minister Omar Nabil met pro-Western activists."), (std::vector<std::string>{"Omar Nabil"}));
}

TEST(TextTest, InitialsWrittenTogetherArePartOfName) {
  EXPECT_EQ(Names("Former President J.K. van Dalen arrived."), (std::vector<std::string>{"J.K. van Dalen"}));
  // "U.S." and "U.K." stay places.
  EXPECT_EQ(Names("U.S. envoy Mark Hale met U.K. officials."), (std::vector<std::string>{"Mark Hale"}));
}

TEST(TextTest, CityBetweenTitleAndNameIsFirstName) {
  EXPECT_EQ(Names("Chilean President Lima Ortega spoke."), (std::vector<std::string>{"Lima Ortega"}));
  // A city after a verb or preposition stays a city.
  EXPECT_EQ(Names("President Rosa Ortega visited Lima Tuesday."), (std::vector<std::string>{"Rosa Ortega"}));
}

}  // namespace
}  // namespace attache::text
