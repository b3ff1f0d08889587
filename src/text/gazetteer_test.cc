#include "text/gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace attache::text {
namespace {

std::string PlaceCode(std::string_view name) {
  const Place* p = LookupPlace(name);
  return p ? std::string(p->code) : "";
}
std::string DemonymCode(std::string_view adjective) {
  const Country* c = LookupDemonym(adjective);
  return c ? std::string(c->code) : "";
}
std::string OrgCode(std::string_view name) {
  const Org* o = LookupOrg(name);
  return o ? std::string(o->code) : "";
}

TEST(GazetteerTest, CountryNamesAndVariants) {
  for (auto name : {"Azerbaijan", "the Republic of Azerbaijan", "Republic of Azerbaijan"}) {
    EXPECT_EQ(PlaceCode(name), "AZE") << name;
  }
  for (auto name : {"Türkiye", "Turkey", "Turkiye", "the Republic of Türkiye"}) EXPECT_EQ(PlaceCode(name), "TUR") << name;
  for (auto name : {"the United States", "United States of America", "US", "U.S.", "USA", "America"}) {
    EXPECT_EQ(PlaceCode(name), "USA") << name;
  }
  for (auto name : {"the UK", "UK", "Britain", "Great Britain", "United Kingdom"}) EXPECT_EQ(PlaceCode(name), "GBR") << name;
  EXPECT_EQ(PlaceCode("Russia"), "RUS");
  EXPECT_EQ(PlaceCode("Russian Federation"), "RUS");
  EXPECT_EQ(PlaceCode("the Islamic Republic of Iran"), "IRN");
  EXPECT_EQ(PlaceCode("Georgia"), "GEO");
  EXPECT_EQ(PlaceCode("Czechia"), "CZE");
  EXPECT_EQ(PlaceCode("North Macedonia"), "MKD");
  EXPECT_EQ(PlaceCode("Eswatini"), "SWZ");
  EXPECT_EQ(PlaceCode("UAE"), "ARE");
  EXPECT_EQ(PlaceCode("Democratic Republic of the Congo"), "COD");
  EXPECT_EQ(PlaceCode("Côte d’Ivoire"), "CIV");  // typographic apostrophe

  const Place* ru = LookupPlace("the Russian Federation");
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->kind, EntityKind::kCountry);
  EXPECT_EQ(ru->name, "Russia");
  EXPECT_EQ(LookupPlace("Turkey")->name, "Türkiye");
}

