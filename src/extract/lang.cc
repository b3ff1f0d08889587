#include "extract/lang.h"

#include <array>
#include <cstdint>
#include <iterator>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace attache::extract {

namespace {

struct LangRow {
  std::string_view code;
  std::string_view script;  // ICU property value name
  std::string_view words;   // lower case, separated by spaces; empty: by script
};

constexpr LangRow kLangRows[] = {
#include "extract/lang_tables.inc"
};
constexpr size_t kLangs = std::size(kLangRows);
static_assert(kLangs <= 64, "language masks are 64 bits");

// Only the start of the text is read: it is enough, and it bounds the time.
constexpr size_t kMaxBytes = 8192;
// Longer words are never function words; their bytes are not kept.
constexpr size_t kMaxWordBytes = 48;
// Script counts are kept for script codes below this.
constexpr int kScripts = 256;
// Below this many letters (a CJK character counts kCjkWeight) the text is
// too short to say.
constexpr int kMinLetters = 24;
constexpr int kCjkWeight = 3;
// Languages of one script are told apart by their own words (those no other
// language lists): the best must lead the runner-up by kMinMargin and by a
// quarter. It must also have kMinHits listed words in all, and at least one
// word in kDensityDivisor must be listed, or the text is in none of them.
constexpr int kMinHits = 3;
constexpr int kDensityDivisor = 10;
constexpr int kMinMargin = 2;

// One spelling for letters that writers of the same language interchange:
// the Arabic alef with hamza or madda, and the Arabic and Persian forms of
// yeh and kaf. Everything else is lower-cased.
UChar32 FoldLetter(UChar32 c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0649: case 0x06CC: return 0x064A;
    case 0x06A9: return 0x0643;
    default: return u_tolower(c);
  }
}

int ScriptOf(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &err);
  if (U_FAILURE(err)) return USCRIPT_COMMON;
  if (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) s = USCRIPT_KATAKANA_OR_HIRAGANA;
  return s < kScripts ? s : USCRIPT_COMMON;
}

// Splits `s` into words (runs of letters and combining marks), folds them,
// and calls on_letter(script) per letter and on_word(folded, script of its
// first letter) per word of at most kMaxWordBytes bytes. Non-spacing marks
// are dropped from words (Arabic vowel signs); apostrophes and hyphens split.
template <typename OnLetter, typename OnWord>
void Scan(std::string_view s, OnLetter&& on_letter, OnWord&& on_word) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  char buf[kMaxWordBytes + U8_MAX_LENGTH];
  int32_t len = 0;
  bool in_word = false;
  bool too_long = false;
  int word_script = USCRIPT_COMMON;
  auto end_word = [&] {
    if (in_word && !too_long && len > 0) on_word(std::string_view(buf, static_cast<size_t>(len)), word_script);
    in_word = false;
    too_long = false;
    len = 0;
  };
  auto start_letter = [&](int script) {
    if (!in_word) {
      in_word = true;
      word_script = script;
    }
    on_letter(script);
  };
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      const char b = static_cast<char>(p[i++]);
      const char lower = static_cast<char>(b | 0x20);
      if (lower >= 'a' && lower <= 'z') {
        start_letter(USCRIPT_LATIN);
        if (len < static_cast<int32_t>(kMaxWordBytes)) {
          buf[len++] = lower;
        } else {
          too_long = true;
        }
      } else {
        end_word();
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      end_word();
      continue;
    }
    const int8_t type = u_charType(c);
    if (type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) {
      start_letter(ScriptOf(c));
    } else if (type == U_COMBINING_SPACING_MARK) {
      if (!in_word) continue;
    } else if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
      continue;
    } else {
      end_word();
      continue;
    }
    if (len >= static_cast<int32_t>(kMaxWordBytes)) {
      too_long = true;
      continue;
    }
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, static_cast<int32_t>(sizeof(buf)), FoldLetter(c), error);
    if (error) too_long = true;
  }
  end_word();
}

uint64_t Hash(std::string_view w) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : w) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  return h;
}

// Every known word once, with the languages that use it; open addressing.
class Tables {
 public:
  Tables() {
    slots_.assign(4096, Slot{});
    for (size_t l = 0; l < kLangs; ++l) {
      const LangRow& row = kLangRows[l];
      const int32_t script = u_getPropertyValueEnum(UCHAR_SCRIPT, std::string(row.script).c_str());
      script_[l] = script >= 0 && script < kScripts ? script : -1;
      if (script_[l] < 0) continue;
      Scan(row.words, [](int) {}, [&](std::string_view w, int) { Add(w, l); });
    }
  }

