// Meetings read on the dependency tree (meetings_tree.cc) and the meeting
// rules around them (meetings.cc), on sentences written for the test: the
// people a meeting verb or noun names on the tree, receptions, lists beyond
// the word patterns' reach, participants named by one word, descriptions of
// the visitor, press conferences and airport receptions.
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

TEST(MeetingsTreeTest, SubjectsJoinedByAndMeetEachOther) {
  Events e;
  FIND_OR_SKIP(
      "Finnish President Arvid Lindqvist and his Estonian counterpart Tarmo Kask met on Monday in Geneva for a "
      "second round of consultations.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Arvid Lindqvist", "Tarmo Kask"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsTreeTest, MeetingBetweenTwoDescribedPeople) {
  Events e;
  FIND_OR_SKIP(
      "The trade agenda was also discussed in a separate meeting on Tuesday between the Polish president, Jan "
      "Nowicki, and the German ambassador to Poland, Klaus Becker.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Jan Nowicki", "Klaus Becker"})) << Dump(e);
}

TEST(MeetingsTreeTest, ConferringWithSomeoneIsAMeeting) {
  Events e;
  FIND_OR_SKIP(
      "On Thursday, Czech Foreign Minister Hana Novakova discussed energy security with her Slovak counterpart "
      "Peter Hudak.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Hana Novakova", "Peter Hudak"})) << Dump(e);
  // Discussing something is no meeting without someone to discuss it with.
  Events f;
  FIND_OR_SKIP("Czech Foreign Minister Hana Novakova discussed the energy security of Central Europe.", f);
  EXPECT_TRUE(f.meetings.empty()) << Dump(f);
}

TEST(MeetingsTreeTest, ReceivingADelegationMeetsItsLeader) {
  Events e;
  FIND_OR_SKIP(
      "President of Albania Ilir Berisha has received a delegation led by the Speaker of the Croatian Parliament "
      "Marko Horvat.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Ilir Berisha", "Marko Horvat"})) << Dump(e);
  // Received at the airport: a welcome, no meeting.
  Events f;
  FIND_OR_SKIP(
      "On landing at the airport in Karachi, Minister Farid Khan was received by the Chinese ambassador Li Wenhao "
      "and senior officials.",
      f);
  EXPECT_TRUE(f.meetings.empty()) << Dump(f);
}

TEST(MeetingsTreeTest, LongListOfPeopleMetIsReadToItsEnd) {
  Events e;
  FIND_OR_SKIP(
      "Secretary General Anders Holm will meet with President Lauri Tamm, Prime Minister Kadri Saar (Reform), "
      "foreign minister Mari-Liis Rebane (Centre), defence minister Jaan Kivi (Reform) and Commander of the "
      "Defence Forces Lieutenant General Peeter Org.",
      e);
  for (const char* who : {"Lauri Tamm", "Kadri Saar", "Mari-Liis Rebane", "Jaan Kivi", "Peeter Org"})
    EXPECT_TRUE(HasMeeting(e, {"Anders Holm", who})) << who << "\n" << Dump(e);
  EXPECT_EQ(e.meetings.size(), 5u) << Dump(e);
}

TEST(MeetingsTreeTest, PersonNamedByOneWordTakesPart) {
  Events e;
  FIND_OR_SKIP(
      "Foreign Minister Sukarni arrived in Canberra on Monday.\n\nOn Tuesday, Sukarni met with her Australian "
      "counterpart Penny Walsh in Canberra.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Sukarni", "Penny Walsh"})) << Dump(e);
  // A title's country cut off is no one: "the President of Georg".
  Events f;
  FIND_OR_SKIP("Later President Toomas Sepp went to the House of Justice, where he met the President of Georg", f);
  EXPECT_TRUE(f.meetings.empty()) << Dump(f);
}

