// Visit families read with the dependency tree (tree.cc, delegations.cc,
// hosts.cc): each test runs the finder as analyze does, with the
// document's syntax, on sentences written for the test.
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
using test_util::FindVisit;

// As analyze runs it: with the syntax of the text, published 15 May 2024.
Events Find(const std::string& text, const std::string& published = "2024-05-15") {
  return test_util::FindWithSyntax(text, published);
}

TEST(VisitsTreeTest, CompanionsAfterAnAdjunctBeforeBy) {
  const Events e = Find(
      "President Ali Demir visited Ashgabat on Monday. He was accompanied on the trip by State Minister "
      "Kemal Sarac and Energy Minister Hilmi Toprak.");
  for (const char* who : {"Ali Demir", "Kemal Sarac", "Hilmi Toprak"}) {
    const Visit* v = FindVisit(e, who, "TKM");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->place.value_or(""), "Ashgabat");
  }
}

TEST(VisitsTreeTest, CompanionsWithLowerCaseTitlesOnTheTree) {
  const Events e = Find(
      "Georgian Prime Minister Giorgi Beridze arrived in Azerbaijan on May 13. Accompanying Beridze was a delegation "
      "including the minister of economy and sustainable development Levan Chkheidze, and the minister of "
      "foreign affairs, Nino Tsereteli.");
  for (const char* who : {"Giorgi Beridze", "Levan Chkheidze", "Nino Tsereteli"}) {
    const Visit* v = FindVisit(e, who, "AZE");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->date.value_or(""), "2024-05-13");
    EXPECT_EQ(v->status, "past");
  }
}

TEST(VisitsTreeTest, DestinationInApposition) {
  const Events e = Find("President Ali Demir departed on Wednesday for the Kazakh capital, Astana, for a summit.");
  const Visit* v = FindVisit(e, "Ali Demir", "KAZ");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Astana");
}

