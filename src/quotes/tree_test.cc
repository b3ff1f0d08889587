// Reported speech read on the dependency tree (tree.cc): a speech verb's
// ccomp without "that", a stance noun's "that" clause, a speaker that is
// the subject of the verb the speech verb is conjoined to, and the outlet a
// speaker told. Each case runs with the document's syntax; without a model
// the test is skipped.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "quotes/quotes.h"
#include "quotes/test_cases.h"
#include "syntax/syntax.h"
#include "text/tables.h"
#include "text/text.h"

namespace attache::quotes {
namespace {

using testing_util::Case;

const Case kTreeCases[] = {
    {"a relative clause's antecedent speaks: the name before \", who\", the noun the clause hangs on",
     "The ferry talks were chaired by Estonian Prime Minister Karl Tamm, who said the ferry link would open in May "
     "next year.\n\n"
     "The meeting was also attended by the trade envoy of Norway, Anna Berg, who told reporters that the ministry "
     "expects a new agreement soon.",
     {{"Karl Tamm", "the ferry link would open in May", false, ""},
      {"Anna Berg", "the ministry expects a new agreement soon", false, ""}}},
    {"an attribution set inside its sentence: the content starts where the sentence does, not after an adverbial",
     "The ferry agreement, Tamm said, will be signed in the autumn in Tartu.\n\n"
     "Later replying to a question on the border, Mr Kask said, the checkpoints would stay open all winter.",
     {{"Tamm", "The ferry agreement, Tamm said, will be signed", false, ""},
      {"Kask", "the checkpoints would stay open all winter", false, ""}}},
    {"a participle of speech that opens the sentence: its clause is the main subject's statement",
     "Stressing that the energy sphere is of particular importance for bilateral relations, President Karl Tamm "
     "noted the role of the Tallinn Forum and said he was pleased with the ties in education.",
     {{"Karl Tamm", "the energy sphere is of particular importance", false, ""}}},
    {"a trailing attribution's subject the word patterns do not read is the tree's",
     "UN chief Anna Berg arrived in Tallinn on Tuesday to meet President Karl Tamm, in her third trip this year, the "
     "United Nations announced.\n\n"
     "The visit will last two days, NATO said.",
     {{"United Nations", "UN chief Anna Berg arrived in Tallinn", false, ""},
      {"NATO", "The visit will last two days", false, ""}}},
    {"a subject the parser hangs on the speech verb's auxiliary speaks, each conjunct of it",
     "The ferry talks resumed in March. Oslo and Tallinn have both said they would return to the old timetable.",
     {{"Oslo", "they would return to the old timetable", false, ""},
      {"Tallinn", "they would return to the old timetable", false, ""}}},
    {"an outlet told something at an institution: the institution speaks to the outlet",
     "Nordpress was told at the Estonian president\u2019s office that the minister is scheduled to meet the premier in "
     "Tallinn.\n\n"
     "As \"Baltpress\" was told in the government administration, a meeting between the two premiers is currently "
     "underway.",
     {{"Estonian president\u2019s office", "the minister is scheduled to meet", false, "Nordpress"},
      {"government administration", "a meeting between the two premiers", false, "Baltpress"}}},
    {"no name after a speech verb's preposition closes an attribution",
     "Petra Novak (\u8BFA\u74E6\u514B), a senior fellow at the Baltic Institute in Tartu, Estonia, said for Oslo Northern "
     "Europe is the \u201Cnatural partner\u201D for whatever comes next.",
     {{"Petra Novak", "for Oslo Northern Europe is the", false, ""}}},
    {"a speech verb's clause without that",
     "Economist Marta Kowalczyk spoke about the budget on Monday. Kowalczyk admitted she was worried about the "
     "cost of the new bridge.",
     {{"Marta Kowalczyk", "she was worried about the cost", false, ""}}},
    {"a named group after a quantifier is no speaker of its own: the conjoined person speaks",
     "Minister Tomas Mirek and other senior Latvian officials said the summit would be moved to Jurmala.",
     {{"Tomas Mirek", "the summit would be moved to Jurmala", false, ""}}},
    {"a country speaks as an institution",
     "Norway said it would send two more patrol ships to the northern coast next spring.",
     {{"Norway", "it would send two more patrol ships", false, ""}}},
    {"a stance noun's that clause",
     "Prime Minister Anton Varga expressed confidence that the new pipeline would lower heating prices.",
     {{"Anton Varga", "the new pipeline would lower heating prices", false, ""}}},
    {"the speaker of a verb conjoined to the speech verb",
     "Foreign Minister Lucia Ferreira met her colleague in Lisbon and said trade between the two ports had "
     "doubled since March.",
     {{"Lucia Ferreira", "trade between the two ports had doubled", false, ""}}},
    {"a passive subject is no speaker",
     "The plan was announced by the council last week and was said to cost too much.",
     {}},
    {"a pronoun takes the subject named before it in its own sentence",
     "Finance Minister Jana Kral said the budget was ready for the vote.\n\n"
     "The schedule shows that Prime Minister Marek Novak would tour the region, though he earlier said he "
     "would first visit Berlin.",
     {{"Jana Kral", "the budget was ready for the vote", false, ""},
      {"Marek Novak", "he would first visit Berlin", false, ""}}},
    {"a noun object after a speech verb is a topic, not content",
     "Foreign Minister Jana Kral confirmed the agreement signed in Riga last week by both governments.",
     {}},
    {"a pronoun after a sentence about a person who said nothing is that person, not the last speaker",
     "\u201CThe delegation lands on Friday,\u201D spokeswoman Irena Dvorak said.\n\n"
     "Minister Tomas Bilek criticised the new shipping fees at the harbour conference.\n\n"
     "\u201CThe fees will hurt every small fishing town on the coast,\u201D he told the assembled mayors.",
     {{"Irena Dvorak", "The delegation lands on Friday", true, ""},
      {"Tomas Bilek", "The fees will hurt every small fishing town", true, ""}}},
    {"a pronoun after a sentence whose named subject follows a fronted phrase",
     "\u201CThe delegation lands on Friday,\u201D spokeswoman Irena Dvorak said.\n\n"
     "At the harbour conference, Minister Tomas Bilek criticised the new shipping fees.\n\n"
     "\u201CThe fees will hurt every small fishing town on the coast,\u201D he told the assembled mayors.",
     {{"Irena Dvorak", "The delegation lands on Friday", true, ""},
      {"Tomas Bilek", "The fees will hurt every small fishing town", true, ""}}},
    {"a pronoun after a passive sentence is its agent",
     "\u201CThe delegation lands on Friday,\u201D spokeswoman Irena Dvorak said.\n\n"
     "The landing was also filmed by local reporter Marek Vlk.\n\n"
     "\u201CThe minister has just landed in Riga with the whole delegation,\u201D he wrote.",
     {{"Irena Dvorak", "The delegation lands on Friday", true, ""},
      {"Marek Vlk", "The minister has just landed in Riga", true, ""}}},
    {"a verb of the content's own before 'that': the content starts at the preposition",
     "President Anna Berg spoke in Riga on Monday.\n\n"
     "Moreover, the Latvian President said at the meeting they discussed that the port needs more investment.",
     {{"Anna Berg", "at the meeting they discussed that the port", false, ""}}},
    {"a plain speech verb's noun object that runs to the sentence's end is a topic",
     "Foreign Minister Jana Kral noted the importance of closer cooperation between the two port cities.",
     {}},
    {"a participle's noun object is a topic",
     "Foreign Minister Jana Kral met her Latvian colleague in Riga, stressing the importance of the new rail "
     "link.",
     {}},
    {"a plain speech verb's clause the tree may read as an object stays content",
     "Kral said the deputy minister, Pavel Horak, is in Vienna for the energy talks this week.",
     {{"Kral", "the deputy minister, Pavel Horak, is in Vienna", false, ""}}},
    {"an interview's outlet is the subject of the verb whose oblique is a person named in full",
     "Deputy Minister Pavel Ross ended his visit to Vienna on Friday.\n\n"
     "Nordic Review spoke with Pavel Ross about the outcome of the visit.\n\n"
     "- What did the talks achieve?\n\n"
     "- We agreed on a timetable for the pipeline and on who pays for each part of it.",
     {{"Pavel Ross", "We agreed on a timetable for the pipeline", false, "Nordic Review"}}},
    {"a passive speech verb has no speaker",
     "Minister Pavel Ross left Vienna on Friday.\n\n"
     "The press pool travelling with Ross was not told where they were going before leaving Vienna, where Ross "
     "attended the energy summit.",
     {}},
    {"each conjunct of the subject speaks",
     "Norway and Denmark said they would send two more ships to the strait next spring.",
     {{"Norway", "they would send two more ships", false, ""},
      {"Denmark", "they would send two more ships", false, ""}}},
};

TEST(QuotesTreeTest, Cases) {
  for (const Case& c : kTreeCases) testing_util::ExpectCaseWithTree(c);
}

// Sentences whose speech cue the tree rule could not read are not parsed:
// a cue word the tagger makes a noun, a stance verb with no stance noun, no
// subject phrase before the verb, too few words after it for content.
TEST(QuotesTreeTest, SentencesTheTreeRuleCannotReadAreNotParsed) {
  const char* const kTexts[] = {
      "The comments of the harbour master on the new ferry timetable were brief.",
      "The retired admiral voiced his anger at the closing of the old naval school.",
      "To tell the truth about the ferry timetable was never easy for the islands.",
      "After a long silence in the crowded hall the harbour master finally said nothing.",
  };
  const auto& tables = text::TablesFor("en");
  for (const char* t : kTexts) {
    SCOPED_TRACE(t);
    const std::string text = t;
    const text::TextLayer layer = text::BuildTextLayer(text, tables);
    const syntax::DocumentSyntax syn(text, layer, "en");
    if (!syn.available()) GTEST_SKIP() << "no syntax model for en: " << syntax::ModelError("en");
    EXPECT_TRUE(FindQuotes(text, tables, layer, &syn).empty());
    EXPECT_EQ(syn.parsed(), 0u);
  }
}

// After ", ... says" with no subject the word patterns read, the tree's
// subject between the comma and the verb is looked for only where a
// phrase or a proper noun stands there: a sentence with neither is only
// tagged.
TEST(QuotesTreeTest, TrailingVerbWithNoSubjectBetweenIsNotParsed) {
  const std::string text = "The ferry will run twice a day from June, as the printed timetable says.";
  const auto& tables = text::TablesFor("en");
  const text::TextLayer layer = text::BuildTextLayer(text, tables);
  const syntax::DocumentSyntax syn(text, layer, "en");
  if (!syn.available()) GTEST_SKIP() << "no syntax model for en: " << syntax::ModelError("en");
  EXPECT_TRUE(FindQuotes(text, tables, layer, &syn).empty());
  EXPECT_EQ(syn.parsed(), 0u);
}

// A pronoun's speaker across a sentence boundary is a person named in full
// in the sentence before: one that names nobody is not parsed, and the
// pronoun is the last speaker.
TEST(QuotesTreeTest, SentenceBeforeAPronounThatNamesNobodyIsNotParsed) {
  const std::string text =
      "\u201CThe delegation lands on Friday,\u201D spokeswoman Irena Dvorak said.\n\n"
      "The harbour was quiet all week.\n\n"
      "\u201CThe fees will hurt every small fishing town on the coast,\u201D he told the assembled mayors.";
  const auto& tables = text::TablesFor("en");
  const text::TextLayer layer = text::BuildTextLayer(text, tables);
  const syntax::DocumentSyntax syn(text, layer, "en");
  if (!syn.available()) GTEST_SKIP() << "no syntax model for en: " << syntax::ModelError("en");
  const auto quotes = FindQuotes(text, tables, layer, &syn);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker, "Irena Dvorak");
  EXPECT_EQ(syn.parsed(), 0u);
}

}  // namespace
}  // namespace attache::quotes
