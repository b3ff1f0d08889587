#include "store/dedup.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace attache::store {

int64_t Key64(std::string_view s) { return static_cast<int64_t>(XXH3_64bits(s.data(), s.size())); }

std::string ContentHash(std::string_view url, std::string_view text) {
  XXH3_state_t* s = XXH3_createState();
  XXH3_128bits_reset(s);
  XXH3_128bits_update(s, url.data(), url.size());
  const char sep = '\0';
  XXH3_128bits_update(s, &sep, 1);
  XXH3_128bits_update(s, text.data(), text.size());
  const XXH128_hash_t h = XXH3_128bits_digest(s);
  XXH3_freeState(s);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::vector<uint64_t> Shingles(std::string_view text, int n) {
  std::vector<uint64_t> words;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (IsWordByte(c)) {
      w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    } else if (!w.empty()) {
      words.push_back(XXH3_64bits(w.data(), w.size()));
      w.clear();
    }
  }
  std::vector<uint64_t> out;
  if (words.size() < static_cast<size_t>(n)) return out;
  out.reserve(words.size() - n + 1);
  for (size_t i = 0; i + n <= words.size(); ++i) {
    out.push_back(XXH3_64bits(&words[i], sizeof(uint64_t) * static_cast<size_t>(n)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int64_t> MinHashBands(const std::vector<uint64_t>& shingles) {
  std::vector<int64_t> bands;
  if (shingles.empty()) return bands;
  std::array<uint64_t, kMinHashes> mins;
  mins.fill(~uint64_t{0});
  for (uint64_t h : shingles) {
    for (int i = 0; i < kMinHashes; ++i) {
      // One hash function per seed: XXH3 of the shingle's hash.
      const uint64_t v = XXH3_64bits_withSeed(&h, sizeof h, static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ull + 1);
      if (v < mins[static_cast<size_t>(i)]) mins[static_cast<size_t>(i)] = v;
    }
  }
  for (int b = 0; b < kBands; ++b) {
    uint64_t key[kRows + 1];
    key[0] = static_cast<uint64_t>(b);
    for (int r = 0; r < kRows; ++r) key[r + 1] = mins[static_cast<size_t>(b * kRows + r)];
    bands.push_back(static_cast<int64_t>(XXH3_64bits(key, sizeof key)));
  }
  return bands;
}

double Containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

}  // namespace attache::store
