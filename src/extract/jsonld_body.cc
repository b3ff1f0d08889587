#include "extract/jsonld_body.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace attache::extract {

namespace {

// Bracket depth of a JSON text, counted outside strings; nlohmann's parser
// recurses, so deep input is refused before it is parsed.
bool ShallowEnough(std::string_view s, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

// Body text: collapse runs of spaces, keep line breaks as paragraph breaks.
std::string Tidy(const std::string& raw) {
  std::string out;
  bool space = false, newline = false;
  for (char c : raw) {
    if (c == '\n' || c == '\r') {
      newline = !out.empty();
      space = false;
      continue;
    }
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (newline) out.append("\n\n");
    else if (space) out.push_back(' ');
    newline = space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string JsonLdArticleBody(const html::Document& doc) {
  std::string best;
  for (uint32_t i = 0; i != html::kNone; i = doc.Next(i)) {
    const html::Node& n = doc.node(i);
    if (n.tag != html::Tag::kScript || doc.attr(n, "type") != "application/ld+json") continue;
    const std::string text = doc.InnerText(i, 4u << 20);
    if (text.size() >= (4u << 20) || !ShallowEnough(text, 64)) continue;
    const nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) continue;
    // Iterative walk over every object and array.
    std::vector<const nlohmann::json*> stack{&root};
    while (!stack.empty()) {
      const nlohmann::json* j = stack.back();
      stack.pop_back();
      if (j->is_object()) {
        auto it = j->find("articleBody");
        if (it != j->end() && it->is_string() && it->get_ref<const std::string&>().size() > best.size())
          best = it->get<std::string>();
        for (const auto& [key, value] : j->items())
          if (value.is_structured()) stack.push_back(&value);
      } else if (j->is_array()) {
        for (const auto& value : *j)
          if (value.is_structured()) stack.push_back(&value);
      }
    }
  }
  return Tidy(best);
}

}  // namespace attache::extract
