#include "quotes/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "attache/analyze.h"
#include "tests/seed_pages.h"
#include "text/tables.h"

namespace attache::quotes {
namespace {

std::vector<Quote> Find(const std::string& text) { return FindQuotes(text, text::TablesFor("en")); }

// One expected quote: speaker, the start of its text, direct, channel ("" =
// none expected).
struct Want {
  std::string speaker, start;
  bool direct;
  std::string channel;
};

struct Case {
  const char* name;
  const char* text;
  std::vector<Want> want;
};

// Every case is a page written for this test; together they cover each form
// the issue lists.
const Case kCases[] = {
    {"a statement relayed as a quotation is the quoted person's; the outlet that quotes is no channel",
     "Minister Olev Saar arrived in Riga on Monday.\n\n"
     "Latvia is an important partner for Estonia and the country attaches great importance to the visit, Mr Saar "
     "was quoted as saying.\n\n"
     "Baltpress quoted Saar as saying that the border talks would resume in May.",
     {{"Olev Saar", "Latvia is an important partner for Estonia", false, ""},
      {"Olev Saar", "the border talks would resume in May", false, ""}}},
    {"a paragraph with an attribution of its own does not go on with a statement announced before",
     "Foreign Minister Karl Tamm spoke after the talks. Tamm said:\n\n"
     "The talks with our Latvian partners were very constructive and open.\n\n"
     "Earlier, Latvian Prime Minister Anna Berg said the talks were useful.",
     {{"Karl Tamm", "The talks with our Latvian partners", true, ""},
      {"Anna Berg", "the talks were useful", false, ""}}},
    {"a quotation's attribution with the speaker's role in apposition before the verb",
     "The Latvian president arrived in Tallinn on Monday.\n\n"
     "\u201CThe rail link will be finished by 2030,\u201D Olev Saar, the head of the Baltic Rail Authority, said.\n\n"
     "\u201CWe will open the ferry line next spring,\u201D said Liis Kuusk, head of the transport committee.",
     {{"Olev Saar", "The rail link will be finished by 2030", true, ""},
      {"Liis Kuusk", "We will open the ferry line next spring", true, ""}}},
    {"a short adverbial set off by commas between the speaker and the verb",
     "Latvian President Anna Berg met the Estonian premier in Riga on Monday.\n\n"
     "Berg, for her part, said that \u201Cthe two governments will meet again in June.\u201D\n\n"
     "The Latvian Foreign Ministry, in turn, said the border would stay open.",
     {{"Anna Berg", "the two governments will meet again in June", true, ""},
      {"Latvian Foreign Ministry", "the border would stay open", false, ""}}},
    {"a quotation after a colon closing a person's clause that follows a leading adverbial",
     "On the military build-up near the border, Mr Karl Tamm called on Moscow to be transparent and de-escalate: "
     "\u201CThe alliance stands ready to defend all its members.\u201D",
     {{"Karl Tamm", "The alliance stands ready to defend all its members", true, ""}}},
    {"a quotation closed by \"according to\" a person's remarks is that person's",
     "Secretary of State Mia Lund arrived in Tallinn on Monday.\n\n"
     "\u201CThe Baltic states are a critical part of Europe and of our alliance,\u201D according to Lund\u2019s "
     "prepared remarks.",
     {{"Mia Lund", "The Baltic states are a critical part of Europe", true, ""}}},
    {"a quotation relayed by an outlet that quotes its speaker",
     "President Jan Novak spoke at a meeting on rail freight.\n\n"
     "\u201CThis matters for my visit to Tallinn and for our talks with the Estonian side,\u201D the Baltpress news "
     "agency quoted Novak as saying.\n\n"
     "\u201CThe ferry will run again in May,\u201D Minister Liis Kuusk was quoted as saying.",
     {{"Jan Novak", "This matters for my visit to Tallinn", true, ""},
      {"Liis Kuusk", "The ferry will run again in May", true, ""}}},
    {"a news outlet after \"according to\" relays a fact, closing or opening a sentence",
     "The two ministers spoke by telephone on June 9, according to the Baltic News Agency, Balt.\n\n"
     "According to the news agency Balt, the ferry will run again in May.",
     {}},
    {"a country in a person's title is that person's, the subject of a conjoined speech verb",
     "The U.S. Ambassador to Chile Anna Holm on her part thanked President Boric for meeting the US delegation and "
     "said she looked forward to working with his government.",
     {{"Anna Holm", "she looked forward to working with his government", false, ""}}},
    {"direct, speaker after",
     "Foreign Minister Anna Lindqvist arrived in Riga on Monday.\n\n"
     "“We came to listen before we decide anything,” Lindqvist said.",
     {{"Anna Lindqvist", "We came to listen before we decide", true, ""}}},
    {"a bare weekday after the verb dates the statement; what follows is no content",
     "The Latvian president will fly to Oslo next month, a government spokesman said Tuesday, ahead of the "
     "summit.",
     {{"government spokesman", "The Latvian president will fly to Oslo", false, ""}}},
    {"a capitalised word spelled like a speech verb does not stop a fragment from being the writer's clause",
     "The United States will \u201Csend two more ships to the strait before the winter,\u201D Senator Paul Grant told "
     "the committee.",
     {{"Paul Grant", "The United States will", false, ""}}},
    {"a quotation in title case names a title, no speech",
     "The new premier flew to Tallinn on his first trip abroad. A headline in the Latvian daily Rigas Balss "
     "declared: \u201CRiga Takes The Lead Again.\u201D",
     {}},
    {"as the speaker wrote, before the content",
     "Ambassador Lena Ostrova arrived in Oslo on Monday.\n\n"
     "As the ambassador wrote, the ties between the two capitals are strategic.",
     {{"Lena Ostrova", "the ties between the two capitals are strategic", false, ""}}},
    {"an institution that informs, closing the sentence",
     "The two foreign ministers will meet in Tallinn on Friday, the press service of the Estonian Foreign Ministry "
     "informs.",
     {{"press service of the Estonian Foreign Ministry", "The two foreign ministers will meet in Tallinn", false, ""}}},
    {"a month and day after the verb date the statement",
     "The ferry line will open before the summer season, the Foreign Ministry said Oct. 24.",
     {{"Foreign Ministry", "The ferry line will open before the summer", false, ""}}},
    {"an outlet that reports a fact citing someone relays it: no quote",
     "The two foreign ministers will meet in Tallinn on Friday, the Baltic news agency reported on Monday, citing "
     "Deputy Minister Karl Tamm.",
     {}},
    {"a participle after the attribution's comma: the content is before it",
     "Foreign Minister Anna Berg spoke in Riga on Monday.\n\n"
     "The new ferry line will open before the summer season, she said, adding that both ports were ready.",
     {{"Anna Berg", "The new ferry line will open before the summer", false, ""}}},
    {"the same speaker's quotation later in the sentence extends the first",
     "\u201CThe storm touched both our countries,\u201D Minister Jonas Berg said, adding that \u201Cthe two ports "
     "must work together before the winter.\u201D",
     {{"Jonas Berg", "The storm touched both our countries", true, ""}}},
    {"a quoted fragment inside the writer's clause is reported speech",
     "The envoy “will stay in Kyiv until the talks end,” spokeswoman Irina Vask said on Monday.",
     {{"Irina Vask", "The envoy", false, ""}}},
    {"one quotation over paragraphs marked only where it opens and closes",
     "Minister Lara Benn spoke after the talks.\n\n"
     "“We agreed to open two new crossings before the harvest.\n\n"
     "The rail link will follow once the surveys are done and paid for.\n\n"
     "Both parliaments still have to vote on the treaty this spring,” said Benn.",
     {{"Lara Benn", "We agreed to open two new crossings", true, ""},
      {"Lara Benn", "The rail link will follow", true, ""},
      {"Lara Benn", "Both parliaments still have to vote", true, ""}}},
    {"a quotation attributed where it opens, left open over paragraphs, closed without attribution",
     "Minister Lara Benn said after the talks: \u201CWe agreed to open two new crossings before the harvest.\n\n"
     "The rail link will follow once the surveys are done and paid for.\n\n"
     "Both parliaments still have to vote on the treaty this spring.\u201D\n\n"
     "The talks resume in March.",
     {{"Lara Benn", "We agreed to open two new crossings", true, ""},
      {"Lara Benn", "The rail link will follow", true, ""},
      {"Lara Benn", "Both parliaments still have to vote", true, ""}}},
    {"a statement announced to an outlet carries the outlet to each paragraph",
     "Deputy Minister Pavel Ross told Nova Radio:\n\n"
     "The pipeline will be finished before the end of next year.\n\n"
     "Both governments have already set aside the money for the last section.",
     {{"Pavel Ross", "The pipeline will be finished", true, "Nova Radio"},
      {"Pavel Ross", "Both governments have already set aside", true, "Nova Radio"}}},
    {"a closing attribution that told an audience: reported speech",
     "The ferry line will open before the summer, ministry spokeswoman Irina Vask told a weekly news conference.\n\n"
     "Both ports are ready for the first crossings, Vask told reporters.",
     {{"Irina Vask", "The ferry line will open before the summer", false, ""},
      {"Irina Vask", "Both ports are ready for the first crossings", false, ""}}},
    {"an adjunct closed by a colon is not content",
     "Speaker Anton Reyes said, welcoming the delegates: the assembly will sit until the budget is passed.",
     {{"Anton Reyes", "the assembly will sit until the budget", false, ""}}},
    {"direct, speaker in the middle",
     "“The border will stay open,” Prime Minister Tomas Varga said, “and trade will go on as before.”",
     {{"Tomas Varga", "The border will stay open", true, ""}}},
    {"reported, told an outlet, then a quotation after a colon",
     "Mirza Aliyev, head of the Caspian Policy Forum, told Turan that the talks were overdue: “Nobody expected "
     "a breakthrough this year.”",
     {{"Mirza Aliyev", "the talks were overdue", false, "Turan"},
      {"Mirza Aliyev", "Nobody expected a breakthrough this year", true, "Turan"}}},
    {"according to, opening",
     "Political scientist Leyla Hasanova spoke after the vote. According to her, the result changes little for the "
     "region.",
     {{"Leyla Hasanova", "the result changes little for the region", false, ""}}},
    {"according to, closing, institution",
     "The delegation will stay for three days, according to the Ministry of Foreign Affairs.",
     {{"Ministry of Foreign Affairs", "The delegation will stay for three days", false, ""}}},
    {"citing, closing: the frame after the content names its source",
     "The ferry line to the islands will close in October, citing Transport Minister Pavel Kos.",
     {{"Pavel Kos", "The ferry line to the islands will close in October", false, ""}}},
    {"according to an institution whose name holds a name-like run",
     "Visits rose by a third this spring, according to a count by the Centre for Regional Studies.",
     {{"Centre for Regional Studies", "Visits rose by a third this spring", false, ""}}},
    {"trailing attribution with an adjunct",
     "The two leaders will meet in Vienna next month, Deputy Foreign Minister Ivo Petrov said on Tuesday.",
     {{"Ivo Petrov", "The two leaders will meet in Vienna next month", false, ""}}},
    {"pronoun and description carry on the last speaker",
     "Analyst Marta Kovac said the visit was planned months ago. He added that the date was kept secret. "
     "The analyst noted that both sides wanted a quiet start.",
     {{"Marta Kovac", "the visit was planned months ago", false, ""},
      {"Marta Kovac", "the date was kept secret", false, ""},
      {"Marta Kovac", "both sides wanted a quiet start", false, ""}}},
    {"conversation with an outlet, appositive with a relative clause",
     "In a conversation with Caliber.Az, Pavel Orlov, a historian and professor at the State University, who "
     "has written on the region, noted that the visit is part of a long dialogue.",
     {{"Pavel Orlov", "the visit is part of a long dialogue", false, "Caliber.Az"}}},
    {"parenthetical attribution",
     "The ministers talked for hours, but in the end, the diplomat Hans Berg believes, the agreement will hold.\n\n"
     "Separately, the talks ended early, the diplomat suggests, because both delegations had flights to catch.",
     {{"Hans Berg", "the agreement will hold", false, ""},
      {"Hans Berg", "because both delegations had flights to catch", false, ""}}},
    {"acronym of an institution",
     "The Foreign Office confirmed the trip on Friday.\n\n"
     "“The visit will deepen cooperation on energy and transport,” the FO said.",
     {{"Foreign Office", "The visit will deepen cooperation on energy", true, ""}}},
    {"quotation over paragraphs, attributed at its end",
     "The ministry issued a statement after the talks.\n\n"
     "“This is the first visit of a foreign minister this year.\n\n"
     "“It shows how much both sides value the partnership,” the ministry said.",
     {{"ministry", "This is the first visit of a foreign minister", true, ""},
      {"ministry", "It shows how much both sides value the partnership", true, ""}}},
    {"outlet named by a part of it",
     "“We are ready to talk at any time,” the envoy Olga Marchenko told the Polish Service of the Radio Free Europe "
     "on Monday.",
     {{"Olga Marchenko", "We are ready to talk at any time", true, "Radio Free Europe"}}},
    {"announced statement without quotation marks",
     "Speaking before his departure, Foreign Secretary James Holt said:\n\n"
     "Our countries face the same challenges and we will meet them together as partners.",
     {{"James Holt", "Our countries face the same challenges", true, ""}}},
    {"institution named by a lower-case noun phrase, adjuncts after the verb",
     "Prime Minister Lena Ostrova landed in Tbilisi on Sunday for talks on rail freight, the Polish transport "
     "ministry said in a statement released in Warsaw this afternoon.\n\n"
     "The border crossings will reopen at dawn, the regional press office said on Monday.",
     {{"Polish transport ministry", "Prime Minister Lena Ostrova landed in Tbilisi", false, ""},
      {"regional press office", "The border crossings will reopen at dawn", false, ""}}},
    {"a person's possessive is not part of the institution",
     "The trip was moved to May, Sorensen's press office said.",
     {{"press office", "The trip was moved to May", false, ""}}},
    {"according to after an attribution is its source; a news outlet alone relays a fact (no quote)",
     "“We will not accept new tariffs on our steel,” Haldorsen said at the summit, according to the government "
     "press office.\n\n"
     "The ferry service will resume in March, Minister Paul Strand said on Friday, according to the regional news "
     "agency.\n\n"
     "The ferry line to the islands will close in winter, according to the regional news agency.",
     {{"Haldorsen", "We will not accept new tariffs on our steel", true, ""},
      {"Paul Strand", "The ferry service will resume in March", false, ""}}},
    {"trailing attribution with words between the comma and the name",
     "The customs union summit will open on May 3, Trade Minister of the country Ilse Varnas said at a press "
     "conference.\n\n"
     "Ilse Varnas said at the press conference the summit would open on May 3.",
     {{"Ilse Varnas", "The customs union summit will open on May 3", false, ""},
      {"Ilse Varnas", "the summit would open on May 3", false, ""}}},
    {"reporting verb closing a sentence, institution subject",
     "The joint commission met in Yerevan for the first time since 2019, the Armenian economy ministry reported on "
     "Thursday.\n\n"
     "The two sides agreed on new customs rules, according to the statement.",
     {{"Armenian economy ministry", "The joint commission met in Yerevan", false, ""},
      {"Armenian economy ministry", "The two sides agreed on new customs rules", false, ""}}},
    {"a bare institution is the one named before with the same head noun",
     "The visa office will reopen on Monday, the Italian consulate said.\n\n"
     "Applications will be accepted online from next week, the consulate said.\n\n"
     "The ambassador will return to Rome in June, the embassy said.",
     {{"Italian consulate", "The visa office will reopen on Monday", false, ""},
      {"Italian consulate", "Applications will be accepted online", false, ""},
      {"embassy", "The ambassador will return to Rome in June", false, ""}}},
};

bool Contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(QuotesTest, Cases) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const std::vector<Quote> got = Find(c.text);
    std::string dump;
    for (const Quote& q : got)
      dump += q.speaker + " | " + (q.channel ? *q.channel : "-") + " | " + (q.direct ? "direct" : "reported") +
              " | " + q.text + "\n";
    EXPECT_EQ(got.size(), c.want.size()) << dump;
    for (const Want& w : c.want) {
      bool found = false;
      for (const Quote& q : got) {
        if (q.speaker != w.speaker || !Contains(q.text, w.start) || q.direct != w.direct) continue;
        if (!w.channel.empty() && q.channel != w.channel) continue;
        found = true;
      }
      EXPECT_TRUE(found) << "missing " << w.speaker << ": " << w.start << "\ngot:\n" << dump;
    }
  }
}

