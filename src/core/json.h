// Internal: small JSON writing helpers shared by every stage that prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attache::json {

// Appends `s` as a JSON string literal (with quotes). Invalid UTF-8 bytes are
// replaced by U+FFFD so the output is always valid JSON.
void AppendString(std::string* out, std::string_view s);

// `s` as a JSON string literal.
std::string Quote(std::string_view s);

// Appends `,"name":` and then the value as a string literal, or null.
void AppendField(std::string* out, std::string_view name, const std::optional<std::string>& v);

// Appends `[a,b,...]`, writing each item with `each(out, item)`.
template <typename Items, typename Each>
void AppendArray(std::string* out, const Items& items, Each each) {
  out->push_back('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) out->push_back(',');
    first = false;
    each(out, item);
  }
  out->push_back(']');
}

}  // namespace attache::json
