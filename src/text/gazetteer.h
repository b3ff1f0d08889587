// Gazetteer: countries, cities, regions, demonyms, blocs and international
// organisations, looked up by the surface form they take in news text.
//
// The table is data (data/gazetteer/, compiled by scripts/gen_gazetteer.py into
// gazetteer_table.inc); each language has its own forms, English ("en") is the
// default. Lookups are case-sensitive on the form as written ("Baku", "US",
// "the UK"); a leading "the "/"The " is optional. Everything returned points
// into static tables that live for the whole program. Thread-safe: the index
// is built once, on first use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attache::text {

enum class EntityKind : uint8_t { kCountry, kCity, kRegion, kBloc, kOrg };

// One named thing. For countries, cities and regions `code` is the ISO 3166-1
// alpha-3 code of the country (Baku: "AZE"); for blocs and organisations it is
// the project's own code ("EU", "NATO", "UN"). `name` is the canonical name
// ("Russia", "Kyiv", "European Union").
struct Entity {
  EntityKind kind;
  std::string_view code;
  std::string_view name;
};
using Place = Entity;    // kind is kCountry, kCity or kRegion
using Country = Entity;  // a demonym's referent: kCountry, or kBloc ("European" -> EU)
using Org = Entity;      // kind is kBloc or kOrg

// What a surface form stands for: a name of `entity`, or an adjective
// (demonym) of it.
struct Entry {
  enum class Role : uint8_t { kName, kDemonym };
  Role role = Role::kName;
  const Entity* entity = nullptr;
};

const char* EntityKindName(EntityKind kind);  // "country", "city", ...

// "Azerbaijan", "the Republic of Azerbaijan", "Türkiye", "U.S.", "Baku".
// nullptr when `name` is no place (or is an organisation).
const Place* LookupPlace(std::string_view name, std::string_view lang = "en");
// A name printed in capitals, as names are written: "ADDIS ABABA" is
// looked up as "Addis Ababa" (a dateline's place).
const Place* LookupPlaceInCapitals(std::string_view name, std::string_view lang = "en");
// "Russian" -> RUS, "Azeri" -> AZE, "European" -> the EU bloc.
const Country* LookupDemonym(std::string_view adjective, std::string_view lang = "en");
// "the European Commission" -> EU, "UN Security Council" -> UN.
const Org* LookupOrg(std::string_view name, std::string_view lang = "en");

// Folds what typing and fonts vary: Latin letters with diacritics to their base
// letter ("Türkiye" -> "Turkiye", "Chișinău" -> "Chisinau") and typographic
// apostrophes to '. Lookups try this form when the exact one is not found.
std::string NormalizeName(std::string_view name);

// Every surface form of `lang` with what it stands for (a form with both a name
// and a demonym role appears twice). Sorted by form, bytewise.
const std::vector<std::pair<std::string_view, Entry>>& AllSurfaceForms(std::string_view lang = "en");

// Longest surface form (with an optional leading "the "/"The ") that starts at
// byte `pos` of `text` on a word boundary and ends on one. Returns its length
// in bytes and fills *out (names win over demonyms of the same length), or 0
// when none matches. Whitespace inside a form matches one space, tab or newline.
size_t MatchAt(std::string_view text, size_t pos, Entry* out, std::string_view lang = "en");

}  // namespace attache::text

