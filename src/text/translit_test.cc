#include "text/translit.h"

#include <gtest/gtest.h>

namespace attache::text {
namespace {

TEST(TranslitTest, KeysOfRomanisations) {
  EXPECT_EQ(PhoneticKey("Aliev"), PhoneticKey("Aliyev"));
  EXPECT_EQ(PhoneticKey("Tokaev"), PhoneticKey("Tokayev"));
  EXPECT_EQ(PhoneticKey("Mirzieev"), PhoneticKey("Mirziyoyev"));
  EXPECT_EQ(PhoneticKey("Mirzioev"), PhoneticKey("Mirziyoyev"));
  EXPECT_EQ(PhoneticKey("Erdoghan"), PhoneticKey("Erdoğan"));
  EXPECT_EQ(PhoneticKey("Rakhmon"), PhoneticKey("Rahmon"));
  EXPECT_EQ(PhoneticKey("Zurabishvili"), PhoneticKey("Zourabichvili"));
  EXPECT_EQ(PhoneticKey("Berdymukhammedov"), PhoneticKey("Berdimuhamedow"));
  EXPECT_EQ(PhoneticKey("Dzhaparov"), PhoneticKey("Japarov"));
  EXPECT_EQ(PhoneticKey("Zhaparov"), PhoneticKey("Japarov"));
  EXPECT_EQ(PhoneticKey("Tchaikovsky"), PhoneticKey("Tschaikowski"));
  EXPECT_EQ(PhoneticKey("Chaikovskiy"), PhoneticKey("Tchaikovsky"));
  EXPECT_EQ(PhoneticKey("Gorbachyov"), PhoneticKey("Gorbachev"));
  EXPECT_EQ(PhoneticKey("Grigoriev"), PhoneticKey("Grigoryev"));
  EXPECT_EQ(PhoneticKey("Pashinian"), PhoneticKey("Pashinyan"));
  EXPECT_EQ(PhoneticKey("Mahmoudi"), PhoneticKey("Mahmudi"));
  EXPECT_EQ(PhoneticKey("Zelenskyy"), PhoneticKey("Zelenskiy"));
  EXPECT_EQ(PhoneticKey("Yevgeny"), PhoneticKey("Evgeni"));
  EXPECT_EQ(PhoneticKey("Çavuşoğlu"), PhoneticKey("Cavusoglu"));
  EXPECT_EQ(PhoneticKey("el"), "al");
  EXPECT_EQ(PhoneticKey("—"), "");
}

TEST(TranslitTest, KeysKeepDifferentNamesApart) {
  EXPECT_NE(PhoneticKey("Aliyev"), PhoneticKey("Aliyeva"));  // his and her surname
  EXPECT_NE(PhoneticKey("Tokayev"), PhoneticKey("Tokarev"));
  EXPECT_NE(PhoneticKey("Aliyev"), PhoneticKey("Alov"));
  EXPECT_NE(PhoneticKey("Petrov"), PhoneticKey("Petrenko"));
  EXPECT_NE(PhoneticKey("Ilham"), PhoneticKey("Heydar"));
}

TEST(TranslitTest, WordsOfAName) {
  EXPECT_EQ(PhoneticWords("Kassym-Jomart Tokaev"), (std::vector<std::string>{"kasim", "Jomart", "tokaev"}));
  EXPECT_EQ(PhoneticWords("  "), std::vector<std::string>{});
}

TEST(TranslitTest, GivenNames) {
  using V = std::vector<std::string>;
  EXPECT_TRUE(CompatibleGivenNames(V{}, V{"ilham"}));
  EXPECT_TRUE(CompatibleGivenNames(V{"r"}, V{"recep", "taiip"}));          // an initial
  EXPECT_TRUE(CompatibleGivenNames(V{"taiip"}, V{"recep", "taiip"}));      // one of two
  EXPECT_FALSE(CompatibleGivenNames(V{"taiip", "recep"}, V{"recep", "taiip"}));  // order counts
  EXPECT_FALSE(CompatibleGivenNames(V{"ilham"}, V{"heidar"}));
  EXPECT_FALSE(CompatibleGivenNames(V{"ali"}, V{"ola"}));  // too few consonants to tell
}

TEST(TranslitTest, SamePerson) {
  EXPECT_TRUE(SamePersonSpelling("Ilham Aliev", "Ilham Aliyev"));
  EXPECT_TRUE(SamePersonSpelling("Aliev", "Ilham Aliyev"));
  EXPECT_TRUE(SamePersonSpelling("Mikhail Saakashvili", "Mikheil Saakashvili"));
  EXPECT_TRUE(SamePersonSpelling("Aliaksandr Lukashenko", "Alexander Lukashenko"));
  EXPECT_TRUE(SamePersonSpelling("Shavkat Mirzieev", "Shavkat Mirziyoyev"));
  EXPECT_TRUE(SamePersonSpelling("Salome Zurabishvili", "Salome Zourabichvili"));
  EXPECT_TRUE(SamePersonSpelling("K. Tokaev", "Kassym-Jomart Tokayev"));
  // One family, two people.
  EXPECT_FALSE(SamePersonSpelling("Heydar Aliev", "Ilham Aliyev"));
  EXPECT_FALSE(SamePersonSpelling("Serdar Berdymukhammedov", "Gurbanguly Berdimuhamedow"));
  EXPECT_FALSE(SamePersonSpelling("Mehriban Aliyeva", "Ilham Aliyev"));
  EXPECT_FALSE(SamePersonSpelling("", "Ilham Aliyev"));
}

}  // namespace
}  // namespace attache::text
