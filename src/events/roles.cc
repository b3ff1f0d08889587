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
      // "the Foreign Minister of Azerbaijan, X", "X, the Russian deputy
      // prime minister,": a title in apposition.
      if (!country->has_value()) *country = AppositionNation(m.span, role);
      continue;
    }
    std::string title(Slice(m.title.begin, m.title.end));
    if (!role->has_value()) *role = title;
    // A demonym or a country in the title: "Russian Foreign Minister",
    // "President of Kyrgyzstan", "Turkey’s president", "US Secretary of State".
    // Titles joined by "and" may be two people's ("Georgian PM and
    // President of the European Council X"): the part next to the name
    // first, then the whole.
    const auto scan = [&](size_t i) {
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
    };
    if (const size_t joined = title.rfind(" and "); joined != std::string::npos) scan(joined + 5);
    scan(0);
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

// The country a title in apposition to the name at `span` states: the words
// between the comma and the nearest "the", delimiter or clause start before
// it ("the Foreign Minister of Azerbaijan, X"), or after it up to the next
// comma or stop ("X, the Russian deputy prime minister,"). The phrase must
// hold a title or role word and at most eight words; its demonym or country
// gives the nation, and the phrase is the role when none is known.
std::optional<std::string> Finder::AppositionNation(text::Span span, std::optional<std::string>* role) const {
  const auto nation_of = [&](std::string_view phrase) -> std::optional<std::string> {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < phrase.size()) {
      size_t j = phrase.find(' ', i);
      if (j == std::string_view::npos) j = phrase.size();
      if (j > i) words.emplace_back(phrase.substr(i, j - i));
      i = j + 1;
    }
    if (words.empty() || words.size() > 8) return std::nullopt;
    bool titled = false;
    for (const std::string& w : words) {
      const std::string f = text::Fold(w);
      titled = titled || t_.titles.count(f) || t_.role_nouns.count(f);
    }
    if (!titled) return std::nullopt;
    for (std::string w : words) {
      if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
      if (const auto* d = text::LookupDemonym(w, t_.lang)) return std::string(d->code);
      if (const auto* p = text::LookupPlace(w, t_.lang); p && p->kind == text::EntityKind::kCountry)
        return std::string(p->code);
    }
    return std::nullopt;
  };
  const auto stop = [](char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '\n' || c == '(' || c == ')'; };
  std::optional<std::string> out;
  std::string_view phrase;
  // Before: "..., the Foreign Minister of Azerbaijan, X".
  if (span.begin >= 2 && text_[span.begin - 1] == ' ' && text_[span.begin - 2] == ',') {
    const size_t end = span.begin - 2;
    size_t b = end;
    while (b > 0 && end - b < 120 && !stop(text_[b - 1])) --b;
    phrase = text_.substr(b, end - b);
    for (std::string_view cut : {" the ", " that ", " with ", " and "}) {
      const size_t k = phrase.rfind(cut);
      if (k != std::string_view::npos) phrase = phrase.substr(k + cut.size());
    }
    if (phrase.rfind("the ", 0) == 0 || phrase.rfind("The ", 0) == 0) phrase = phrase.substr(4);
    out = nation_of(phrase);
  }
  // After: "X, the Russian deputy prime minister, ...".
  if (!out && span.end + 2 < text_.size() && text_[span.end] == ',' && text_[span.end + 1] == ' ') {
    size_t b = span.end + 2, e = b;
    while (e < text_.size() && e - b < 120 && !stop(text_[e])) ++e;
    phrase = text_.substr(b, e - b);
    if (phrase.rfind("the ", 0) == 0) phrase = phrase.substr(4);
    else phrase = {};  // only a described office ("the ..."), not a clause
    if (!phrase.empty()) out = nation_of(phrase);
  }
  if (out && role && !role->has_value()) *role = std::string(phrase);
  return out;
}

}  // namespace attache::events::internal
