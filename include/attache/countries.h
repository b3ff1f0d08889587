// attache/countries.h: country, organisation and bloc names as people type
// them. Every question that takes a country accepts an ISO 3166-1 alpha-3
// code in any case ("AZE", "aze"), an English name ("Azerbaijan", "the
// United Kingdom"), a demonym ("Azerbaijani"), an organisation's code or name
// ("NATO", "the European Union"), and, where a set of countries fits, a bloc
// name from the blocs file ("West", "South Caucasus") or a comma-separated
// list of any of these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"

namespace attache {

// The English name of a country, organisation or bloc code ("AZE" ->
// "Azerbaijan", "EU" -> "European Union"); "" for a code attache does not know.
std::string CountryName(std::string_view code);

struct CountrySet {
  std::vector<std::string> codes;  // the codes the value stands for
  std::string label;               // "Azerbaijan (AZE)", "West (bloc: 52 members)"
  bool is_bloc = false;            // a bloc name or a list: several codes
};

// Resolves what a user typed. `what` names the option in the error ("host",
// "visitor country"). With `allow_set` false a bloc name or a list is refused
// (one country is needed). `blocs_tsv` is the bloc file (empty: the built-in
// one). An unknown value is kInvalidArgument: "host 'Azerbajan' is no
// country, organisation or bloc attache knows; nearest: Azerbaijan (AZE), ...".
Result<CountrySet> ResolveCountry(std::string_view value, std::string_view what, bool allow_set,
                                  const std::string& blocs_tsv = "");

}  // namespace attache
