// The store commands' shared pieces: options (--name VALUE, flags,
// positional words), lists, numbers, opening the store. Public headers only.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "attache/store.h"
#include "cli_common.h"

namespace attache_cli {

// Options of the form --name VALUE, flags (--name), and positional words.
struct Args {
  std::map<std::string, std::string> values;
  std::set<std::string> flags;
  std::vector<std::string> positional;
};

// Parses `args` against the options a command knows: `with_value` take a
// value, `bare` do not. Returns false (after printing why) on a mistake.
inline bool ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value,
               const std::set<std::string>& bare, Args* out, int* exit_code) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {  // main() answers these first (PrintCommandHelp)
      *exit_code = 0;
      return false;
    }
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      std::string name = a, value;
      const size_t eq = a.find('=');
      bool has_inline = false;
      if (eq != std::string::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
        has_inline = true;
      }
      if (with_value.count(name)) {
        if (!has_inline) {
          if (i + 1 >= args.size()) {
            *exit_code = UsageError(name + " needs a value");
            return false;
          }
          value = args[++i];
        }
        out->values[name] = value;
      } else if (bare.count(name) && !has_inline) {
        out->flags.insert(name);
      } else {
        *exit_code = UsageError("unknown option '" + a + "'");
        return false;
      }
    } else {
      out->positional.push_back(a);
    }
  }
  return true;
}

inline std::string Get(const Args& a, const std::string& name, const std::string& def = "") {
  auto it = a.values.find(name);
  return it == a.values.end() ? def : it->second;
}

inline std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',' || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  return out;
}

inline bool ParseInt(const std::string& s, int lo, int hi, int* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (*end || v < lo || v > hi) return false;
  *out = static_cast<int>(v);
  return true;
}

inline std::unique_ptr<attache::Store> OpenStore(const Args& a, bool read_only, int* exit_code) {
  const std::string db = Get(a, "--db");
  if (db.empty()) {
    *exit_code = UsageError("--db FILE is required (the store)");
    return nullptr;
  }
  attache::StoreOptions opt;
  opt.read_only = read_only;
  auto r = attache::Store::Open(db, opt);
  if (!r.ok()) {
    std::fprintf(stderr, "attache: %s\n", r.status().message().c_str());
    *exit_code = 1;
    return nullptr;
  }
  return std::move(r).value();
}

}  // namespace attache_cli
