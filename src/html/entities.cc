// Character references: named (HTML5 table), decimal and hexadecimal.
#include <algorithm>
#include <cstring>
#include <iterator>

#include "html/html.h"

namespace attache::html {

namespace {

struct Entity {
  const char* name;
  const char* value;
};

constexpr Entity kEntities[] = {
#include "html/entities_table.inc"
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const Entity* FindExact(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                             [](const Entity& e, std::string_view n) { return std::string_view(e.name) < n; });
  if (it != std::end(kEntities) && std::string_view(it->name) == name) return &*it;
  return nullptr;
}

void AppendCodePoint(uint32_t cp, std::string* out) {
  // Numeric references the standard remaps from windows-1252's C1 range.
  static const uint16_t kC1[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  if (cp >= 0x80 && cp <= 0x9F) cp = kC1[cp - 0x80];
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one reference starting at s[i] == '&'. Returns the number of bytes
// consumed (0 when it is not a reference).
size_t DecodeOne(std::string_view s, size_t i, bool in_attribute, std::string* out) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = false;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) {
      hex = true;
      ++j;
    }
    const size_t digits_start = j;
    uint32_t cp = 0;
    while (j < s.size()) {
      const char c = s[j];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;
      if (cp <= 0x10FFFF) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      ++j;
    }
    if (j == digits_start) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    AppendCodePoint(cp, out);
    return j - i;
  }
  // Named: the longest run of alphanumerics, at most 32 bytes.
  size_t k = j;
  while (k < s.size() && k - j < 32 && IsAlnum(s[k])) ++k;
  if (k == j) return 0;
  if (k < s.size() && s[k] == ';') {
    if (const Entity* e = FindExact(s.substr(j, k - j + 1))) {
      out->append(e->value);
      return k + 1 - i;
    }
  }
  // Legacy references without ';': the longest prefix that is one.
  for (size_t end = k; end > j; --end) {
    const Entity* e = FindExact(s.substr(j, end - j));
    if (!e) continue;
    // In attributes, "&amp=..." style prefixes followed by '=' or an
    // alphanumeric stay literal, as the standard says.
    if (in_attribute && end < s.size() && (s[end] == '=' || IsAlnum(s[end]))) return 0;
    out->append(e->value);
    return end - i;
  }
  return 0;
}

}  // namespace

void AppendDecoded(std::string_view s, bool in_attribute, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, amp - i));
    const size_t used = DecodeOne(s, amp, in_attribute, out);
    if (used == 0) {
      out->push_back('&');
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
}

}  // namespace attache::html