TEST(QuotesTest, UnattributedClaimsAndScareQuotesAreNotQuotes) {
  EXPECT_TRUE(Find("The visit, as many experts note, is a sign of a thaw. Reports say the talks went well.").empty());
  EXPECT_TRUE(Find("The so-called “civilian” mission arrived on Monday in the capital.").empty());
  EXPECT_TRUE(Find("").empty());
  // An institution that is only the object or place of the sentence.
  EXPECT_TRUE(Find("The envoy walked to the foreign ministry on foot with his staff.").empty());
  EXPECT_TRUE(Find("Officials visited defence ministry headquarters in the morning.").empty());
  // What a news outlet reports is news, not a statement.
  EXPECT_TRUE(Find("“The harvest will be late this year in the north,” the state-run Baltic News Agency reported.").empty());
  EXPECT_TRUE(Find("The festival opened on Friday in the old town, reported Nordic Wire.").empty());
  EXPECT_TRUE(Find("The summit in Oslo drew record crowds, Harbor Daily reported.").empty());
  EXPECT_TRUE(Find("Harbor Daily reported that the port would close for a week.").empty());
}

TEST(QuotesTest, ContentStartsAfterAnAdjunctClosedByAColon) {
  const auto got = Find("Speaker Anton Reyes said, welcoming the delegates: the assembly will sit until the budget is "
                        "passed.");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text.rfind("the assembly will sit", 0), 0u) << got[0].text;
}

