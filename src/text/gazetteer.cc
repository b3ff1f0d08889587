// Gazetteer lookups and the longest-match scanner over the generated table.
#include "text/gazetteer.h"

#include <algorithm>
#include <unordered_map>

namespace attache::text {

namespace {

// Names the generated table uses for kinds and roles.
namespace kinds {
constexpr EntityKind country = EntityKind::kCountry;
constexpr EntityKind city = EntityKind::kCity;
constexpr EntityKind region = EntityKind::kRegion;
constexpr EntityKind bloc = EntityKind::kBloc;
constexpr EntityKind org = EntityKind::kOrg;
}  // namespace kinds
namespace roles {
constexpr Entry::Role name = Entry::Role::kName;
constexpr Entry::Role demonym = Entry::Role::kDemonym;
}  // namespace roles

struct FormRow {
  std::string_view lang;
  Entry::Role role;
  std::string_view form;
  uint32_t entity;
};

#define ATTACHE_GAZ_ENTITY(kind, code, name) Entity{kinds::kind, code, name},
#define ATTACHE_GAZ_FORM(lang, role, form, entity)
constexpr Entity kEntities[] = {
#include "text/gazetteer_table.inc"
};
#undef ATTACHE_GAZ_ENTITY
#undef ATTACHE_GAZ_FORM
#define ATTACHE_GAZ_ENTITY(kind, code, name)
#define ATTACHE_GAZ_FORM(lang, role, form, entity) FormRow{lang, roles::role, form, entity},
constexpr FormRow kForms[] = {
#include "text/gazetteer_table.inc"
};
#undef ATTACHE_GAZ_ENTITY
#undef ATTACHE_GAZ_FORM

// Decodes the code point at s[i] (U+FFFD for a malformed byte); *len gets its
// length in bytes.
uint32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return c < 0x80 ? c : 0xFFFD;
  }
  uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = n;
  return cp;
}

// Letters and digits (and, outside ASCII, anything that is not punctuation or
// a space) continue a word.
bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation, quotes, dashes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  return cp != 0xFEFF && cp != 0xFFFD;
}

bool WordAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t len;
  return IsWordCodePoint(DecodeAt(s, i, &len));
}

bool WordBefore(std::string_view s, size_t i) {
  if (i == 0 || i > s.size()) return false;
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t len;
  uint32_t cp = DecodeAt(s, start, &len);
  return start + len == i && IsWordCodePoint(cp);
}

// The run of word code points at s[i]: the key a form is indexed under.
std::string_view WordRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    size_t len;
    if (!IsWordCodePoint(DecodeAt(s, j, &len))) break;
    j += len;
  }
  return s.substr(i, j - i);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether `form` is at text[pos], a space in the form matching any one space.
bool FormAt(std::string_view text, size_t pos, std::string_view form) {
  if (text.size() - pos < form.size()) return false;
  for (size_t k = 0; k < form.size(); ++k) {
    char t = text[pos + k];
    if (form[k] == ' ' ? !IsSpace(t) : t != form[k]) return false;
  }
  return true;
}

struct LangIndex {
  std::string_view lang;
  std::unordered_map<std::string_view, const Entity*> names;
  std::unordered_map<std::string_view, const Entity*> demonyms;
  // First word run -> forms, longest first, names before demonyms.
  std::unordered_map<std::string_view, std::vector<const FormRow*>> by_key;
  std::vector<std::pair<std::string_view, Entry>> all;
};

