// Channels: the outlet a speaker talked to, read from frames and objects,
// and carried over each statement of the same interview.
#include <gtest/gtest.h>

#include "quotes/test_cases.h"
#include "text/names.h"

namespace attache::quotes {
namespace {

using testing_util::Case;
using testing_util::ExpectCase;

const Case kChannelCases[] = {
    {"a post that states a clause is a quote on its platform",
     "Spokesman Jonas Lind also posted on his Whatsapp channel that the technical teams were exchanging experience.\n\n"
     "Prime Minister Anna Berg later posted on Telegram that the border would stay open.",
     {{"Jonas Lind", "the technical teams were exchanging experience", false, "Whatsapp"},
      {"Anna Berg", "the border would stay open", false, "Telegram"}}},
    {"an outlet's lower-case head nouns after its name belong to it; not a post's",
     "The pipeline talks were closed to the press, but sources told the Baltica news agency that both sides wanted a "
     "deal by June.\n\n"
     "Minister Karin Holm wrote in a Twitter post that the talks had been useful.",
     {{"sources", "both sides wanted a deal by June", false, "Baltica news agency"},
      {"Karin Holm", "the talks had been useful", false, "Twitter"}}},
    {"an interview given in a sentence of its own carries to earlier and later statements",
     "Foreign Minister Petra Lind expects the ceasefire to hold through the winter.\n\n"
     "“Both armies are tired and both capitals know it,” Lind said.\n\n"
     "Petra Lind made the remarks in an interview with Nordvision on Friday.\n\n"
     "She added that the monitors would stay until March.",
     {{"Petra Lind", "Both armies are tired", true, "Nordvision"},
      {"Petra Lind", "the monitors would stay until March", false, "Nordvision"}}},
    {"an outlet told at the end of a closing attribution is the channel; a person told is not",
     "The ferry line to Tallinn will close in June, official sources told Fjordpost.\n\n"
     "Minister Karin Holm arrived in Oslo on Monday.\n\n"
     "The port will stay open, the minister told Karin Holm.",
     {{"official sources", "The ferry line to Tallinn will close in June", false, "Fjordpost"}}},
    {"a frame's noun with modifiers, a frame with an adverb",
     "In a wide-ranging interview with Baltic Courier, Senator Mart Kask said the vote would fail.\n\n"
     "Speaking exclusively to Nova Radio, Senator Jonas Lind said the vote would pass.",
     {{"Mart Kask", "the vote would fail", false, "Baltic Courier"},
      {"Jonas Lind", "the vote would pass", false, "Nova Radio"}}},
    {"an interview published or aired by an outlet; an interview on a date names none",
     "Minister Anna Berg said in an interview published by Nova Radio that the pipeline would be finished next year.\n\n"
     "Senator Karl Tamm said in an interview aired on Baltic Television that the border would stay open.\n\n"
     "Senator Olev Saar said in an interview on Monday that the vote would be close.",
     {{"Anna Berg", "the pipeline would be finished next year", false, "Nova Radio"},
      {"Karl Tamm", "the border would stay open", false, "Baltic Television"},
      {"Olev Saar", "the vote would be close", false, "-"}}},
    {"an outlet described before its name",
     "“The talks are going nowhere this month,” Oskar Brandt said in an interview with the Dutch broadcaster "
     "Kanaal Zes.",
     {{"Oskar Brandt", "The talks are going nowhere this month", true, "Kanaal Zes"}}},
    {"a country's possessive before an outlet is not its name",
     "Oskar Brandt told Norway’s Fjordpost that the embassy would reopen in the spring.",
     {{"Oskar Brandt", "the embassy would reopen in the spring", false, "Fjordpost"}}},
    {"an outlet's possessive before its correspondent is the outlet",
     "Analyst Farid Karimov told Caspian Wire's correspondent that the pipeline talks would resume in May.",
     {{"Farid Karimov", "the pipeline talks would resume in May", false, "Caspian Wire"}}},
    {"a comment to an outlet",
     "Economist Nadia Petrova said in a comment to Baltic Pulse that prices would stay high all winter.",
     {{"Nadia Petrova", "prices would stay high all winter", false, "Baltic Pulse"}}},
    {"a frame that names its platform itself",
     "Foreign Minister Jonas Berg landed in Vilnius on Monday.\n\n"
     "“Glad to be back in Vilnius for talks on the new rail corridor,” Berg tweeted.",
     {{"Jonas Berg", "Glad to be back in Vilnius", true, "Twitter"}}},
    {"a post on the speaker's own page",
     "“Thank you to my friends in Riga for a warm welcome today,” Prime Minister Edgars Ozols said on his Facebook.",
     {{"Edgars Ozols", "Thank you to my friends in Riga", true, "Facebook"}}},
    {"an interview with a possessive",
     "Economist Nadia Petrova said in her interview to Baltic Pulse that prices would stay high all winter.",
     {{"Nadia Petrova", "prices would stay high all winter", false, "Baltic Pulse"}}},
    {"an outlet's programme is the outlet's",
     "Oskar Brandt told Nordvision's Evening Report that the embassy would reopen in the spring.",
     {{"Oskar Brandt", "the embassy would reopen in the spring", false, "Nordvision"}}},
    {"a lower-case outlet",
     "Deputy Minister Ana Ruiz told state television that the border would reopen on Monday.",
     {{"Ana Ruiz", "the border would reopen on Monday", false, "state television"}}},
    {"a post on a platform",
     "Ambassador Lena Kray wrote on X that the delegation had landed safely in the capital.",
     {{"Lena Kray", "the delegation had landed safely", false, "X"}}},
    {"a post named in a sentence of its own",
     "Ambassador Omar Reza made the announcement through a Twitter post.\n\n"
     "Reza said the two ministers would meet in the capital next week.",
     {{"Omar Reza", "the two ministers would meet in the capital", false, "Twitter"}}},
    {"a speaker tied to two outlets keeps each statement's own",
     "Ivo Marek said the observers had left.\n\n"
     "Marek told Radio Dunav that the vote was fair.\n\n"
     "Marek told Sava Daily that the count would take a week.",
     {{"Ivo Marek", "the vote was fair", false, "Radio Dunav"},
      {"Ivo Marek", "the count would take a week", false, "Sava Daily"},
      {"Ivo Marek", "the observers had left", false, "-"}}},
    {"the channel frame before a quotation",
     "In an interview with Radio Tisa, Minister Karl Weber said: “We will sign the treaty before summer.”",
     {{"Karl Weber", "We will sign the treaty before summer", true, "Radio Tisa"}}},
    {"a person told something is no channel",
     "President Elena Moraru received Prime Minister Jonas Petrauskas in Chisinau.\n\n"
     "Moraru told Petrauskas that the gas link would be finished by autumn.",
     {{"Elena Moraru", "the gas link would be finished by autumn", false, "-"}}},
    {"a comment given to an outlet",
     "“The border will stay open all winter,” said analyst Tarik Demir while commenting to Kavkaz Radio on the "
     "talks.",
     {{"Tarik Demir", "The border will stay open all winter", true, "Kavkaz Radio"}}},
    {"a program of an outlet ties a speaker named after a role noun",
     "This was stated by political scientist Marta Zarina in the program Open Question of Radio Sava on Monday.\n\n"
     "According to Marta Zarina, the new border crossing will open before the summer.",
     {{"Marta Zarina", "the new border crossing will open", false, "Radio Sava"}}},
    {"a weekday after 'wrote on' is a date, not an outlet",
     "Ambassador Lena Kray wrote on Monday that the delegation had landed safely in the capital.",
     {{"Lena Kray", "the delegation had landed safely", false, "-"}}},
};

TEST(QuotesChannelsTest, Cases) {
  for (const Case& c : kChannelCases) ExpectCase(c);
}

TEST(QuotesChannelsTest, TheOutletTalkedToInTheFirstPersonIsThePagesOwn) {
  const Case c{"told our correspondent",
               "Minister Anna Berg told our correspondent that the pipeline would be finished next year.\n\n"
               "The border will stay open, Senator Karl Tamm told us.",
               {{"Anna Berg", "the pipeline would be finished next year", false, "Harbour Times"},
                {"Karl Tamm", "The border will stay open", false, "Harbour Times"}}};
  const auto& tables = text::TablesFor("en");
  ExpectQuotes(c, FindQuotes(c.text, tables, text::BuildTextLayer(c.text, tables), nullptr, "Harbour Times"));
  // Without the page's outlet, no channel.
  const auto none = FindQuotes(c.text, tables);
  for (const Quote& q : none) EXPECT_FALSE(q.channel) << q.text;
}

}  // namespace
}  // namespace attache::quotes
