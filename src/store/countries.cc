// Country, organisation and bloc names as people type them (attache/countries.h):
// the gazetteer's forms folded for case and diacritics, the blocs file's names,
// and the nearest matches for what matches nothing.
#include "attache/countries.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "store/blocs.h"
#include "text/gazetteer.h"

namespace attache {

namespace {

std::string Fold(std::string_view s) {
  std::string n = text::NormalizeName(s);
  std::string out;
  for (char c : n) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t b = 0;
  while (b < out.size() && out[b] == ' ') ++b;
  out = out.substr(b);
  if (out.rfind("the ", 0) == 0) out = out.substr(4);
  return out;
}

struct Index {
  std::map<std::string, std::string, std::less<>> name_of;  // code -> canonical name
  std::map<std::string, std::string, std::less<>> by_form;  // folded form or code -> code
};

const Index& TheIndex() {
  static const Index kIndex = [] {
    Index ix;
    // Names first, then demonyms, so that a form that is both keeps its name role.
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& [form, entry] : text::AllSurfaceForms("en")) {
        const text::Entity* e = entry.entity;
        if (!e || e->kind == text::EntityKind::kCity || e->kind == text::EntityKind::kRegion) continue;
        if ((pass == 0) != (entry.role == text::Entry::Role::kName)) continue;
        ix.name_of.emplace(std::string(e->code), std::string(e->name));
        ix.by_form.emplace(Fold(form), std::string(e->code));
      }
    }
    for (const auto& [code, name] : ix.name_of) ix.by_form.emplace(Fold(code), code);
    return ix;
  }();
  return kIndex;
}

size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string Label(const std::string& code) {
  const std::string name = CountryName(code);
  return name.empty() ? code : name + " (" + code + ")";
}

// The nearest known names to `value`, as "Name (CODE)" or "Bloc (bloc)".
std::string Nearest(std::string_view value, const store::Blocs& blocs) {
  const std::string v = Fold(value);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& b : blocs.lines()) {
    if (b.hosts.empty()) scored.emplace_back(Distance(v, Fold(b.name)), b.name + " (bloc)");
  }
  for (const auto& [form, code] : TheIndex().by_form) {
    // A prefix typed counts as close: "azer" is near "azerbaijan".
    size_t d = Distance(v, form);
    if (form.size() > v.size() && form.compare(0, v.size(), v) == 0) d = std::min<size_t>(d, 1);
    scored.emplace_back(d, Label(code));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string out;
  std::set<std::string> seen;
  const size_t close = std::max<size_t>(2, v.size() / 3);
  for (const auto& [d, label] : scored) {
    if (seen.size() >= 3 || (!seen.empty() && d > close)) break;
    if (!seen.insert(label).second) continue;
    out += (out.empty() ? "" : ", ") + label;
  }
  return out;
}

}  // namespace

std::string CountryName(std::string_view code) {
  const auto& m = TheIndex().name_of;
  auto it = m.find(code);
  return it == m.end() ? std::string() : it->second;
}

Result<CountrySet> ResolveCountry(std::string_view value, std::string_view what, bool allow_set,
                                  const std::string& blocs_tsv) {
  std::optional<Result<store::Blocs>> custom;
  const store::Blocs* blocs = &store::Blocs::Default();
  if (!blocs_tsv.empty()) {
    custom.emplace(store::Blocs::Parse(blocs_tsv));
    if (!custom->ok()) return custom->status();
    blocs = &custom->value();
  }
  CountrySet out;
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= value.size()) {
    const size_t comma = std::min(value.find(',', start), value.size());
    std::string_view p = value.substr(start, comma - start);
    while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
    while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
    if (!p.empty()) parts.push_back(p);
    start = comma + 1;
  }
  const std::string w(what);
  if (parts.empty()) return Status::InvalidArgument(w + " is empty: give a country code or name, e.g. AZE or Azerbaijan");
  if (parts.size() > 1 && !allow_set) {
    return Status::InvalidArgument(w + " takes one country (got the list '" + std::string(value) + "')");
  }
  for (std::string_view p : parts) {
    const auto& ix = TheIndex().by_form;
    auto it = ix.find(Fold(p));
    if (it != ix.end()) {
      out.codes.push_back(it->second);
      out.label += (out.label.empty() ? "" : ", ") + Label(it->second);
      continue;
    }
    if (const store::BlocLine* b = blocs->Find(p)) {
      if (!allow_set) {
        return Status::InvalidArgument(w + " takes one country, and '" + std::string(p) +
                                       "' is a bloc (give one of its members, e.g. " +
                                       (b->members.empty() ? std::string("?") : Label(b->members[0])) + ")");
      }
      out.codes.insert(out.codes.end(), b->members.begin(), b->members.end());
      out.label += (out.label.empty() ? "" : ", ") + b->name + " (bloc)";
      out.is_bloc = true;
      continue;
    }
    return Status::InvalidArgument(w + " '" + std::string(p) +
                                   "' is no country, organisation or bloc attache knows; nearest: " +
                                   Nearest(p, *blocs));
  }
  if (parts.size() > 1) out.is_bloc = true;
  std::sort(out.codes.begin(), out.codes.end());
  out.codes.erase(std::unique(out.codes.begin(), out.codes.end()), out.codes.end());
  return out;
}

}  // namespace attache