TEST(VisitsTreeTest, CapitalNamedThroughADemonym) {
  const Events e = Find(
      "Foreign Minister Ana Lopes of Brazil arrived in the Kenyan capital on Monday for two days of talks. "
      "President Omar Haddad of Tunisia will travel to the Peruvian capital next week.");
  const Visit* v = FindVisit(e, "Ana Lopes", "KEN");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
  EXPECT_FALSE(v->place.has_value());
  ASSERT_NE(FindVisit(e, "Omar Haddad", "PER"), nullptr) << Dump(e);
  // A demonym before another noun is no place: "the Kenyan delegation".
  const Events f = Find("President Omar Haddad of Tunisia will travel to meet the Kenyan delegation next week.");
  EXPECT_EQ(FindVisit(f, "Omar Haddad", "KEN"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, TalksInACapitalNamedThroughADemonym) {
  const Events e = Find(
      "While in the Kenyan capital, Foreign Minister Ana Lopes of Brazil also held talks with Ghanaian President "
      "Kofi Mensah and Nigerian President Musa Bello.");
  for (const char* who : {"Kofi Mensah", "Musa Bello"}) {
    const Visit* v = FindVisit(e, who, "KEN");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->status, "past");
  }
  // A capital in another clause is not where they met.
  const Events f = Find(
      "Ghanaian President Kofi Mensah met Brazilian Foreign Minister Ana Lopes to discuss the situation in the "
      "Kenyan capital.");
  EXPECT_EQ(FindVisit(f, "Kofi Mensah", "KEN"), nullptr) << Dump(f);
  EXPECT_EQ(FindVisit(f, "Ana Lopes", "KEN"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, TheCapitalIsTheCityNamedJustBefore) {
  const Events e = Find(
      "Brazilian Foreign Minister Ana Lopes arrived in Nairobi on Monday. It is her third trip there. She "
      "previously paid a visit to the capital in April 2022.");
  bool earlier = false;
  for (const Visit& v : e.visits)
    earlier = earlier || (v.visitor == "Ana Lopes" && v.host_country == "KEN" && v.date.value_or("") == "2022-04");
  EXPECT_TRUE(earlier) << Dump(e);
  // "the capital of X" names its own country; no city before: no place.
  const Events f = Find("Brazilian Foreign Minister Ana Lopes will travel to the capital next week.");
  EXPECT_TRUE(f.visits.empty()) << Dump(f);
}

TEST(VisitsTreeTest, DescriptionWithoutDeterminerOpeningTheSentence) {
  const Events e = Find(
      "Brazilian Foreign Minister Ana Lopes will arrive in Tehran on Friday. Brazilian foreign minister is planned "
      "to visit Saudi Arabia, Turkey and Oman.");
  for (const char* host : {"SAU", "TUR", "OMN"}) {
    const Visit* v = FindVisit(e, "Ana Lopes", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
  }
  // Of another country: nobody named before.
  const Events f = Find(
      "Brazilian Foreign Minister Ana Lopes will arrive in Tehran on Friday. Chilean foreign minister is planned "
      "to visit Oman.");
  EXPECT_EQ(FindVisit(f, "Ana Lopes", "OMN"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, MonthsJoinedByAndAreTripsOfTheirOwn) {
  const Events e = Find("Brazilian Foreign Minister Ana Lopes visited Kenya in April 2022 and September 2022.");
  std::vector<std::string> dates;
  for (const Visit& v : e.visits)
    if (v.visitor == "Ana Lopes" && v.host_country == "KEN") dates.push_back(v.date.value_or("-"));
  std::sort(dates.begin(), dates.end());
  EXPECT_EQ(dates, (std::vector<std::string>{"2022-04", "2022-09"})) << Dump(e);
  // Days so joined are one stay.
  const Events f = Find("Brazilian Foreign Minister Ana Lopes will visit Kenya on Thursday and Friday.");
  int n = 0;
  for (const Visit& v : f.visits) n += v.visitor == "Ana Lopes" && v.host_country == "KEN";
  EXPECT_EQ(n, 1) << Dump(f);
}

TEST(VisitsTreeTest, AttendedByGuestsOfTheTripJustReported) {
  const Events e = Find(
      "Russian President Pavel Orlov will visit Yerevan on Friday to take part in a session of the council. "
      "The summit is expected to be attended by Belarusian President Ivan Kaspiarovich and Kyrgyz President "
      "Almaz Toktogulov.");
  for (const char* who : {"Ivan Kaspiarovich", "Almaz Toktogulov"}) {
    const Visit* v = FindVisit(e, who, "ARM");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
  }
}

TEST(VisitsTreeTest, TripNounWithDestinationsOnTheTree) {
  // "journey from A to B": only the destination.
  const Events e = Find("Foreign Minister Omar Khalil of Jordan set out on the journey from Amman to Lisbon on Monday.");
  ASSERT_NE(FindVisit(e, "Omar Khalil", "PRT"), nullptr) << Dump(e);
  EXPECT_EQ(e.visits.size(), 1u) << Dump(e);
  // "as part of a tour including A, B and C": one visit each, planned
  // like the trip the clause reports.
  const Events f = Find(
      "Officials said Chinese Foreign Minister Li Wen would travel to Egypt as part of a tour including Kenya, "
      "Ghana and Senegal.");
  for (const char* host : {"EGY", "KEN", "GHA", "SEN"}) {
    const Visit* v = FindVisit(f, "Li Wen", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(f);
    EXPECT_EQ(v->status, "planned");
  }
}

TEST(VisitsTreeTest, HostVerbsObjectMakesTheTripNoun) {
  const Events e = Find(
      "Crown Prince Faisal bin Khalid of Saudi Arabia welcomed Ethiopian Prime Minister Tesfaye Bekele to Riyadh on an "
      "official visit to Saudi Arabia.");
  EXPECT_NE(FindVisit(e, "Tesfaye Bekele", "SAU"), nullptr) << Dump(e);
  for (const Visit& v : e.visits) EXPECT_NE(v.visitor, "Faisal bin Khalid") << Dump(e);
}

TEST(VisitsTreeTest, ReceivedGuestsCountryFromTheTitleRun) {
  const Events e = Find(
      "President of Georgia Nino Abashidze has received a delegation led by Speaker of the Senate of the Republic "
      "of Poland Marek Zielinski.");
  const Visit* v = FindVisit(e, "Marek Zielinski", "GEO");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->visitor_country.value_or(""), "POL");
}

TEST(VisitsTreeTest, PassiveReceptionWithAdjunctsBeforeBy) {
  const Events e = Find(
      "Pavel Orlov, the Russian deputy prime minister, was received in Yerevan yesterday by the Armenian prime "
      "minister, Aram Petrosyan.");
  EXPECT_NE(FindVisit(e, "Pavel Orlov", "ARM"), nullptr) << Dump(e);
  EXPECT_EQ(FindVisit(e, "Aram Petrosyan", "RUS"), nullptr) << Dump(e);
}

TEST(VisitsTreeTest, StatusFromTheTenseOnTheTree) {
  // A visit paid on the day of the news is over.
  const Events e = Find("A Lithuanian delegation headed by Prime Minister Rasa Jonaitis paid a working visit to Latvia on Wednesday.");
  const Visit* v = FindVisit(e, "Rasa Jonaitis", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or(""), "2024-05-15");
  EXPECT_EQ(v->status, "past");
  // An arrival that day is under way.
  const Events f = Find("Lithuanian Prime Minister Rasa Jonaitis arrived in Riga on Wednesday.");
  ASSERT_NE(FindVisit(f, "Rasa Jonaitis", "LVA"), nullptr) << Dump(f);
  EXPECT_EQ(FindVisit(f, "Rasa Jonaitis", "LVA")->status, "ongoing");
  // "would travel" in a reported clause: ahead.
  const Events g = Find("Officials said on Monday that Lithuanian Prime Minister Rasa Jonaitis would travel to Latvia.");
  ASSERT_NE(FindVisit(g, "Rasa Jonaitis", "LVA"), nullptr) << Dump(g);
  EXPECT_EQ(FindVisit(g, "Rasa Jonaitis", "LVA")->status, "planned");
}

TEST(VisitsTreeTest, PluralSubjectStandsForThePeopleItNames) {
  const Events e = Find(
      "The defence ministers of Estonia and Finland \xE2\x80\x94 Kaja Tamm and Mikko Virtanen respectively \xE2\x80\x94 will "
      "visit Vilnius on Friday.");
  for (const char* who : {"Kaja Tamm", "Mikko Virtanen"}) {
    const Visit* v = FindVisit(e, who, "LTU");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
    EXPECT_EQ(v->place.value_or(""), "Vilnius");
  }
}

TEST(VisitsTreeTest, TalksAtHomeAreAVisitForTheGuest) {
  const Events e = Find(
      "On Wednesday, Kenyan President Daniel Mwangi met Ghanaian President Kwame Mensah at State House "
      "Nairobi, where they discussed trade.");
  const Visit* v = FindVisit(e, "Kwame Mensah", "KEN");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Nairobi");
  EXPECT_EQ(FindVisit(e, "Daniel Mwangi", "KEN"), nullptr) << Dump(e);
  // A city in another clause is not where they met.
  const Events f = Find(
      "At a meeting with Kyrgyz President Almaz Toktogulov, Russian President Pavel Orlov expressed hope for calm "
      "in Bishkek.");
  EXPECT_EQ(FindVisit(f, "Pavel Orlov", "KGZ"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, MeetingOnTheSidelinesOfASummitAbroad) {
  const Events e = Find(
      "In March, Belarusian President Ivan Kaspiarovich held a short meeting with Kyrgyz President Almaz Toktogulov "
      "on the sidelines of the Eurasian Economic Forum in Tashkent.");
  for (const char* who : {"Ivan Kaspiarovich", "Almaz Toktogulov"}) {
    const Visit* v = FindVisit(e, who, "UZB");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->place.value_or(""), "Tashkent");
  }
}

TEST(VisitsTreeTest, AttendanceWithThePlaceFarFromTheVerb) {
  const Events e = Find(
      "Russian Deputy Foreign Minister Pavel Orlov and Kyrgyz Foreign Minister Almaz Toktogulov attended a round of "
      "consultations on regional security at the State Guest House on May 3, in Beijing, China.");
  for (const char* who : {"Pavel Orlov", "Almaz Toktogulov"}) {
    const Visit* v = FindVisit(e, who, "CHN");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->place.value_or(""), "Beijing");
    EXPECT_EQ(v->status, "past");
  }
}

TEST(VisitsTreeTest, NoVisitToASummitOnlyTalkedAbout) {
  // Commenting on a summit abroad is no attendance; a leader at home makes
  // no visit.
  const Events e = Find(
      "Russian President Pavel Orlov commented on the summit in Tashkent. Uzbek President Timur Rashidov "
      "spoke at the forum in Tashkent on Monday.");
  EXPECT_EQ(FindVisit(e, "Pavel Orlov", "UZB"), nullptr) << Dump(e);
  EXPECT_EQ(FindVisit(e, "Timur Rashidov", "UZB"), nullptr) << Dump(e);
}

TEST(VisitsTreeTest, TheRelativeClauseOfAVisitor) {
  const Events e = Find(
      "Russian President Pavel Orlov discussed security with his Tajik counterpart, Rustam Nazarov, who paid an "
      "official visit to Moscow. Kyrgyz President Almaz Toktogulov, who arrived in Baku on Monday, praised the "
      "talks.");
  const Visit* v = FindVisit(e, "Rustam Nazarov", "RUS");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Moscow");
  const Visit* w = FindVisit(e, "Almaz Toktogulov", "AZE");
  ASSERT_NE(w, nullptr) << Dump(e);
  EXPECT_EQ(w->place.value_or(""), "Baku");
  EXPECT_EQ(FindVisit(e, "Pavel Orlov", "RUS"), nullptr) << Dump(e);
}

TEST(VisitsTreeTest, ACapitalisedVisitNounAndEverySubject) {
  const Events e = Find(
      "Estonian President Mart Kask and his wife Liis Kask will pay a State Visit to Norway in June at the "
      "invitation of the King.");
  for (const char* who : {"Mart Kask", "Liis Kask"}) {
    const Visit* v = FindVisit(e, who, "NOR");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
  }
  // A headline's "to Visit" is no noun.
  const Events f = Find("Estonian President Mart Kask to Visit Norway");
  EXPECT_EQ(f.visits.size(), 0u) << Dump(f);
}

TEST(VisitsTreeTest, SomeoneMetOnATripIsInItsCity) {
  const Events e = Find(
      "Russian Foreign Minister Pavel Orlov arrived in Tashkent on Thursday. Later that day, he met with Chinese "
      "Foreign Minister Li Wen and Uzbekistan's presidential aide Timur Rashidov.");
  const Visit* v = FindVisit(e, "Li Wen", "UZB");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Tashkent");
  // A sentence that names another country is about another trip.
  const Events f = Find(
      "Russian Foreign Minister Pavel Orlov arrived in Tashkent on Thursday. From there he will go to Italy to "
      "meet with Italian Foreign Minister Marco Bianchi.");
  EXPECT_EQ(FindVisit(f, "Marco Bianchi", "UZB"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, AnAdjunctClauseTakesTheMainSubject) {
  const Events e = Find(
      "US Secretary of State Anne Miller will leave for Europe on Monday. After visiting Croatia and Slovenia, "
      "Miller is expected to end her tour in Vienna.");
  for (const char* host : {"HRV", "SVN"}) {
    const Visit* v = FindVisit(e, "Anne Miller", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(e);
  }
  // An invitation is no visit.
  const Events f = Find("Kazakh Foreign Minister Nurlan Abenov was invited to visit Vienna in the autumn.");
  EXPECT_EQ(FindVisit(f, "Nurlan Abenov", "AUT"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, ADescriptionAsTheTravellersSubject) {
  const Events e = Find(
      "Japanese Prime Minister Kenji Sato spoke to reporters on Monday. The Japanese prime minister will travel "
      "to Hanoi next week.");
  const Visit* v = FindVisit(e, "Kenji Sato", "VNM");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
}

TEST(VisitsTreeTest, ATitleTheParserMadeTheSubjectsHead) {
  const Events e = Find(
      "Former president of France Pierre Laurent (2007-2012) will visit Madrid to meet Spanish Prime Minister "
      "Pablo Ruiz.");
  const Visit* v = FindVisit(e, "Pierre Laurent", "ESP");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "planned");
}

TEST(VisitsTreeTest, WhoAccompaniesSomeoneOnATrip) {
  const Events e = Find(
      "Swedish Foreign Minister Anna Lund will accompany Prime Minister Erik Berg on his visit to Kenya and "
      "Uganda.");
  for (const char* host : {"KEN", "UGA"}) {
    const Visit* v = FindVisit(e, "Anna Lund", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(e);
    EXPECT_EQ(v->status, "planned");
  }
}

TEST(VisitsTreeTest, TravellingTogetherWithSomeone) {
  const Events e = Find(
      "NATO Secretary General Lars Holm is visiting Estonia and Finland on Monday together with the President of "
      "the European Council Maria Costa, to discuss security.");
  for (const char* host : {"EST", "FIN"}) {
    const Visit* v = FindVisit(e, "Maria Costa", host);
    ASSERT_NE(v, nullptr) << host << "\n" << Dump(e);
    EXPECT_EQ(v->date.value_or(""), "2024-05-13");
  }
  EXPECT_EQ(e.visits.size(), 4u) << Dump(e);
  // A name with particles is one companion, not two.
  const Events f = Find(
      "NATO Secretary General Lars Holm is visiting Estonia on Monday together with European Commission President "
      "Maria de la Cruz.");
  EXPECT_EQ(f.visits.size(), 2u) << Dump(f);
}

TEST(VisitsTreeTest, AVisitWithNoPlaceIsToTheCountryOfThoseMet) {
  const Events e = Find(
      "Japanese Prime Minister Taro Ito arrived on Monday. During the visit, Ito laid a wreath at the memorial, "
      "held talks with his Thai counterpart Somchai Rattana and visited a school.");
  const Visit* v = FindVisit(e, "Taro Ito", "THA");
  ASSERT_NE(v, nullptr) << Dump(e);
  // Talks with compatriots say nothing of where.
  const Events f = Find(
      "Japanese Prime Minister Taro Ito returned on Monday. During the visit, Ito held talks with Japanese "
      "Foreign Minister Ken Mori.");
  EXPECT_TRUE(f.visits.empty()) << Dump(f);
}

TEST(VisitsTreeTest, ArrivingFromAStopBefore) {
  const Events e = Find("Canadian Foreign Minister Anne Roy arrived in Accra on Monday from Nigeria.");
  const Visit* v = FindVisit(e, "Anne Roy", "NGA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
  EXPECT_FALSE(v->date.has_value()) << Dump(e);
  ASSERT_NE(FindVisit(e, "Anne Roy", "GHA"), nullptr) << Dump(e);
  // Coming from home is no stop.
  const Events f = Find("Canadian Foreign Minister Anne Roy arrived in Accra on Monday from Ottawa.");
  EXPECT_EQ(FindVisit(f, "Anne Roy", "CAN"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, MembersPastATitleSpeltLikeAVerb) {
  const Events e = Find(
      "Turkish President Ali Demir arrived in Baku on Monday, accompanied by Energy Minister Kemal Sarac, former "
      "prime minister and current head of the Council of Elders, Hasan Yilmaz, and Orhan Kaya, an adviser with "
      "close ties with Turkic states.");
  for (const char* who : {"Kemal Sarac", "Hasan Yilmaz", "Orhan Kaya"}) {
    const Visit* v = FindVisit(e, who, "AZE");
    ASSERT_NE(v, nullptr) << who << "\n" << Dump(e);
  }
  EXPECT_EQ(e.visits.size(), 4u) << Dump(e);
}

TEST(VisitsTreeTest, AGuestBesideAForeignGuestIsOfTheirParty) {
  const Events e = Find(
      "Kenyan President David Kamau arrived on Monday. French President Paul Martin will host President David "
      "Kamau and First Lady Grace Kamau for a state visit to France in June.");
  const Visit* v = FindVisit(e, "Grace Kamau", "FRA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->visitor_country.value_or(""), "KEN");
}

TEST(VisitsTreeTest, MeetingACounterpartAtHome) {
  const Events e = Find(
      "Foreign Minister Dewi Lestari met her British counterpart James Cole in London on Tuesday. Lestari "
      "spoke to reporters after the talks.");
  const Visit* v = FindVisit(e, "Dewi Lestari", "GBR");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "London");
  // Without the relation, a participant of unknown country may be the
  // host's compatriot.
  const Events f = Find(
      "British Foreign Secretary James Cole met Minister Dewi Lestari in London on Tuesday. Lestari spoke to "
      "reporters after the talks.");
  EXPECT_EQ(FindVisit(f, "Dewi Lestari", "GBR"), nullptr) << Dump(f);
}

TEST(VisitsTreeTest, OnTheWayToAttendASummitAbroad) {
  const Events e = Find(
      "On his way to attend the EU summit in Belgium, Australian Prime Minister Tom Walsh will visit Estonia.");
  ASSERT_NE(FindVisit(e, "Tom Walsh", "BEL"), nullptr) << Dump(e);
  ASSERT_NE(FindVisit(e, "Tom Walsh", "EST"), nullptr) << Dump(e);
  // Who is invited to attend is not the one who invites.
  const Events f = Find(
      "Australian Prime Minister Tom Walsh invited Estonian President Kaja Tamm to attend the forum in Sydney.");
  EXPECT_EQ(FindVisit(f, "Tom Walsh", "AUS"), nullptr) << Dump(f);
  EXPECT_EQ(f.visits.size(), 0u) << Dump(f);
}

TEST(VisitsTreeTest, WhoInvitesDoesNotTravel) {
  const Events e = Find("Kenyan President David Kamau invited Ghanaian President Kwame Mensah to visit Nairobi.");
  EXPECT_EQ(FindVisit(e, "David Kamau", "KEN"), nullptr) << Dump(e);
}

// A verb of travel is read on the tree only where the tree could give it a
// trip: with a place in its sentence, or a trip the word patterns read from
// it. A sentence with neither is not parsed; the same verb with a place is.
TEST(VisitsTreeTest, VerbOfTravelWithNoPlaceIsNotParsed) {
  const text::LanguageTables& tables = text::TablesFor("en");
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model for en";
  const std::string none = "Deputy Minister Ali Demir travelled a lot in his youth and now rarely leaves his village.";
  const text::TextLayer layer = text::BuildTextLayer(none, tables);
  const syntax::DocumentSyntax syn(none, layer, "en");
  EXPECT_TRUE(FindEvents(none, "2024-05-15", tables, layer, &syn).visits.empty());
  EXPECT_EQ(syn.parsed(), 0u);
  const Events e = Find("Deputy Minister Ali Demir, who rarely leaves his village, then travelled on to Estonia.");
  EXPECT_NE(FindVisit(e, "Ali Demir", "EST"), nullptr) << Dump(e);
}

// A plan or a trip noun is read on the tree for a trip called off only
// when a word that calls it off is in the sentence: one with none is not
// parsed for it (Unrealised, CancelledAfter); one with it still is.
TEST(VisitsTreeTest, PlanWithNothingCalledOffIsNotParsed) {
  const text::LanguageTables& tables = text::TablesFor("en");
  if (!syntax::ModelFor("en")) GTEST_SKIP() << "no syntax model for en";
  for (const std::string none : {"The harbour master was scheduled to travel with the fishermen.",
                                 "His visit, planned for the spring, begins with a walk along the quay."}) {
    SCOPED_TRACE(none);
    const text::TextLayer layer = text::BuildTextLayer(none, tables);
    const syntax::DocumentSyntax syn(none, layer, "en");
    EXPECT_TRUE(FindEvents(none, "2024-05-15", tables, layer, &syn).visits.empty());
    EXPECT_EQ(syn.parsed(), 0u);
  }
  Events e = Find("Deputy Minister Ali Demir was scheduled to visit Estonia, but the trip was called off.");
  EXPECT_EQ(FindVisit(e, "Ali Demir", "EST"), nullptr) << Dump(e);
  e = Find("The visit of Deputy Minister Ali Demir to Estonia, planned for next week, has been cancelled.");
  EXPECT_EQ(FindVisit(e, "Ali Demir", "EST"), nullptr) << Dump(e);
}

// A city in a gathering's own name is where it is held ("spoke at the
// Munich Security Conference"); a city of the speaker's own country is no
// visit.
TEST(VisitsTreeTest, CityInTheNameOfAGathering) {
  Events e = Find("Chilean Foreign Minister Pablo Soto spoke at the Munich Security Conference on Saturday.");
  const Visit* v = FindVisit(e, "Pablo Soto", "DEU");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Munich");
  EXPECT_EQ(v->status, "past");

  e = Find("Chilean Foreign Minister Pablo Soto spoke at the Santiago Security Conference on Saturday.");
  EXPECT_TRUE(e.visits.empty()) << Dump(e);
}

// "X met Y during her visit to Riga": the possessive of a trip noun that is
// an adjunct of the verb stands for the verb's subject, not the person
// named last; in an adjunct of a noun ("about the outcome of his visit")
// it is left to the text's order.
TEST(VisitsTreeTest, PossessiveOfATripNounAdjunctIsTheSubject) {
  Events e = Find("Chilean President Ana Rojas met Latvian President Janis Ozols during her visit to Riga last week.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Riga");
  EXPECT_EQ(v->status, "past");
  EXPECT_EQ(e.visits.size(), 1u) << Dump(e);
}

// "took part in a summit in Riga": a verb whose object is a word of taking
// part attends the gathering of its adjunct.
TEST(VisitsTreeTest, TookPartInAGatheringAbroad) {
  const Events e = Find("Chilean President Ana Rojas took part in a summit of Baltic leaders in Riga on Monday.");
  const Visit* v = FindVisit(e, "Ana Rojas", "LVA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
  EXPECT_EQ(v->date.value_or(""), "2024-05-13");
}

}  // namespace
}  // namespace attache::events
