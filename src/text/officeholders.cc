// Office-holder lookups over the generated table.
#include "text/officeholders.h"

#include <cstdint>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "text/gazetteer.h"
#include "text/translit.h"

namespace attache::text {

namespace {

struct Row {
  Office office;
  std::string_view until;  // an open range is known only to this date ("" = to now)
};
struct AliasRow {
  std::string_view variant, canonical;
};

#define ATTACHE_OFFICE(country, office, name, from, to, until) Row{{country, office, name, from, to}, until},
#define ATTACHE_ALIAS(variant, canonical)
constexpr Row kRows[] = {
#include "text/officeholders_table.inc"
};
#undef ATTACHE_OFFICE
#undef ATTACHE_ALIAS
#define ATTACHE_OFFICE(country, office, name, from, to, until)
#define ATTACHE_ALIAS(variant, canonical) AliasRow{variant, canonical},
constexpr AliasRow kAliases[] = {
#include "text/officeholders_table.inc"
};
#undef ATTACHE_OFFICE
#undef ATTACHE_ALIAS

constexpr uint32_t kRowCount = sizeof(kRows) / sizeof(kRows[0]);

bool EndsWith(std::string_view s, std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; }
bool StartsWith(std::string_view s, std::string_view t) { return s.substr(0, t.size()) == t; }

bool IsIy(char c) { return c == 'i' || c == 'y'; }

std::string FoldWord(std::string w) {
  if (w == "el" || w == "ul") return "al";
  std::string s;
  for (char c : w) {
    if (c == 'x') {
      s += "ks";
    } else if (s.empty() || s.back() != c) {
      s += c;  // doubled letters fold to one
    }
  }
  // Romanisations of Turkic, Persian and Arabic names: "gh" and "g"
  // (Erdoghan, Erdogan), "kh" and "h" (Rakhmon, Rahmon); a "y" between
  // vowels is written or not (Aliyev, Aliev; Tokayev, Tokaev), and of a
  // run of three vowels left the first and last stand (Mirziyoyev,
  // Mirzioev, Mirzieev).
  const auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  {
    std::string t;
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == 'h' && !t.empty() && (t.back() == 'g' || t.back() == 'k') && i + 1 < s.size()) {
        if (t.back() == 'k') t.back() = 'h';
        continue;
      }
      if (c == 'y' && !t.empty() && vowel(t.back()) && i + 1 < s.size() && vowel(s[i + 1])) continue;
      if (t.size() >= 2 && vowel(c) && vowel(t.back()) && vowel(t[t.size() - 2])) {
        t.back() = c;  // "ioe" -> "ie"
        continue;
      }
      if (!t.empty() && t.back() == c) continue;
      t += c;
    }
    s = std::move(t);
  }
  if (EndsWith(s, "ksander")) s.erase(s.size() - 2, 1);  // Aleksander, Alexander -> aleksandr
  if (StartsWith(s, "ye") && s.size() > 3) s.erase(0, 1);  // Yevgeny -> Evgeny
  // Word-final -y, -i, -iy, -yy, -ii (Sergey, Sergei; Zelensky, Zelenskiy, Zelenskyy).
  size_t stem = s.size();
  while (stem > 0 && IsIy(s[stem - 1])) --stem;
  if (stem >= 3 && stem < s.size()) s.replace(stem, std::string::npos, "i");
  return s;
}

