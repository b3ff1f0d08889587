// analyze stage: runs the text-level finders over an extracted article.
#include "attache/analyze.h"

#include "core/json.h"
#include "events/events.h"
#include "quotes/quotes.h"
#include "text/names.h"
#include "text/tables.h"

namespace attache {

Result<Analysis> Analyze(Article article) {
  Analysis a;
  // Text in a language the project has no tables for is not read with
  // another language's rules; text of unknown language is read as English.
  const text::LanguageTables* tables = text::FindTables(article.lang ? *article.lang : "en");
  if (tables) {
    // Sentences, tokens and people are read once for both finders.
    const text::TextLayer layer = text::BuildTextLayer(article.text, *tables);
    a.quotes = quotes::FindQuotes(article.text, *tables, layer);
    events::Events ev =
        events::FindEvents(article.text, article.published ? *article.published : "", *tables, layer);
    a.visits = std::move(ev.visits);
    a.meetings = std::move(ev.meetings);
  }
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

void AppendCodes(std::string* out, const EventCodes& c, const std::vector<std::size_t>& mentions) {
  out->append(",\"cameo\":");
  json::AppendString(out, c.cameo);
  out->append(",\"plover_type\":");
  json::AppendString(out, c.plover_type);
  out->append(",\"plover_mode\":");
  if (c.plover_mode.empty()) out->append("null"); else json::AppendString(out, c.plover_mode);
  out->append(",\"mentions\":[");
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (i) out->push_back(',');
    out->append(std::to_string(mentions[i]));
  }
  out->push_back(']');
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
  out.append("],\"visits\":[");
  for (size_t i = 0; i < a.visits.size(); ++i) {
    const Visit& v = a.visits[i];
    if (i) out.push_back(',');
    out.append("{\"visitor\":");
    json::AppendString(&out, v.visitor);
    OptionalField(&out, "visitor_role", v.visitor_role);
    OptionalField(&out, "visitor_country", v.visitor_country);
    out.append(",\"host_country\":");
    json::AppendString(&out, v.host_country);
    OptionalField(&out, "place", v.place);
    OptionalField(&out, "date", v.date);
    out.append(",\"status\":");
    json::AppendString(&out, v.status);
    AppendCodes(&out, v.codes, v.mentions);
    out.push_back('}');
  }
  out.append("],\"meetings\":[");
  for (size_t i = 0; i < a.meetings.size(); ++i) {
    const Meeting& m = a.meetings[i];
    if (i) out.push_back(',');
    out.append("{\"participants\":[");
    for (size_t k = 0; k < m.participants.size(); ++k) {
      if (k) out.push_back(',');
      json::AppendString(&out, m.participants[k]);
    }
    out.push_back(']');
    OptionalField(&out, "place", m.place);
    OptionalField(&out, "date", m.date);
    out.append(",\"status\":");
    json::AppendString(&out, m.status);
    AppendCodes(&out, m.codes, m.mentions);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace attache
