// Rule families of issue 11, each on sentences written for the test:
// delegations, multi-country tours, talks between named people, group
// meetings, neutral ground, attendance of an event abroad, postponed trips,
// titles and asides around the people met.
#include <gtest/gtest.h>

#include <string>

#include "attache/analyze.h"
#include "events/events.h"
#include "events/test_util.h"
#include "text/tables.h"

namespace attache::events {
namespace {

using test_util::Dump;
using test_util::FindVisit;

// The tests of this file read texts as published on 15 May 2024.
Events Find(const std::string& text, const std::string& published = "2024-05-15") {
  return test_util::Find(text, published);
}

TEST(EventFamiliesTest, DelegationMembersEachMakeTheHeadsTrip) {
  const Events e = Find(
      "President Mehmet Ozturk arrived in Astana on Thursday, accompanied by Energy Minister Ali Demir, Trade "
      "Minister Omer Kaya and Foreign Minister Hakan Yildiz.");
  ASSERT_EQ(e.visits.size(), 4u) << Dump(e);
  for (const char* who : {"Mehmet Ozturk", "Ali Demir", "Omer Kaya", "Hakan Yildiz"}) {
    const Visit* v = FindVisit(e, who, "KAZ");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->place.value_or(""), "Astana");
    EXPECT_EQ(v->date.value_or(""), "2024-05-09");
    EXPECT_EQ(v->status, "past");
  }
  // The members named in the next sentence, after a pronoun.
  const Events f = Find(
      "Jordanian Foreign Minister Rania Haddad arrived in Lisbon on Monday. She was accompanied by Deputy Minister "
      "Omar Khalil and Trade Minister Samir Nasser.");
  EXPECT_EQ(f.visits.size(), 3u) << Dump(f);
  EXPECT_NE(FindVisit(f, "Samir Nasser", "PRT"), nullptr) << Dump(f);
  // "accompanied by" with no trip of the head reported: nothing.
  const Events g = Find("Jordanian Foreign Minister Rania Haddad spoke, accompanied by Omar Khalil.");
  EXPECT_TRUE(g.visits.empty()) << Dump(g);
}

TEST(EventFamiliesTest, TitlesJoinedByAndTakeTheCountryNextToTheName) {
  // Two people's titles before one name: the nearer one is the visitor's.
  const Events e = Find(
      "Moldovan PM and President of the European Commission Anna Berg have met in Chisinau earlier today. Moldovan "
      "Prime Minister Ion Rusu met with the President of the European Commission Anna Berg in Chisinau today.");
  const Visit* v = FindVisit(e, "Anna Berg", "MDA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->visitor_country.value_or(""), "EU");
  // One person's two titles keep the country of the first.
  const Events f = Find("Polish Deputy Prime Minister and Foreign Minister Jan Nowak visited Armenia on Friday.");
  const Visit* w = FindVisit(f, "Jan Nowak", "ARM");
  ASSERT_NE(w, nullptr) << Dump(f);
  EXPECT_EQ(w->visitor_country.value_or(""), "POL");
}

TEST(EventFamiliesTest, CountedCountriesThenTheirList) {
  const Events e = Find(
      "Brazilian Foreign Minister Ana Lopes was on a tour of three member states \xE2\x80\x93 the United Kingdom, "
      "France and Turkey \xE2\x80\x93 to discuss trade.");
  for (const char* host : {"GBR", "FRA", "TUR"}) ASSERT_NE(FindVisit(e, "Ana Lopes", host), nullptr) << host << "\n" << Dump(e);
  const Events f = Find("Brazilian Foreign Minister Ana Lopes visited three European countries: Spain, France and Italy.");
  for (const char* host : {"ESP", "FRA", "ITA"}) ASSERT_NE(FindVisit(f, "Ana Lopes", host), nullptr) << host << "\n" << Dump(f);
  const Events h = Find("Brazilian Foreign Minister Ana Lopes will visit the Baltic states of Estonia, Latvia and Lithuania.");
  for (const char* host : {"EST", "LVA", "LTU"}) ASSERT_NE(FindVisit(h, "Ana Lopes", host), nullptr) << host << "\n" << Dump(h);
  const Events i = Find("Brazilian Foreign Minister Ana Lopes will visit several African countries, including Kenya and Ghana.");
  for (const char* host : {"KEN", "GHA"}) ASSERT_NE(FindVisit(i, "Ana Lopes", host), nullptr) << host << "\n" << Dump(i);
  const Events j = Find("Brazilian Foreign Minister Ana Lopes will visit three countries in Africa: Kenya, Ghana and Senegal.");
  for (const char* host : {"KEN", "GHA", "SEN"}) ASSERT_NE(FindVisit(j, "Ana Lopes", host), nullptr) << host << "\n" << Dump(j);
  // A list of another length is not the one counted.
  const Events g = Find("Brazilian Foreign Minister Ana Lopes visited three European countries, Spain and France among them.");
  EXPECT_EQ(FindVisit(g, "Ana Lopes", "ESP"), nullptr) << Dump(g);
}

TEST(EventFamiliesTest, StopsOfATrip) {
  const Events e = Find("Brazilian Foreign Minister Ana Lopes will make stops in Estonia, Latvia and Lithuania next week.");
  for (const char* host : {"EST", "LVA", "LTU"}) {
    const Visit* v = FindVisit(e, "Ana Lopes", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
  }
}

TEST(EventFamiliesTest, MultiCountryTourIsOneVisitPerCountry) {
  const Events e = Find("Chinese Foreign Minister Li Wen will pay visits to Kenya, Tanzania and Uganda next week.");
  ASSERT_EQ(e.visits.size(), 3u) << Dump(e);
  for (const char* host : {"KEN", "TZA", "UGA"}) {
    const Visit* v = FindVisit(e, "Li Wen", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
  }
}

TEST(EventFamiliesTest, TalksBetweenNamedPeopleOpeningTheSentence) {
  const Events e = Find(
      "Talks between Russian Foreign Minister Pavel Orlov and Turkish Foreign Minister Hakan Yildiz were held in "
      "Vienna on Monday.");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants.size(), 2u);
  EXPECT_EQ(e.meetings[0].place.value_or(""), "Vienna");
  EXPECT_EQ(e.meetings[0].date.value_or(""), "2024-05-13");
}

TEST(EventFamiliesTest, TrilateralMeetingIsOneMeetingOfAll) {
  const Events e = Find(
      "A trilateral meeting of Pavel Orlov, Tural Hasanov and Li Wen took place in Beijing on Friday.");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants.size(), 3u) << Dump(e);
  EXPECT_EQ(e.meetings[0].place.value_or(""), "Beijing");
  // Nobody of the three is known to be at home in China: no visit is made
  // up for them.
  EXPECT_TRUE(e.visits.empty()) << Dump(e);
}

TEST(EventFamiliesTest, GroupMeetingAtAHostVisitsTheGuestsOnly) {
  const Events e = Find(
      "Russian Foreign Minister Pavel Orlov, Chinese Foreign Minister Li Wen and Iranian Foreign Minister Reza "
      "Karimi attended a meeting on the nuclear issue in Beijing on Friday.");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants.size(), 3u);
  EXPECT_EQ(e.meetings[0].place.value_or(""), "Beijing");
  EXPECT_NE(FindVisit(e, "Pavel Orlov", "CHN"), nullptr) << Dump(e);
  EXPECT_NE(FindVisit(e, "Reza Karimi", "CHN"), nullptr) << Dump(e);
  EXPECT_EQ(FindVisit(e, "Li Wen", "CHN"), nullptr) << Dump(e);
}

TEST(EventFamiliesTest, ProgressiveMeetingWithSeveralIsOneMeeting) {
  const Events e = Find(
      "Prime Minister Irakli Beridze is currently meeting with Ambassador Anna Smith, Ambassador Tom Brown and "
      "Envoy Carl Berg.");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants.size(), 4u) << Dump(e);
  // In the future tense, one meeting per counterpart.
  const Events f = Find(
      "Prime Minister Irakli Beridze will meet with Ambassador Anna Smith, Ambassador Tom Brown and Envoy Carl "
      "Berg.");
  EXPECT_EQ(f.meetings.size(), 3u) << Dump(f);
}

