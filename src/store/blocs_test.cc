// The bloc definitions: every country and organisation is in a bloc or a
// region, per host where it matters; and what users type resolves to codes.
#include "store/blocs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "attache/countries.h"
#include "text/gazetteer.h"

namespace attache::store {
namespace {

std::set<std::string> EveryCode() {
  std::set<std::string> out;
  for (const auto& [form, entry] : text::AllSurfaceForms("en")) {
    const text::Entity* e = entry.entity;
    if (e && e->kind != text::EntityKind::kCity && e->kind != text::EntityKind::kRegion) out.emplace(e->code);
  }
  return out;
}

TEST(BlocsTest, NoUsualPartnerIsOtherForAnyHost) {
  const Blocs& b = Blocs::Default();
  const std::set<std::string> codes = EveryCode();
  ASSERT_GT(codes.size(), 250u);
  for (const char* host : {"AZE", "ARM", "GEO", "KAZ", "TUR", "RUS", "USA", "CHN", "UKR", "IRN"}) {
    for (const std::string& code : codes) {
      if (code == host) continue;
      EXPECT_NE(b.Of(host, code), "Other") << code << " visiting " << host;
    }
  }
  EXPECT_EQ(b.Of("AZE", "unknown"), "Other");  // only a code no line lists
}

TEST(BlocsTest, AzerbaijanGoesWithArmeniaAndGeorgiaAndHostsHaveTheirOwnLines) {
  const Blocs& b = Blocs::Default();
  for (const char* host : {"RUS", "IRN", "USA", "ARM"}) {
    EXPECT_EQ(b.Of(host, "AZE"), "South Caucasus") << host;
  }
  EXPECT_EQ(b.Of("AZE", "ARM"), "South Caucasus");
  EXPECT_EQ(b.Of("AZE", "GEO"), "South Caucasus");
  EXPECT_EQ(b.Of("TUR", "AZE"), "Turkic states");      // a line for Türkiye's partners
  EXPECT_EQ(b.Of("RUS", "BLR"), "Union State and CSTO");
  EXPECT_EQ(b.Of("AZE", "BLR"), "Russia and allies");
  EXPECT_EQ(b.Of("AZE", "TUR"), "Türkiye and the OTS");
  // A bloc is named in words: no line's name is a bare country code.
  for (const auto& line : b.lines()) {
    const bool code = line.name.size() == 3 && std::all_of(line.name.begin(), line.name.end(), [](unsigned char c) { return std::isupper(c) != 0; });
    EXPECT_FALSE(code) << line.name;
  }
  // Every line says where its grouping comes from.
  for (const auto& line : b.lines()) EXPECT_FALSE(line.source.empty()) << line.name;
}

TEST(BlocsTest, ParsesHostsAndSources) {
  auto b = Blocs::Parse("# mine\nNear\tARM GEO\tmy notes\tAZE\nFar\tARM USA\n");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value().Of("AZE", "ARM"), "Near");
  EXPECT_EQ(b.value().Of("TUR", "ARM"), "Far");
  EXPECT_EQ(b.value().Of("TUR", "GEO"), "Other");
  EXPECT_EQ(b.value().Find("far")->members.size(), 2u);
  EXPECT_FALSE(Blocs::Parse("no tab here\n").ok());
}

TEST(CountriesTest, CodesNamesDemonymsAndBlocs) {
  for (const char* typed : {"AZE", "aze", "Azerbaijan", "AZERBAIJAN", "the Republic of Azerbaijan", "Azerbaijani"}) {
    auto r = ResolveCountry(typed, "host", false);
    ASSERT_TRUE(r.ok()) << typed << ": " << r.status().message();
    EXPECT_EQ(r.value().codes, std::vector<std::string>{"AZE"}) << typed;
  }
  EXPECT_EQ(ResolveCountry("Turkiye", "host", false).value().codes, std::vector<std::string>{"TUR"});
  EXPECT_EQ(ResolveCountry("european union", "host", false).value().codes, std::vector<std::string>{"EU"});
  auto sc = ResolveCountry("south caucasus", "host", true);
  ASSERT_TRUE(sc.ok());
  EXPECT_EQ(sc.value().codes, (std::vector<std::string>{"ARM", "AZE", "GEO"}));
  auto list = ResolveCountry("aze, Armenia", "host", true);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list.value().codes, (std::vector<std::string>{"ARM", "AZE"}));
  EXPECT_FALSE(ResolveCountry("West", "host", false).ok());
  auto bad = ResolveCountry("Kazakstan", "visitor country", true);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("visitor country 'Kazakstan'"), std::string::npos);
  EXPECT_NE(bad.status().message().find("Kazakhstan (KAZ)"), std::string::npos) << bad.status().message();
  EXPECT_EQ(CountryName("GEO"), "Georgia");
  EXPECT_EQ(CountryName("XYZ"), "");
}

}  // namespace
}  // namespace attache::store
