// Meetings whose participant lists the rules of meetings.cc,
// meetings_tree.cc and meetings_groups.cc complete, on sentences written
// for the test: lists of people met that run past title phrases, two people
// of one side meeting each official together, groups described and not
// named ("the two presidents", "the envoys"), "meetings of X with A and B",
// a meeting noun in an adjunct of the subjects' verb.
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
using test_util::HasMeeting;

TEST(MeetingsGroupsTest, ListOfTitledPeopleIsReadToItsEnd) {
  Events e;
  FIND_OR_SKIP(
      "Prime Minister Olaf Nyberg is meeting with the ambassador of Canada, Ruth Ellison, the ambassador of "
      "Japan, Kenji Mori, and the head of the UN mission, Tomas Varga.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Olaf Nyberg", "Ruth Ellison", "Kenji Mori", "Tomas Varga"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsGroupsTest, NamesFollowedByTheirTitlesAreOneList) {
  Events e;
  FIND_OR_SKIP(
      "On Monday Finnish Foreign Minister Arvid Lindqvist will meet Pavel Dvorak, the Minister of Finance of "
      "Slovakia for budget issues, Jana Kralova, the chairwoman of the Parliament of Slovakia, and Marek Hruby, "
      "the President of Slovakia.",
      e);
  for (const char* who : {"Pavel Dvorak", "Jana Kralova", "Marek Hruby"})
    EXPECT_TRUE(HasMeeting(e, {"Arvid Lindqvist", who})) << who << "\n" << Dump(e);
  EXPECT_EQ(e.meetings.size(), 3u) << Dump(e);
}

TEST(MeetingsGroupsTest, TwoOfOneSideMeetEachOfficialTogether) {
  Events e;
  FIND_OR_SKIP("Arvid Lindqvist and Tarmo Kask will meet Pavel Dvorak and Jana Kralova in Bratislava on Monday.", e);
  EXPECT_TRUE(HasMeeting(e, {"Arvid Lindqvist", "Tarmo Kask", "Pavel Dvorak"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Arvid Lindqvist", "Tarmo Kask", "Jana Kralova"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 2u) << Dump(e);
}

TEST(MeetingsGroupsTest, TheTwoPresidentsAreThePresidentsNamedBefore) {
  Events e;
  FIND_OR_SKIP(
      "At the invitation of Estonian President Tarmo Kask, Finnish President Arvid Lindqvist will pay a state "
      "visit to Estonia next week.\n\n\"We look forward to the visit,\" said spokesman Jaan Tamm.\n\nDuring the "
      "visit, the two presidents will hold talks on trade, Tamm said.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tarmo Kask", "Arvid Lindqvist"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Jaan Tamm", "Arvid Lindqvist"})) << Dump(e);
  // No determiner: two ministers, whoever they are, name no one.
  Events f;
  FIND_OR_SKIP(
      "Estonian President Tarmo Kask visited Finland on Monday.\n\nTwo ministers will hold talks on energy next "
      "month.",
      f);
  EXPECT_TRUE(f.meetings.empty()) << Dump(f);
}

TEST(MeetingsGroupsTest, PluralDescriptionIsTheDelegationJustReported) {
  Events e;
  FIND_OR_SKIP(
      "Council envoys Pavel Dvorak and Jana Kralova will arrive in Estonia on Monday.\n\nThe envoys will meet "
      "Prime Minister Tarmo Kask and Speaker Mart Kivi.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Pavel Dvorak", "Jana Kralova", "Tarmo Kask"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Pavel Dvorak", "Jana Kralova", "Mart Kivi"})) << Dump(e);
}

TEST(MeetingsGroupsTest, MeetingsOfOnePersonWithOthers) {
  Events e;
  FIND_OR_SKIP(
      "President Tarmo Kask will visit Latvia next week.\n\nDuring the visit, it is also planned to hold meetings "
      "of the head of state with Prime Minister Andris Ozols and Speaker Ilze Berzina.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tarmo Kask", "Andris Ozols"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Tarmo Kask", "Ilze Berzina"})) << Dump(e);
}

TEST(MeetingsGroupsTest, MeetingNounInAnAdjunctOfTheSubjectsVerb) {
  Events e;
  FIND_OR_SKIP(
      "During the talks, Latvian President Andris Ozols and Estonian President Tarmo Kask discussed energy "
      "security.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Andris Ozols", "Tarmo Kask"})) << Dump(e);
  // Its subjects a group described: the visitor and his host.
  Events f;
  FIND_OR_SKIP(
      "Estonian President Tarmo Kask arrived in Latvia on Monday.\n\nAt the start of talks at the new residence "
      "of Latvian President Andris Ozols, the two presidents said they were committed to close ties.",
      f);
  EXPECT_TRUE(HasMeeting(f, {"Andris Ozols", "Tarmo Kask"})) << Dump(f);
  // A summit is an event, not their meeting.
  Events g;
  FIND_OR_SKIP(
      "During the summit, Latvian President Andris Ozols and Estonian President Tarmo Kask discussed energy "
      "security.",
      g);
  EXPECT_TRUE(g.meetings.empty()) << Dump(g);
}

TEST(MeetingsGroupsTest, ConveningWithACounterpartIsAMeeting) {
  Events e;
  FIND_OR_SKIP(
      "Estonian Foreign Minister Tarmo Kask is scheduled to convene with his Latvian counterpart, Andris Ozols, "
      "on Thursday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tarmo Kask", "Andris Ozols"})) << Dump(e);
}

TEST(MeetingsGroupsTest, ListGoesOnWithItsPrepositionAgain) {
  Events e;
  FIND_OR_SKIP(
      "On Saturday President Tarmo Kask met with the Latvian delegation led by Speaker Ilze Berzina, and later "
      "with Lithuanian President Jonas Petraitis.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tarmo Kask", "Ilze Berzina"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Tarmo Kask", "Jonas Petraitis"})) << Dump(e);
}

TEST(MeetingsGroupsTest, DescriptionOfTheVisitorAsChief) {
  Events e;
  FIND_OR_SKIP(
      "Secretary General of NATO Anders Holm arrived in Tallinn on Tuesday.\n\nThe NATO chief will meet with "
      "President Lauri Tamm and Prime Minister Kadri Saar.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Anders Holm", "Lauri Tamm"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Anders Holm", "Kadri Saar"})) << Dump(e);
}

TEST(MeetingsGroupsTest, SubjectAfterAPlaceTakenForOne) {
  // A release's place and date before the sentence, taken by the parser
  // for a second subject.
  Events e;
  FIND_OR_SKIP(
      "OTTAWA, Canada, May 14, 2024 /Wire/ - Today, the Prime Minister, Anne Fortin, met with the President of "
      "Estonia, Lauri Tamm, on the margins of the summit in Ottawa.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Anne Fortin", "Lauri Tamm"})) << Dump(e);
}

TEST(MeetingsGroupsTest, SubjectHungOnAFrontedDayAsItsApposition) {
  // The parser makes "the President of Estonia" an apposition of
  // "Tuesday"; the description is the president named before.
  Events e;
  FIND_OR_SKIP(
      "The President of Estonia Lauri Tamm opened a new school in Tartu on Monday.\n\nOn Tuesday, the President "
      "of Estonia met the European Commissioner for Trade Pierre Lambert in Tallinn.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Lauri Tamm", "Pierre Lambert"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsGroupsTest, TitleBeforeAnApposedNameIsThatNamesOnly) {
  // "the President of Germany, Frank Wagner" is not the president named
  // before; "the Speaker of the Bundestag" is no one.
  Events e;
  FIND_OR_SKIP(
      "Czech President Hana Novakova visited Warsaw in May.\n\nPolish Prime Minister Jan Nowicki is expected to "
      "meet with the President of Germany, Frank Wagner, and the Speaker of the Bundestag, Anna Schulz.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Jan Nowicki", "Frank Wagner"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Jan Nowicki", "Anna Schulz"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Jan Nowicki", "Hana Novakova"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 2u) << Dump(e);
}

TEST(MeetingsGroupsTest, SubjectNamedAgainAfterTheVerbMeetsTheOther) {
  Events e;
  FIND_OR_SKIP(
      "Italian Foreign Minister Marco Rossi and his Spanish counterpart Elena Garcia met in Madrid on Thursday, "
      "Rossi's office said.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Marco Rossi", "Elena Garcia"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsGroupsTest, DescriptionApposedToANameIsThatNamesOnly) {
  Events e;
  FIND_OR_SKIP(
      "Latvian Foreign Minister Andris Ozols visited Tallinn on Monday.\n\nGreek Prime Minister Nikos Pappas met "
      "Anna Schulz, the foreign minister of Germany, in Athens on Wednesday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Nikos Pappas", "Anna Schulz"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsGroupsTest, MeetingOfATitleOfSeveralWithTheirNames) {
  Events e;
  FIND_OR_SKIP(
      "A trilateral meeting of the foreign ministers of Armenia, Georgia and Azerbaijan, Ara Petrosyan, Levan "
      "Beridze and Rauf Mammadov, was held in Brussels on Monday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Ara Petrosyan", "Levan Beridze", "Rauf Mammadov"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsGroupsTest, TalksOpeningASentenceAreTheVisitorsJustReported) {
  Events e;
  FIND_OR_SKIP(
      "South Korean President Kim Min-jun arrived in Ottawa on Monday. Talks with Prime Minister Anne Fortin are "
      "scheduled for Tuesday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Kim Min-jun", "Anne Fortin"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsGroupsTest, CourtesyCallIsAMeetingAnUrgingCallIsNone) {
  Events e;
  FIND_OR_SKIP(
      "Indonesian Foreign Minister Siti Rahma paid a courtesy call on Malaysian Prime Minister Anwar Hassan in "
      "Kuala Lumpur.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Siti Rahma", "Anwar Hassan"})) << Dump(e);
  Events f;
  FIND_OR_SKIP(
      "Polish President Piotr Nowak renewed his call on Belarusian leader Ivan Petrov to free the prisoners. "
      "German Chancellor Klaus Becker called on Russian President Pavel Orlov to withdraw. US President John "
      "Miller will call Chinese President Wei Lin on Friday.",
      f);
  EXPECT_TRUE(f.meetings.empty()) << Dump(f);
}

TEST(MeetingsGroupsTest, LeadersOfTheTwoCountriesMeetEachOther) {
  // The count of the countries of the plural role noun's "of" phrase is the
  // group's; an opening "Leaders" the names layer takes for a name is read
  // as the description it is.
  Events e;
  FIND_OR_SKIP(
      "Latvian President Andris Ozols and Estonian President Tarmo Kask opened a bridge in Valga on Monday.\n\n"
      "Leaders of the two countries met on Tuesday to discuss the railway, Ozols said.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Andris Ozols", "Tarmo Kask"})) << Dump(e);
  // Countries not counted name no group.
  Events f;
  FIND_OR_SKIP(
      "Latvian President Andris Ozols and Estonian President Tarmo Kask opened a bridge in Valga on Monday.\n\n"
      "Leaders of many countries met on Tuesday to discuss the railway, Ozols said.",
      f);
  EXPECT_FALSE(HasMeeting(f, {"Andris Ozols", "Tarmo Kask"})) << Dump(f);
}

}  // namespace
}  // namespace attache::events
