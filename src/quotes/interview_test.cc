// Question-and-answer interviews: each answer paragraph is a quote of the
// interviewee, not direct, with the interview's outlet as its channel.
#include <gtest/gtest.h>

#include "quotes/test_cases.h"

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
    {"a single question in a news story is no interview",
     "The minister arrived in Oslo on Monday. What will the visit bring?\n\n"
     "Officials expect a deal on fishing quotas by the end of the week.",
     {}},
};

TEST(QuotesInterviewTest, Cases) {
  for (const Case& c : kInterviewCases) ExpectCase(c);
}

}  // namespace
}  // namespace attache::quotes