std::vector<LangIndex> BuildIndexes() {
  std::vector<LangIndex> indexes;
  {
    auto* out = &indexes;
    for (const FormRow& row : kForms) {
      auto it = std::find_if(out->begin(), out->end(), [&](const LangIndex& x) { return x.lang == row.lang; });
      if (it == out->end()) it = out->insert(out->end(), LangIndex{row.lang, {}, {}, {}, {}});
      const Entity* e = &kEntities[row.entity];
      (row.role == Entry::Role::kName ? it->names : it->demonyms).emplace(row.form, e);
      it->by_key[WordRun(row.form, 0)].push_back(&row);
      it->all.push_back({row.form, Entry{row.role, e}});
    }
    for (LangIndex& x : *out) {
      for (auto& [key, rows] : x.by_key) {
        std::stable_sort(rows.begin(), rows.end(), [](const FormRow* a, const FormRow* b) {
          if (a->form.size() != b->form.size()) return a->form.size() > b->form.size();
          return a->role == Entry::Role::kName && b->role != Entry::Role::kName;
        });
      }
      std::stable_sort(x.all.begin(), x.all.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
    }
  }
  return indexes;
}

const std::vector<LangIndex>& Indexes() {
  static const std::vector<LangIndex> indexes = BuildIndexes();
  return indexes;
}

const LangIndex* FindLang(std::string_view lang) {
  for (const LangIndex& x : Indexes()) {
    if (x.lang == lang) return &x;
  }
  return nullptr;
}

std::string_view StripArticle(std::string_view s) {
  if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The ")) return s.substr(4);
  return s;
}

bool NeedsNormalizing(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Exact form, then without a leading article, then normalised.
const Entity* Find(const std::unordered_map<std::string_view, const Entity*>& map, std::string_view name) {
  for (std::string_view s : {name, StripArticle(name)}) {
    auto it = map.find(s);
    if (it != map.end()) return it->second;
  }
  if (!NeedsNormalizing(name)) return nullptr;
  std::string folded = NormalizeName(name);
  for (std::string_view s : {std::string_view(folded), StripArticle(folded)}) {
    auto it = map.find(s);
    if (it != map.end()) return it->second;
  }
  return nullptr;
}

// Base letters of U+00C0..U+017F; '.' keeps the character as it is.
constexpr std::string_view kLatinBase =
    "AAAAAAACEEEEIIII"
    "DNOOOOO.OUUUUY.s"
    "aaaaaaaceeeeiiii"
    "dnooooo.ouuuuy.y"
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "IiJjJjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOo"
    "OoOoRrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";

}  // namespace

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kCountry: return "country";
    case EntityKind::kCity: return "city";
    case EntityKind::kRegion: return "region";
    case EntityKind::kBloc: return "bloc";
    case EntityKind::kOrg: return "org";
  }
  return "?";
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    size_t len;
    uint32_t cp = DecodeAt(name, i, &len);
    char base = 0;
    if (cp >= 0xC0 && cp <= 0x17F) {
      base = kLatinBase[cp - 0xC0];
    } else if (cp >= 0x218 && cp <= 0x21B) {
      base = "SsTt"[cp - 0x218];  // Ș ș Ț ț
    } else if (cp == 0x18F || cp == 0x259) {
      base = cp == 0x18F ? 'E' : 'e';  // Azerbaijani schwa
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BB || cp == 0x02BC || cp == 0x2032) {
      base = '\'';
    } else if (cp >= 0x300 && cp <= 0x36F) {
      i += len;  // combining mark
      continue;
    }
    if (base != 0 && base != '.') {
      out.push_back(base);
    } else {
      out.append(name.substr(i, len));
    }
    i += len;
  }
  return out;
}

const Place* LookupPlace(std::string_view name, std::string_view lang) {
  const LangIndex* x = FindLang(lang);
  const Entity* e = x ? Find(x->names, name) : nullptr;
  if (e == nullptr || e->kind == EntityKind::kBloc || e->kind == EntityKind::kOrg) return nullptr;
  return e;
}

const Place* LookupPlaceInCapitals(std::string_view name, std::string_view lang) {
  std::string named(name);
  bool start = true;
  for (char& c : named) {
    if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    start = c == ' ' || c == '-';
  }
  return LookupPlace(named, lang);
}

const Country* LookupDemonym(std::string_view adjective, std::string_view lang) {
  const LangIndex* x = FindLang(lang);
  return x ? Find(x->demonyms, adjective) : nullptr;
}

const Org* LookupOrg(std::string_view name, std::string_view lang) {
  const LangIndex* x = FindLang(lang);
  const Entity* e = x ? Find(x->names, name) : nullptr;
  if (e == nullptr || (e->kind != EntityKind::kBloc && e->kind != EntityKind::kOrg)) return nullptr;
  return e;
}

const std::vector<std::pair<std::string_view, Entry>>& AllSurfaceForms(std::string_view lang) {
  static const std::vector<std::pair<std::string_view, Entry>> kNone;
  const LangIndex* x = FindLang(lang);
  return x ? x->all : kNone;
}

size_t MatchAt(std::string_view text, size_t pos, Entry* out, std::string_view lang) {
  const LangIndex* x = FindLang(lang);
  if (x == nullptr || pos >= text.size() || WordBefore(text, pos) || !WordAt(text, pos)) return 0;
  // Forms starting at pos, then forms after a leading article.
  size_t starts[2] = {pos, pos};
  size_t n_starts = 1;
  std::string_view first = WordRun(text, pos);
  if ((first == "the" || first == "The") && pos + 4 < text.size() && IsSpace(text[pos + 3])) {
    starts[n_starts++] = pos + 4;
  }
  size_t best = 0;
  for (size_t i = 0; i < n_starts; ++i) {
    size_t start = starts[i];
    auto it = x->by_key.find(WordRun(text, start));
    if (it == x->by_key.end()) continue;
    for (const FormRow* row : it->second) {
      size_t end = start + row->form.size();
      if (end - pos <= best) break;  // the rest are shorter
      if (!FormAt(text, start, row->form) || WordAt(text, end)) continue;
      best = end - pos;
      if (out != nullptr) *out = Entry{row->role, &kEntities[row->entity]};
      break;
    }
  }
  return best;
}

}  // namespace attache::text
