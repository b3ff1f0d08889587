// Speakers: which phrase is the speaker, and which phrases only look like one.
#include <gtest/gtest.h>

#include "quotes/test_cases.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace attache::quotes {
namespace {

using testing_util::Case;
using testing_util::ExpectCase;

const Case kSpeakerCases[] = {
    {"a pronoun of no gender is the institution quoted last, not the last person",
     "The visit will be postponed until the autumn, the Latvian Foreign Ministry said.\n\n"
     "\u201CThe talks were useful,\u201D Foreign Minister Karl Tamm said on Monday.\n\n"
     "\u201CThe new dates for the visit will be agreed through consultations,\u201D it added.",
     {{"Karl Tamm", "The talks were useful", true, ""},
      {"Latvian Foreign Ministry", "The visit will be postponed until the autumn", false, ""},
      {"Latvian Foreign Ministry", "The new dates for the visit will be agreed", true, ""}}},
    {"an indefinite description no one holds is someone new, not the last speaker",
     "\u201CWe must move the Oslo meetings to June,\u201D State Department spokesperson Mia Lund said in a statement.\n\n"
     "Lund\u2019s minister spoke by phone with his Danish counterpart instead, with a Danish Foreign Office "
     "spokesperson saying, \u201CBoth sides agreed they would find a new date very soon.\u201D",
     {{"Mia Lund", "We must move the Oslo meetings to June", true, ""},
      {"Danish Foreign Office spokesperson", "Both sides agreed they would find a new date", true, ""}}},
    {"a capitalised head noun alone is the institution named before with it",
     "The ferry line to Tallinn will reopen in May, the Estonian Foreign Ministry said in a statement.\n\n"
     "\u201CThe sides agreed to meet again before the summer season,\u201D the Ministry said.",
     {{"Estonian Foreign Ministry", "The ferry line to Tallinn will reopen in May", false, ""},
      {"Estonian Foreign Ministry", "The sides agreed to meet again", true, ""}}},
    {"a crowd that watches is no speaker",
     "Onlookers said that it was a gloomy summit.\n\n"
     "The crowd said the ferry deal had failed.",
     {}},
    {"a description whose words other than a country's are missing from a title is not that title's holder",
     "Chile\u2019s president Gabriel Boric on Tuesday met a delegation from Spain that flew in for his swearing-in. "
     "Boric said that former Spanish President Luis Ortega presented a goodwill message.\n\n"
     "The newly sworn-in President noted that Chile and Spain share a long history of trade.",
     {{"Gabriel Boric", "former Spanish President Luis Ortega presented", false, ""},
      {"Gabriel Boric", "Chile and Spain share a long history of trade", false, ""}}},
    {"a lone capitalised word in a frame's slot is no speaker",
     "According to Meridian, the two presidents will sign a transit deal next week.",
     {}},
    {"an acronym spelled by an institution's name with joiners between its initials",
     "The two ministers will sign the ferry accord on Friday, the MTC said in a statement.\n\n"
     "The Ministry of Transport and Communications published the text of the accord later.",
     {{"Ministry of Transport and Communications", "The two ministers will sign the ferry accord", false, ""}}},
    {"a country's short form as a speaker goes by the country's name",
     "The US announced that it would send two more ships to the region next month.",
     {{"United States", "it would send two more ships", false, ""}}},
    {"a description with a demonym is the person the office-holder table gives that country's office",
     "President Vladimir Putin met Ebrahim Raisi in the Kremlin on Wednesday.\n\n"
     "According to the Iranian president, trade between the two countries must double within five years.",
     {{"Ebrahim Raisi", "trade between the two countries must double", false, ""}}},
    {"an honorific title after a possessive pronoun is the one who holds it",
     "The guests were received by His Majesty King Olaf at the palace on Sunday.\n\n"
     "His Majesty said the visit opened a new chapter in the ties between the two kingdoms.",
     {{"Olaf", "the visit opened a new chapter", false, ""}}},
    {"a lone surname after a speech verb stays a speaker",
     "The talks ended late. Mirek said the two sides would meet again in June.",
     {{"Mirek", "the two sides would meet again in June", false, ""}}},
    {"a lone surname in a frame stays a speaker when the article names the person in full",
     "Deputy Minister Tomas Mirek arrived on Monday. According to Mirek, the two sides will meet again in June.",
     {{"Tomas Mirek", "the two sides will meet again in June", false, ""}}},
    {"an indefinite description is an unnamed source, not the last person named",
     "Minister Tomas Mirek flew to Riga on Monday.\n\n"
     "A senior diplomat, who asked not to be named, said the talks would focus on electricity prices.",
     {{"senior diplomat", "the talks would focus on electricity prices", false, ""}}},
    {"a relative clause with no commas stands between an unnamed source and its verb",
     "Minister Tomas Mirek flew to Riga on Monday.\n\n"
     "A senior diplomat who asked not to be named told Fjordpost that the talks would focus on grain.",
     {{"senior diplomat", "the talks would focus on grain", false, "Fjordpost"}}},
    {"an indefinite description with a name in apposition is that person",
     "A senior diplomat, Karin Holm, said the talks would focus on electricity prices.",
     {{"Karin Holm", "the talks would focus on electricity prices", false, ""}}},
    {"officials qualified by a country or an organisation speak; opinion groups do not",
     "Latvian officials said the summit would be moved to Jurmala.\n\n"
     "Baltic experts believe the move will cost little.",
     {{"Latvian officials", "the summit would be moved to Jurmala", false, ""}}},
    {"an office group the text does not qualify speaks as described; a vague one does not",
     "The bridge will reopen in May, officials said.\n\n"
     "Sources told the radio that the tolls would stay.\n\n"
     "The ferries will run twice a day, some officials said.",
     {{"officials", "The bridge will reopen in May", false, ""},
      {"Sources", "the tolls would stay", false, ""}}},
    {"a group with a lower-case modifier in a closing frame speaks; a quantifier keeps it vague",
     "The ferry line to Tallinn will close in June, according to ministry officials.\n\n"
     "The port will stay open, according to several officials.",
     {{"ministry officials", "The ferry line to Tallinn will close in June", false, ""}}},
    {"a singular source with its indefinite article and modifiers is an unnamed speaker",
     "Minister Tomas Mirek flew to Riga on Monday.\n\n"
     "\"The paper is ready for signing,\" a diplomatic source told the radio.",
     {{"a diplomatic source", "The paper is ready for signing", true, ""}}},
    {"an institution keeps its place and the named part after \"of the\"",
     "\"The visit is put off until spring,\" the Estonian Embassy in Vilnius said on Monday.\n\n"
     "According to the press service of the President of Latvia, the talks lasted two hours.",
     {{"Estonian Embassy in Vilnius", "The visit is put off until spring", true, ""},
      {"press service of the President of Latvia", "the talks lasted two hours", false, ""}}},
    {"a title that closes an institution's name is the institution's, not a description",
     "The press service of the Latvian President reported that the summit had been moved to Jurmala.",
     {{"press service of the Latvian President", "the summit had been moved to Jurmala", false, ""}}},
    {"a capitalised modifier of a plural noun spelled like a speech verb is no subject",
     "The minister praised the growing trade of Nordic states with the eastern ports this year.\n\n"
     "Talks among three Alpine states ended in Bern on Friday.",
     {}},
    {"a quotation after a speaker's reported words in the same paragraph is that speaker's",
     "Analyst Pavel Novak said the visit came too late. He said the two sides had lost a year. "
     "\"The question is who will pay for the new bridge now. Nobody has an answer.\"",
     {{"Pavel Novak", "the visit came too late", false, ""},
      {"Pavel Novak", "the two sides had lost a year", false, ""},
      {"Pavel Novak", "The question is who will pay", true, ""}}},
    {"a quoted fragment inside the writer's clause does not continue the speaker",
     "Analyst Pavel Novak said the visit came too late. The agenda covers measures to \"build trust along the "
     "whole border\" this year.",
     {{"Pavel Novak", "the visit came too late", false, ""}}},
    {"an indefinite description that no one in the article holds is the speaker as described",
     "A ministry spokeswoman said the minister would travel to Oslo in the coming weeks.",
     {{"ministry spokeswoman", "the minister would travel to Oslo", false, ""}}},
    {"an institution reports that: a statement; a news agency reports that: no quote",
     "The president's press office reports that the talks covered energy and the new railway link.\n\n"
     "The news agency reports that the border crossing was closed for two hours.",
     {{"press office", "the talks covered energy", false, ""}}},
    {"a news outlet that relays a quotation is no speaker",
     "Minister Ivo Marek \"landed in Vilnius an hour ago and was met by his Lithuanian colleague,\" the state news "
     "agency ELTA said.",
     {}},
};

TEST(QuotesSpeakersTest, Cases) {
  for (const Case& c : kSpeakerCases) ExpectCase(c);
}

// With the document's syntax, a word spelled like a speech verb that the
// tagger reads as a noun ("strengthens Baltic states") heads no attribution.
TEST(QuotesSpeakersTest, NounSpelledLikeASpeechVerbIsNoAttribution) {
  const std::string text =
      "The new rail link strengthens Baltic states stretching from Tallinn to Vilnius in their trade with "
      "Poland.";
  const auto& tables = text::TablesFor("en");
  const text::TextLayer layer = text::BuildTextLayer(text, tables);
  const syntax::DocumentSyntax syn(text, layer, "en");
  if (!syn.available()) GTEST_SKIP() << "no syntax model for en: " << syntax::ModelError("en");
  std::string dump;
  for (const Quote& q : FindQuotes(text, tables, layer, nullptr)) dump += q.speaker + " | " + q.cue + " | " + q.text + "\n";
  EXPECT_FALSE(dump.empty()) << "without the tree the case shows nothing";
  EXPECT_TRUE(FindQuotes(text, tables, layer, &syn).empty()) << "word patterns alone read:\n" << dump;
}

// A speaker spelled otherwise than the office-holder table keeps the
// article's spelling; the table's goes beside it. Namesakes and people in no
// table keep the article's form.
TEST(QuotesSpeakersTest, CanonicalSpeakerBesideTheArticlesSpelling) {
  const std::string text =
      "Kyrgyz President Sadyr Dzhaparov said the new bridge would open in May.\n\n"
      "Heydar Aliev said the pipeline would be finished within a year.\n\n"
      "Local historian Anna Varga said the old bridge had stood for a century.";
  const auto& tables = text::TablesFor("en");
  const std::vector<Quote> quotes = FindQuotes(text, tables);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker, "Sadyr Dzhaparov");
  EXPECT_EQ(quotes[0].speaker_canonical, "Sadyr Japarov");
  EXPECT_EQ(quotes[1].speaker_canonical, "Heydar Aliyev");  // not his son Ilham
  EXPECT_EQ(quotes[2].speaker_canonical, "Anna Varga");
}

}  // namespace
}  // namespace attache::quotes