// Period of a date: [lo, hi] as "YYYY-MM-DD". False when unreadable.
bool ParsePeriod(std::string_view date, std::string* lo, std::string* hi) {
  auto digits = [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      if (i >= date.size() || date[i] < '0' || date[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return false;
  if (date.size() == 4) {
    *lo = std::string(date) + "-01-01";
    *hi = std::string(date) + "-12-31";
    return true;
  }
  if (date[4] != '-' || !digits(5, 7)) return false;
  if (date.size() == 7) {
    *lo = std::string(date) + "-01";
    *hi = std::string(date) + "-31";
    return true;
  }
  if (date.size() < 10 || date[7] != '-' || !digits(8, 10)) return false;
  if (date.size() > 10 && date[10] != 'T' && date[10] != ' ') return false;
  *lo = *hi = std::string(date.substr(0, 10));
  return true;
}

// What a lookup asks for: a period, or the latest known ("").
struct When {
  bool latest = true;
  std::string lo, hi;
};

bool Active(const Row& r, const When& w) {
  const Office& o = r.office;
  if (w.latest) return o.to.empty() && r.until.empty();
  if (!o.from.empty() && o.from > w.hi) return false;
  if (!o.to.empty()) return w.lo < o.to;
  return r.until.empty() || w.lo <= r.until;
}

int Rank(std::string_view office) {
  for (std::string_view h : {"President", "Monarch", "King", "Queen", "Emir", "Sultan", "Shah", "Emperor",
                             "Supreme Leader"}) {
    if (office == h) return 0;
  }
  if (office == "Prime Minister" || office == "Chancellor" || office == "Secretary-General" ||
      StartsWith(office, "President of the European")) {
    return 1;
  }
  if (office == "Foreign Minister" || StartsWith(office, "High Representative")) return 2;
  bool deputy = StartsWith(office, "Deputy") || StartsWith(office, "First Deputy") || StartsWith(office, "Vice") ||
                StartsWith(office, "Minister of State");
  if (!deputy && (EndsWith(office, " Minister") || StartsWith(office, "Minister of") ||
                  StartsWith(office, "Minister for"))) {
    return 3;
  }
  return 4;
}

std::string_view EffectiveEnd(const Row& r) { return r.office.to.empty() ? r.until : r.office.to; }

// True when `a` is a better answer than `b`: the higher office, then the later
// start, then the later row.
bool Better(uint32_t a, uint32_t b) {
  int ra = Rank(kRows[a].office.office), rb = Rank(kRows[b].office.office);
  if (ra != rb) return ra < rb;
  if (kRows[a].office.from != kRows[b].office.from) return kRows[a].office.from > kRows[b].office.from;
  return a > b;
}

std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < key.size()) {
    size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    out.emplace_back(key.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

struct Index {
  std::vector<uint32_t> person_of_row;                        // row -> person id
  std::vector<std::string_view> spelling;                     // person id -> the table's spelling
  std::unordered_map<std::string, uint32_t> person;           // folded key -> person id
  std::unordered_map<std::string, std::string> alias;         // folded variant -> folded canonical
  std::vector<std::vector<uint32_t>> rows_of;                 // person id -> rows
  std::unordered_map<std::string, std::vector<uint32_t>> last_word, first_word;  // word -> rows
  std::unordered_map<std::string, std::vector<uint32_t>> holders;  // "country\toffice" -> rows
  std::vector<std::vector<std::string>> sound_of;             // person id -> phonetic words (translit.h)
  std::vector<uint32_t> words_of_row;                         // row -> index in key_words
  std::vector<std::vector<std::string>> key_words;            // folded words of each folded key

  Index() {
    person_of_row.resize(kRowCount);
    words_of_row.resize(kRowCount);
    std::unordered_map<std::string, uint32_t> key_index;  // folded key -> index in key_words
    // One person under spellings of one phonetic key (translit.h): the
    // table writes "Berdimuhamedow" in some rows, "Berdymukhammedov" and
    // "Berdimuhhamedov" in others.
    std::unordered_map<std::string, uint32_t> by_sound;
    // A name repeats in the rows of each office its bearer held: folded once.
    std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>> by_name;  // -> key index, person id
    by_name.reserve(kRowCount);
    key_index.reserve(kRowCount);
    person.reserve(kRowCount);
    by_sound.reserve(kRowCount);
    for (uint32_t i = 0; i < kRowCount; ++i) {
      const Office& o = kRows[i].office;
      uint32_t key_at, id;
      if (auto seen = by_name.find(o.name); seen != by_name.end()) {
        std::tie(key_at, id) = seen->second;
      } else {
        std::string key = FoldPersonName(o.name);
        auto [k, new_key] = key_index.emplace(key, static_cast<uint32_t>(key_words.size()));
        if (new_key) key_words.push_back(SplitWords(key));
        key_at = k->second;
        auto it = person.find(key);
        if (it == person.end()) {
          std::vector<std::string> sound_words = PhoneticWords(o.name);
          std::string sound;
          for (const std::string& w : sound_words) (sound += w) += ' ';
          auto [s, new_sound] = by_sound.emplace(sound, static_cast<uint32_t>(spelling.size()));
          if (new_sound || sound.empty()) {
            s->second = static_cast<uint32_t>(spelling.size());
            spelling.push_back(o.name);
            sound_of.push_back(std::move(sound_words));
            rows_of.emplace_back();
          }
          it = person.emplace(std::move(key), s->second).first;
        }
        id = it->second;
        by_name.emplace(o.name, std::make_pair(key_at, id));
      }
      words_of_row[i] = key_at;
      spelling[id] = o.name;  // later rows (current.tsv) spell it as it is spelled now
      person_of_row[i] = id;
      rows_of[id].push_back(i);
      const auto& words = key_words[key_at];
      if (!words.empty()) last_word[words.back()].push_back(i);
      // Family name first.
      for (std::string_view c : {"CHN", "TWN", "KOR", "PRK", "VNM"}) {
        if (o.country == c && words.size() > 1) first_word[words.front()].push_back(i);
      }
      holders[std::string(o.country) + '\t' + std::string(o.office)].push_back(i);
    }
    for (const AliasRow& a : kAliases) {
      std::string from = FoldPersonName(a.variant), to = FoldPersonName(a.canonical);
      if (from != to) alias[from] = to;
      if (!person.count(to)) {
        person.emplace(to, static_cast<uint32_t>(spelling.size()));
        spelling.push_back(a.canonical);
        sound_of.push_back(PhoneticWords(a.canonical));
        rows_of.emplace_back();
      }
    }
  }

  // The person id a full name (folded) refers to, through aliases; -1 if none.
  int64_t Find(std::string key) const {
    for (int hop = 0; hop < 3; ++hop) {
      auto p = person.find(key);
      if (p != person.end() && !rows_of[p->second].empty()) return p->second;
      auto a = alias.find(key);
      if (a == alias.end()) return p != person.end() ? static_cast<int64_t>(p->second) : -1;
      key = a->second;
    }
    auto p = person.find(key);
    return p != person.end() ? static_cast<int64_t>(p->second) : -1;
  }
};

const Index& GetIndex() {
  static const Index index;
  return index;
}

bool ParseWhen(std::string_view date, When* w) {
  if (date.empty()) return true;
  w->latest = false;
  return ParsePeriod(date, &w->lo, &w->hi);
}

// Among `rows`, the best one active in `w`; -1 if none.
int64_t BestActive(const std::vector<uint32_t>& rows, const When& w) {
  int64_t best = -1;
  for (uint32_t r : rows) {
    if (Active(kRows[r], w) && (best < 0 || Better(r, static_cast<uint32_t>(best)))) best = r;
  }
  return best;
}

// `part` (folded words) is a run of `whole` at its end (or start).
bool WordsAt(const std::vector<std::string>& part, const std::vector<std::string>& whole, bool at_end) {
  if (part.size() > whole.size()) return false;
  size_t off = at_end ? whole.size() - part.size() : 0;
  for (size_t i = 0; i < part.size(); ++i) {
    if (part[i] != whole[off + i]) return false;
  }
  return true;
}

// People by the phonetic key of their surname (translit.h), for spellings
// that neither FoldPersonName nor an alias joins. Built on first use.
struct PhoneticIndex {
  struct Entry {
    uint32_t person;
    std::vector<std::string> given;  // keys of the given names
  };
  std::unordered_map<std::string, std::vector<Entry>> by_surname;

  void Add(uint32_t person, std::vector<std::string> words) {
    if (words.empty()) return;
    std::string surname = std::move(words.back());
    words.pop_back();
    auto& entries = by_surname[surname];
    for (const Entry& e : entries)
      if (e.person == person && e.given == words) return;
    entries.push_back({person, std::move(words)});
  }

  explicit PhoneticIndex(const Index& x) {
    // Every spelling of one person has the same phonetic words (Index).
    for (uint32_t id = 0; id < x.spelling.size(); ++id) Add(id, x.sound_of[id]);
    for (const AliasRow& a : kAliases) {
      const int64_t id = x.Find(FoldPersonName(a.canonical));
      if (id >= 0) Add(static_cast<uint32_t>(id), PhoneticWords(a.variant));
    }
  }
};

const PhoneticIndex& GetPhoneticIndex() {
  static const PhoneticIndex index(GetIndex());
  return index;
}

bool ActiveAny(const std::vector<uint32_t>& rows, const When& w) {
  for (uint32_t r : rows)
    if (Active(kRows[r], w)) return true;
  return false;
}

// The one person whose name `name` may be a spelling of (the same surname
// key, compatible given names), or -1 when none or several. A name without
// given names must have them (`need_given`), or counts only people in office
// in `w` (when given).
int64_t FindPhonetic(std::string_view name, bool need_given, const When* w) {
  std::vector<std::string> words = PhoneticWords(name);
  if (words.empty() || (need_given && words.size() < 2)) return -1;
  const std::string surname = std::move(words.back());
  words.pop_back();
  const Index& x = GetIndex();
  const PhoneticIndex& p = GetPhoneticIndex();
  auto it = p.by_surname.find(surname);
  if (it == p.by_surname.end()) return -1;
  // The table spells some people two ways ("Berdimuhamedow",
  // "Berdimuhhamedov"): candidates with one key are one person, the one
  // with the newer rows.
  const PhoneticIndex::Entry* who = nullptr;
  for (const PhoneticIndex::Entry& e : it->second) {
    if (!CompatibleGivenNames(words, e.given)) continue;
    if (words.empty() && (w == nullptr || !ActiveAny(x.rows_of[e.person], *w))) continue;
    if (who != nullptr && who->person != e.person) {
      if (who->given != e.given) return -1;  // two people of one family, or two namesakes
      const auto& a = x.rows_of[who->person];
      const auto& b = x.rows_of[e.person];
      if (a.empty() || (!b.empty() && b.back() > a.back())) who = &e;
      continue;
    }
    if (who == nullptr) who = &e;
  }
  return who != nullptr ? static_cast<int64_t>(who->person) : -1;
}

// The office person `id` held in `w`: the best active one; for the latest,
// with nothing open, the office that ended last.
const Office* OfficeOfPerson(int64_t id, const When& w) {
  const auto& rows = GetIndex().rows_of[id];
  int64_t best = BestActive(rows, w);
  if (best < 0 && w.latest) {
    for (uint32_t r : rows) {
      if (best < 0 || EffectiveEnd(kRows[r]) > EffectiveEnd(kRows[best]) ||
          (EffectiveEnd(kRows[r]) == EffectiveEnd(kRows[best]) && Better(r, static_cast<uint32_t>(best)))) {
        best = r;
      }
    }
  }
  return best >= 0 ? &kRows[best].office : nullptr;
}

}  // namespace

std::string FoldPersonName(std::string_view name) {
  std::string s = NormalizeName(name), out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += FoldWord(word);
    word.clear();
  };
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9')) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (c != '\'' && c != '.' && c != '`') {
      flush();  // spaces, hyphens and other punctuation separate words
    }
  }
  flush();
  return out;
}

