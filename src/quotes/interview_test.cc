// Question-and-answer interviews: each answer paragraph is a quote of the
// interviewee, not direct, with the interview's outlet as its channel.
#include <gtest/gtest.h>

#include "quotes/test_cases.h"
#include "text/names.h"

namespace attache::quotes {
namespace {

using testing_util::Case;
using testing_util::ExpectCase;

const Case kInterviewCases[] = {
    {"dashed questions, the outlet opening the introduction",
     "Danube Herald presents an interview with Marta Ilic, a Serbian economist.\n\n"
     "- How do you see the new trade deal?\n\n"
     "- It is a modest step, but it opens the market for our farmers.\n\n"
     "It will take years before the gains show in the villages, though.\n\n"
     "- Will the border queues get shorter?\n\n"
     "- Only if both customs services share their data in real time.\n\n"
     "Related news",
     {{"Marta Ilic", "It is a modest step", false, "Danube Herald"},
      {"Marta Ilic", "It will take years before the gains show", false, "Danube Herald"},
      {"Marta Ilic", "Only if both customs services share", false, "Danube Herald"}}},
    {"questions of an outlet's bureau",
     "Deputy Minister Pavel Ross answered questions of Nova's Vienna bureau.\n\n"
     "Q: What did the talks achieve?\n\n"
     "A: We agreed on a timetable for the pipeline and on who pays for it.",
     {{"Pavel Ross", "We agreed on a timetable for the pipeline", false, "Nova"}}},
    {"questions under a word label, the outlet of the introduction",
     "Foreign Minister Ines Varga spoke to Baltic Courier in an exclusive interview with Baltic Courier.\n\n"
     "Question: What do you expect from the summit in Riga?\n\n"
     "Answer: A clear promise on air defence and a date for the next round.\n\n"
     "Question: And the grain corridor?\n\n"
     "Answer: It must stay open, and we will pay for the escorts ourselves.",
     {{"Ines Varga", "A clear promise on air defence", false, "Baltic Courier"},
      {"Ines Varga", "It must stay open", false, "Baltic Courier"}}},
    {"the outlet asks under its own name",
     "Senator Tomas Brand of Chile took part in a talk about the Pacific treaty.\n\n"
     "Andes Radio: Why did the talks stall last year?\n\n"
     "Brand: Because both sides wanted the fishing rights settled first.\n\n"
     "Andes Radio: Will they resume in the spring?\n\n"
     "Brand: I think so, once the new cabinet has been sworn in.",
     {{"Tomas Brand", "Because both sides wanted the fishing rights", false, "Andes Radio"},
      {"Tomas Brand", "I think so, once the new cabinet", false, "Andes Radio"}}},
    {"a dateline label asking once is no interview",
     "Lima/02.03.21/Andes Radio: What will the visit bring? Officials expect a deal on fishing.\n\n"
     "The minister arrives in Oslo on Monday for two days of talks with his counterpart.",
     {}},
    {"questions set apart only by type, the outlet of the introduction",
     "In an interview with Danube Herald, economist Marta Ilic talked about the new trade deal.\n\n"
     "How do you see the new trade deal?\n\n"
     "It is a modest step, but it opens the market for our farmers.\n\n"
     "Will the border queues get shorter?\n\n"
     "Only if both customs services share their data in real time.",
     {{"Marta Ilic", "It is a modest step", false, "Danube Herald"},
      {"Marta Ilic", "Only if both customs services share", false, "Danube Herald"}}},
    {"a news story with two questions of its own is no interview",
     "Minister Olga Petrenko arrived in Oslo on Monday for talks on fishing quotas.\n\n"
     "What will the visit bring?\n\n"
     "Officials expect a deal on quotas by the end of the week, and a second one on ports.\n\n"
     "Will it last? Few think so.",
     {}},
    {"a transcript's turns are the words of the person named before the colon",
     "The two ministers spoke to the press after the talks in Vilnius.\n\n"
     "Minister Rasa Kalnina: Thank you all for coming. The agreement on the power grid is signed.\n\n"
     "Photo: Press service of the ministry of energy of the republic",
     {{"Rasa Kalnina", "Thank you all for coming", false, "-"}}},
    {"a line between the introduction and the first question",
     "Danube Herald presents an interview with Marta Ilic, a Serbian economist.\n\n"
     "Photo by the editors\n\n"
     "- How do you see the new trade deal?\n\n"
     "- It is a modest step, but it opens the market for our farmers.",
     {{"Marta Ilic", "It is a modest step", false, "Danube Herald"}}},
    {"a single question in a news story is no interview",
     "The minister arrived in Oslo on Monday. What will the visit bring?\n\n"
     "Officials expect a deal on fishing quotas by the end of the week.",
     {}},
};

TEST(QuotesInterviewTest, Cases) {
  for (const Case& c : kInterviewCases) ExpectCase(c);
}

TEST(QuotesInterviewTest, ThePagesOwnInterviewTakesThePagesOutlet) {
  const Case c{"an introduction that names no outlet",
               "Mayor Olga Petrenko answered our questions about the new bridge.\n\n"
               "- When will the bridge open?\n\n"
               "- In June, if the steel arrives from the mill on time.",
               {{"Olga Petrenko", "In June, if the steel arrives", false, "Harbour Times"}}};
  const auto& tables = text::TablesFor("en");
  ExpectQuotes(c, FindQuotes(c.text, tables, text::BuildTextLayer(c.text, tables), nullptr, "Harbour Times"));
}

}  // namespace
}  // namespace attache::quotes
