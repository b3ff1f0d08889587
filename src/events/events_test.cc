#include "events/events.h"

#include <gtest/gtest.h>

#include <string>

#include "attache/analyze.h"
#include "tests/seed_pages.h"
#include "events/test_util.h"
#include "text/tables.h"

namespace attache::events {
namespace {

using test_util::Dump;
using test_util::Find;
using test_util::FindVisit;

TEST(EventsTest, PlannedVisitWithDateAndMergedMentions) {
  const Events e = Find(
      "Hungarian Foreign Minister Peter Novak is expected to visit Georgia on June 23. Novak should arrive in "
      "Tbilisi in the morning.",
      "2024-06-20");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  const Visit& v = e.visits[0];
  EXPECT_EQ(v.visitor, "Peter Novak");
  EXPECT_EQ(v.host_country, "GEO");
  EXPECT_EQ(v.place.value_or(""), "Tbilisi");
  EXPECT_EQ(v.date.value_or(""), "2024-06-23");
  EXPECT_EQ(v.status, "planned");
  EXPECT_EQ(v.visitor_country.value_or(""), "HUN");
  EXPECT_EQ(v.codes.cameo, "036");
}

TEST(EventsTest, PastVisitsOfSeveralPeopleAndPlaces) {
  const Events e = Find(
      "Last month, Dutch Trade Minister Anna de Vries and Belgian Economy Minister Luc Peeters visited Kenya and "
      "Tanzania.",
      "2024-05-10");
  EXPECT_EQ(e.visits.size(), 4u) << Dump(e);
  const Visit* v = FindVisit(e, "Luc Peeters", "TZA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "past");
  EXPECT_EQ(v->visitor_country.value_or(""), "BEL");
  EXPECT_EQ(v->codes.cameo, "042");
  EXPECT_EQ(v->codes.plover_mode, "visit");
}

TEST(EventsTest, OngoingVisitByNounAndToday) {
  const Events e = Find("The visit of Chilean President Rosa Fuentes to Lima starts today.", "2024-03-04");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].host_country, "PER");
  EXPECT_EQ(e.visits[0].status, "ongoing");
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-03-04");
}

// Dates and status (issue 4).

TEST(EventsTest, DatesOfSinceAndUntilClausesAreNotTheVisits) {
  const Events e = Find(
      "Chilean Foreign Minister Marta Rojas, who is on her first official visit to Peru since the two "
      "governments restored full ties in a deal in March, said the talks were useful.",
      "2024-06-12");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "ongoing");
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-06-12");
  const Events f = Find(
      "Uruguayan President Pablo Ferreira has arrived in Quito to start a visit to Ecuador, his first trip "
      "abroad since taking office on March 1.",
      "2024-06-12");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].status, "ongoing");
  EXPECT_EQ(f.visits[0].date.value_or(""), "2024-06-12");
}

TEST(EventsTest, OnAVisitWithAdjectivesIsOngoingOrPast) {
  const Events e = Find("Chilean Foreign Minister Marta Rojas is on her first official visit to Peru.", "2024-06-12");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "ongoing");
  const Events f = Find("Chilean Foreign Minister Marta Rojas was on a two-day visit to Peru.", "2024-06-12");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].status, "past");
}

TEST(EventsTest, DatelineDateIsTheNewsDay) {
  // Published the morning after the story was filed.
  const Events e = Find(
      "Talks begin\n\nLIMA, June 11 (Wire) -- Chilean Foreign Minister Marta Rojas is on a visit to Peru, "
      "where she is holding talks on trade.",
      "2024-06-12T08:30");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-06-11");
  EXPECT_EQ(e.visits[0].status, "ongoing");
}

// Issue 11: a dateline whose city is written as a name, with its date and
// agency, is read from the text layer.
TEST(EventsTest, DatelineOfTheTextLayer) {
  const Events e = Find(
      "Talks begin\n\nLima, 11 June 2024 /Wire/ – Chilean Foreign Minister Marta Rojas is on a visit to Peru, "
      "where she is holding talks on trade.",
      "2024-06-12T08:30");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].visitor, "Marta Rojas");
  EXPECT_EQ(e.visits[0].place.value_or(""), "Lima");
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-06-11");
  EXPECT_EQ(e.visits[0].status, "ongoing");
}