const Office* OfficeOf(std::string_view person_name, std::string_view date) {
  When w;
  if (!ParseWhen(date, &w)) return nullptr;
  const Index& x = GetIndex();
  std::string key = FoldPersonName(person_name);
  if (key.empty()) return nullptr;
  int64_t id = x.Find(key);
  if (id >= 0 && !x.rows_of[id].empty()) return OfficeOfPerson(id, w);
  // A surname (or the end of a name), or for family-name-first names its start.
  std::vector<std::string> words = SplitWords(key);
  int64_t best = -1, who = -1;
  for (bool at_end : {true, false}) {
    const auto& map = at_end ? x.last_word : x.first_word;
    auto it = map.find(at_end ? words.back() : words.front());
    if (it == map.end()) continue;
    for (uint32_t r : it->second) {
      uint32_t p = x.person_of_row[r];
      if (!Active(kRows[r], w) || !WordsAt(words, x.key_words[x.words_of_row[r]], at_end)) continue;
      if (who >= 0 && who != p) return nullptr;  // two people go by it
      who = p;
      if (best < 0 || Better(r, static_cast<uint32_t>(best))) best = r;
    }
  }
  if (best >= 0) return &kRows[best].office;
  // Another romanisation of a known person ("Berdymukhammedov").
  id = FindPhonetic(person_name, false, &w);
  return id >= 0 && !x.rows_of[id].empty() ? OfficeOfPerson(id, w) : nullptr;
}

const Office* HolderOf(std::string_view country, std::string_view office, std::string_view date) {
  When w;
  if (!ParseWhen(date, &w)) return nullptr;
  const Index& x = GetIndex();
  auto it = x.holders.find(std::string(country) + '\t' + std::string(office));
  if (it == x.holders.end()) return nullptr;
  int64_t best = -1;
  for (uint32_t r : it->second) {
    if (!Active(kRows[r], w)) continue;
    const Office& o = kRows[r].office;
    if (best < 0 || o.from > kRows[best].office.from || (o.from == kRows[best].office.from && r > best)) best = r;
  }
  return best >= 0 ? &kRows[best].office : nullptr;
}

std::string CanonicalName(std::string_view name) {
  const Index& x = GetIndex();
  int64_t id = x.Find(FoldPersonName(name));
  if (id < 0) id = FindPhonetic(name, true, nullptr);
  return id >= 0 ? std::string(x.spelling[id]) : std::string(name);
}

}  // namespace attache::text
