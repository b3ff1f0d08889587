// Descriptions that name an office in other words: "the premier" is the
// Prime Minister named before, "the top diplomat" the Foreign Minister
// (role_equivalents.txt). The description's own words are tried first: a
// page that titles someone "Premier" keeps that match.
#include <string>
#include <vector>

#include "quotes/finder.h"

namespace attache::quotes::internal {

std::string Finder::PersonByRole(const std::string& role, uint32_t pos, bool before_pos, bool full) const {
  std::string found = PersonByTitle(role, pos, before_pos, full);
  if (!found.empty()) return found;
  const std::string other = EquivalentRole(role);
  return other.empty() ? found : PersonByTitle(other, pos, before_pos, full);
}

std::string Finder::EquivalentRole(std::string_view role) const {
  if (t_.role_equivalents.empty()) return "";
  // The role's words as written and folded.
  std::vector<std::string_view> words;
  std::vector<std::string> folded;
  size_t from = 0;
  while (from < role.size()) {
    size_t to = role.find(' ', from);
    if (to == std::string_view::npos) to = role.size();
    if (to > from) {
      words.push_back(role.substr(from, to - from));
      folded.push_back(text::Fold(WithoutPossessive(text::Fold(words.back()))));
    }
    from = to + 1;
  }
  for (const auto& [phrase, title] : t_.role_equivalents) {
    if (phrase.empty() || phrase.size() > folded.size()) continue;
    for (size_t i = 0; i + phrase.size() <= folded.size(); ++i) {
      if (!std::equal(phrase.begin(), phrase.end(), folded.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      std::string out;
      for (size_t k = 0; k < words.size(); ++k) {
        if (k > i && k < i + phrase.size()) continue;
        out += out.empty() ? "" : " ";
        out += k == i ? std::string_view(title) : words[k];
      }
      return out;
    }
  }
  return "";
}

}  // namespace attache::quotes::internal
