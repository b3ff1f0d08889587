// Roles and countries of actors: from the article's titles and
// possessives, else the office-holder table on the article's date.
#include "events/finder.h"

namespace attache::events::internal {

// Role and country of a person from the article (a title anywhere), else
// the office-holder table on the article's date.
void Finder::ActorDetails(const std::string& name, const std::optional<std::string>& date, std::optional<std::string>* role,
                          std::optional<std::string>* country) const {
  for (const auto& m : people_.mentions) {
    if (m.full_name != name) continue;
    if (m.title.size() == 0) {
      // "Jordan's Abdullah II".
      if (!country->has_value()) *country = NationBefore(m.span.begin);
      continue;
    }
    std::string title(Slice(m.title.begin, m.title.end));
    if (!role->has_value()) *role = title;
    // A demonym or a country in the title: "Russian Foreign Minister",
    // "President of Kyrgyzstan", "Turkey’s president", "US Secretary of State".
    size_t i = 0;
    while (i < title.size() && !country->has_value()) {
      size_t j = title.find(' ', i);
      if (j == std::string::npos) j = title.size();
      std::string word = title.substr(i, j - i);
      if (word.size() > 4 && word.compare(word.size() - 4, 4, "\xE2\x80\x99s") == 0) word.resize(word.size() - 4);
      if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
      if (const auto* d = text::LookupDemonym(word, t_.lang)) *country = std::string(d->code);
      else if (const auto* p = text::LookupPlace(word, t_.lang); p && p->kind == text::EntityKind::kCountry)
        *country = std::string(p->code);
      i = j + 1;
    }
    // "Jordan's King Abdullah II", "Jordan's visiting King Abdullah II".
    if (!country->has_value()) *country = NationBefore(m.title.begin);
    if (country->has_value()) break;
  }
  const std::string when = date && (*date)[0] != 'X' ? *date : anchor_;
  if (const text::Office* o = text::OfficeOf(name, when)) {
    if (!country->has_value()) *country = std::string(o->country);
    if (!role->has_value()) *role = std::string(o->office);
  }
}

// The country a possessive names just before byte `start` ("Jordan's",
// "Saudi Arabia's"), over an attributive "visiting"; else none.
std::optional<std::string> Finder::NationBefore(uint32_t start) const {
  const size_t from = start > 60 ? start - 60 : 0;
  const std::string_view before = text_.substr(from, start - from);
  std::vector<std::string_view> words;  // the last words, last first
  size_t e = before.size();
  while (words.size() < 4) {
    while (e > 0 && before[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && before[b - 1] != ' ' && before[b - 1] != '\n') --b;
    if (b == e) break;
    words.push_back(before.substr(b, e - b));
    if (b == 0 || before[b - 1] == '\n') break;
    e = b;
  }
  size_t i = 0;
  if (i < words.size() && (words[i] == "visiting" || words[i] == "touring")) ++i;
  if (i >= words.size()) return std::nullopt;
  std::string_view w = words[i];
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.remove_suffix(4);
  else if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
  else return std::nullopt;
  for (int extra = 0; extra <= 1; ++extra) {
    std::string name;
    if (extra == 1) {
      if (i + 1 >= words.size()) break;
      name = std::string(words[i + 1]) + " ";
    }
    name += std::string(w);
    const text::Place* p = text::LookupPlace(name, t_.lang);
    if (p && p->kind == text::EntityKind::kCountry) return std::string(p->code);
  }
  return std::nullopt;
}

// A person's country on the article's date, computed once per name.
const std::optional<std::string>& Finder::CountryOf(const std::string& name) const {
  auto it = country_of_.find(name);
  if (it != country_of_.end()) return it->second;
  std::optional<std::string> role, country;
  ActorDetails(name, std::nullopt, &role, &country);
  return country_of_.emplace(name, std::move(country)).first->second;
}

}  // namespace attache::events::internal
