// Internal: the bloc definitions (data/blocs/default.tsv or a user's copy):
// which bloc a partner counts toward for a given host, and the members of a
// bloc by name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"

namespace attache::store {

struct BlocLine {
  std::string name;
  std::vector<std::string> members;
  std::string source;              // where the grouping comes from
  std::vector<std::string> hosts;  // empty: every host
};

class Blocs {
 public:
  // Parses the tab-separated bloc file (format in data/blocs/default.tsv).
  static Result<Blocs> Parse(const std::string& tsv);
  // The built-in file, parsed once.
  static const Blocs& Default();

  // The bloc `partner` counts toward when `host` is visited: a line for this
  // host first, then the first general line that lists it; "Other" else.
  // An empty host means "any host" (general lines only).
  std::string Of(std::string_view host, std::string_view partner) const;
  // The general line named `name` (case-insensitive), or nullptr.
  const BlocLine* Find(std::string_view name) const;
  const std::vector<BlocLine>& lines() const { return lines_; }

 private:
  std::vector<BlocLine> lines_;
};

}  // namespace attache::store
