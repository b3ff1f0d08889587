#include "attache/document.h"
#include "core/json.h"

namespace attache {

std::string ArticleToJson(const Article& a) {
  std::string out = "{\"source\":";
  json::AppendString(&out, a.source);
  json::AppendField(&out, "url", a.url);
  json::AppendField(&out, "title", a.title);
  json::AppendField(&out, "subtitle", a.subtitle);
  json::AppendField(&out, "published", a.published);
  json::AppendField(&out, "outlet", a.outlet);
  out.append(",\"authors\":");
  json::AppendArray(&out, a.authors, json::AppendString);
  json::AppendField(&out, "section", a.section);
  json::AppendField(&out, "lang", a.lang);
  if (a.views) out.append(",\"views\":" + std::to_string(*a.views));
  out.append(",\"text\":");
  json::AppendString(&out, a.text);
  // JSONL extras: an object text "{...}"; its members are appended as they are.
  if (a.extra_json.size() > 2 && a.extra_json.front() == '{' && a.extra_json.back() == '}') {
    std::string_view inner(a.extra_json);
    inner = inner.substr(1, inner.size() - 2);
    if (inner.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      out.push_back(',');
      out.append(inner);
    }
  }
  out.push_back('}');
  return out;
}

}  // namespace attache