TEST(EventsTest, VisitUnderWayIsDatedTodayNotByItsProgramme) {
  // 2024-06-11 is a Tuesday.
  const Events e = Find(
      "Uruguayan President Pablo Ferreira arrived in Ecuador. Ferreira will meet Ecuadorian President Luis "
      "Andrade in Quito on Thursday.",
      "2024-06-11");
  const Visit* v = FindVisit(e, "Pablo Ferreira", "ECU");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");
  EXPECT_EQ(v->date.value_or(""), "2024-06-11");
}

TEST(EventsTest, TourOverARangeIsDatedByWhatItsDaysShare) {
  const Events e = Find(
      "Spanish Foreign Minister Elena Ruiz will visit Kenya, Ghana and Senegal from March 3 to March 9.", "2025-02-20");
  ASSERT_EQ(e.visits.size(), 3u) << Dump(e);
  for (const Visit& v : e.visits) EXPECT_EQ(v.date.value_or(""), "2025-03") << Dump(e);
  const Events f = Find("Spanish Foreign Minister Elena Ruiz will visit Kenya from March 3 to March 9.", "2025-02-20");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].date.value_or(""), "2025-03-03");
}

TEST(EventsTest, JoinedDatesAndJoinedPlacesAreReadRespectively) {
  // 2025-02-24 is a Monday.
  const Events e = Find(
      "Spanish Foreign Minister Elena Ruiz will visit Nairobi on Tuesday and is scheduled to travel on Wednesday "
      "and Thursday to Accra and Dakar.",
      "2025-02-24");
  const Visit* a = FindVisit(e, "Elena Ruiz", "GHA");
  const Visit* d = FindVisit(e, "Elena Ruiz", "SEN");
  ASSERT_TRUE(a && d) << Dump(e);
  EXPECT_EQ(a->date.value_or(""), "2025-02-26");
  EXPECT_EQ(d->date.value_or(""), "2025-02-27");
  EXPECT_EQ(d->status, "planned");
}

TEST(EventsTest, VisitOnTheDayOfTheNewsIsUnderWay) {
  // 2024-06-09 is a Sunday.
  const Events e = Find(
      "Polish President Piotr Nowak's visit to Vilnius, on Sunday, will include talks with the Lithuanian "
      "government.",
      "2024-06-09");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-06-09");
  EXPECT_EQ(e.visits[0].status, "ongoing");
  const Events f = Find("Polish President Piotr Nowak was on a visit to Vilnius on Sunday.", "2024-06-09");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].status, "past");
}

TEST(EventsTest, DepartureIsATripUnderWay) {
  const Events e = Find("Uruguayan President Pablo Ferreira left Montevideo to visit Ecuador.");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "ongoing");
  const Events f = Find("Uruguayan President Pablo Ferreira left for Quito.");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].status, "ongoing");
  const Events g = Find("Uruguayan President Pablo Ferreira had recently left for Quito.");
  ASSERT_EQ(g.visits.size(), 1u) << Dump(g);
  EXPECT_EQ(g.visits[0].status, "past");
  // 2024-06-12 is a Wednesday: a departure two days back is a past trip.
  const Events h = Find("Uruguayan President Pablo Ferreira left for Quito on Monday.", "2024-06-12");
  ASSERT_EQ(h.visits.size(), 1u) << Dump(h);
  EXPECT_EQ(h.visits[0].status, "past");
}

TEST(EventsTest, MonthOrYearAloneAnchorsDaysWithoutAYear) {
  const Events e = Find(
      "Greek Prime Minister Nikos Pappas, who arrived in Cyprus on a state visit on Nov. 14, met the "
      "president.",
      "2024-11");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].date.value_or(""), "2024-11-14");
  // The month known from a page's address when the page states no date.
  Article a;
  a.url = "https://paper.example/2024/11/pappas-in-cyprus";
  a.lang = "en";
  a.text =
      "Greek Prime Minister Nikos Pappas, who arrived in Cyprus on a state visit on Nov. 14, met the president.";
  auto r = Analyze(a);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().visits.size(), 1u);
  EXPECT_EQ(r.value().visits[0].date.value_or(""), "2024-11-14");
  // A year alone dates no weekday, and an undated visit under way stays undated.
  a.url = "https://paper.example/2024/pappas-in-cyprus";
  a.text = "Greek Prime Minister Nikos Pappas is on a visit to Cyprus. He arrived on Monday.";
  r = Analyze(a);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().visits.size(), 1u);
  EXPECT_FALSE(r.value().visits[0].date.has_value()) << *r.value().visits[0].date;
}

