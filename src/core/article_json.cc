#include "attache/document.h"
#include "core/json.h"

namespace attache {

namespace {
void Field(std::string* out, const char* name, const std::optional<std::string>& v) {
  out->append(",\"");
  out->append(name);
  out->append("\":");
  if (v) json::AppendString(out, *v); else out->append("null");
}
}  // namespace

std::string ArticleToJson(const Article& a) {
  std::string out = "{\"source\":";
  json::AppendString(&out, a.source);
  Field(&out, "url", a.url);
  Field(&out, "title", a.title);
  Field(&out, "subtitle", a.subtitle);
  Field(&out, "published", a.published);
  Field(&out, "outlet", a.outlet);
  out.append(",\"authors\":[");
  for (size_t i = 0; i < a.authors.size(); ++i) {
    if (i) out.push_back(',');
    json::AppendString(&out, a.authors[i]);
  }
  out.push_back(']');
  Field(&out, "section", a.section);
  Field(&out, "lang", a.lang);
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
