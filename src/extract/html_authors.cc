// Bylines to person names.
#include "extract/html_authors.h"

#include <algorithm>

#include "extract/dates.h"
#include "extract/html_title.h"

namespace attache::extract::meta {

namespace {

// Words that make a byline piece a job title rather than a name.
bool IsStrongRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "writer", "reporter", "editor", "correspondent", "contributor", "columnist", "producer",
      "journalist", "staff", "large", "bureau", "intern", "freelance", "redaktion", "redakteur"};
  for (std::string_view r : kRoles) {
    if (w == r) return true;
  }
  return false;
}

bool IsDateWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "wed", "thu", "fri", "sat", "sun", "updated", "published", "posted", "on", "at", "today",
      "yesterday"};
  std::string l = Lower(w);
  for (std::string_view k : kWords) {
    if (l == k) return true;
  }
  return false;
}

bool ContainsDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "staff", "writer", "reporter", "editor", "correspondent", "contributor", "senior", "chief",
      "political", "columnist", "journalist", "producer", "digital", "news", "desk", "team",
      "associate", "contributing", "special", "national", "international", "managing", "deputy",
      "business", "sports", "science", "health", "the", "for", "and", "of", "updated",
      "published", "posted", "share", "follow", "comments", "comment", "read", "min", "more",
      "email", "facebook", "twitter", "linkedin", "print", "author", "authors", "by", "view",
      "all", "articles", "posts", "photo", "photos", "video", "wire",
      "services", "service", "name", "required", "on", "at", "in"};
  for (std::string_view r : kRoles) {
    if (w == r) return true;
  }
  return false;
}

// Strips a leading "By", "Written by", "Author:" and kin.
std::string_view StripByPrefix(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {
      "written by", "posted by", "words by", "story by", "reported by", "analysis by",
      "opinion by", "commentary by", "review by", "text by", "interview by", "authors:", "author:",
      "by:", "by", "von", "par", "por", "door", "di", "автор:", "автор"};
  for (int round = 0; round < 2; ++round) {
    for (std::string_view p : kPrefixes) {
      if (StartsWithIgnoreCase(s, p) &&
          (p.back() == ':' || s.size() == p.size() || s[p.size()] == ' ' || s[p.size()] == ':')) {
        s.remove_prefix(p.size());
        while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.remove_prefix(1);
        break;
      }
    }
  }
  return s;
}

}  // namespace

// Adds the person names in a byline text to `names`. With `split_and`, "A
// and B" is two people; a name from a structured declaration is one entity.
// Pieces after the first that name the outlet or a job title are dropped.
void AddAuthorNames(std::string_view text, bool split_and, std::string_view outlet,
                    std::vector<std::string>* names) {
  std::string t = CleanText(text, 400);
  if (t.empty()) return;
  // Cut at separators that start another piece of the byline (a date, a
  // role); keep the piece with "By" if there is one, else the first.
  std::vector<std::string> pieces;
  {
    std::string cur;
    std::string_view s = t;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t sep = 0;
      if (s[i] == '|' || s[i] == '\n' || s[i] == '/') sep = 1;
      for (std::string_view d : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93"}) {
        if (s.substr(i, d.size()) == d) sep = d.size();
      }
      if (s.substr(i, 3) == " - ") sep = 3;
      if (sep) {
        pieces.push_back(cur);
        cur.clear();
        i += sep;
      } else {
        cur.push_back(s[i]);
        ++i;
      }
    }
    pieces.push_back(cur);
  }
  std::string_view chosen;
  for (const std::string& p : pieces) {
    std::string_view v = p;
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (StartsWithIgnoreCase(v, "by ") || StartsWithIgnoreCase(v, "by:")) { chosen = v; break; }
  }
  if (chosen.empty()) {
    for (const std::string& p : pieces) {
      std::string_view v = p;
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      if (!v.empty() && !FindDateInText(v)) { chosen = v; break; }
    }
  }
  std::string body(StripByPrefix(chosen));
  // Split on "and", "&", ",", ";".
  std::vector<std::string> parts;
  {
    std::string cur;
    for (std::size_t i = 0; i < body.size();) {
      std::size_t sep = 0;
      if (body[i] == ',' || body[i] == ';' || (split_and && body[i] == '&')) sep = 1;
      for (std::string_view d : {" and ", " und ", " et ", " y ", " e ", " и "}) {
        if (split_and && body.size() - i >= d.size() && EqualsIgnoreCase(std::string_view(body).substr(i, d.size()), d)) sep = d.size();
      }
      if (sep) {
        parts.push_back(cur);
        cur.clear();
        i += sep;
      } else {
        cur.push_back(body[i]);
        ++i;
      }
    }
    parts.push_back(cur);
  }
  for (std::size_t part_index = 0; part_index < parts.size(); ++part_index) {
    const std::string& p = parts[part_index];
    // Drop @handles.
    std::string kept;
    {
      std::string_view sv = p;
      std::string out;
      std::size_t i = 0;
      while (i < sv.size()) {
        std::size_t j = sv.find(' ', i);
        if (j == std::string_view::npos) j = sv.size();
        std::string_view word = sv.substr(i, j - i);
        if (!word.empty() && word.front() != '@') {
          if (!out.empty()) out.push_back(' ');
          out.append(word);
        }
        i = j + 1;
      }
      kept = CleanText(out, 120);
    }
    std::string_view name = StripByPrefix(kept);
    // Trailing "Monday", "Updated" and the like leak in from date lines.
    for (int round = 0; round < 4; ++round) {
      while (!name.empty() && (name.back() == '.' || name.back() == ':' || name.back() == ' ' ||
                               name.back() == ',')) {
        name.remove_suffix(1);
      }
      std::size_t sp = name.rfind(' ');
      if (sp == std::string_view::npos || !IsDateWord(name.substr(sp + 1))) break;
      name = name.substr(0, sp);
    }
    // A bare domain ("Example.com") is the outlet, not a person.
    if (name.find(' ') == std::string_view::npos && name.find('.') != std::string_view::npos &&
        name.find('.') + 1 < name.size()) {
      continue;
    }
    if (name.size() < 2 || name.size() > 80 || ContainsDigit(name) || LooksLikeUrl(name)) continue;
    if (name.find('@') != std::string_view::npos) continue;
    std::vector<std::string> words = Words(name);
    if (words.empty() || words.size() > 6) continue;
    if (std::all_of(words.begin(), words.end(), [](const std::string& w) { return IsRoleWord(w); })) continue;
    if (part_index > 0 &&
        std::any_of(words.begin(), words.end(), [](const std::string& w) { return IsStrongRoleWord(w); })) {
      continue;
    }
    if (part_index > 0 && !outlet.empty()) {
      // "Jane Roe, CNN Business": a piece that names the outlet.
      std::vector<std::string> ow = Words(outlet);
      bool all_in_outlet = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(ow.begin(), ow.end(), w) != ow.end();
      });
      if (all_in_outlet || MatchesSite(name, outlet) || (!ow.empty() && words[0] == ow[0])) continue;
    }
    names->emplace_back(name);
    if (names->size() >= 4 * kMaxAuthors) return;
  }
}

void DedupeAuthors(std::vector<std::string>* names) {
  std::vector<std::string> out;
  for (std::string& n : *names) {
    bool dup = false;
    for (const std::string& o : out) dup = dup || SameWords(o, n);
    if (!dup) out.push_back(std::move(n));
    if (out.size() >= kMaxAuthors) break;
  }
  *names = std::move(out);
}

}  // namespace attache::extract::meta
