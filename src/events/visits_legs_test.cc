// The legs of a tour, each with its own date (visits_legs.cc), on
// sentences written for the test.
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

TEST(TourLegsTest, EachPlaceWithItsOwnDate) {
  Events e = Find("Chilean President Ana Rojas visited Latvia in March and Estonia in April.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-03");
  v = FindVisit(e, "Ana Rojas", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-04");
  EXPECT_EQ(v->status, "past");

  e = Find("Chilean President Ana Rojas will visit Riga on May 20 and Tallinn on May 22.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-20");
  v = FindVisit(e, "Ana Rojas", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-22");
  EXPECT_EQ(v->place.value_or(""), "Tallinn");
  EXPECT_EQ(v->status, "planned");

  e = Find("Chilean President Ana Rojas will travel to Riga on Monday and to Tallinn on Friday.");
  v = FindVisit(e, "Ana Rojas", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-17");
}

// "Latvia on May 20, followed by Estonia on May 22": a joiner of several
// words.
TEST(TourLegsTest, FollowedBy) {
  const Events e = Find("Chilean President Ana Rojas will pay a visit to Latvia on May 20, followed by Estonia on May 22.");
  const Visit* v = FindVisit(e, "Ana Rojas", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-22");
  EXPECT_EQ(v->status, "planned");
}

// A run where a place has no date of its own is left as the trigger read
// it; a place named after another clause is no leg.
TEST(TourLegsTest, OnlyRunsOfDatedLegs) {
  Events e = Find("Chilean President Ana Rojas will visit Latvia and Estonia on Monday.");
  for (const char* code : {"LVA", "EST"}) {
    const Visit* v = FindVisit(e, "Ana Rojas", code);
    ASSERT_NE(v, nullptr) << code << "\n" << Dump(e);
    EXPECT_EQ(v->date.value_or(""), "2024-05-20") << code;
  }
  e = Find("Chilean President Ana Rojas visited Latvia in March, and Peru recalled its envoy to Estonia in April.");
  EXPECT_EQ(FindVisit(e, "Ana Rojas", "EST"), nullptr) << Dump(e);
}

}  // namespace
}  // namespace attache::events
