// attache_officeholders_index: writes the office-holder index
// (text/officeholders_index.h) as C++ constant arrays, at build time:
//
//   attache_officeholders_index OUT.inc
//
// CMake runs it whenever the table or the code that folds and keys names
// changes; src/text/officeholders.cc includes the result.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "text/officeholders_index.h"

namespace {

using namespace attache::text::officeholders;

void Put(std::string* out, uint32_t v) { *out += std::to_string(v); }
void Put(std::string* out, Str s) { *out += "{" + std::to_string(s.at) + "," + std::to_string(s.size) + "}"; }
void Put(std::string* out, Range r) { *out += "{" + std::to_string(r.begin) + "," + std::to_string(r.end) + "}"; }
void Put(std::string* out, const Keyed& k) {
  *out += "{";
  Put(out, k.key);
  *out += "," + std::to_string(k.value) + "}";
}
void Put(std::string* out, const KeyedRange& k) {
  *out += "{";
  Put(out, k.key);
  *out += ",";
  Put(out, k.range);
  *out += "}";
}
void Put(std::string* out, const Alias& a) {
  *out += "{";
  Put(out, a.from);
  *out += ",";
  Put(out, a.to);
  *out += "}";
}
void Put(std::string* out, const Phonetic& p) {
  *out += "{" + std::to_string(p.person) + ",";
  Put(out, p.given);
  *out += "}";
}

// `constexpr T kIndexName[] = {...}; constexpr size_t kIndexNameSize = n;`
// (one element more than n, so that no array is empty).
template <class T>
void Array(std::string* out, const char* type, const char* name, const std::vector<T>& v) {
  *out += "constexpr " + std::string(type) + " kIndex" + name + "[] = {\n";
  std::size_t line = 0;
  for (const T& e : v) {
    const std::size_t before = out->size();
    Put(out, e);
    *out += ",";
    line += out->size() - before;
    if (line > 100) *out += "\n", line = 0;
  }
  *out += std::string(type) + "{}};\n";
  *out += "constexpr std::size_t kIndex" + std::string(name) + "Size = " + std::to_string(v.size()) + ";\n";
}

void Text(std::string* out, std::string_view text) {
  *out += "constexpr char kIndexText[] =\n\"";
  std::size_t line = 0;
  for (unsigned char c : text) {
    char buf[8];
    if (c == '"' || c == '\\') {
      std::snprintf(buf, sizeof buf, "\\%c", c);
    } else if (c >= 0x20 && c < 0x7f) {
      std::snprintf(buf, sizeof buf, "%c", c);
    } else {
      std::snprintf(buf, sizeof buf, "\\%03o", c);  // octal: at most three digits, never runs on
    }
    *out += buf;
    if (++line >= 100) *out += "\"\n\"", line = 0;
  }
  *out += "\";\n";
  *out += "constexpr std::size_t kIndexTextSize = " + std::to_string(text.size()) + ";\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: attache_officeholders_index OUT.inc\n");
    return 2;
  }
  const BuiltIndex x = BuildIndex();
  std::string out =
      "// Generated at build time by attache_officeholders_index (src/text/officeholders_gen/main.cc)\n"
      "// from src/text/officeholders_table.inc; do not edit. See src/text/officeholders_index.h.\n";
  Text(&out, x.text);
  Array(&out, "uint32_t", "PersonOfRow", x.person_of_row);
  Array(&out, "uint32_t", "KeyOfRow", x.key_of_row);
  Array(&out, "Range", "KeyWords", x.key_words);
  Array(&out, "Str", "Words", x.words);
  Array(&out, "Str", "Spelling", x.spelling);
  Array(&out, "Range", "RowsOf", x.rows_of);
  Array(&out, "Keyed", "Person", x.person);
  Array(&out, "Alias", "Alias", x.alias);
  Array(&out, "KeyedRange", "LastWord", x.last_word);
  Array(&out, "KeyedRange", "FirstWord", x.first_word);
  Array(&out, "KeyedRange", "Holders", x.holders);
  Array(&out, "uint32_t", "Lists", x.lists);
  Array(&out, "KeyedRange", "Surnames", x.surnames);
  Array(&out, "Phonetic", "Phonetic", x.phonetic);
  std::FILE* f = std::fopen(argv[1], "wb");
  if (f == nullptr || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "attache_officeholders_index: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