TEST(GazetteerTest, CitiesMapToTheirCountry) {
  struct {
    const char* city;
    const char* code;
  } cases[] = {{"Baku", "AZE"},     {"Yerevan", "ARM"},     {"Moscow", "RUS"},  {"Ankara", "TUR"},
               {"Istanbul", "TUR"}, {"Tbilisi", "GEO"},     {"Brussels", "BEL"}, {"Washington", "USA"},
               {"Jeddah", "SAU"},   {"Riyadh", "SAU"},      {"Delhi", "IND"},   {"New Delhi", "IND"},
               {"Warsaw", "POL"},   {"Beijing", "CHN"},     {"Tehran", "IRN"},  {"Islamabad", "PAK"},
               {"Kyiv", "UKR"},     {"Kiev", "UKR"},        {"Geneva", "CHE"},  {"The Hague", "NLD"},
               {"Nakhchivan", "AZE"}, {"Shusha", "AZE"},    {"Khankendi", "AZE"}, {"Astana", "KAZ"},
               {"Nur-Sultan", "KAZ"}, {"Chisinau", "MDA"},  {"Malé", "MDV"},    {"Abu Dhabi", "ARE"}};
  for (const auto& c : cases) EXPECT_EQ(PlaceCode(c.city), c.code) << c.city;
  const Place* kiev = LookupPlace("Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_EQ(kiev->kind, EntityKind::kCity);
  EXPECT_EQ(kiev->name, "Kyiv");
  EXPECT_EQ(LookupPlace("Chișinău")->code, "MDA");  // normalised to Chisinau
}

TEST(GazetteerTest, AmbiguousNamesAreLeftOut) {
  for (auto name : {"Victoria", "Nice", "Split", "Male", "Georgetown", "Phoenix", "Medina", "Sana"}) {
    EXPECT_EQ(LookupPlace(name), nullptr) << name;
  }
  // Institutions are not places; organisations are not places.
  EXPECT_EQ(LookupPlace("the Kremlin"), nullptr);
  EXPECT_EQ(LookupPlace("NATO"), nullptr);
  EXPECT_EQ(LookupOrg("Baku"), nullptr);
  // Case-sensitive: common words in lower case are nothing.
  for (auto word : {"turkey", "china", "chad", "us", "georgia", "the", ""}) EXPECT_EQ(LookupPlace(word), nullptr) << word;
}

TEST(GazetteerTest, Demonyms) {
  EXPECT_EQ(DemonymCode("Russian"), "RUS");
  for (auto a : {"Azerbaijani", "Azeri", "Azerbaijan"}) EXPECT_EQ(DemonymCode(a), "AZE") << a;
  EXPECT_EQ(DemonymCode("American"), "USA");
  EXPECT_EQ(DemonymCode("US"), "USA");
  EXPECT_EQ(DemonymCode("Turkish"), "TUR");
  EXPECT_EQ(DemonymCode("Iranian"), "IRN");
  EXPECT_EQ(DemonymCode("Saudi"), "SAU");
  EXPECT_EQ(DemonymCode("Emirati"), "ARE");
  EXPECT_EQ(DemonymCode("British"), "GBR");
  EXPECT_EQ(DemonymCode("Chinese"), "CHN");
  // Adjectives CountryInfo lacks (it has "Swede", "Icelander").
  EXPECT_EQ(DemonymCode("Swedish"), "SWE");
  EXPECT_EQ(DemonymCode("Irish"), "IRL");
  EXPECT_EQ(DemonymCode("Montenegrin"), "MNE");
  EXPECT_EQ(DemonymCode("Polish"), "POL");
  EXPECT_EQ(DemonymCode("Armenian"), "ARM");
  EXPECT_EQ(DemonymCode("Georgian"), "GEO");
  EXPECT_EQ(DemonymCode("Serbian"), "SRB");
  const Country* eu = LookupDemonym("European");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->code, "EU");
  EXPECT_EQ(eu->kind, EntityKind::kBloc);
  EXPECT_EQ(LookupDemonym("polish"), nullptr);
  EXPECT_EQ(LookupDemonym("Baku"), nullptr);
}

TEST(GazetteerTest, Organisations) {
  for (auto name : {"European Union", "the EU", "European Commission", "the European Council", "European Parliament"}) {
    EXPECT_EQ(OrgCode(name), "EU") << name;
  }
  EXPECT_EQ(OrgCode("North Atlantic Treaty Organization"), "NATO");
  EXPECT_EQ(OrgCode("NATO"), "NATO");
  for (auto name : {"United Nations", "the UN", "UN Security Council", "UN General Assembly"}) {
    EXPECT_EQ(OrgCode(name), "UN") << name;
  }
  struct {
    const char* name;
    const char* code;
  } cases[] = {{"CSTO", "CSTO"},       {"OSCE", "OSCE"}, {"CIS", "CIS"}, {"SCO", "SCO"},   {"BRICS", "BRICS"},
               {"ASEAN", "ASEAN"},     {"African Union", "AU"},         {"the Arab League", "ARAB_LEAGUE"},
               {"GCC", "GCC"},         {"OIC", "OIC"},   {"OPEC", "OPEC"}, {"G7", "G7"},    {"G20", "G20"},
               {"IAEA", "IAEA"},       {"WHO", "WHO"},   {"IMF", "IMF"}, {"the World Bank", "WB"},
               {"Council of Europe", "COE"}};
  for (const auto& c : cases) EXPECT_EQ(OrgCode(c.name), c.code) << c.name;
  EXPECT_EQ(LookupOrg("NATO")->kind, EntityKind::kBloc);
  EXPECT_EQ(LookupOrg("IMF")->kind, EntityKind::kOrg);
  EXPECT_EQ(LookupOrg("European Commission")->name, "European Union");
  EXPECT_EQ(LookupOrg("who"), nullptr);
}

TEST(GazetteerTest, NormalizeName) {
  EXPECT_EQ(NormalizeName("Türkiye"), "Turkiye");
  EXPECT_EQ(NormalizeName("Chișinău"), "Chisinau");
  EXPECT_EQ(NormalizeName("Côte d’Ivoire"), "Cote d'Ivoire");
  EXPECT_EQ(NormalizeName("Xankəndi"), "Xankendi");
  EXPECT_EQ(NormalizeName("Baku"), "Baku");
  EXPECT_EQ(NormalizeName("\xff\xfe"), "\xff\xfe");  // malformed bytes pass through
}