TEST(EventFamiliesTest, TwoSidesMeetingAsVerbInTheProgressive) {
  const Events e = Find(
      "Turkish President Mehmet Ozturk and Russian President Pavel Orlov were meeting in Sochi on Friday.");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].place.value_or(""), "Sochi");
  EXPECT_NE(FindVisit(e, "Mehmet Ozturk", "RUS"), nullptr) << Dump(e);
  EXPECT_EQ(FindVisit(e, "Pavel Orlov", "RUS"), nullptr) << Dump(e);
}

TEST(EventFamiliesTest, AttendingAnEventAbroadIsAVisit) {
  const Events e = Find("Russian Foreign Minister Pavel Orlov attended the summit in Yerevan on Monday.");
  const Visit* v = FindVisit(e, "Pavel Orlov", "ARM");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Yerevan");
  EXPECT_EQ(v->status, "past");
  // At home, or with no country known: no visit.
  EXPECT_TRUE(Find("Armenian Prime Minister Nikol Pashinyan attended the summit in Yerevan.").visits.empty());
  EXPECT_TRUE(Find("Pavel Orlov attended the summit in Yerevan.").visits.empty());
  // A trip to the event reported in its own words is one visit, not two.
  const Events f = Find(
      "Russian Foreign Minister Pavel Orlov arrived in Yerevan on Monday. Orlov attended the summit in Yerevan on "
      "Tuesday.");
  EXPECT_EQ(f.visits.size(), 1u) << Dump(f);
}

