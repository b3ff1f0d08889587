#include "text/officeholders.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "text/officeholders_index.h"

namespace attache::text {
namespace {

// "country/office/name", or "" for none.
std::string Of(std::string_view name, std::string_view date) {
  const Office* o = OfficeOf(name, date);
  return o ? std::string(o->country) + "/" + std::string(o->office) + "/" + std::string(o->name) : "";
}
std::string Holder(std::string_view country, std::string_view office, std::string_view date) {
  const Office* o = HolderOf(country, office, date);
  return o ? std::string(o->name) : "";
}

TEST(OfficeholdersTest, FoldsTransliterations) {
  EXPECT_EQ(FoldPersonName("Sergey Lavrov"), FoldPersonName("Sergei Lavrov"));
  EXPECT_EQ(FoldPersonName("Sergey Lavrov"), "sergei lavrov");
  EXPECT_EQ(FoldPersonName("Volodymyr Zelensky"), FoldPersonName("Volodymyr Zelenskyy"));
  EXPECT_EQ(FoldPersonName("Zelenskiy"), FoldPersonName("Zelenskii"));
  EXPECT_EQ(FoldPersonName("Aleksandr Lukashenko"), FoldPersonName("Alexander Lukashenko"));
  EXPECT_EQ(FoldPersonName("Recep Tayyip Erdoğan"), FoldPersonName("recep tayyip erdogan"));
  EXPECT_EQ(FoldPersonName("Mevlüt Çavuşoğlu"), FoldPersonName("Mevlut Cavusoglu"));
  EXPECT_EQ(FoldPersonName("Binali Yıldırım"), FoldPersonName("Binali Yildirim"));
  EXPECT_EQ(FoldPersonName("Yevgeny Primakov"), FoldPersonName("Evgeny Primakov"));
  EXPECT_EQ(FoldPersonName("Karim Massimov"), FoldPersonName("Karim Masimov"));
  EXPECT_EQ(FoldPersonName("Abdel Fattah el-Sisi"), FoldPersonName("Abdel Fattah al-Sisi"));
  EXPECT_EQ(FoldPersonName("Jean-Yves  Le Drian"), "jean yves le drian");
  EXPECT_EQ(FoldPersonName("J.D. Vance"), FoldPersonName("JD Vance"));
  EXPECT_NE(FoldPersonName("Sergey Lavrov"), FoldPersonName("Sergey Lavrin"));
  EXPECT_EQ(FoldPersonName("Li Qiang"), "li qiang");  // short words keep their ending
  EXPECT_EQ(FoldPersonName(""), "");
}

// Issue 11: spellings of the same person in news of the region.
TEST(OfficeholdersTest, FoldsTurkicAndPersianRomanisations) {
  EXPECT_EQ(FoldPersonName("Ilham Aliev"), FoldPersonName("Ilham Aliyev"));
  EXPECT_EQ(FoldPersonName("Erdoghan"), FoldPersonName("Erdoğan"));
  EXPECT_EQ(FoldPersonName("Kassym-Jomart Tokaev"), FoldPersonName("Kassym-Jomart Tokayev"));
  EXPECT_EQ(FoldPersonName("Shavkat Mirzieev"), FoldPersonName("Shavkat Mirziyoyev"));
  EXPECT_EQ(FoldPersonName("Emomali Rakhmon"), FoldPersonName("Emomali Rahmon"));
  EXPECT_NE(FoldPersonName("Aliyev"), FoldPersonName("Alov"));
  EXPECT_NE(FoldPersonName("Tokayev"), FoldPersonName("Tokarev"));
  // The table's person, by any of these spellings.
  EXPECT_EQ(CanonicalName("Ilham Aliev"), "Ilham Aliyev");
  EXPECT_EQ(CanonicalName("Kassym-Jomart Tokaev"), "Kassym-Jomart Tokayev");
  EXPECT_EQ(Of("Mirzieev", "2023-05-01"), "UZB/President/Shavkat Mirziyoyev");
  EXPECT_EQ(Of("Erdoghan", "2023-05-01"), "TUR/President/Recep Tayyip Erdoğan");
  // A person in no table keeps the article's form.
  EXPECT_EQ(CanonicalName("Tural Hasanov"), "Tural Hasanov");
}

TEST(OfficeholdersTest, LavrovBySurnameAndFullName) {
  EXPECT_EQ(Of("Lavrov", "2023-02-27"), "RUS/Foreign Minister/Sergey Lavrov");
  EXPECT_EQ(Of("Sergei Lavrov", "2023-02-27"), "RUS/Foreign Minister/Sergey Lavrov");
  EXPECT_EQ(Of("Sergey Lavrov", "2023-02-27"), "RUS/Foreign Minister/Sergey Lavrov");
  EXPECT_EQ(Of("Sergey Lavrov", ""), "RUS/Foreign Minister/Sergey Lavrov");
  EXPECT_EQ(Of("Sergei Lavrov", "2023-02-27T09:30:00Z"), "RUS/Foreign Minister/Sergey Lavrov");
  // Before he was Foreign Minister, he was Russia's envoy to the UN.
  EXPECT_EQ(Of("Sergey Lavrov", "2003-06-01"), "RUS/Permanent Representative to the UN, New York/Sergey Lavrov");
}

TEST(OfficeholdersTest, AzerbaijanByDate) {
  EXPECT_EQ(Of("Bayramov", "2022-12"), "AZE/Foreign Minister/Jeyhun Bayramov");
  EXPECT_EQ(Of("Ceyhun Bayramov", "2022"), "AZE/Foreign Minister/Jeyhun Bayramov");
  EXPECT_EQ(Of("Bayramov", "2019-06-01"), "");  // not yet in office
  EXPECT_EQ(Of("Mammadyarov", "2015-05-05"), "AZE/Foreign Minister/Elmar Mammadyarov");
  EXPECT_EQ(Of("Aliyev", "2023"), "AZE/President/Ilham Aliyev");
  EXPECT_EQ(Of("Aliyev", "2000"), "AZE/President/Heydar Aliyev");
  EXPECT_EQ(Of("Ilham Aliyev", "2000"), "");
  EXPECT_EQ(Of("Heydar Aliyev", "2023-01-01"), "");  // after his term
  EXPECT_EQ(Of("Heydar Aliyev", ""), "AZE/President/Heydar Aliyev");
  EXPECT_EQ(Of("Aliyev", "2003"), "");  // two Aliyevs held office that year
}

TEST(OfficeholdersTest, HighestOfficeWins) {
  // Putin was President and, in 2008-2012, Prime Minister.
  EXPECT_EQ(Of("Putin", "2010-01-01"), "RUS/Prime Minister/Vladimir Putin");
  EXPECT_EQ(Of("Putin", "2024-03-01"), "RUS/President/Vladimir Putin");
  EXPECT_EQ(Of("Erdogan", "2012-05-01"), "TUR/Prime Minister/Recep Tayyip Erdoğan");
  EXPECT_EQ(Of("Erdogan", "2020-05-01"), "TUR/President/Recep Tayyip Erdoğan");
  EXPECT_EQ(Of("Mohammed bin Salman", "2023-01-01"), "SAU/Prime Minister/Mohammed bin Salman");
}

TEST(OfficeholdersTest, SurnamesOfLongerNames) {
  EXPECT_EQ(Of("Lopez Obrador", "2020"), "MEX/President/Andrés Manuel López Obrador");
  EXPECT_EQ(Of("Xi", "2020-01-01"), "CHN/President/Xi Jinping");
  EXPECT_EQ(Of("Zelensky", "2023-05-05"), "UKR/President/Volodymyr Zelenskyy");
  EXPECT_EQ(Of("Guterres", "2022-01-01"), "UN/Secretary-General/António Guterres");
}

TEST(OfficeholdersTest, HolderOf) {
  EXPECT_EQ(Holder("USA", "President", "2021-06-01"), "Joe Biden");
  EXPECT_EQ(Holder("USA", "President", "2025-06-01"), "Donald Trump");
  EXPECT_EQ(Holder("USA", "President", "2021-01-20"), "Joe Biden");  // the day he took office
  EXPECT_EQ(Holder("USA", "President", "2021-01-19"), "Donald Trump");
  EXPECT_EQ(Holder("USA", "President", "1985"), "Ronald Reagan");
  EXPECT_EQ(Holder("USA", "Foreign Minister", "2015-03-01"), "John Kerry");
  EXPECT_EQ(Holder("RUS", "Foreign Minister", ""), "Sergey Lavrov");
  EXPECT_EQ(Holder("AZE", "Foreign Minister", "2010-01-01"), "Elmar Mammadyarov");
  EXPECT_EQ(Holder("GBR", "Prime Minister", "2022-10"), "Rishi Sunak");  // the last to take office that month
  EXPECT_EQ(Holder("EU", "High Representative", "2023-01-01"), "Josep Borrell");
  EXPECT_EQ(Holder("USA", "President", "1900-01-01"), "");
  EXPECT_EQ(Holder("XYZ", "President", "2020"), "");
}

TEST(OfficeholdersTest, OpenRangesOfCountryInfoEndAtItsDate) {
  // Grenada's Governor-General was in office when CountryInfo was compiled (2012);
  // nothing is known of later years.
  const Office* then = HolderOf("GRD", "Governor-General", "2005-01-01");
  ASSERT_NE(then, nullptr);
  EXPECT_EQ(HolderOf("GRD", "Governor-General", "2020-01-01"), nullptr);
}

TEST(OfficeholdersTest, HeadsOfStateAfterCountryInfo) {
  EXPECT_EQ(Of("Cyril Ramaphosa", "2022-11-21"), "ZAF/President/Cyril Ramaphosa");
  EXPECT_EQ(Of("Jacob Zuma", "2018-03-01"), "");
  EXPECT_EQ(Of("William Ruto", "2024-05-16"), "KEN/President/William Ruto");
  EXPECT_EQ(Of("Kim Jong Un", "2018-03-29"), "PRK/Supreme Leader/Kim Jong Un");
  EXPECT_EQ(Holder("ZAF", "Foreign Minister", "2022-11-21"), "Naledi Pandor");
}

TEST(OfficeholdersTest, UnknownNamesAndDates) {
  EXPECT_EQ(OfficeOf("Nobody Inparticular", "2020-01-01"), nullptr);
  EXPECT_EQ(OfficeOf("Zzyzx", ""), nullptr);
  EXPECT_EQ(OfficeOf("", "2020"), nullptr);
  EXPECT_EQ(OfficeOf("Sergey Lavrov", "27/02/2023"), nullptr);
  EXPECT_EQ(OfficeOf("Sergey Lavrov", "1990-01-01"), nullptr);
}

TEST(OfficeholdersTest, CanonicalName) {
  EXPECT_EQ(CanonicalName("Sergei Lavrov"), "Sergey Lavrov");
  EXPECT_EQ(CanonicalName("Recep Tayyip Erdogan"), "Recep Tayyip Erdoğan");
  EXPECT_EQ(CanonicalName("Volodymyr Zelensky"), "Volodymyr Zelenskyy");
  EXPECT_EQ(CanonicalName("Aleksandr Lukashenko"), "Alexander Lukashenko");
  EXPECT_EQ(CanonicalName("S. Jaishankar"), "Subrahmanyam Jaishankar");
  EXPECT_EQ(CanonicalName("Jane Unknown"), "Jane Unknown");
}

// Spellings no alias lists, matched by their phonetic key (translit.h).
TEST(OfficeholdersTest, CanonicalNameByPhoneticKey) {
  EXPECT_EQ(CanonicalName("Gurbanguly Berdymukhammedov"), "Gurbanguly Berdimuhamedow");
  EXPECT_EQ(CanonicalName("Serdar Berdimukhamedov"), "Serdar Berdimuhamedow");
  EXPECT_EQ(CanonicalName("Sadyr Dzhaparov"), "Sadyr Japarov");
  EXPECT_EQ(CanonicalName("Salome Zourabishvili"), "Salome Zourabichvili");
  EXPECT_EQ(CanonicalName("Nikol Pachinian"), "Nikol Pachinian");  // French "ch" for "sh" is no rule
  // A family of two office-holders: the given name decides, and without
  // one the name stays as written.
  EXPECT_EQ(CanonicalName("Heydar Aliyev"), "Heydar Aliyev");
  EXPECT_EQ(CanonicalName("Berdymukhammedov"), "Berdymukhammedov");
  EXPECT_EQ(CanonicalName("Mehriban Aliyeva"), "Mehriban Aliyeva");
  EXPECT_EQ(CanonicalName("Ramil Tokaev"), "Ramil Tokaev");  // a namesake
}

TEST(OfficeholdersTest, OfficeByPhoneticKey) {
  EXPECT_EQ(Of("Gurbanguly Berdymukhammedov", "2015-01-01"), "TKM/President/Gurbanguly Berdimuhamedow");
  EXPECT_EQ(Of("Berdymukhammedov", "2023-06-01"), "TKM/President/Serdar Berdimuhamedow");
  EXPECT_EQ(Of("Sadyr Dzhaparov", "2023-06-01"), "KGZ/President/Sadyr Japarov");
  EXPECT_EQ(Of("Dzhaparov", "2023-06-01"), "");  // President and Prime Minister that year
  EXPECT_EQ(Of("Dzhaparov", "2025-06-01"), "KGZ/President/Sadyr Japarov");
}

// The index compiled in at build time is the one the table and the folding
// code give now (a stale generated file would fail here).
TEST(OfficeholdersTest, CompiledIndexIsTheTablesIndex) {
  const officeholders::BuiltIndex fresh = officeholders::BuildIndex();
  const officeholders::IndexView a = officeholders::CompiledIndex(), b = fresh.View();
  EXPECT_EQ(a.text, b.text);
  auto same = [](auto x, auto y) {
    return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size_bytes()) == 0;
  };
  EXPECT_TRUE(same(a.person_of_row, b.person_of_row));
  EXPECT_EQ(a.person_of_row.size(), officeholders::kRowCount);
  EXPECT_TRUE(same(a.key_of_row, b.key_of_row));
  EXPECT_TRUE(same(a.key_words, b.key_words));
  EXPECT_TRUE(same(a.words, b.words));
  EXPECT_TRUE(same(a.spelling, b.spelling));
  EXPECT_TRUE(same(a.rows_of, b.rows_of));
  EXPECT_TRUE(same(a.person, b.person));
  EXPECT_TRUE(same(a.alias, b.alias));
  EXPECT_TRUE(same(a.last_word, b.last_word));
  EXPECT_TRUE(same(a.first_word, b.first_word));
  EXPECT_TRUE(same(a.holders, b.holders));
  EXPECT_TRUE(same(a.lists, b.lists));
  EXPECT_TRUE(same(a.surnames, b.surnames));
  EXPECT_TRUE(same(a.phonetic, b.phonetic));
  // Maps are sorted by key, so that bisection finds every key.
  for (std::size_t i = 1; i < a.person.size(); ++i) ASSERT_LT(a.Get(a.person[i - 1].key), a.Get(a.person[i].key));
  for (std::size_t i = 1; i < a.surnames.size(); ++i)
    ASSERT_LT(a.Get(a.surnames[i - 1].key), a.Get(a.surnames[i].key));
}

// Lookups through the bisected maps: a full name, an alias, a surname, an
// office, a phonetic spelling, and names that are none of these.
TEST(OfficeholdersTest, LookupsThroughTheCompiledIndex) {
  EXPECT_EQ(Of("Sergei Lavrov", "2020-05-01"), "RUS/Foreign Minister/Sergey Lavrov");
  EXPECT_EQ(Of("Lavrov", "2020-05-01"), "RUS/Foreign Minister/Sergey Lavrov");
  EXPECT_EQ(Holder("RUS", "Foreign Minister", "2020-05-01"), "Sergey Lavrov");
  EXPECT_EQ(Holder("RUS", "Minister of Nothing", "2020-05-01"), "");
  EXPECT_EQ(CanonicalName("Taro Kono"), CanonicalName("Tar\xc5\x8d K\xc5\x8dno"));
  EXPECT_EQ(CanonicalName("Zzyzx Qwerty"), "Zzyzx Qwerty");
  EXPECT_EQ(Of("Zzyzx", "2020-05-01"), "");
  EXPECT_EQ(Of("", "2020-05-01"), "");
}

}  // namespace
}  // namespace attache::text
