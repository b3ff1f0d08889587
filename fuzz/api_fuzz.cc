// Fuzzes the HTTP API's request parsing (src/server/api.h ParseApiRequest)
// and answers every request it accepts with RunApiRequest over a small store
// made once at start-up in a temporary folder.
//
// Input: the first line is the path, each further line "name=value" (or a
// bare "name"); path, names and values are percent-decoded ("%0A", "+" for
// a space) as the HTTP layer decodes them, so any bytes can reach them.
// Every answer and every error must be one valid JSON object.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "api.h"
#include "attache/analyze.h"
#include "attache/store.h"
#include "fuzz_util.h"

using attache_fuzz::Check;

namespace {

std::unique_ptr<attache::Store> g_store;
std::filesystem::path g_dir;

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void RemoveStore() {
  g_store.reset();
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

// Three articles with a visit, a meeting and a quote each.
void MakeStore() {
  char tmpl[] = "/tmp/attache_api_fuzz_XXXXXX";
  if (!mkdtemp(tmpl)) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_dir = tmpl;
  const std::string path = (g_dir / "record.db").string();
  {
    auto w = attache::Store::Open(path);
    Check(w.ok(), "cannot create the fuzz store");
    const struct {
      const char *who, *from, *host, *place, *date, *status;
    } rows[] = {{"Anna Berg", "DEU", "GEO", "Tbilisi", "2024-02-10", "past"},
                {"John Smith", "USA", "AZE", "Baku", "2024-02-20", "ongoing"},
                {"Ivan Orlov", "RUS", "AZE", "Baku", "2024-05-03", "planned"}};
    int n = 0;
    for (const auto& row : rows) {
      ++n;
      const std::string who = row.who;
      attache::Analysis a;
      a.article.source = "https://news.example/" + std::to_string(n);
      a.article.url = a.article.source;
      a.article.title = "Minister arrives for talks " + std::to_string(n);
      a.article.published = row.date;
      a.article.outlet = "Example Times";
      a.article.lang = "en";
      a.article.text = who + " arrived in " + row.place + " on a visit and met Ilham Aliyev. \"We talk,\" " + who +
                       " said.";
      attache::Visit v;
      v.visitor = who;
      v.visitor_role = "foreign minister";
      v.visitor_country = row.from;
      v.host_country = row.host;
      v.place = row.place;
      v.date = row.date;
      v.status = row.status;
      v.codes = {"042", "CONSULT", "visit"};
      v.mentions = {who.size() + 1};
      a.visits.push_back(v);
      attache::Meeting m;
      m.participants = {who, "Ilham Aliyev"};
      m.place = row.place;
      m.date = row.date;
      m.status = row.status;
      m.codes = {"040", "CONSULT", "visit"};
      m.mentions = {a.article.text.find("met")};
      a.meetings.push_back(m);
      attache::Quote q;
      q.speaker = who;
      q.speaker_role = "foreign minister";
      q.channel = "Example Times";
      q.text = "We talk,";
      q.begin = a.article.text.find("We talk");
      q.end = q.begin + q.text.size();
      q.cue = "said";
      q.direct = true;
      a.quotes.push_back(q);
      Check(w.value()->Add(a).ok(), "cannot fill the fuzz store");
    }
  }
  attache::StoreOptions o;
  o.read_only = true;
  o.query_timeout_ms = 2000;  // as `attache serve` sets one
  auto r = attache::Store::Open(path, o);
  Check(r.ok(), "cannot reopen the fuzz store");
  g_store = std::move(r).value();
  std::atexit(RemoveStore);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  MakeStore();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = attache_fuzz::AsView(data, size);
  size_t nl = in.find('\n');
  const std::string path = Decode(in.substr(0, nl));
  attache_server::Params params;
  while (nl != std::string_view::npos) {
    in.remove_prefix(nl + 1);
    nl = in.find('\n');
    const std::string_view line = in.substr(0, nl);
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) params.emplace(Decode(line), "");
    else params.emplace(Decode(line.substr(0, eq)), Decode(line.substr(eq + 1)));
  }
  const attache_server::ParsedRequest p = attache_server::ParseApiRequest(path, params);
  if (!p.ok) {
    Check(p.error.http_status >= 400 && p.error.http_status < 600, "an API error without an error status");
    Check(!p.error.message.empty(), "an API error without a message");
    attache_fuzz::CheckJsonObject(attache_server::ApiErrorJson(p.error), "ApiErrorJson is not one JSON object");
    return 0;
  }
  const attache_server::ApiResponse r = attache_server::RunApiRequest(*g_store, p.request);
  attache_fuzz::CheckJsonObject(r.body, "RunApiRequest's body is not one JSON object");
  return 0;
}
