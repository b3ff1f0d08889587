// Text stage: transliteration-aware comparison of person names.
//
// News of one region romanises one name many ways: "Aliyev", "Aliev";
// "Tokayev", "Tokaev"; "Berdimuhamedow", "Berdymukhammedov"; "Mirziyoyev",
// "Mirzieev". PhoneticKey() folds a name word to a key that these spellings
// share: diacritics off, case off, y/i, kh/h, gh/g, w/v, ou/u, ph/f, x/ks,
// dzh/dj/zh/j, ch/tch/tsch, doubled letters, runs of vowels, and the
// endings -ev/-yev/-iev/-yov, -y/-i/-iy/-yy/-ii and -chvili/-shvili.
//
// Two spellings name the same person when their surnames (the last words)
// have one key and their given names are compatible: one of them has none,
// or each given name of the shorter side matches one of the other side's, in
// order, as an initial or by its consonants ("Mikhail", "Mikheil";
// "Aleksandr", "Aliaksandr"). Different given names of one family stay apart:
// "Heydar Aliyev" is not "Ilham Aliyev". A female surname keeps its "-a"
// ("Aliyeva" is not "Aliyev").
//
// Pure functions, thread-safe. The key is for matching only; it is never
// shown. (FoldPersonName in officeholders.h is the narrower key the store
// indexes people by; this one is looser and only decides between candidates.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attache::text {

// The phonetic key of one name word ("Aliyev" -> "aliev"); "" for a word
// with no letters.
std::string PhoneticKey(std::string_view word);

// The keys of a name's words, in order. Spaces, hyphens and punctuation
// separate words; apostrophes and dots inside a word do not ("O'Brien").
std::vector<std::string> PhoneticWords(std::string_view name);

// Given names (keys, as from PhoneticWords without the surname) that may be
// the same person's: either side empty, or each word of the shorter side
// matches a word of the longer one, in order.
bool CompatibleGivenNames(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Whether `a` and `b` may be spellings of one person's name: the same
// surname key and compatible given names.
bool SamePersonSpelling(std::string_view a, std::string_view b);

}  // namespace attache::text