TEST(GazetteerTest, MatchAtTakesTheLongestForm) {
  Entry e;
  std::string_view text = "the United States Congress said";
  ASSERT_EQ(MatchAt(text, 0, &e), std::string_view("the United States").size());
  EXPECT_EQ(e.entity->code, "USA");
  EXPECT_EQ(e.role, Entry::Role::kName);

  text = "talks in New Delhi on Monday";
  ASSERT_EQ(MatchAt(text, 9, &e), 9u);
  EXPECT_EQ(e.entity->name, "New Delhi");
  // "Delhi" alone starts on a word boundary too; a scanner moves past a match.
  EXPECT_EQ(MatchAt(text, 13, &e), 5u);
  EXPECT_EQ(e.entity->name, "Delhi");
}

TEST(GazetteerTest, MatchAtRespectsWordBoundaries) {
  Entry e;
  std::string_view text = "the Iranian side";
  EXPECT_EQ(MatchAt(text, 4, &e), 7u);
  EXPECT_EQ(e.role, Entry::Role::kDemonym);
  EXPECT_EQ(e.entity->code, "IRN");
  EXPECT_EQ(MatchAt("Iranians", 0, &e), 0u);
  EXPECT_EQ(MatchAt("xBaku", 1, &e), 0u);  // not at a word start
  EXPECT_EQ(MatchAt("Bakuvian", 0, &e), 0u);
  EXPECT_EQ(MatchAt("Baku's mayor", 0, &e), 4u);
  EXPECT_EQ(MatchAt("Baku’s mayor", 0, &e), 4u);  // typographic apostrophe ends the word
  EXPECT_EQ(MatchAt("«Baku»", 2, &e), 4u);
  EXPECT_EQ(MatchAt("U.S.-led talks", 0, &e), 4u);
  EXPECT_EQ(MatchAt("Azerbaijan-Armenia talks", 0, &e), 10u);
  EXPECT_EQ(MatchAt("Azerbaijan-Armenia talks", 11, &e), 7u);
  EXPECT_EQ(MatchAt("New\nDelhi", 0, &e), 9u);
  EXPECT_EQ(MatchAt("the Hague", 0, &e), 9u);
  EXPECT_EQ(MatchAt("Turkey", 6, &e), 0u);
  EXPECT_EQ(MatchAt("Turkey", 60, &e), 0u);
  EXPECT_EQ(MatchAt("", 0, &e), 0u);
  EXPECT_EQ(MatchAt("the ", 0, &e), 0u);
}

TEST(GazetteerTest, MatchAtIgnoresLowerCaseWords) {
  Entry e;
  for (auto text : {"turkey dinner", "fine china", "us and them", "the nice city", "a split vote", "the male voice"}) {
    for (size_t i = 0; text[i] != '\0'; ++i) EXPECT_EQ(MatchAt(text, i, &e), 0u) << text << " @" << i;
  }
}

TEST(GazetteerTest, MatchAtFindsOrganisations) {
  Entry e;
  std::string_view text = "the UN Security Council met";
  ASSERT_EQ(MatchAt(text, 0, &e), std::string_view("the UN Security Council").size());
  EXPECT_EQ(e.entity->code, "UN");
  EXPECT_EQ(e.entity->kind, EntityKind::kOrg);
}

TEST(GazetteerTest, AllSurfaceFormsIsSortedAndComplete) {
  const auto& forms = AllSurfaceForms();
  ASSERT_GT(forms.size(), 1000u);
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) {
      EXPECT_LE(forms[i - 1].first, forms[i].first);
    }
    ASSERT_NE(forms[i].second.entity, nullptr);
    EXPECT_FALSE(forms[i].first.empty());
    seen.insert(forms[i].first);
    // Every form matches itself in full.
    Entry e;
    EXPECT_EQ(MatchAt(forms[i].first, 0, &e), forms[i].first.size()) << forms[i].first;
  }
  EXPECT_TRUE(seen.count("Baku"));
  EXPECT_TRUE(seen.count("NATO"));
  EXPECT_TRUE(AllSurfaceForms("xx").empty());
  EXPECT_EQ(LookupPlace("Baku", "xx"), nullptr);
}

}  // namespace
}  // namespace attache::text