TEST(QuotesTest, OffsetsPointIntoTheText) {
  const std::string text = "“We will return in the spring with a full delegation,” Minister Sara Holm said.";
  const auto got = Find(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin), got[0].text);
  EXPECT_EQ(got[0].cue, "said");
}

TEST(QuotesTest, HostileTextEndsQuickly) {
  std::string marks;
  for (int i = 0; i < 200000; ++i) marks += (i % 3 == 0) ? "“" : (i % 3 == 1) ? "\" " : "said ";
  const auto got = Find(marks);
  (void)got;  // no crash, bounded time
  std::string unbalanced(100000, '"');
  EXPECT_TRUE(Find(unbalanced).size() < 100000);
}

// The seed pages are the specification: every gold quote is found with its
// speaker (same surname), direct flag and, where the gold has one, channel.
TEST(QuotesTest, SeedsMatchGold) {
  const auto pages = testing::LoadSeedPages();
  if (pages.empty()) GTEST_SKIP() << "shared seeds not found at " << testing::SeedsDir();
  int checked = 0;
  for (const auto& page : pages) {
    const auto& g = page.gold;
    const auto& got = page.analysis.quotes;
    const std::string source = g["file"].get<std::string>();
    EXPECT_EQ(got.size(), g["quotes"].size()) << source;
    for (const auto& gq : g["quotes"]) {
      const std::string speaker = gq["speaker"].get<std::string>();
      const std::string surname = speaker.substr(speaker.rfind(' ') + 1);
      const std::string start = gq["start"].get<std::string>();
      bool found = false;
      for (const Quote& q : got) {
        if (!Contains(q.speaker, surname) || q.direct != gq["direct"].get<bool>()) continue;
        // Compare the start loosely: the gold may fold quote marks.
        if (!Contains(q.text, start.substr(0, 20))) continue;
        if (!gq["channel"].is_null() && q.channel != gq["channel"].get<std::string>()) continue;
        found = true;
      }
      EXPECT_TRUE(found) << source << ": " << speaker << ": " << start;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 21);
}

}  // namespace
}  // namespace attache::quotes
