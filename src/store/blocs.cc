#include "store/blocs.h"

#include <algorithm>
#include <sstream>

namespace attache {
extern const char* const kDefaultBlocsTsv;
}

namespace attache::store {

namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : std::string(s) + " ") {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  return out;
}

bool SameFolded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool Lists(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

Result<Blocs> Blocs::Parse(const std::string& tsv) {
  Blocs out;
  std::istringstream in(tsv);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cols.size() < 2 || cols[0].empty()) {
      return Status::InvalidArgument("blocs line " + std::to_string(n) +
                                     ": expected a bloc name, a tab, then member codes");
    }
    BlocLine b;
    b.name = cols[0];
    b.members = Words(cols[1]);
    if (cols.size() > 2) b.source = cols[2];
    if (cols.size() > 3) b.hosts = Words(cols[3]);
    out.lines_.push_back(std::move(b));
  }
  return out;
}

const Blocs& Blocs::Default() {
  static const Blocs kBlocs = [] {
    auto r = Parse(kDefaultBlocsTsv);
    return r.ok() ? std::move(r).value() : Blocs();
  }();
  return kBlocs;
}

std::string Blocs::Of(std::string_view host, std::string_view partner) const {
  if (!host.empty()) {
    for (const BlocLine& b : lines_) {
      if (!b.hosts.empty() && Lists(b.hosts, host) && Lists(b.members, partner)) return b.name;
    }
  }
  for (const BlocLine& b : lines_) {
    if (b.hosts.empty() && Lists(b.members, partner)) return b.name;
  }
  return "Other";
}

const BlocLine* Blocs::Find(std::string_view name) const {
  for (const BlocLine& b : lines_) {
    if (b.hosts.empty() && SameFolded(b.name, name)) return &b;
  }
  return nullptr;
}

}  // namespace attache::store
