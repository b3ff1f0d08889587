#include "extract/jsonld_body.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
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

// Calls `visit` on every JSON object of the page's JSON-LD blocks, walking
// iteratively.
template <typename Visit>
void ForEachJsonLdObject(const html::Document& doc, Visit visit) {
  for (uint32_t i = 0; i != html::kNone; i = doc.Next(i)) {
    const html::Node& n = doc.node(i);
    if (n.tag != html::Tag::kScript || doc.attr(n, "type") != "application/ld+json") continue;
    const std::string text = doc.InnerText(i, 4u << 20);
    if (text.size() >= (4u << 20) || !ShallowEnough(text, 64)) continue;
    const nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) continue;
    std::vector<const nlohmann::json*> stack{&root};
    while (!stack.empty()) {
      const nlohmann::json* j = stack.back();
      stack.pop_back();
      if (j->is_object()) {
        visit(*j);
        for (const auto& [key, value] : j->items())
          if (value.is_structured()) stack.push_back(&value);
      } else if (j->is_array()) {
        for (const auto& value : *j)
          if (value.is_structured()) stack.push_back(&value);
      }
    }
  }
}

bool HasType(const nlohmann::json& j, std::string_view type) {
  auto it = j.find("@type");
  if (it == j.end()) return false;
  if (it->is_string()) return it->get_ref<const std::string&>() == type;
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string() && t.get_ref<const std::string&>() == type) return true;
  return false;
}

// A piece of declared text as markup: kept when it is markup, else one
// paragraph per line.
void AppendAsMarkup(const std::string& text, std::string* out) {
  if (text.find('<') != std::string::npos) {
    out->append(text);
    return;
  }
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    out->append("<p>").append(text, start, end - start).append("</p>");
    start = end + 1;
  }
}

}  // namespace

std::string JsonLdArticleBody(const html::Document& doc) {
  std::string best;
  ForEachJsonLdObject(doc, [&](const nlohmann::json& j) {
    auto it = j.find("articleBody");
    if (it != j.end() && it->is_string() && it->get_ref<const std::string&>().size() > best.size())
      best = it->get<std::string>();
  });
  return Tidy(best);
}

std::string JsonLdHowToMarkup(const html::Document& doc) {
  std::string best;
  ForEachJsonLdObject(doc, [&](const nlohmann::json& j) {
    if (!HasType(j, "HowTo")) return;
    std::string markup;
    auto description = j.find("description");
    if (description != j.end() && description->is_string()) AppendAsMarkup(description->get<std::string>(), &markup);
    // Steps, directly or grouped in sections (itemListElement), in order.
    auto steps = j.find("step");
    if (steps != j.end() && steps->is_array()) {
      for (const auto& step : *steps) {
        std::vector<const nlohmann::json*> items{&step};
        auto inner = step.is_object() ? step.find("itemListElement") : step.end();
        if (step.is_object() && inner != step.end()) {
          items.clear();
          if (inner->is_array())
            for (const auto& x : *inner) items.push_back(&x);
          else
            items.push_back(&*inner);
        }
        for (const nlohmann::json* item : items) {
          if (!item->is_object()) continue;
          auto text = item->find("text");
          if (text != item->end() && text->is_string()) AppendAsMarkup(text->get<std::string>(), &markup);
        }
      }
    }
    if (markup.size() > best.size()) best = std::move(markup);
  });
  return best;
}

}  // namespace attache::extract
