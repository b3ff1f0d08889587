// Internal: recognising the same article twice. An exact copy has the same
// content hash (XXH3-128 over url and text); a near copy (a syndicated
// article on another site, with its own headline or furniture) shares MinHash
// bands of its word shingles with the original, confirmed by the share of
// shingles the two texts have in common.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::store {

// 32 hex digits over the url and the article text.
std::string ContentHash(std::string_view url, std::string_view text);

// Hashes of the text's word `n`-grams (words are runs of letters and digits,
// ASCII lower-cased), sorted and unique.
// A 64-bit key of `s` (xxHash), for PostgreSQL's advisory locks.
int64_t Key64(std::string_view s);

std::vector<uint64_t> Shingles(std::string_view text, int n = 4);

// MinHash signature bands of a shingle set, for locality-sensitive lookup:
// kMinHashes hash functions in kBands bands of kRows. Two sets with Jaccard
// similarity J share at least one band with probability 1 - (1 - J^kRows)^kBands
// (J = 0.8: 0.9997; J = 0.2: 0.28), so shared bands find candidates and the
// shingle containment below decides. Each band is a 64-bit key (as int64_t
// for SQLite). Empty for an empty set.
constexpr int kBands = 8, kRows = 2, kMinHashes = kBands * kRows;
std::vector<int64_t> MinHashBands(const std::vector<uint64_t>& shingles);

// |A ∩ B| / min(|A|, |B|) of two sorted unique sets: how much of the shorter
// text the longer one contains (a syndicated copy is often cut or extended).
double Containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Texts with fewer shingles than this are too short to call near copies.
constexpr size_t kMinShingles = 20;
constexpr double kMinContainment = 0.8;

}  // namespace attache::store