TEST(EventsTest, PlaceFromASentenceAboutTheVisitorOrFromTheDateline) {
  const Events e = Find(
      "Spanish Foreign Minister Elena Ruiz will be on a two-day visit to Kenya from Monday. The ministry said "
      "that in Nairobi, Ruiz will be welcomed with a ceremony.",
      "2025-02-20");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].place.value_or(""), "Nairobi");
  const Events f = Find(
      "NAIROBI – Trade was the theme as Spanish Foreign Minister Elena Ruiz, who arrived in Kenya on a visit "
      "on Tuesday, opened a forum.",
      "2025-02-25");
  ASSERT_EQ(f.visits.size(), 1u) << Dump(f);
  EXPECT_EQ(f.visits[0].place.value_or(""), "Nairobi");
  // Filed from elsewhere: no place.
  const Events g = Find(
      "MADRID – Spanish Foreign Minister Elena Ruiz, who arrived in Kenya on a visit on Tuesday, opened a forum.",
      "2025-02-25");
  ASSERT_EQ(g.visits.size(), 1u) << Dump(g);
  EXPECT_FALSE(g.visits[0].place.has_value());
}

TEST(EventsTest, VisitUnderWayOnAnUndatedPageTakesTheDateOfASentenceAboutIt) {
  const Events e = Find(
      "Uruguayan President Pablo Ferreira has arrived in Quito on Sunday evening for a visit to Ecuador, his "
      "first trip since taking office on March 1.\nUruguayan President Pablo Ferreira is greeted by officials "
      "in Quito on June 9.");
  ASSERT_EQ(e.visits.size(), 1u) << Dump(e);
  EXPECT_EQ(e.visits[0].status, "ongoing");
  EXPECT_EQ(e.visits[0].date.value_or(""), "XXXX-06-09");
}

TEST(EventsTest, CancelledTripIsNoVisitAndHomeIsNoVisit) {
  const Events e = Find(
      "Canadian Prime Minister John Elder has cancelled his planned visit to Japan. Elder returned to Ottawa on "
      "Monday.",
      "2024-01-10");
  EXPECT_TRUE(e.visits.empty()) << Dump(e);
}

TEST(EventsTest, MeetingsWithSeveralPeopleButNotCalls) {
  const Events e = Find(
      "Irish President Niamh Byrne arrived in Rome, where she will meet with Italian President Marco Ferri and "
      "Prime Minister Giulia Conti. Byrne spoke by phone with Spanish Prime Minister Pablo Ruiz.",
      "2024-09-01");
  EXPECT_EQ(e.meetings.size(), 2u) << Dump(e);
  for (const Meeting& m : e.meetings) {
    EXPECT_EQ(m.participants[0], "Niamh Byrne");
    EXPECT_EQ(m.status, "planned");
  }
  const Visit* v = FindVisit(e, "Niamh Byrne", "ITA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->status, "ongoing");
}

// Regression: a person named by several words after a title ("Qatar's emir,
// Sheikh Tamim bin Hamad Al Thani") was missed as a meeting's participant;
// meeting someone in a city abroad is also a visit there.
TEST(EventsTest, MeetingAbroadWithALongName) {
  const Events e = Find(
      "Turkish President Recep Tayyip Erdogan is due to meet Qatar's emir, Sheikh Tamim bin Hamad Al Thani, in Doha "
      "on Tuesday.",
      "2023-07-17");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants[1], "Tamim bin Hamad Al Thani");
  const Visit* v = FindVisit(e, "Recep Tayyip Erdogan", "QAT");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Doha");
  EXPECT_EQ(v->status, "planned");
  EXPECT_EQ(v->date.value_or(""), "2023-07-18");
}

// Regression: "call on" a president made the whole sentence read as a phone
// call; an aside between dashes ended the list of people visited.
TEST(EventsTest, CallOnIsAMeetingAndDashAsidesArePassed) {
  const Events e = Find(
      "Prime Minister Ana Lopes will hold talks with her Greek counterpart Nikos Petrou and will call on President "
      "Eleni Marou. Lopes visited both Crown Prince Omar Haddad — the country's ruler — and Emirati President Khalid "
      "bin Saeed last year.",
      "2024-05-01");
  EXPECT_GE(e.meetings.size(), 4u) << Dump(e);
  EXPECT_NE(FindVisit(e, "Ana Lopes", "ARE"), nullptr) << Dump(e);
}

