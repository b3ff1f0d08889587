// The commands' shared pieces: options (--name VALUE, flags, lists,
// positional words), comma lists, numbers, opening the store. Public headers
// only.
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

// Options of the form --name VALUE, flags (--name), lists (--name WORD...),
// and positional words.
struct Args {
  std::map<std::string, std::string> values;
  std::set<std::string> flags;
  std::map<std::string, std::vector<std::string>> lists;
  std::vector<std::string> positional;
};

// What a command may add to the common options (all optional):
// - `lists`: options that take every word after them up to the next option
//   (attache train --train A.conllu B.conllu --dev C.conllu);
// - `aliases`: short spellings ("-q" for "--quiet");
// - `needs`: the message for an option given without its value, instead of
//   "--name needs a value";
// - `command`: named in "unknown option '-x' for CMD"; when set, every word
//   that starts with '-' (except "-", standard input) is an option.
struct ArgRules {
  std::set<std::string> lists;
  std::map<std::string, std::string> aliases;
  std::map<std::string, std::string> needs;
  std::string command;
};

// Parses `args` against the options a command knows: `with_value` take a
// value, `bare` do not, and `rules` adds lists, short spellings and the
// command's own wording. Returns false (after printing why) on a mistake.
inline bool ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value,
               const std::set<std::string>& bare, Args* out, int* exit_code, const ArgRules& rules = {}) {
  std::vector<std::string>* list = nullptr;  // the list option the words now go to
  for (size_t i = 0; i < args.size(); ++i) {
    const auto alias = rules.aliases.find(args[i]);
    const std::string& a = alias == rules.aliases.end() ? args[i] : alias->second;
    if (a == "--help" || a == "-h") {  // main() answers these first (PrintCommandHelp)
      *exit_code = 0;
      return false;
    }
    const bool option = (a.size() > 2 && a.compare(0, 2, "--") == 0) ||
                        (!rules.command.empty() && a.size() > 1 && a[0] == '-');
    if (option) {
      list = nullptr;
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
            const auto need = rules.needs.find(name);
            *exit_code = UsageError(need == rules.needs.end() ? name + " needs a value" : need->second);
            return false;
          }
          value = args[++i];
        }
        out->values[name] = value;
      } else if (bare.count(name) && !has_inline) {
        out->flags.insert(name);
      } else if (rules.lists.count(name) && !has_inline) {
        list = &out->lists[name];
      } else {
        *exit_code = UsageError("unknown option '" + a + "'" + (rules.command.empty() ? "" : " for " + rules.command));
        return false;
      }
    } else if (list) {
      list->push_back(a);
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