TEST(MeetingsTreeTest, DescriptionOfTheVisitorMeets) {
  Events e;
  FIND_OR_SKIP(
      "Georgian Prime Minister Levan Beridze will pay a one-day visit to Armenia on Wednesday.\n\nThe Georgian PM "
      "will meet with the Armenian President Aram Petrosyan and Prime Minister Hovik Sargsyan.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Levan Beridze", "Aram Petrosyan"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Levan Beridze", "Hovik Sargsyan"})) << Dump(e);
}

TEST(MeetingsTreeTest, PersonOfAFrontedPhraseMeetsNoOne) {
  Events e;
  FIND_OR_SKIP(
      "After the meeting with President Elena Rusu, the European Council President Pierre Lambert met Moldovan "
      "Prime Minister Ion Popa.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Pierre Lambert", "Ion Popa"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Elena Rusu", "Ion Popa"})) << Dump(e);
}

TEST(MeetingsTreeTest, PressConferenceIsNoMeeting) {
  Events e;
  FIND_OR_SKIP(
      "Prime Minister Ana Costa held a joint press conference with Spanish Prime Minister Luis Ortega on Friday.", e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(MeetingsTreeTest, MeetingDatedByItsTripIsTheSameMeeting) {
  Events e;
  FIND_OR_SKIP(
      "European Council President Pierre Lambert held meetings with Moldovan President Elena Rusu on May 13, as "
      "part of his May 12 - 14 visit to Chisinau.\n\nAfter the meeting with President Rusu, President Lambert "
      "addressed the parliament.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Pierre Lambert", "Elena Rusu"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsTreeTest, CommaAloneJoinsNoSubjects) {
  // "After the meeting with A, B met C": A is not B's co-subject.
  Events e;
  FIND_OR_SKIP(
      "After the talks with President Elena Rusu, President Pierre Lambert met Moldovan Prime Minister Ion Popa.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Pierre Lambert", "Ion Popa"})) << Dump(e);
  EXPECT_FALSE(HasMeeting(e, {"Elena Rusu", "Ion Popa"})) << Dump(e);
  // A list with "and" still joins its commas: the three meet him together.
  Events f;
  FIND_OR_SKIP(
      "President Elena Rusu, Prime Minister Ion Popa and Speaker Dan Munteanu met Commissioner Pierre Lambert "
      "on Monday.",
      f);
  EXPECT_TRUE(HasMeeting(f, {"Elena Rusu", "Ion Popa", "Dan Munteanu", "Pierre Lambert"})) << Dump(f);
}

TEST(MeetingsTreeTest, PeopleAfterOfAreNoSubjects) {
  // People after "of" modify a noun ("portraits of A, B and C"); they do
  // not greet anyone.
  Events e;
  FIND_OR_SKIP(
      "The avenues of Lusaka were lined with portraits of President Ana Costa, Governor Maria Lopes and Prime "
      "Minister Joao Silva to greet Ana Costa.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

TEST(MeetingsTreeTest, SubjectsMeetingAnUnnamedCounterpartMeetNoOne) {
  // "A and B will meet with members of ...": not a meeting of A with B; the
  // visit of meeting there stands.
  Events e;
  FIND_OR_SKIP(
      "In Skopje, French Foreign Minister Claire Dubois and German Foreign Minister Uwe Brandt will meet with "
      "members of the government.",
      e);
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  EXPECT_FALSE(e.visits.empty()) << Dump(e);
}

TEST(MeetingsTreeTest, AnEncounterWithSomeoneIsAMeeting) {
  Events e;
  FIND_OR_SKIP(
      "During his stay in the capital, President Tomas Ruiz also held an encounter with Foreign Minister Irma Sol.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Ruiz", "Irma Sol"})) << Dump(e);
}

TEST(MeetingsTreeTest, NameInAPhraseOfPlaceTakesNoPart) {
  // "met Monday in Casa Verde": the building is no one met.
  Events e;
  FIND_OR_SKIP(
      "Chilean President Tomas Ruiz met Monday in Casa Verde with his Peruvian counterpart Irma Sol to discuss "
      "trade.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Ruiz", "Irma Sol"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsTreeTest, MeetingToTakePlaceBetweenTwoPeople) {
  // The noun is the subject; the verb's "between" phrase says who meets.
  Events e;
  FIND_OR_SKIP(
      "The spokesman confirmed on Monday that a meeting is to take place between President Tomas Ruiz and Prime "
      "Minister Irma Sol in Lima on 7 June.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Ruiz", "Irma Sol"})) << Dump(e);
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].status, "planned");
}

TEST(MeetingsTreeTest, SubjectsWhoHoldAMeetingMeetEachOther) {
  Events e;
  FIND_OR_SKIP(
      "Finnish President Arvid Lindqvist and his Estonian counterpart Tarmo Kask held a meeting in Geneva on "
      "Monday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Arvid Lindqvist", "Tarmo Kask"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsTreeTest, SubjectsBeyondThePatternsReachMeetToo) {
  // The patterns stop at the comma after B's title; the tree reads both
  // subjects, who meet him together.
  Events e;
  FIND_OR_SKIP(
      "Premier Anna Berg and Speaker Lars Holm, who chairs the parliament, will meet with President Piotr Nowak "
      "on Friday.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Anna Berg", "Lars Holm", "Piotr Nowak"})) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

TEST(MeetingsTreeTest, SubjectAfterACommaAndMeetsToo) {
  Events e;
  FIND_OR_SKIP(
      "Premier Li Wenbo, and Li Haoran, chairman of the Standing Committee, will meet with President Batbayar "
      "Tumur respectively, he said.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Li Wenbo", "Batbayar Tumur"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Li Haoran", "Batbayar Tumur"})) << Dump(e);
}

TEST(MeetingsTreeTest, DelegationHeadNamedDeepInHisTitle) {
  // The head a "led by" clause names is searched as deep as a phrase of
  // its own; a place's name inside it ("Georgia-Armenia") is no one.
  Events e;
  FIND_OR_SKIP(
      "President of the Republic of Armenia Aram Petrosyan has received a delegation led by the member of the "
      "Parliament of Georgia, head of the Georgia-Armenia inter-parliamentary friendship group Levan Beridze, "
      "according to Trend.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Aram Petrosyan", "Levan Beridze"})) << Dump(e);
  Events f;
  FIND_OR_SKIP("President Aram Petrosyan has received a delegation led by the head of the friendship group Levan "
               "Beridze.",
               f);
  EXPECT_TRUE(HasMeeting(f, {"Aram Petrosyan", "Levan Beridze"})) << Dump(f);
}