TEST(EventFamiliesTest, AnEventAttendedByGuestsFromAbroad) {
  const Events e = Find(
      "Russian President Pavel Orlov will take part in the summit in Yerevan on Friday. The event will also be "
      "attended by Belarusian President Ivan Petrov and Kazakh President Aidar Nurlanov.");
  for (const char* who : {"Ivan Petrov", "Aidar Nurlanov"}) {
    const Visit* v = FindVisit(e, who, "ARM");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->place.value_or(""), "Yerevan");
    EXPECT_EQ(v->status, "planned");
  }
  // The host's own people attend at home.
  EXPECT_TRUE(Find("The summit in Yerevan was attended by Armenian Prime Minister Nikol Pashinyan.").visits.empty());
}

TEST(EventFamiliesTest, PostponedTripIsPlannedWithoutDateCancelledIsNone) {
  const Events e = Find("The visit of Turkish Foreign Minister Hakan Yildiz to Baku has been postponed.");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "planned");
  EXPECT_FALSE(e.visits[0].date.has_value());
  EXPECT_TRUE(Find("Turkish Foreign Minister Hakan Yildiz cancelled his trip to Berlin on Tuesday.").visits.empty());
  EXPECT_TRUE(Find("The ministry denied that Turkish Foreign Minister Hakan Yildiz would travel to Baku.")
                  .visits.empty());
}

TEST(EventFamiliesTest, TitlesWithOfAndAsidesInBracketsAroundThePeopleMet) {
  const Events e = Find(
      "The Foreign Minister of Azerbaijan, Tural Hasanov met with the Foreign Minister of Russia, Pavel Orlov in "
      "Baku on Tuesday.");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].place.value_or(""), "Baku");
  // The titles in apposition give the countries: the guest visits, the
  // host is at home.
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].visitor, "Pavel Orlov");
  EXPECT_EQ(e.visits[0].visitor_country.value_or(""), "RUS");
  EXPECT_EQ(e.visits[0].host_country, "AZE");
  const Events g2 = Find("Ivan Petrov, the Russian deputy prime minister, arrived in Yerevan on Monday.");
  ASSERT_EQ(g2.visits.size(), 1u) << Dump(g2);
  EXPECT_EQ(g2.visits[0].visitor_country.value_or(""), "RUS");
  const Events f = Find(
      "Pavel Orlov also plans to meet with Latvian Prime Minister Janis Berzins, Defence Minister Andris Kalnins "
      "(Greens) and Speaker Inese Liepa (National Alliance).");
  EXPECT_EQ(f.meetings.size(), 3u) << Dump(f);
  // A name followed by its country: "President X of Turkey".
  const Events g = Find("Foreign Minister Rania Haddad of Jordan arrived in Lisbon on Monday.");
  EXPECT_NE(FindVisit(g, "Rania Haddad", "PRT"), nullptr) << Dump(g);
}

// A name whose head word is an institution or a place is nobody met.
TEST(EventFamiliesTest, InstitutionsAndMonumentsAreNoParticipants) {
  const Events e = Find("Azerbaijani Foreign Minister Tural Hasanov met with the Diplomatic Academy on Monday.");
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
  const Events f = Find(
      "Japanese Prime Minister Kenji Sato met with Vietnamese President Tran Duc Luong and the Ho Chi Minh Mausoleum on "
      "Monday.");
  ASSERT_EQ(f.meetings.size(), 1u) << Dump(f);
  EXPECT_EQ(f.meetings[0].participants[1], "Tran Duc Luong");
}