// Regression: "meeting" was read as a verb, so "X had a meeting with Y" had
// no subject; a city named elsewhere in the sentence is not where they met.
TEST(EventsTest, MeetingNounAndItsPlace) {
  const Events e = Find(
      "Soon after his arrival, Foreign Minister Omar Saleh had a meeting with Speaker Lina Farah. At a meeting with "
      "Farah, President Karim Nasser spoke about the situation in Tunis.",
      "2024-03-03");
  EXPECT_EQ(e.meetings.size(), 2u) << Dump(e);
  EXPECT_TRUE(e.visits.empty()) << Dump(e);
}

// The day a statement was made is not the day of the visit it reports.
TEST(EventsTest, TheDayOfTheStatementIsNotTheVisitsDay) {
  Events e = Find(
      "UN Envoy Clara Mendes was in Quito for talks on the ceasefire, her office said on Thursday.", "2025-05-16");
  const Visit* v = FindVisit(e, "Clara Mendes", "ECU");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_FALSE(v->date.has_value()) << Dump(e);
  e = Find("Foreign Minister Tomas Berg told reporters on Monday that he would visit Lima on June 3.", "2025-05-12");
  v = FindVisit(e, "Tomas Berg", "PER");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or("-"), "2025-06-03") << Dump(e);
  // "States" is a country's name here, not a verb.
  e = Find("Foreign Minister Tomas Berg will travel to the United States on June 9.", "2025-05-14");
  v = FindVisit(e, "Tomas Berg", "USA");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or("-"), "2025-06-09") << Dump(e);
  // A date after "expected" is the visit's own.
  e = Find("The visit of Foreign Minister Tomas Berg to Lima is expected on Monday.", "2025-05-14");
  v = FindVisit(e, "Tomas Berg", "PER");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->date.value_or("-"), "2025-05-19") << Dump(e);
}

// Regression: "he" after a sentence opening with a title holding "of"
// ("President of Chile X") went to the last person named instead.
TEST(EventsTest, PronounAfterATitleWithOf) {
  const Events e = Find(
      "President of Chile Ana Torres invited Marco Bellini to visit Chile. She spoke on May 3 during an official "
      "visit to Rome.");
  EXPECT_NE(FindVisit(e, "Ana Torres", "ITA"), nullptr) << Dump(e);
  EXPECT_EQ(FindVisit(e, "Marco Bellini", "CHL"), nullptr) << Dump(e);
}

// Regression: descriptions naming a country ("the Mongolian leader", "the US
// president") did not resolve as subject or object; "before seeing X"
// takes the sentence's subject.
TEST(EventsTest, DescriptionsByNationality) {
  const Events e = Find(
      "Mongolian President Batu Enkh paid a state visit to Japan in March. In May, the Mongolian leader made a "
      "working visit to South Korea. US President Daniel Hart spoke at the forum. Spanish Prime Minister Elena Ruiz "
      "is due to meet Mexico's president, Carlos Mora, in Mexico City on Friday before seeing the US president in "
      "Washington on Sunday.",
      "2024-06-03");
  EXPECT_NE(FindVisit(e, "Batu Enkh", "KOR"), nullptr) << Dump(e);
  EXPECT_NE(FindVisit(e, "Elena Ruiz", "USA"), nullptr) << Dump(e);
  bool hart = false;
  for (const Meeting& m : e.meetings) hart = hart || m.participants[1] == "Daniel Hart";
  EXPECT_TRUE(hart) << Dump(e);
}

// A description naming another country is not a person of this one; a
// description followed by the name itself is not read twice.
TEST(EventsTest, DescriptionOfAnotherNationIsNotResolved) {
  const Events e = Find(
      "Israeli President Dan Levi received the guests. On Monday, Greek Foreign Minister Nikos Pappas will meet "
      "the Italian president, Sergio Rossi, and Foreign Minister Paola Neri in Rome. Swedish Foreign Minister Karin "
      "Holm will meet the Norwegian president on Friday.",
      "2024-02-05");
  EXPECT_EQ(e.meetings.size(), 2u) << Dump(e);
  for (const Meeting& m : e.meetings) {
    EXPECT_NE(m.participants[1], "Dan Levi") << Dump(e);
    EXPECT_NE(m.participants[0], "Dan Levi") << Dump(e);
  }
}

