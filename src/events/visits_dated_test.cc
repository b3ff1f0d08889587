// A visit's date from a later mention of the trip (visits_dated.cc), on
// sentences written for the test, with the document's syntax.
#include <gtest/gtest.h>

#include <string>

#include "attache/analyze.h"
#include "events/events.h"
#include "events/test_util.h"
#include "syntax/syntax.h"
#include "text/tables.h"

namespace attache::events {
namespace {

using test_util::Dump;
using test_util::FindVisit;

// Published Wednesday 15 May 2024.
Events Find(const std::string& text) { return test_util::FindWithSyntax(text, "2024-05-15"); }

// "During his visit on June 3 and 4": the trip noun's possessor's one
// undated visit takes the date of the noun's phrase; so do those who
// travel with them.
TEST(DatedTripTest, LaterMentionOfTheTripDatesIt) {
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model";
  Events e = Find(
      "Chilean President Ana Rojas will visit Latvia, her office said on Tuesday. During her two-day visit on "
      "June 3 and 4, Rojas plans talks on trade.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-06-03");
  EXPECT_EQ(v->status, "planned");

  e = Find("Peruvian President Luis Quispe will travel to Estonia. It will be Quispe's first visit (June 10-11) to Estonia.");
  v = FindVisit(e, "Luis Quispe", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-06-10");
}

// A date that does not fit the visit's tense, or a possessor with two
// undated visits, dates nothing.
TEST(DatedTripTest, OnlyAFittingDateOfOneVisit) {
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model";
  Events e = Find(
      "Chilean President Ana Rojas will visit Latvia, her office said. Her last visit in March 2021 was short.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date, std::nullopt) << Dump(e);

  e = Find(
      "Chilean President Ana Rojas will visit Latvia and Estonia, her office said. During her visit on June 3, "
      "Rojas plans talks on trade.");
  for (const char* code : {"LVA", "EST"}) {
    v = FindVisit(e, "Ana Rojas", code);
    ASSERT_NE(v, nullptr) << code << "\n" << Dump(e);
    EXPECT_EQ(v->date, std::nullopt) << code << "\n" << Dump(e);
  }
}

}  // namespace
}  // namespace attache::events
