#include "text/tables.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>

#include "text/embedded_data.h"

namespace attache::text {

namespace {

// The non-comment, non-blank lines of a table, split into words.
std::vector<std::vector<std::string>> Lines(std::string_view content) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in{std::string(content)};
  std::string line;
  while (std::getline(in, line)) {
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    std::vector<std::string> row;
    std::string w;
    while (words >> w) row.push_back(w);
    if (!row.empty()) out.push_back(std::move(row));
  }
  return out;
}

void AddAll(std::string_view content, std::unordered_set<std::string>* set) {
  for (const auto& row : Lines(content))
    for (const auto& w : row) set->insert(w);
}

void LoadDateWords(std::string_view content, DateWords* d) {
  for (const auto& row : Lines(content)) {
    const std::string& kind = row[0];
    const auto rest = [&](size_t from) { return std::vector<std::string>(row.begin() + static_cast<long>(std::min(from, row.size())), row.end()); };
    const int n = row.size() > 1 ? std::atoi(row[1].c_str()) : 0;
    const char c = row.size() > 1 ? row[1][0] : 0;
    if (kind == "day" && row.size() > 2) d->day_phrases.emplace_back(rest(2), n);
    else if (kind == "none" && row.size() > 1) d->no_date.push_back(rest(1));
    else if (kind == "shift") for (const auto& w : rest(2)) d->shifts.emplace(w, n);
    else if (kind == "number") for (const auto& w : rest(2)) d->numbers.emplace(w, n);
    else if (kind == "unit") for (const auto& w : rest(2)) d->units.emplace(w, c == 'd' || c == 'w' || c == 'm' ? c : 'y');
    else if (kind == "part") for (const auto& w : rest(2)) d->parts.emplace(w, c == 'f' || c == 'l' ? c : 'n');
    else if (kind == "ago") for (const auto& w : rest(1)) d->ago.insert(w);
    else if (kind == "prep") for (const auto& w : rest(1)) d->preps.insert(w);
    else if (kind == "ordinal") for (const auto& w : rest(1)) d->ordinals.insert(w);
    else if (kind == "future") for (const auto& w : rest(1)) d->future.insert(w);
    else if (kind == "past") for (const auto& w : rest(1)) d->past.insert(w);
    else if (kind == "past_suffix") for (const auto& w : rest(1)) d->past_suffixes.push_back(w);
    else if (kind == "past_except") for (const auto& w : rest(1)) d->past_exceptions.push_back(w);
    else if (kind == "article") for (const auto& w : rest(1)) d->articles.insert(w);
    else if (kind == "of") for (const auto& w : rest(1)) d->ofs.insert(w);
    else if (kind == "names_capitalized" && row.size() > 1) d->names_capitalized = row[1] == "yes";
    else if (kind == "slash_order" && row.size() > 1) d->slash_month_first = row[1] == "mdy";
  }
}

void Load(std::string_view name, std::string_view content, LanguageTables* t) {
  if (name == "abbreviations") {
    for (const auto& row : Lines(content)) t->abbreviations.insert(t->abbreviations.end(), row.begin(), row.end());
  } else if (name == "quote_marks") {
    for (const auto& row : Lines(content))
      if (row.size() == 2) t->quote_marks.emplace_back(row[0], row[1]);
  } else if (name == "speech_verbs") {
    for (const auto& row : Lines(content)) {
      VerbClass c = VerbClass::kNone;
      if (row[0] == "say") c = VerbClass::kSay;
      else if (row[0] == "saythat") c = VerbClass::kSayThat;
      else if (row[0] == "tell") c = VerbClass::kTell;
      else if (row[0] == "think") c = VerbClass::kThink;
      else if (row[0] == "ing") c = VerbClass::kIng;
      for (size_t i = 1; i < row.size(); ++i) {
        if (row[0] == "close") t->closing_verbs.insert(row[i]);
        else if (row[0] == "trail") t->trailing_verbs.insert(row[i]);
        else t->verbs.emplace(row[i], c);  // the first class named wins
      }
    }
  } else if (name == "frames") {
    for (const auto& row : Lines(content)) {
      Frame f;
      if (row[0] == "before") f.kind = FrameKind::kBefore;
      else if (row[0] == "after") f.kind = FrameKind::kAfter;
      else if (row[0] == "channel") f.kind = FrameKind::kChannel;
      else continue;
      f.words.assign(row.begin() + 1, row.end());
      for (const auto& w : f.words)
        f.types.push_back(w == "SPEAKER" || w == "OUTLET" ? FrameWord::kSlot
                          : w == "POSS"                 ? FrameWord::kPossessive
                          : w == ","                    ? FrameWord::kComma
                                                        : FrameWord::kWord);
      t->frames.push_back(std::move(f));
    }
  } else if (name == "pronouns") {
    for (const auto& row : Lines(content))
      for (size_t i = 1; i < row.size(); ++i) t->pronouns.emplace(row[i], row[0][0]);
  } else if (name == "honorifics") {
    for (const auto& row : Lines(content))
      for (size_t i = 1; i < row.size(); ++i) {
        std::string w = row[i];  // ASCII words, kept in lower case
        for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        t->honorifics.emplace(std::move(w), row[0][0]);
      }
  } else if (name == "role_equivalents") {
    for (const auto& row : Lines(content)) {
      const auto eq = std::find(row.begin(), row.end(), "=");
      if (eq == row.begin() || eq == row.end() || eq + 1 == row.end()) continue;
      std::vector<std::string> from(row.begin(), eq);
      for (auto& w : from)
        for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      std::string to;
      for (auto it = eq + 1; it != row.end(); ++it) to += (to.empty() ? "" : " ") + *it;
      t->role_equivalents.emplace_back(std::move(from), std::move(to));
    }
  } else if (name == "titles") {
    AddAll(content, &t->titles);
  } else if (name == "role_nouns") {
    AddAll(content, &t->role_nouns);
  } else if (name == "institutions") {
    AddAll(content, &t->institutions);
  } else if (name == "not_names") {
    AddAll(content, &t->not_names);
  } else if (name == "name_particles") {
    AddAll(content, &t->particles);
  } else if (name == "audience") {
    AddAll(content, &t->audience);
  } else if (name == "events") {
    for (const auto& row : Lines(content))
      for (size_t i = 1; i < row.size(); ++i) t->event_words[row[i]].push_back(row[0]);
  } else if (name == "generic_speakers") {
    AddAll(content, &t->generic_speakers);
  } else if (name == "outlet_parts") {
    AddAll(content, &t->outlet_parts);
  } else if (name == "outlet_heads") {
    AddAll(content, &t->outlet_heads);
  } else if (name == "office_groups") {
    AddAll(content, &t->office_groups);
  } else if (name == "stance") {
    for (const auto& row : Lines(content))
      for (size_t i = 1; i < row.size(); ++i) (row[0] == "verb" ? t->stance_verbs : t->stance_nouns).insert(row[i]);
  } else if (name == "anonymity") {
    for (const auto& row : Lines(content)) {
      std::string phrase;
      for (const auto& w : row) phrase += (phrase.empty() ? "" : " ") + w;
      t->anonymity.push_back(phrase);
    }
  } else if (name == "function_words") {
    AddAll(content, &t->function_words);
  } else if (name == "months" || name == "weekdays") {
    auto& map = name == "months" ? t->dates.months : t->dates.weekdays;
    for (const auto& row : Lines(content)) {
      const int n = std::atoi(row[0].c_str());
      // Weekday forms after the first are abbreviations (stored negated).
      for (size_t i = 1; i < row.size(); ++i) map.emplace(row[i], i > 1 && name == "weekdays" ? -n : n);
    }
  } else if (name == "date_words") {
    LoadDateWords(content, &t->dates);
  }
}

const std::map<std::string, std::unique_ptr<LanguageTables>, std::less<>>& All() {
  static const auto* all = [] {
    auto* m = new std::map<std::string, std::unique_ptr<LanguageTables>, std::less<>>();
    for (size_t i = 0; i < kEmbeddedTableCount; ++i) {
      const EmbeddedTable& e = kEmbeddedTables[i];
      auto& t = (*m)[e.lang];
      if (!t) {
        t = std::make_unique<LanguageTables>();
        t->lang = e.lang;
      }
      Load(e.name, e.content, t.get());
    }
    return m;
  }();
  return *all;
}

}  // namespace

bool LanguageTables::event_word(std::string_view w, std::string_view cls) const {
  auto it = event_words.find(std::string(w));
  if (it == event_words.end()) return false;
  for (const auto& c : it->second)
    if (c == cls) return true;
  return false;
}

VerbClass LanguageTables::verb(std::string_view form) const {
  auto it = verbs.find(std::string(form));
  return it == verbs.end() ? VerbClass::kNone : it->second;
}

const LanguageTables* FindTables(std::string_view lang) {
  const auto& all = All();
  auto it = all.find(lang);
  return it == all.end() ? nullptr : it->second.get();
}

const LanguageTables& TablesFor(std::string_view lang) {
  const auto& all = All();
  auto it = all.find(lang);
  if (it == all.end()) it = all.find("en");
  return *it->second;
}

}  // namespace attache::text
