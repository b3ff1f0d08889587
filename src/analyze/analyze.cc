// analyze stage: runs the text-level finders over an extracted article.
#include "attache/analyze.h"

#include "core/json.h"
#include "quotes/quotes.h"
#include "text/tables.h"

namespace attache {

Result<Analysis> Analyze(Article article) {
  Analysis a;
  // Text in a language the project has no tables for is not read with
  // another language's rules; text of unknown language is read as English.
  const text::LanguageTables* tables = text::FindTables(article.lang ? *article.lang : "en");
  if (tables) a.quotes = quotes::FindQuotes(article.text, *tables);
  a.article = std::move(article);
  return a;
}

namespace {

void OptionalField(std::string* out, const char* name, const std::optional<std::string>& v) {
  out->append(",\"");
  out->append(name);
  out->append("\":");
  if (v) json::AppendString(out, *v); else out->append("null");
}

}  // namespace

std::string AnalysisToJson(const Analysis& a) {
  std::string out = ArticleToJson(a.article);
  out.pop_back();  // the closing brace
  out.append(",\"quotes\":[");
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    if (i) out.push_back(',');
    out.append("{\"speaker\":");
    json::AppendString(&out, q.speaker);
    OptionalField(&out, "speaker_role", q.speaker_role);
    OptionalField(&out, "channel", q.channel);
    out.append(q.direct ? ",\"direct\":true" : ",\"direct\":false");
    out.append(",\"text\":");
    json::AppendString(&out, q.text);
    out.append(",\"begin\":" + std::to_string(q.begin) + ",\"end\":" + std::to_string(q.end));
    out.append(",\"cue\":");
    json::AppendString(&out, q.cue);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace attache