// A visitor spelled otherwise than the office-holder table keeps the
// article's spelling and carries the table's beside it; a person in no
// table keeps the article's form in both.
TEST(EventFamiliesTest, CanonicalNamesBesideTheArticlesSpelling) {
  const Events e = Find("Kazakh President Kassym-Jomart Tokaev arrived in Baku on Monday.", "2023-05-10");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].visitor, "Kassym-Jomart Tokaev");
  EXPECT_EQ(e.visits[0].visitor_canonical, "Kassym-Jomart Tokayev");
  const Events f = Find("Jordanian Foreign Minister Rania Haddad arrived in Lisbon on Monday.");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].visitor_canonical, "Rania Haddad");
}

// Spellings that only the phonetic key joins (translit.h): the canonical
// name, and the office the table gives that person.
TEST(EventFamiliesTest, VisitorsUnderOtherRomanisations) {
  const Events e = Find("President Sadyr Dzhaparov arrived in Tashkent on Monday.", "2023-05-10");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].visitor, "Sadyr Dzhaparov");
  EXPECT_EQ(e.visits[0].visitor_canonical, "Sadyr Japarov");
  EXPECT_EQ(e.visits[0].visitor_country.value_or(""), "KGZ");
  // The table writes one president three ways; any of them is one person.
  const Events f = Find("Hossein Amirabdollahian met Gurbanguly Berdymukhammedov in Ashgabat on Thursday.",
                        "2024-03-29");
  ASSERT_EQ(f.meetings.size(), 1u) << Dump(f);
  EXPECT_EQ(f.meetings[0].participants_canonical[1], "Gurbanguly Berdimuhamedow");
}

TEST(EventFamiliesTest, DescriptionOpeningTheSentenceBeforeARelativeClauseMeets) {
  // "The council president, who ..., will meet X": the description the
  // sentence opens with is its subject.
  const Events e = Find(
      "President Pierre Lambert arrived in Chisinau on Monday. He met Prime Minister Ion Popa.\n\nThe council "
      "president, who arrived from Kyiv late on Sunday, will also meet today Parliament Speaker Dan Munteanu and "
      "opposition leaders.");
  bool met = false;
  for (const Meeting& m : e.meetings)
    met = met || (m.participants.size() == 2 && m.participants[0] == "Pierre Lambert" &&
                  m.participants[1] == "Dan Munteanu" && m.status == "planned");
  EXPECT_TRUE(met) << Dump(e);
}

TEST(EventFamiliesTest, OneMeetingDatedTwoDaysOfAWeekIsOneRecord) {
  // Two mentions of the same people's meeting a few days apart (a weekday
  // read from another tense) are one meeting.
  const Events e = Find(
      "President Anna Berg will meet Prime Minister Lars Holm in Oslo on Friday, May 17.\n\nBerg is due to meet "
      "Holm on Monday, May 20, her office said.");
  EXPECT_EQ(e.meetings.size(), 1u) << Dump(e);
}

// "X, accompanied by A and B, arrived in Riga": the members named before
// the trigger make the head's trip read after them.
TEST(EventFamiliesTest, MembersNamedBeforeTheHeadsTrigger) {
  const Events e = Find(
      "Chilean President Ana Rojas, accompanied by Foreign Minister Pablo Soto and Trade Minister Elena Vidal, "
      "arrived in Riga on Tuesday.");
  for (const char* who : {"Ana Rojas", "Pablo Soto", "Elena Vidal"}) {
    const Visit* v = FindVisit(e, who, "LVA");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->date.value_or(""), "2024-05-14") << who;
    EXPECT_EQ(v->place.value_or(""), "Riga") << who;
  }
}

// "Y was greeted at Riga airport by X": a welcome at the airport is a
// visit to the host's country (and no meeting).
TEST(EventFamiliesTest, WelcomedAtTheAirportByTheHost) {
  const Events e = Find("Chilean President Ana Rojas was greeted at Riga airport by Latvian Foreign Minister Ivo Petrov.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Riga");
  EXPECT_TRUE(e.meetings.empty()) << Dump(e);
}

// "X, together with A, visited Latvia", "alongside A": company named
// beside the visitor makes the trip, as "accompanied by" does.
TEST(EventFamiliesTest, CompanyTogetherWithOrAlongside) {
  for (const char* text :
       {"Chilean Foreign Minister Pablo Soto, together with Trade Minister Elena Vidal, visited Latvia on Monday.",
        "Chilean Foreign Minister Pablo Soto visited Latvia alongside Trade Minister Elena Vidal on Monday."}) {
    const Events e = Find(text);
    for (const char* who : {"Pablo Soto", "Elena Vidal"}) {
      const Visit* v = FindVisit(e, who, "LVA");
      ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
      EXPECT_EQ(v->date.value_or(""), "2024-05-13") << who;
    }
  }
}

}  // namespace
}  // namespace attache::events
