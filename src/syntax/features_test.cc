// Tests of the words' hashes (features.cc): HashWords computes in one pass
// what the model was trained with, HashString over the lower-cased form,
// the shape and the prefixes and suffixes of one to four characters.
#include "syntax/features.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "syntax/linear.h"

namespace attache::syntax {
namespace {

int Utf8LenOf(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// The hashes spelt out with HashString over each string (the definition).
WordHashes Reference(std::string_view f) {
  WordHashes h;
  std::string low(f), shape;
  for (char& ch : low) {
    const char s = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd'
                   : static_cast<unsigned char>(ch) >= 0x80 ? 'u' : ch;
    if (shape.size() < 2 || shape.back() != s || shape[shape.size() - 2] != s) shape.push_back(s);
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  h.cap = !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  h.form = HashString(f);
  h.lower = HashString(low);
  h.shape = HashString(shape);
  std::vector<std::size_t> starts;
  for (std::size_t k = 0; k < low.size(); k += Utf8LenOf(static_cast<unsigned char>(low[k]))) starts.push_back(k);
  const std::size_t chars = starts.size();
  for (std::size_t k = 0; k < 3; ++k) {
    const std::size_t end = k + 1 < chars ? starts[k + 1] : low.size();
    h.pre[k] = Mix(HashString(std::string_view(low).substr(0, end)), 11 + k);
  }
  for (std::size_t k = 0; k < 4; ++k) {
    const std::size_t begin = k + 1 <= chars ? starts[chars - 1 - k] : 0;
    h.suf[k] = Mix(HashString(std::string_view(low).substr(begin)), 21 + k);
  }
  return h;
}

TEST(SyntaxFeatures, HashWordsIsHashStringOfEachPart) {
  const std::vector<std::string> words = {
      "", "a", "I", "Oslo", "OSLO", "visited", "re-elected", "1990s", "U.S.", "...", "x", "ab", "abc", "abcd",
      "abcde", "Zürich", "Ørsted", "naïve", "日本", "日本語です", "AAAbbb111", "e\xCC\x81t\xC3\xA9",
      // Bytes that are no well-formed UTF-8: a stray continuation byte, a
      // cut sequence at the end.
      "a\x80z", "ab\xE2\x82", "\xF0\x9F\x98", "--", "McDonald's"};
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<WordHashes> got;
  HashWords(forms, &got);
  ASSERT_EQ(got.size(), forms.size() + 1);
  for (std::size_t i = 0; i < forms.size(); ++i) {
    SCOPED_TRACE(words[i]);
    const WordHashes want = Reference(forms[i]);
    const WordHashes& h = got[i + 1];
    EXPECT_EQ(h.cap, want.cap);
    EXPECT_EQ(h.form, want.form);
    EXPECT_EQ(h.lower, want.lower);
    EXPECT_EQ(h.shape, want.shape);
    for (int k = 0; k < 3; ++k) EXPECT_EQ(h.pre[k], want.pre[k]) << "prefix " << k;
    for (int k = 0; k < 4; ++k) EXPECT_EQ(h.suf[k], want.suf[k]) << "suffix " << k;
  }
}

}  // namespace
}  // namespace attache::syntax