  // Languages that use `w` as a frequent word, as a bit mask.
  uint64_t Lookup(std::string_view w) const {
    if (w.size() > max_word_bytes_) return 0;
    const uint64_t h = Hash(w);
    for (size_t k = h & (slots_.size() - 1);; k = (k + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[k];
      if (slot.entry < 0) return 0;
      if (slot.hash == h && words_[static_cast<size_t>(slot.entry)] == w) return masks_[static_cast<size_t>(slot.entry)];
    }
  }

  int script(size_t lang) const { return script_[lang]; }
  bool has_words(size_t lang) const { return has_words_ & (uint64_t{1} << lang); }

 private:
  struct Slot {
    uint64_t hash = 0;
    int32_t entry = -1;  // index into words_ and masks_; -1: empty
  };

  void Add(std::string_view w, size_t lang) {
    has_words_ |= uint64_t{1} << lang;
    if (words_.size() * 2 >= slots_.size()) return;  // full enough; never happens with the shipped data
    const uint64_t h = Hash(w);
    size_t k = h & (slots_.size() - 1);
    for (; slots_[k].entry >= 0; k = (k + 1) & (slots_.size() - 1)) {
      if (words_[static_cast<size_t>(slots_[k].entry)] == w) {
        masks_[static_cast<size_t>(slots_[k].entry)] |= uint64_t{1} << lang;
        return;
      }
    }
    slots_[k] = Slot{h, static_cast<int32_t>(words_.size())};
    words_.emplace_back(w);
    masks_.push_back(uint64_t{1} << lang);
    if (w.size() > max_word_bytes_) max_word_bytes_ = w.size();
  }

  std::vector<Slot> slots_;
  std::vector<std::string> words_;
  std::vector<uint64_t> masks_;
  std::array<int, kLangs> script_{};
  uint64_t has_words_ = 0;
  size_t max_word_bytes_ = 0;
};

const Tables& GetTables() {
  static const Tables* const tables = new Tables();
  return *tables;
}

bool IsCjk(int script) {
  return script == USCRIPT_HAN || script == USCRIPT_KATAKANA_OR_HIRAGANA || script == USCRIPT_HANGUL;
}

}  // namespace

std::string GuessLanguage(std::string_view utf8_text) {
  const Tables& tables = GetTables();
  std::array<int, kScripts> letters{};
  std::array<int, kScripts> words{};
  std::array<int, kLangs> hits{};      // the language's words
  std::array<int, kLangs> own_hits{};  // words of that language alone
  Scan(
      utf8_text.substr(0, kMaxBytes), [&](int script) { ++letters[static_cast<size_t>(script)]; },
      [&](std::string_view w, int script) {
        ++words[static_cast<size_t>(script)];
        const uint64_t mask = tables.Lookup(w);
        if (mask == 0) return;
        const bool own = (mask & (mask - 1)) == 0;
        for (uint64_t m = mask; m != 0; m &= m - 1) {
          const auto l = static_cast<size_t>(__builtin_ctzll(m));
          ++hits[l];
          if (own) ++own_hits[l];
        }
      });

  // Japanese mixes Han with kana; Chinese has next to no kana.
  int& han = letters[USCRIPT_HAN];
  int& kana = letters[USCRIPT_KATAKANA_OR_HIRAGANA];
  if (kana * 10 >= han + kana) {
    kana += han;
    han = 0;
  }
  int total = 0;
  int dominant = USCRIPT_COMMON;
  int dominant_weight = 0;
  for (int s = 0; s < kScripts; ++s) {
    const int weight = letters[static_cast<size_t>(s)] * (IsCjk(s) ? kCjkWeight : 1);
    total += weight;
    if (weight > dominant_weight) {
      dominant_weight = weight;
      dominant = s;
    }
  }
  if (dominant_weight < kMinLetters || dominant_weight * 2 < total) return "";

  int candidates = 0;
  size_t only = 0;
  int best = 0, second = 0;
  size_t best_lang = kLangs;
  for (size_t l = 0; l < kLangs; ++l) {
    if (tables.script(l) != dominant) continue;
    ++candidates;
    only = l;
    if (!tables.has_words(l)) continue;
    if (own_hits[l] > best) {
      second = best;
      best = own_hits[l];
      best_lang = l;
    } else if (own_hits[l] > second) {
      second = own_hits[l];
    }
  }
  if (candidates == 1 && !tables.has_words(only)) return std::string(kLangRows[only].code);
  if (best_lang == kLangs || hits[best_lang] < kMinHits ||
      hits[best_lang] * kDensityDivisor < words[static_cast<size_t>(dominant)] || best - second < kMinMargin ||
      best * 4 < second * 5) {
    return "";
  }
  return std::string(kLangRows[best_lang].code);
}

}  // namespace attache::extract
