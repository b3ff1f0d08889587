// Speakers: which phrase is the speaker, and which phrases only look like one.
#include <gtest/gtest.h>

#include "quotes/test_cases.h"

namespace attache::quotes {
namespace {

using testing_util::Case;
using testing_util::ExpectCase;

const Case kSpeakerCases[] = {
    {"a lone capitalised word in a frame's slot is no speaker",
     "According to Meridian, the two presidents will sign a transit deal next week.",
     {}},
    {"a lone surname after a speech verb stays a speaker",
     "The talks ended late. Mirek said the two sides would meet again in June.",
     {{"Mirek", "the two sides would meet again in June", false, ""}}},
    {"a lone surname in a frame stays a speaker when the article names the person in full",
     "Deputy Minister Tomas Mirek arrived on Monday. According to Mirek, the two sides will meet again in June.",
     {{"Tomas Mirek", "the two sides will meet again in June", false, ""}}},
};

TEST(QuotesSpeakersTest, Cases) {
  for (const Case& c : kSpeakerCases) ExpectCase(c);
}

}  // namespace
}  // namespace attache::quotes
