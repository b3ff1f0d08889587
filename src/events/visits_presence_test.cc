// Presence in a city abroad read on the tree (visits_presence.cc), on
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

// "In Zagreb, X will open ...": the subject of a verb whose obl with "in"
// is a city abroad is there; each city of the adjunct's conjuncts too.
TEST(PresenceTest, SubjectOfAVerbInACityAbroad) {
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model";
  Events e = Find("In Zagreb, Chilean Foreign Minister Ana Rojas will open a trade fair on Friday.");
  const Visit* v = FindVisit(e, "Ana Rojas", "HRV");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Zagreb");
  EXPECT_EQ(v->status, "planned");

  e = Find(
      "Chilean Foreign Minister Ana Rojas will begin a tour of the region next week. In Vienna, as well as in "
      "Prague and Bratislava, she will speak with students and business leaders.");
  for (const char* code : {"AUT", "CZE", "SVK"}) EXPECT_NE(FindVisit(e, "Ana Rojas", code), nullptr) << code << "\n" << Dump(e);
}

// Nobody visits a city of their own country.
TEST(PresenceTest, NotAtHome) {
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model";
  Events e = Find("In Santiago, Chilean Foreign Minister Ana Rojas opened a trade fair on Monday.");
  EXPECT_EQ(FindVisit(e, "Ana Rojas", "CHL"), nullptr) << Dump(e);
}

// "X was in Riga", "X will be in Riga on Friday": a place with "in" as the
// predicate of a copula, the copula's tense the visit's.
TEST(PresenceTest, BeingInAPlace) {
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model";
  Events e = Find("Chilean President Ana Rojas will be in Riga on Friday.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
  EXPECT_EQ(v->date.value_or(""), "2024-05-17");

  e = Find("Chilean President Ana Rojas was in Riga on Monday.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");

  e = Find("Chilean President Ana Rojas is currently in Latvia.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");

  e = Find("Chilean President Ana Rojas was in Santiago on Monday.");
  EXPECT_EQ(FindVisit(e, "Ana Rojas", "CHL"), nullptr) << Dump(e);
}

// The city may hang on the verb's object: "addressed the parliament in
// Riga", "inaugurated a trade fair in Riga".
TEST(PresenceTest, CityOfTheObjectOrAdjunct) {
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model";
  for (const char* text : {"Chilean President Ana Rojas inaugurated a trade fair in Riga on Monday.",
                           "Chilean President Ana Rojas addressed the Latvian parliament in Riga on Monday."}) {
    const Events e = Find(text);
    const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
    ASSERT_NE(v, nullptr) << text << "\n" << Dump(e);
    EXPECT_EQ(v->status, "past") << text;
  }
}

}  // namespace
}  // namespace attache::events
