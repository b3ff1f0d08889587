// Dates and status of visits (dates.cc, status.cc), read with the
// document's syntax as analyze does, on sentences written for the test.
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
Events Find(const std::string& text, const std::string& published = "2024-05-15") {
  return test_util::FindWithSyntax(text, published);
}

// A cue of plan in the clause that reports the visit ("announced that",
// "a first since X, who had travelled") does not make it planned; one in
// the visit's own clause still does.
TEST(StatusTest, PlanCueOfAnotherClause) {
  Events e = Find(
      "The Latvian Foreign Ministry announced that the Foreign Minister of Chile, Ana Rojas, met her "
      "counterpart Janis Ozols in Riga on Tuesday.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
  EXPECT_EQ(v->date.value_or(""), "2024-05-14");

  e = Find("It will be the first such trip since Prime Minister Ivo Petrov, who had travelled to Brazil in March 2019.");
  v = FindVisit(e, "Ivo Petrov", "BRA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
  EXPECT_EQ(v->date.value_or(""), "2019-03");

  e = Find("The ministry announced that Foreign Minister Ana Rojas will visit Riga on Friday.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
  EXPECT_EQ(v->date.value_or(""), "2024-05-17");

  e = Find("Foreign Minister Ana Rojas plans to visit Riga next month, her office said.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
}

// A trip noun as the predicate of a copula takes its tense; "has been in"
// is a stay under way.
TEST(StatusTest, CopulaOfATripNounAndHasBeenIn) {
  Events e = Find("This is the first visit of Foreign Minister Ana Rojas to Latvia as minister.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");

  e = Find("It was the first visit of Prime Minister Ivo Petrov to Latvia in ten years.");
  v = FindVisit(e, "Ivo Petrov", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");

  e = Find("Foreign Minister Ana Rojas has been in Latvia since Monday, meeting the country's leaders.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");
}

// A date that hangs on the verb of the report ("announced Tuesday") is
// the statement's, not the visit's; one on the visit's verb is its own.
TEST(StatusTest, DateOfTheAnnouncementIsNotTheVisits) {
  Events e = Find("Foreign Minister Ana Rojas will visit Latvia and Estonia, her ministry announced Tuesday.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date, std::nullopt);
  EXPECT_EQ(v->status, "planned");

  e = Find("Foreign Minister Ana Rojas is expected to arrive in Riga on Friday, her ministry announced.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-17");
}

// An arrival told in a clause of time is narrative, not news of the day.
TEST(StatusTest, ArrivalInAClauseOfTimeIsNoNewsOfTheDay) {
  Events e = Find("Ivo Petrov is a patient man: when he arrived in Riga, he went straight to the port to see the ships.");
  const Visit* v = FindVisit(e, "Ivo Petrov", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");

  e = Find("Foreign Minister Ana Rojas arrived in Riga for talks on energy.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");
}

// A trip begun or carried on in the present or present perfect is under
// way (on a page with no date, where the day gives no status).
TEST(StatusTest, TripBegunOrContinuedIsUnderWay) {
  Events e = Find("Prime Minister Ivo Petrov has begun a three-day official visit to Latvia.", "");
  const Visit* v = FindVisit(e, "Ivo Petrov", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");

  e = Find("Prime Minister Ivo Petrov continues his visit to Latvia.", "");
  v = FindVisit(e, "Ivo Petrov", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");

  e = Find("Prime Minister Ivo Petrov began a visit to Latvia.", "");
  v = FindVisit(e, "Ivo Petrov", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
}

// A date in a clause opened by a conjunction that does not hold the
// trigger ("after meeting X on Monday") is that clause's.
TEST(StatusTest, DateOfAnotherMarkedClause) {
  Events e = Find(
      "After meeting Foreign Minister Ana Rojas in Riga on Monday, Prime Minister Ivo Petrov made a surprise visit "
      "to Estonia.");
  const Visit* v = FindVisit(e, "Ivo Petrov", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date, std::nullopt);

  e = Find("Prime Minister Ivo Petrov visited Estonia on Monday after he had talks in Riga.");
  v = FindVisit(e, "Ivo Petrov", "EST");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-13");
}

// A weekday that opens its sentence is read by the verb after it.
TEST(StatusTest, OpeningWeekdayTakesTheTenseOfItsVerb) {
  const Events e = Find("On Thursday, Foreign Minister Ana Rojas travelled to Riga for talks on energy.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-09");
  EXPECT_EQ(v->status, "past");
}

// A run of days written before its month ("17–18 May", "17 and 18 May",
// "from 17 to 19 May") starts on its first day; a single day stays.
TEST(StatusTest, RunOfDaysBeforeTheMonthStartsOnTheFirst) {
  for (const char* text : {"On 20–21 May, Chilean President Ana Rojas will pay a state visit to Latvia.",
                           "Chilean President Ana Rojas will visit Latvia on 20 and 21 May.",
                           "Chilean President Ana Rojas will visit Latvia from 20 to 23 May."}) {
    const Events e = Find(text);
    const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
    ASSERT_NE(v, nullptr) << text << "\n" << Dump(e);
    EXPECT_EQ(v->date.value_or(""), "2024-05-20") << text;
    EXPECT_EQ(v->status, "planned") << text;
  }
  const Events e = Find("Chilean President Ana Rojas, who turns 60 on 21 May, will visit Latvia on 21 May.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-21");
}

// A trip noun whose verb, over a clause set off by commas, calls it off:
// postponed stays planned with no date, cancelled is no visit; an
// invitation accepted is a plan.
TEST(StatusTest, PredicateOverACommaClauseAndAcceptedInvitation) {
  Events e = Find("Chilean President Ana Rojas's visit to Latvia, planned for next week, has been postponed.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
  EXPECT_EQ(v->date, std::nullopt);

  e = Find("Chilean President Ana Rojas's visit to Latvia, scheduled for next week, was cancelled.");
  EXPECT_EQ(FindVisit(e, "Ana Rojas", "LVA"), nullptr) << Dump(e);

  e = Find("Chilean President Ana Rojas's visit to Latvia, which ended on Monday, was a success.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");

  e = Find("Chilean President Ana Rojas accepted an invitation to visit Latvia.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
}

// A possible trip ("could visit") is planned, as is one wished for; a plan
// called off in a clause joined to it is no visit.
TEST(StatusTest, PossibleWishedAndCalledOffTrips) {
  Events e = Find("Chilean President Ana Rojas could visit Latvia later this year, diplomats said.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");

  e = Find("Chilean President Ana Rojas wants to visit Latvia next year.");
  v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");

  e = Find("Chilean President Ana Rojas was scheduled to visit Latvia on Monday, but the trip was cancelled.");
  EXPECT_EQ(FindVisit(e, "Ana Rojas", "LVA"), nullptr) << Dump(e);
}

// An undated trip under way and one dated in an earlier month are two
// trips, not one merged with the old date; an arrival this week stays the
// trip under way.
TEST(StatusTest, TripUnderWayAndAnEarlierTripStayApart) {
  Events e = Find("Chilean President Ana Rojas is in Latvia on a state visit. She last visited Latvia in 2019.");
  ASSERT_EQ(e.visits.size(), 2u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "ongoing");
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-05-15");
  EXPECT_EQ(e.visits[1].status, "past");
  EXPECT_EQ(e.visits[1].date.value_or(""), "2019");

  e = Find("Chilean President Ana Rojas is in Latvia on a state visit. She arrived in Riga on Monday.");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "ongoing");
}

// A trigger that is itself a phone word ("held a phone call with") is a
// call of its own phrase: no parse asked to tell it.
TEST(StatusTest, TriggerThatIsAPhoneWordIsNotParsed) {
  const text::LanguageTables& tables = text::TablesFor("en");
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model for en";
  const std::string text = "The harbour master held a phone call with the mayor of the village.";
  const text::TextLayer layer = text::BuildTextLayer(text, tables);
  const syntax::DocumentSyntax syn(text, layer, "en");
  const Events e = FindEvents(text, "2024-05-15", tables, layer, &syn);
  EXPECT_TRUE(e.meetings.empty());
  EXPECT_EQ(syn.parsed(), 0u);
}

}  // namespace
}  // namespace attache::events
