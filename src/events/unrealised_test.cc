// Meetings that are no meetings (ANNOTATION.md): a welcome alone, a
// companion paired with the host, a meeting only wished for or offered,
// a plan that fell through, a call of the meeting's own phrase; on sentences written for the test, read with
// the syntax model.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "attache/analyze.h"
#include "events/events.h"
#include "events/test_util.h"
#include "syntax/syntax.h"
#include "text/tables.h"

namespace attache::events {
namespace {

using test_util::Dump;

using test_util::HasMeeting;

TEST(UnrealisedMeetingsTest, AWelcomeAloneIsNoMeeting) {
  Events e;
  FIND_OR_SKIP(
      "Portuguese President Rui Carvalho welcomed Latvian Prime Minister Ilze Ozola to Lisbon on Friday. A "
      "military band played both anthems.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  EXPECT_FALSE(e.visits.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, AWelcomeStandsForTalksTheArticleTellsOf) {
  Events e;
  FIND_OR_SKIP(
      "Portuguese President Rui Carvalho welcomed Latvian Prime Minister Ilze Ozola to Lisbon on Friday. The two "
      "leaders then held talks on energy.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Rui Carvalho", "Ilze Ozola"})) << Dump(e);
}

TEST(UnrealisedMeetingsTest, CompanionsAreNotPairedWithTheHosts) {
  Events e;
  FIND_OR_SKIP(
      "Chilean President Diego Soto and First Lady Marta Soto will host Irish President Aidan Walsh and First Lady "
      "Niamh Walsh in Santiago in June, the palace said.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Diego Soto", "Aidan Walsh"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Marta Soto", "Niamh Walsh"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Marta Soto", "Aidan Walsh"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Diego Soto", "Niamh Walsh"})) << Dump(e);
}

TEST(UnrealisedMeetingsTest, SpousesReceivedBesideThePrincipalsMeetNoOne) {
  Events e;
  FIND_OR_SKIP(
      "Irish President Aidan Walsh and his wife Niamh Walsh were received by Chilean President Diego Soto and his "
      "wife Marta Soto in Santiago on Monday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Diego Soto", "Aidan Walsh"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(UnrealisedMeetingsTest, AMeetingOnlyWishedForIsNone) {
  Events e;
  FIND_OR_SKIP("Danish Foreign Minister Lars Holm is ready to meet Slovak Foreign Minister Peter Kollar in Oslo.", e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  FIND_OR_SKIP("Danish Foreign Minister Lars Holm wants to hold talks with Slovak Foreign Minister Peter Kollar.", e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, AMeetingSoughtOrLikedIsNone) {
  Events e;
  FIND_OR_SKIP("Danish Foreign Minister Lars Holm said he would like to meet Slovak Foreign Minister Peter Kollar.", e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  FIND_OR_SKIP("Danish Foreign Minister Lars Holm has requested a meeting with Slovak Foreign Minister Peter Kollar.",
               e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, APlanCalledOffInItsConjunctIsNone) {
  Events e;
  FIND_OR_SKIP(
      "Danish Foreign Minister Lars Holm was due to meet Slovak Foreign Minister Peter Kollar on Monday, but the "
      "meeting was cancelled.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, AnInvitationAcceptedIsAPlannedMeeting) {
  Events e;
  FIND_OR_SKIP(
      "Danish Foreign Minister Lars Holm accepted an invitation to meet Slovak Foreign Minister Peter Kollar in "
      "Bratislava next month.",
      e);
  ASSERT_TRUE(HasMeeting(e, {"Lars Holm", "Peter Kollar"})) << Dump(e);
  EXPECT_EQ(e.meetings[0].status, "planned") << Dump(e);
  FIND_OR_SKIP("Danish Foreign Minister Lars Holm invited Slovak Foreign Minister Peter Kollar to meet in Oslo.", e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, APlanThatFellThroughIsNone) {
  Events e;
  FIND_OR_SKIP(
      "Danish Foreign Minister Lars Holm was scheduled to meet Slovak Foreign Minister Peter Kollar on Monday, "
      "before the cancellation of the whole tour.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, APlanStillStandingIsPlanned) {
  Events e;
  FIND_OR_SKIP(
      "Danish Foreign Minister Lars Holm is scheduled to meet Slovak Foreign Minister Peter Kollar on Monday in "
      "Oslo.",
      e);
  ASSERT_TRUE(HasMeeting(e, {"Lars Holm", "Peter Kollar"})) << Dump(e);
  EXPECT_EQ(e.meetings[0].status, "planned") << Dump(e);
}

TEST(UnrealisedMeetingsTest, ACallOfTheMeetingsOwnPhraseIsNoMeeting) {
  Events e;
  FIND_OR_SKIP("Danish Foreign Minister Lars Holm held a phone call with Slovak Foreign Minister Peter Kollar.", e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  FIND_OR_SKIP(
      "Danish Foreign Minister Lars Holm and Slovak Foreign Minister Peter Kollar held talks by video link on "
      "Monday.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  FIND_OR_SKIP(
      "Danish Foreign Minister Lars Holm spoke by phone with Slovak Foreign Minister Peter Kollar and discussed "
      "fisheries.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(UnrealisedMeetingsTest, ACallBeforeTheMeetingLeavesTheMeeting) {
  Events e;
  FIND_OR_SKIP(
      "After a phone call last week, Danish Foreign Minister Lars Holm met Slovak Foreign Minister Peter Kollar in "
      "Rome on Monday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Lars Holm", "Peter Kollar"})) << Dump(e);
}

TEST(UnrealisedMeetingsTest, ACounterpartOfAnotherWordIsNoSideOfTheMeeting) {
  Events e;
  FIND_OR_SKIP(
      "Brazilian President Paulo Souza arrived in Beijing on Tuesday. His visit with Chinese President Li Wen comes "
      "after a meeting at the White House with US President Tom Harris in February.",
      e);
  EXPECT_FALSE(HasMeeting(e, {"Li Wen", "Tom Harris"})) << Dump(e);
}

}  // namespace
}  // namespace attache::events