// Regression: "the latter" was no subject.
TEST(EventsTest, TheLatter) {
  const Events e = Find(
      "Kenyan President Amos Otieno met Ghanaian President Kofi Mensah last year, while the latter came to Nairobi "
      "in May.",
      "2024-08-01");
  const Visit* v = FindVisit(e, "Kofi Mensah", "KEN");
  ASSERT_NE(v, nullptr) << Dump(e);
  EXPECT_EQ(v->place.value_or(""), "Nairobi");
}

// Regression: a meeting "held in" a third country, or "at the" city-state,
// placed nobody there; a capitalised word before a title ("the National
// Assembly Speaker") ended the list of people met.
TEST(EventsTest, MeetingPlacesGiveVisits) {
  const Events e = Find(
      "Armenian Prime Minister Davit Sargsyan and Azerbaijani President Elmar Guliyev last met in person in "
      "December. Their most recent meeting between Sargsyan and Guliyev was held in Geneva. Peruvian President "
      "Rosa Fuentes will travel to Italy on Sunday to meet with Pope Leo on Monday at the Vatican. Fuentes will "
      "then have a meeting with the Senate Speaker Ugo Bassi.",
      "2024-04-05");
  EXPECT_NE(FindVisit(e, "Davit Sargsyan", "CHE"), nullptr) << Dump(e);
  EXPECT_NE(FindVisit(e, "Elmar Guliyev", "CHE"), nullptr) << Dump(e);
  EXPECT_NE(FindVisit(e, "Rosa Fuentes", "VAT"), nullptr) << Dump(e);
  bool bassi = false;
  for (const Meeting& m : e.meetings) bassi = bassi || m.participants[1] == "Ugo Bassi";
  EXPECT_TRUE(bassi) << Dump(e);
}

// Regression: a planned meeting in a country merged into a past visit there
// in another year; a meeting during a visit under way still joins it.
TEST(EventsTest, PlannedMeetingAbroadIsNotAPastTrip) {
  const Events e = Find(
      "Indian Prime Minister Ravi Kumar visited Egypt last year. Kumar is due to meet Egyptian President Omar "
      "Farouk in Cairo on Wednesday. Kumar is in Jordan and will meet King Hamad Zaid in Amman on Tuesday.",
      "2024-05-06");
  int egypt = 0, jordan = 0;
  for (const Visit& v : e.visits) {
    egypt += v.host_country == "EGY";
    jordan += v.host_country == "JOR";
  }
  EXPECT_EQ(egypt, 2) << Dump(e);
  EXPECT_EQ(jordan, 1) << Dump(e);
}

// Regression: "he" after a sentence opening with an adverbial ("During the
// visit, X ...") went to the last person named.
TEST(EventsTest, PronounAfterALeadingAdverbial) {
  const Events e = Find(
      "During the visit, Chancellor Greta Lind toured a factory with Mayor Paul Kern. She also had a meeting with "
      "Speaker Jonas Berg.",
      "2024-04-05");
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants[0], "Greta Lind");
}

// Regression: talks held in a place were no visit; "all three countries"
// refers to the countries last listed together; a list introduced by
// "Dutch officials including" gives its people their country.
TEST(EventsTest, TalksHeldInPlacesAndCountriesReferredTo) {
  const Events e = Find(
      "Trade fairs are planned in Kenya, Uganda and Rwanda during the king's tour. Last month, Dutch officials "
      "including Anna de Groot, Deputy Minister Pieter Jansen and central bank Governor Sara Bakker held talks in "
      "all three countries. Foreign Minister Ivan Petrov held talks in Belgrade with Serbian President Dragan Jovic "
      "on Monday. Officials said talks in Geneva would resume. Chilean President Rosa Fuentes has held talks in the "
      "two countries.",
      "2024-03-06");
  for (const char* who : {"Anna de Groot", "Pieter Jansen", "Sara Bakker"})
    for (const char* where : {"KEN", "UGA", "RWA"}) {
      const Visit* v = FindVisit(e, who, where);
      ASSERT_NE(v, nullptr) << who << " " << where << "\n" << Dump(e);
      EXPECT_EQ(v->status, "past");
      EXPECT_EQ(v->visitor_country.value_or(""), "NLD");
    }
  EXPECT_NE(FindVisit(e, "Ivan Petrov", "SRB"), nullptr) << Dump(e);
  ASSERT_EQ(e.meetings.size(), 1u) << Dump(e);
  EXPECT_EQ(e.meetings[0].participants[1], "Dragan Jovic");
  EXPECT_EQ(e.visits.size(), 10u) << Dump(e);
}

