// Internal: small JSON writing helpers shared by every stage that prints.
#pragma once

#include <string>
#include <string_view>

namespace attache::json {

// Appends `s` as a JSON string literal (with quotes). Invalid UTF-8 bytes are
// replaced by U+FFFD so the output is always valid JSON.
void AppendString(std::string* out, std::string_view s);

// A JSON string literal, or null when `s` is empty and `null_if_empty`.
std::string Quote(std::string_view s);

}  // namespace attache::json
