// analyze stage: runs the text-level finders over an extracted article.
#include "attache/analyze.h"

#include "core/json.h"
#include "events/events.h"
#include "quotes/quotes.h"
#include "syntax/syntax.h"
#include "text/names.h"
#include "text/tables.h"

namespace attache {

namespace {

// The year and month ("2024-11") or the year ("2022") an address files a
// page under ("/2024/11/slug", "/2022/slug"), for pages that state no day.
std::string UrlPeriod(std::string_view url) {
  size_t i = url.find("://");
  i = i == std::string_view::npos ? 0 : i + 3;
  url = url.substr(0, url.find_first_of("?#", i));
  const auto digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return !s.empty();
  };
  i = url.find('/', i);
  while (i != std::string_view::npos && i < url.size()) {
    const size_t j = url.find('/', i + 1);
    const std::string_view seg = url.substr(i + 1, j == std::string_view::npos ? std::string_view::npos : j - i - 1);
    if (seg.size() == 4 && digits(seg) && seg >= "1990" && seg <= "2100") {
      if (j != std::string_view::npos) {
        const size_t k = url.find('/', j + 1);
        const std::string_view m = url.substr(j + 1, k == std::string_view::npos ? std::string_view::npos : k - j - 1);
        if (k != std::string_view::npos && m.size() == 2 && digits(m) && m >= "01" && m <= "12")
          return std::string(seg) + "-" + std::string(m);
      }
      return std::string(seg);
    }
    i = j;
  }
  return "";
}

}  // namespace

Result<Analysis> Analyze(Article article) {
  Analysis a;
  // Text in a language the project has no tables for is not read with
  // another language's rules; text of unknown language is read as English.
  const text::LanguageTables* tables = text::FindTables(article.lang ? *article.lang : "en");
  if (tables) {
    // Sentences, tokens and people are read once for both finders.
    const text::TextLayer layer = text::BuildTextLayer(article.text, *tables);
    // Trees are parsed only for the sentences a finder asks for.
    const syntax::DocumentSyntax syn(article.text, layer, tables->lang);
    a.quotes = quotes::FindQuotes(article.text, *tables, layer, &syn, article.outlet ? *article.outlet : "");
    // Dates are resolved against the publication date, else the month or
    // year the address gives.
    const std::string anchor = article.published ? *article.published : article.url ? UrlPeriod(*article.url) : "";
    events::Events ev = events::FindEvents(article.text, anchor, *tables, layer, &syn);
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
  out->append(",\"speaker_canonical\":");
  json::AppendString(out, q.speaker_canonical.empty() ? q.speaker : q.speaker_canonical);
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
  out->append(",\"visitor_canonical\":");
  json::AppendString(out, v.visitor_canonical.empty() ? v.visitor : v.visitor_canonical);
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
  out->append(",\"participants_canonical\":");
  json::AppendArray(out, m.participants_canonical.size() == m.participants.size() ? m.participants_canonical
                                                                                   : m.participants,
                    json::AppendString);
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
