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

using json::AppendField;

void AppendCodes(std::string* out, const EventCodes& c, const std::vector<std::size_t>& mentions) {
  out->append(",\"cameo\":");
  json::AppendString(out, c.cameo);
  out->append(",\"plover_type\":");
  json::AppendString(out, c.plover_type);
  out->append(",\"plover_mode\":");
  if (c.plover_mode.empty()) out->append("null"); else json::AppendString(out, c.plover_mode);
  out->append(",\"mentions\":");
  json::AppendArray(out, mentions, [](std::string* o, std::size_t m) { o->append(std::to_string(m)); });
}

void AppendQuote(std::string* out, const Quote& q) {
  out->append("{\"speaker\":");
  json::AppendString(out, q.speaker);
  AppendField(out, "speaker_role", q.speaker_role);
  AppendField(out, "channel", q.channel);
  out->append(q.direct ? ",\"direct\":true" : ",\"direct\":false");
  out->append(",\"text\":");
  json::AppendString(out, q.text);
  out->append(",\"begin\":" + std::to_string(q.begin) + ",\"end\":" + std::to_string(q.end));
  out->append(",\"cue\":");
  json::AppendString(out, q.cue);
  out->push_back('}');
}

void AppendVisit(std::string* out, const Visit& v) {
  out->append("{\"visitor\":");
  json::AppendString(out, v.visitor);
  AppendField(out, "visitor_role", v.visitor_role);
  AppendField(out, "visitor_country", v.visitor_country);
  out->append(",\"host_country\":");
  json::AppendString(out, v.host_country);
  AppendField(out, "place", v.place);
  AppendField(out, "date", v.date);
  out->append(",\"status\":");
  json::AppendString(out, v.status);
  AppendCodes(out, v.codes, v.mentions);
  out->push_back('}');
}

void AppendMeeting(std::string* out, const Meeting& m) {
  out->append("{\"participants\":");
  json::AppendArray(out, m.participants, json::AppendString);
  AppendField(out, "place", m.place);
  AppendField(out, "date", m.date);
  out->append(",\"status\":");
  json::AppendString(out, m.status);
  AppendCodes(out, m.codes, m.mentions);
  out->push_back('}');
}

}  // namespace

std::string AnalysisToJson(const Analysis& a) {
  std::string out = ArticleToJson(a.article);
  out.pop_back();  // the closing brace
  out.append(",\"quotes\":");
  json::AppendArray(&out, a.quotes, AppendQuote);
  out.append(",\"visits\":");
  json::AppendArray(&out, a.visits, AppendVisit);
  out.append(",\"meetings\":");
  json::AppendArray(&out, a.meetings, AppendMeeting);
  out.push_back('}');
  return out;
}

}  // namespace attache