TEST(MeetingsTreeTest, MeetingInTheProgressiveWithOnePerson) {
  // "is meeting Y": the noun's spelling read as the verb of meeting.
  Events e;
  FIND_OR_SKIP("President Anna Berg is meeting Prime Minister Lars Holm today.", e);
  EXPECT_TRUE(HasMeeting(e, {"Anna Berg", "Lars Holm"})) << Dump(e);
}

TEST(MeetingsTreeTest, AnAudienceWithSomeoneIsAMeeting) {
  Events e;
  FIND_OR_SKIP("Foreign Minister Tomas Varga was granted an audience with King Olaf Brandt on Thursday.", e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Varga", "Olaf Brandt"})) << Dump(e);
  Events f;
  FIND_OR_SKIP("During the trip, Prime Minister Elin Dahl had an audience with King Olaf Brandt.", f);
  EXPECT_TRUE(HasMeeting(f, {"Elin Dahl", "Olaf Brandt"})) << Dump(f);
  // An audience that listens is no meeting.
  Events g;
  FIND_OR_SKIP("Prime Minister Elin Dahl told an audience of students that Minister Tomas Varga was right.", g);
  EXPECT_TRUE(g.meetings.empty()) << Dump(g);
}

TEST(MeetingsTreeTest, AMeetingThatWasWithSomeone) {
  // The noun (or "one of" it) is the subject of a copular "with" phrase:
  // its owner, else the person the text is about, meets that phrase's.
  Events e;
  FIND_OR_SKIP(
      "Foreign Minister Tomas Varga spent two days in Oslo. His first meeting was with Prime Minister Elin Dahl.", e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Varga", "Elin Dahl"})) << Dump(e);
  Events f;
  FIND_OR_SKIP(
      "The Danish minister Soren Lund held several meetings in Riga. One of the meetings was with Foreign Minister "
      "Ilze Berzina.",
      f);
  EXPECT_TRUE(HasMeeting(f, {"Soren Lund", "Ilze Berzina"})) << Dump(f);
  // A copula with no meeting noun is none.
  Events g;
  FIND_OR_SKIP("Soren Lund spent the week in Riga. His wife was with Foreign Minister Ilze Berzina.", g);
  EXPECT_TRUE(g.meetings.empty()) << Dump(g);
}

TEST(MeetingsTreeTest, SittingDownWithSomeoneIsAMeeting) {
  Events e;
  FIND_OR_SKIP("Foreign Minister Tomas Varga sat down with Prime Minister Elin Dahl in Bergen on Friday.", e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Varga", "Elin Dahl"})) << Dump(e);
  // Sitting somewhere, with no one to sit with, is none.
  Events f;
  FIND_OR_SKIP("Foreign Minister Tomas Varga sat in the front row while Prime Minister Elin Dahl spoke.", f);
  EXPECT_TRUE(f.meetings.empty()) << Dump(f);
}

TEST(MeetingsTreeTest, AnAudienceGrantedToSomeoneIsAMeeting) {
  // The meeting noun is the object of a verb of giving: its "to" phrase, or
  // the passive's "by" phrase, is the other side.
  Events e;
  FIND_OR_SKIP("King Olaf Brandt granted an audience to Foreign Minister Tomas Varga in Bergen.", e);
  EXPECT_TRUE(HasMeeting(e, {"Olaf Brandt", "Tomas Varga"})) << Dump(e);
  Events f;
  FIND_OR_SKIP("Foreign Minister Tomas Varga was given an audience by King Olaf Brandt in Bergen.", f);
  EXPECT_TRUE(HasMeeting(f, {"Olaf Brandt", "Tomas Varga"})) << Dump(f);
  // Telling someone of talks is no meeting with them.
  Events g;
  FIND_OR_SKIP("Foreign Minister Tomas Varga described the talks to Prime Minister Elin Dahl on Monday.", g);
  EXPECT_TRUE(g.meetings.empty()) << Dump(g);
}

TEST(MeetingsTreeTest, DescriptionsWithNamesApposedAfterWith) {
  // "met with the minister of X, A, and the Y minister, B": the names the
  // parser left apart from the descriptions they are apposed to are met.
  Events e;
  FIND_OR_SKIP(
      "Foreign Minister Tomas Varga also met with the minister of finance, Elin Dahl, and the defence minister, "
      "Olaf Brandt.",
      e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Varga", "Elin Dahl"})) << Dump(e);
  EXPECT_TRUE(HasMeeting(e, {"Tomas Varga", "Olaf Brandt"})) << Dump(e);
  // A speaker after the "with" phrase is no one met.
  Events f;
  FIND_OR_SKIP("Foreign Minister Tomas Varga also met with the minister of finance, Elin Dahl said.", f);
  EXPECT_FALSE(HasMeeting(f, {"Tomas Varga", "Elin Dahl"})) << Dump(f);
}

}  // namespace
}  // namespace attache::events
