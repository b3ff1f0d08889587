#include "core/json.h"

#include <cstdint>

namespace attache::json {

namespace {
// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
size_t Utf8Len(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}
}  // namespace

void AppendString(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  // Runs of bytes that need no escaping (printable ASCII other than the quote
  // and the backslash, and well-formed UTF-8) are appended whole.
  size_t run = 0;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t n = Utf8Len(s, i);
      // U+2028, U+2029 and NEL are valid in JSON but end lines for many
      // readers of JSON lines: they are escaped.
      const bool line_separator =
          (n == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) ||
          (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0x85);
      if (n != 0 && !line_separator) {
        i += n;
        continue;
      }
      if (line_separator) {
        out->append(s.data() + run, i - run);
        out->append(n == 2 ? "\\u0085" : (static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029"));
        run = i += n;
        continue;
      }
    }
    out->append(s.data() + run, i - run);
    if (c >= 0x80) {
      out->append("\xEF\xBF\xBD");
    } else {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
      }
    }
    run = ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

std::string Quote(std::string_view s) {
  std::string out;
  AppendString(&out, s);
  return out;
}

void AppendField(std::string* out, std::string_view name, const std::optional<std::string>& v) {
  out->append(",\"");
  out->append(name);
  out->append("\":");
  if (v) AppendString(out, *v); else out->append("null");
}

}  // namespace attache::json