// Regression: a "video message" made the sentence a call; "A and B will
// hold talks" had no "with"; "A and his counterpart B will meet" lost A; a
// possessive in a leading adverbial went to the sentence before.
TEST(EventsTest, MeetingsWithoutWith) {
  const Events e = Find(
      "In a video message recorded before leaving, Foreign Minister Lena Park said that she had a discussion with "
      "Prime Minister Jin Woo. Canadian Prime Minister Liam Ross arrived in Mexico City on Sunday. The Canada PM and "
      "his Mexican counterpart Luis Ortega will meet on Monday. Ross and President Ana Vidal will hold talks on "
      "trade. Meanwhile, President Tomas Ruiz welcomed the delegation. At his meeting with Senator Irma Sol, the "
      "Canadian PM said ties were strong. Park later held talks by video with Foreign Minister Ken Ito.",
      "2024-04-07");
  auto has = [&](const std::string& a, const std::string& b) {
    for (const Meeting& m : e.meetings)
      if ((m.participants[0] == a && m.participants[1] == b) || (m.participants[0] == b && m.participants[1] == a))
        return true;
    return false;
  };
  EXPECT_TRUE(has("Lena Park", "Jin Woo")) << Dump(e);
  EXPECT_TRUE(has("Liam Ross", "Luis Ortega")) << Dump(e);
  EXPECT_TRUE(has("Liam Ross", "Ana Vidal")) << Dump(e);
  EXPECT_TRUE(has("Liam Ross", "Irma Sol")) << Dump(e);
  EXPECT_FALSE(has("Tomas Ruiz", "Irma Sol")) << Dump(e);
  EXPECT_FALSE(has("Lena Park", "Ken Ito")) << Dump(e);
}

// Regression: "paid courtesy visits to A and B" (a noun, people after
// "to") met nobody; "A and other senior officials, including B" ended the
// list at the group noun.
TEST(EventsTest, CourtesyVisitsAndIncludedPeople) {
  const Events e = Find(
      "During the trip, Prime Minister Taro Sato laid a wreath. He also paid courtesy visits to Chairman Le Van Tam "
      "and Vietnamese President Tran Duc Minh. In Hanoi, Foreign Minister Mia Roth will meet Vice President Hoa Binh "
      "and other senior government figures, including Deputy Minister Kim Lan. Roth met Mayor Ari Vos and said "
      "the talks, including on trade, went well.",
      "2024-05-02");
  auto has = [&](const std::string& a, const std::string& b) {
    for (const Meeting& m : e.meetings)
      if (m.participants[0] == a && m.participants[1] == b) return true;
    return false;
  };
  EXPECT_TRUE(has("Taro Sato", "Le Van Tam")) << Dump(e);
  EXPECT_TRUE(has("Taro Sato", "Tran Duc Minh")) << Dump(e);
  EXPECT_NE(FindVisit(e, "Taro Sato", "VNM"), nullptr) << Dump(e);
  EXPECT_TRUE(has("Mia Roth", "Hoa Binh")) << Dump(e);
  EXPECT_TRUE(has("Mia Roth", "Kim Lan")) << Dump(e);
  EXPECT_TRUE(has("Mia Roth", "Ari Vos")) << Dump(e);
  EXPECT_EQ(e.meetings.size(), 5u) << Dump(e);
}

// Regression: "It will be a state visit, with meetings with A and B" made A
// meet B; the meetings are the visitor's.
TEST(EventsTest, MeetingsOfAVisitReportedBefore) {
  const Events e = Find(
      "Chilean President Rosa Fuentes will travel to Peru on May 4. It will be a state visit, with meetings with "
      "President Juan Soto and the prime minister, Ana Rios.",
      "2024-04-20");
  ASSERT_EQ(e.meetings.size(), 2u) << Dump(e);
  for (const Meeting& m : e.meetings) EXPECT_EQ(m.participants[0], "Rosa Fuentes") << Dump(e);
}

}  // namespace
}  // namespace attache::events
