// Office-holders: the index of the table's names, computed from the rows
// (officeholders_index.h); FoldPersonName.
#include "text/officeholders_index.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "text/gazetteer.h"
#include "text/translit.h"

namespace attache::text {

namespace {

using officeholders::AliasRow;
using officeholders::kAliases;
using officeholders::kRowCount;
using officeholders::kRows;

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

// The index as the lookups used to build it per process, in hash maps; then
// laid out flat (BuildIndex).
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
        if (new_key) key_words.push_back(officeholders::SplitKeyWords(key));
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

namespace officeholders {

std::vector<std::string> SplitKeyWords(const std::string& key) {
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

namespace {

// Lays the index out flat: one text (each distinct string once), ranges into
// shared arrays, maps sorted by key.
class Flattener {
 public:
  explicit Flattener(BuiltIndex* out) : out_(out) {}

  Str Text(std::string_view s) {
    auto [it, fresh] = at_.emplace(std::string(s), Str{static_cast<uint32_t>(out_->text.size()), static_cast<uint32_t>(s.size())});
    if (fresh) out_->text.append(s);
    return it->second;
  }
  Range Words(const std::vector<std::string>& words) {
    Range r{static_cast<uint32_t>(out_->words.size()), 0};
    for (const std::string& w : words) out_->words.push_back(Text(w));
    r.end = static_cast<uint32_t>(out_->words.size());
    return r;
  }
  Range List(const std::vector<uint32_t>& rows) {
    Range r{static_cast<uint32_t>(out_->lists.size()), 0};
    out_->lists.insert(out_->lists.end(), rows.begin(), rows.end());
    r.end = static_cast<uint32_t>(out_->lists.size());
    return r;
  }
  template <class Map>
  std::vector<KeyedRange> Lists(const Map& map) {
    std::vector<KeyedRange> out;
    for (const auto& [key, rows] : map) out.push_back({Text(key), List(rows)});
    Sort(&out);
    return out;
  }
  template <class T>
  void Sort(std::vector<T>* v) const {
    std::sort(v->begin(), v->end(), [this](const T& a, const T& b) { return Key(a) < Key(b); });
  }

 private:
  std::string_view Get(Str s) const { return std::string_view(out_->text).substr(s.at, s.size); }
  std::string_view Key(const Keyed& k) const { return Get(k.key); }
  std::string_view Key(const KeyedRange& k) const { return Get(k.key); }
  std::string_view Key(const Alias& a) const { return Get(a.from); }

  BuiltIndex* out_;
  std::unordered_map<std::string, Str> at_;
};

}  // namespace

IndexView BuiltIndex::View() const {
  return IndexView{text,  person_of_row, key_of_row, key_words,  words,  spelling, rows_of, person,
                   alias, last_word,     first_word, holders,    lists,  surnames, phonetic};
}

BuiltIndex BuildIndex() {
  const Index x;
  const PhoneticIndex p(x);
  BuiltIndex out;
  Flattener f(&out);
  out.person_of_row = x.person_of_row;
  out.key_of_row = x.words_of_row;
  for (const auto& words : x.key_words) out.key_words.push_back(f.Words(words));
  for (std::string_view s : x.spelling) out.spelling.push_back(f.Text(s));
  for (const auto& rows : x.rows_of) out.rows_of.push_back(f.List(rows));
  for (const auto& [key, id] : x.person) out.person.push_back({f.Text(key), id});
  f.Sort(&out.person);
  for (const auto& [from, to] : x.alias) out.alias.push_back({f.Text(from), f.Text(to)});
  f.Sort(&out.alias);
  out.last_word = f.Lists(x.last_word);
  out.first_word = f.Lists(x.first_word);
  out.holders = f.Lists(x.holders);
  for (const auto& [surname, entries] : p.by_surname) {
    Range r{static_cast<uint32_t>(out.phonetic.size()), 0};
    for (const PhoneticIndex::Entry& e : entries) out.phonetic.push_back({e.person, f.Words(e.given)});
    r.end = static_cast<uint32_t>(out.phonetic.size());
    out.surnames.push_back({f.Text(surname), r});
  }
  f.Sort(&out.surnames);
  return out;
}

}  // namespace officeholders
}  // namespace attache::text
