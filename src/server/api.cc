// The API's requests and answers: parameter checking and the store calls.
#include "api.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "attache/countries.h"

namespace attache_server {

namespace {

// A JSON string for any bytes (invalid UTF-8 becomes U+FFFD).
std::string Quote(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ParsedRequest Fail(int status, std::string param, std::string message) {
  ParsedRequest p;
  p.error = {status, std::move(param), std::move(message)};
  return p;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A whole number in [lo, hi], digits only (no sign, no spaces).
bool ParseInt64(std::string_view s, int64_t lo, int64_t hi, int64_t* out) {
  if (!AllDigits(s) || s.size() > 18) return false;
  int64_t v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

// The parameters one endpoint takes, checked one by one.
class ParamReader {
 public:
  explicit ParamReader(const Params& params) : params_(params) {}

  // Every parameter is known to the endpoint, given once, short and clean.
  bool CheckAll(const std::set<std::string>& known, ParsedRequest* fail) const {
    if (params_.size() > kMaxParams) {
      *fail = Fail(400, "", "too many parameters (at most " + std::to_string(kMaxParams) + ")");
      return false;
    }
    for (auto it = params_.begin(); it != params_.end(); ++it) {
      const std::string& name = it->first;
      if (!known.count(name)) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        *fail = Fail(400, name,
                     "unknown parameter '" + name + "'" + (list.empty() ? " (this endpoint takes none)"
                                                                       : " (this endpoint takes: " + list + ")"));
        return false;
      }
      if (params_.count(name) > 1) {
        *fail = Fail(400, name, name + " is given more than once");
        return false;
      }
      const std::string& v = it->second;
      if (v.size() > kMaxValueBytes) {
        *fail = Fail(400, name, name + " is too long (at most " + std::to_string(kMaxValueBytes) + " bytes)");
        return false;
      }
      if (!ValidUtf8(v)) {
        *fail = Fail(400, name, name + " is not valid UTF-8");
        return false;
      }
      for (unsigned char c : v) {
        if (c < 0x20 || c == 0x7f) {
          *fail = Fail(400, name, name + " holds a control character");
          return false;
        }
      }
    }
    return true;
  }

  // The value, or "" when absent (an empty value counts as absent).
  std::string Get(const std::string& name) const {
    auto it = params_.find(name);
    return it == params_.end() ? std::string() : it->second;
  }

 private:
  const Params& params_;
};

// A country as typed: a code, a name, a demonym, a bloc name or a list
// (the store resolves it, attache/countries.h); only its characters are
// checked here.
bool ReadCode(const ParamReader& r, const std::string& name, std::string* out, ParsedRequest* fail) {
  std::string v = r.Get(name);
  if (v.empty()) return true;
  if (v.size() > 200 || !std::all_of(v.begin(), v.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::isalpha(u) || u >= 0x80 || c == ' ' || c == '-' || c == '.' || c == ',' || c == '\'' ||
               c == '_';
      })) {
    *fail = Fail(400, name, name + " must be a country, organisation or bloc: a code or a name, e.g. AZE or "
                                   "Azerbaijan (got '" + v + "')");
    return false;
  }
  *out = v;
  return true;
}

bool ReadDates(const ParamReader& r, std::string* from, std::string* to, ParsedRequest* fail) {
  *from = r.Get("from");
  *to = r.Get("to");
  if (attache::Status st = attache::CheckDateRange(*from, *to); !st.ok()) {
    *fail = Fail(400, st.message().rfind("from", 0) == 0 ? "from" : "to", st.message());
    return false;
  }
  return true;
}

bool ReadStatus(const ParamReader& r, std::vector<std::string>* out, ParsedRequest* fail) {
  const std::string v = r.Get("status");
  if (v.empty()) return true;
  std::vector<std::string> list;
  size_t start = 0;
  while (start <= v.size()) {
    const size_t comma = std::min(v.find(',', start), v.size());
    const std::string s = v.substr(start, comma - start);
    if (s != "planned" && s != "ongoing" && s != "past") {
      *fail = Fail(400, "status", "status must be planned, ongoing or past, or a comma-separated list of them (got '" +
                                      s + "')");
      return false;
    }
    if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
    start = comma + 1;
  }
  *out = list;
  return true;
}

bool ReadPage(const ParamReader& r, attache::QueryFilter* f, ParsedRequest* fail) {
  int64_t v = 0;
  if (const std::string s = r.Get("limit"); !s.empty()) {
    if (!ParseInt64(s, 1, kMaxRows, &v)) {
      *fail = Fail(400, "limit", "limit must be a whole number from 1 to " + std::to_string(kMaxRows));
      return false;
    }
    f->limit = static_cast<int>(v);
  }
  if (const std::string s = r.Get("offset"); !s.empty()) {
    if (!ParseInt64(s, 0, kMaxOffset, &v)) {
      *fail = Fail(400, "offset", "offset must be a whole number from 0 to " + std::to_string(kMaxOffset));
      return false;
    }
    f->offset = static_cast<int>(v);
  }
  return true;
}

bool ReadBool(const ParamReader& r, const std::string& name, bool* out, ParsedRequest* fail) {
  const std::string v = r.Get(name);
  if (v.empty()) return true;
  if (v == "1" || v == "true") {
    *out = true;
  } else if (v == "0" || v == "false") {
    *out = false;
  } else {
    *fail = Fail(400, name, name + " must be 1 or 0");
    return false;
  }
  return true;
}

bool ReadIds(const ParamReader& r, std::vector<int64_t>* out, ParsedRequest* fail) {
  const std::string v = r.Get("ids");
  if (v.empty()) return true;
  size_t start = 0;
  while (start <= v.size()) {
    const size_t comma = std::min(v.find(',', start), v.size());
    int64_t id = 0;
    if (!ParseInt64(std::string_view(v).substr(start, comma - start), 1, (int64_t{1} << 53) - 1, &id)) {
      *fail = Fail(400, "ids", "ids must be visit ids (whole numbers) separated by commas");
      return false;
    }
    out->push_back(id);
    start = comma + 1;
  }
  if (out->size() > static_cast<size_t>(kMaxRows)) {
    *fail = Fail(400, "ids", "at most " + std::to_string(kMaxRows) + " ids at once");
    return false;
  }
  return true;
}

// "/api/articles/12" -> {"articles", "12"}; empty segments are kept, so a
// trailing or doubled slash does not match any endpoint.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = std::min(path.find('/', start), path.size());
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

std::string ApiErrorJson(const ApiError& e) {
  return "{\"error\":" + Quote(e.message) + ",\"param\":" + (e.param.empty() ? std::string("null") : Quote(e.param)) +
         ",\"status\":" + std::to_string(e.http_status) + "}";
}

ParsedRequest ParseApiRequest(std::string_view path, const Params& params) {
  ParsedRequest fail;
  if (path.size() > 512) return Fail(414, "", "the path is too long");
  if (path.substr(0, 5) != "/api/") return Fail(404, "", "not an API path (they start with /api/)");
  const std::vector<std::string_view> seg = Segments(path.substr(5));
  ParamReader r(params);
  ApiRequest q;
  auto id_at = [&](size_t i, ParsedRequest* f) {
    if (!ParseInt64(seg[i], 1, (int64_t{1} << 53) - 1, &q.id)) {
      *f = Fail(404, "", "'" + std::string(seg[i]) + "' is not an id (a whole number from 1)");
      return false;
    }
    return true;
  };
  const std::string_view head = seg[0];
  std::set<std::string> known;
  if (seg.size() == 1 && head == "stats") {
    q.endpoint = Endpoint::kStats;
  } else if (seg.size() == 1 && head == "search") {
    q.endpoint = Endpoint::kSearch;
    known = {"q", "outlet", "lang", "from", "to", "undated", "limit", "offset"};
  } else if (seg.size() == 2 && head == "articles") {
    q.endpoint = Endpoint::kArticle;
    if (!id_at(1, &fail)) return fail;
  } else if (seg.size() == 1 && head == "quotes") {
    q.endpoint = Endpoint::kQuotes;
    known = {"speaker", "channel", "q", "outlet", "from", "to", "undated", "limit", "offset"};
  } else if (seg.size() == 1 && head == "visits") {
    q.endpoint = Endpoint::kVisits;
    known = {"host",  "visitor_country", "bloc", "person", "status", "from",
             "to",    "undated",         "limit", "offset", "ids",   "sources"};
  } else if (seg.size() == 3 && head == "visits" && seg[2] == "sources") {
    q.endpoint = Endpoint::kVisitSources;
    if (!id_at(1, &fail)) return fail;
  } else if (seg.size() == 1 && head == "meetings") {
    q.endpoint = Endpoint::kMeetings;
    known = {"person", "status", "from", "to", "undated", "limit", "offset"};
  } else if (seg.size() == 1 && head == "timeline") {
    q.endpoint = Endpoint::kTimeline;
    known = {"person", "from", "to", "undated", "limit", "offset"};
  } else if (seg.size() == 1 && head == "actors") {
    q.endpoint = Endpoint::kActors;
    known = {"q", "id", "limit", "offset"};
  } else if (seg.size() == 1 && head == "balance") {
    q.endpoint = Endpoint::kBalance;
    known = {"host", "from", "to", "by", "status", "explain", "ids"};
  } else {
    return Fail(404, "",
                "no such endpoint; there are /api/stats, /api/search, /api/articles/ID, /api/quotes, /api/visits, "
                "/api/visits/ID/sources, /api/meetings, /api/timeline, /api/actors, /api/balance");
  }
  if (!r.CheckAll(known, &fail)) return fail;

  attache::QueryFilter& f = q.filter;
  if (known.count("limit") && !ReadPage(r, &f, &fail)) return fail;
  if (known.count("from") && !ReadDates(r, &f.from, &f.to, &fail)) return fail;
  if (known.count("status") && !ReadStatus(r, &f.status, &fail)) return fail;
  if (known.count("undated") && !ReadBool(r, "undated", &f.undated, &fail)) return fail;
  f.text = r.Get("q");
  f.outlet = r.Get("outlet");
  f.speaker = r.Get("speaker");
  f.channel = r.Get("channel");
  f.person = r.Get("person");
  if (const std::string lang = r.Get("lang"); !lang.empty()) {
    if (lang.size() < 2 || lang.size() > 3 ||
        !std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return Fail(400, "lang", "lang must be a language code of 2 or 3 lower-case letters, e.g. en (got '" + lang +
                                   "')");
    }
    f.lang = lang;
  }
  if (!ReadCode(r, "visitor_country", &f.visitor_country, &fail)) return fail;

  if (const std::string id = r.Get("id"); !id.empty() && !ParseInt64(id, 1, (int64_t{1} << 53) - 1, &f.actor_id)) {
    return Fail(400, "id", "id must be an actor's id: a whole number from 1");
  }
  switch (q.endpoint) {
    case Endpoint::kVisits:
      if (!ReadCode(r, "host", &f.host, &fail)) return fail;
      if (!r.Get("bloc").empty()) {
        if (!f.visitor_country.empty()) return Fail(400, "bloc", "give visitor_country or bloc, not both");
        if (!ReadCode(r, "bloc", &f.visitor_country, &fail)) return fail;
      }
      if (!ReadIds(r, &q.ids, &fail)) return fail;
      if (!ReadBool(r, "sources", &q.with_sources, &fail)) return fail;
      break;
    case Endpoint::kTimeline:
      q.person = f.person;
      f.person.clear();
      if (q.person.empty()) return Fail(400, "person", "person is required: a name, or a surname");
      break;
    case Endpoint::kBalance: {
      attache::BalanceQuery& b = q.balance;
      if (!ReadCode(r, "host", &b.host, &fail)) return fail;
      if (b.host.empty()) return Fail(400, "host", "host is required: the host country, e.g. AZE or Azerbaijan");
      auto host = attache::ResolveCountry(b.host, "host", false);
      if (!host.ok()) return Fail(400, "host", host.status().message());
      b.host = host.value().codes[0];
      b.from = f.from;
      b.to = f.to;
      if (!f.status.empty()) b.status = f.status;
      if (const std::string by = r.Get("by"); !by.empty()) {
        if (by != "month" && by != "quarter" && by != "year") {
          return Fail(400, "by", "by must be month, quarter or year (got '" + by + "')");
        }
        b.by = by;
      }
      if (!ReadBool(r, "explain", &q.explain, &fail)) return fail;
      bool ids = false;
      if (!ReadBool(r, "ids", &ids, &fail)) return fail;
      q.balance.with_visit_ids = ids || q.explain;
      break;
    }
    default:
      break;
  }
  ParsedRequest ok;
  ok.ok = true;
  ok.request = std::move(q);
  return ok;
}

// ---- answers ----

namespace {

ApiResponse Error(int status, std::string param, std::string message) {
  return {status, ApiErrorJson({status, std::move(param), std::move(message)})};
}

// A store error as an HTTP answer. `text_param` is the parameter a bad
// full-text query came from.
ApiResponse FromStatus(const attache::Status& st, const std::string& text_param) {
  const std::string& m = st.message();
  switch (st.code()) {
    case attache::StatusCode::kInvalidArgument: {
      std::string param = text_param;
      for (const char* p : {"from", "to", "status", "offset"}) {
        if (m.rfind(std::string(p) + " ", 0) == 0) param = p;
      }
      if (m.rfind("--by", 0) == 0) param = "by";
      if (m.rfind("host ", 0) == 0) param = "host";
      if (m.rfind("visitor country ", 0) == 0) param = "visitor_country";
      return Error(400, param, m);
    }
    case attache::StatusCode::kNotFound:
      return Error(404, "", m);
    case attache::StatusCode::kTooLarge:
      return Error(503, "", "the query ran past its time limit; narrow it (fewer words, a shorter period)");
    default:
      return Error(500, "", "the store failed: " + m);
  }
}

std::string Array(const attache::JsonRows& rows) { return attache::JsonArray(rows); }

ApiResponse List(const attache::Result<attache::JsonRows>& rows, const attache::QueryFilter& f,
                 const std::string& text_param) {
  if (!rows.ok()) return FromStatus(rows.status(), text_param);
  const int limit = std::clamp(f.limit, 1, kMaxRows);
  return {200, "{\"rows\":" + Array(rows.value()) + ",\"limit\":" + std::to_string(limit) +
                   ",\"offset\":" + std::to_string(f.offset) +
                   ",\"more\":" + (rows.value().size() >= static_cast<size_t>(limit) ? "true" : "false") + "}"};
}

constexpr size_t kMaxExplainedVisits = 1000;

ApiResponse Balance(const attache::Store& store, const ApiRequest& q) {
  auto rows = store.Balance(q.balance);
  if (!rows.ok()) return FromStatus(rows.status(), "");
  size_t visits = 0;
  for (const auto& r : rows.value()) visits += r.visit_ids.size();
  if (q.explain && visits > kMaxExplainedVisits) {
    return Error(400, "explain",
                 "explain would list " + std::to_string(visits) + " visits (at most " +
                     std::to_string(kMaxExplainedVisits) + "); narrow from/to, or ask /api/visits?ids=");
  }
  // Each row with its visit ids and (explain) its visits, each with its
  // visitor, names and sources.
  attache::Status failed;
  auto extra = [&](size_t i) {
    const attache::BalanceRow& r = rows.value()[i];
    std::string ids = ",\"visit_ids\":[";
    for (size_t k = 0; k < r.visit_ids.size(); ++k) ids += (k ? "," : "") + std::to_string(r.visit_ids[k]);
    ids += "]";
    if (!q.explain) return ids;
    auto v = store.VisitsByIds(r.visit_ids);
    if (!v.ok()) failed = v.status();
    return ids + ",\"explain\":" + (v.ok() ? Array(v.value()) : std::string("[]"));
  };
  std::string out = attache::BalanceReportJson(q.balance, rows.value(),
                                               q.balance.with_visit_ids ? std::function<std::string(size_t)>(extra)
                                                                        : nullptr);
  if (!failed.ok()) return FromStatus(failed, "");
  return {200, out};
}

}  // namespace

ApiResponse RunApiRequest(const attache::Store& store, const ApiRequest& q) {
  switch (q.endpoint) {
    case Endpoint::kStats: {
      auto c = store.Count();
      if (!c.ok()) return FromStatus(c.status(), "");
      const auto& n = c.value();
      return {200, "{\"articles\":" + std::to_string(n.articles) + ",\"syndicated\":" + std::to_string(n.syndicated) +
                       ",\"quotes\":" + std::to_string(n.quotes) + ",\"visits\":" + std::to_string(n.visits) +
                       ",\"visit_reports\":" + std::to_string(n.visit_reports) +
                       ",\"meetings\":" + std::to_string(n.meetings) + ",\"actors\":" + std::to_string(n.actors) +
                       "}"};
    }
    case Endpoint::kSearch:
      return List(store.SearchArticles(q.filter), q.filter, "q");
    case Endpoint::kArticle: {
      auto a = store.ArticleJson(q.id);
      if (!a.ok()) return FromStatus(a.status(), "");
      return {200, a.value()};
    }
    case Endpoint::kQuotes:
      return List(store.Quotes(q.filter), q.filter, "q");
    case Endpoint::kVisits: {
      // Every visit row carries its sources; sources=1 is kept for old callers.
      auto rows = q.ids.empty() ? store.Visits(q.filter) : store.VisitsByIds(q.ids);
      if (!q.ids.empty()) {
        attache::QueryFilter all = q.filter;
        all.limit = kMaxRows;  // every id asked for is answered
        all.offset = 0;
        return List(rows, all, "ids");
      }
      return List(rows, q.filter, "");
    }
    case Endpoint::kVisitSources: {
      auto rows = store.VisitSources(q.id);
      if (rows.ok() && rows.value().empty()) return Error(404, "", "no visit " + std::to_string(q.id));
      attache::QueryFilter all;
      all.limit = kMaxRows;
      return List(rows, all, "");
    }
    case Endpoint::kMeetings:
      return List(store.Meetings(q.filter), q.filter, "");
    case Endpoint::kTimeline:
      return List(store.Timeline(q.person, q.filter), q.filter, "person");
    case Endpoint::kActors:
      return List(store.Actors(q.filter), q.filter, "q");
    case Endpoint::kBalance:
      return Balance(store, q);
  }
  return Error(500, "", "unknown endpoint");
}

}  // namespace attache_server
