// The API's request parsing (pure) and its answers over a small invented store.
#include "api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include <nlohmann/json.hpp>

namespace attache_server {
namespace {

ParsedRequest Parse(const std::string& path, Params params = {}) { return ParseApiRequest(path, params); }

void ExpectError(const ParsedRequest& p, int status, const std::string& param) {
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.error.http_status, status) << p.error.message;
  EXPECT_EQ(p.error.param, param) << p.error.message;
  EXPECT_FALSE(p.error.message.empty());
}

TEST(ApiParseTest, EveryEndpoint) {
  EXPECT_EQ(Parse("/api/stats").request.endpoint, Endpoint::kStats);
  auto s = Parse("/api/search", {{"q", "Lavrov visit"}, {"outlet", "Caliber.Az"}, {"lang", "en"},
                                 {"from", "2023"}, {"to", "2023-02-28"}, {"limit", "10"}, {"offset", "20"}});
  ASSERT_TRUE(s.ok) << s.error.message;
  EXPECT_EQ(s.request.endpoint, Endpoint::kSearch);
  EXPECT_EQ(s.request.filter.text, "Lavrov visit");
  EXPECT_EQ(s.request.filter.outlet, "Caliber.Az");
  EXPECT_EQ(s.request.filter.lang, "en");
  EXPECT_EQ(s.request.filter.from, "2023");
  EXPECT_EQ(s.request.filter.to, "2023-02-28");
  EXPECT_EQ(s.request.filter.limit, 10);
  EXPECT_EQ(s.request.filter.offset, 20);

  auto a = Parse("/api/articles/42");
  ASSERT_TRUE(a.ok);
  EXPECT_EQ(a.request.endpoint, Endpoint::kArticle);
  EXPECT_EQ(a.request.id, 42);

  auto q = Parse("/api/quotes", {{"speaker", "Lavrov"}, {"channel", "Turan"}, {"q", "balance"}});
  ASSERT_TRUE(q.ok);
  EXPECT_EQ(q.request.filter.speaker, "Lavrov");
  EXPECT_EQ(q.request.filter.channel, "Turan");
  EXPECT_EQ(q.request.filter.text, "balance");

  // A host by name; quarters as bounds; undated rows asked for.
  auto named = Parse("/api/balance", {{"host", "Azerbaijan"}, {"from", "2023-Q1"}, {"to", "2023-Q2"}});
  ASSERT_TRUE(named.ok) << named.error.message;
  EXPECT_EQ(named.request.balance.host, "AZE");
  EXPECT_EQ(named.request.balance.from, "2023-Q1");
  auto u = Parse("/api/visits", {{"host", "South Caucasus"}, {"from", "2022"}, {"undated", "1"}, {"bloc", "West"}});
  ASSERT_TRUE(u.ok) << u.error.message;
  EXPECT_TRUE(u.request.filter.undated);
  EXPECT_EQ(u.request.filter.visitor_country, "West");

  auto v = Parse("/api/visits", {{"host", "aze"}, {"visitor_country", "RUS"}, {"person", "Sergei Lavrov"},
                                 {"status", "past,ongoing"}, {"sources", "1"}});
  ASSERT_TRUE(v.ok) << v.error.message;
  EXPECT_EQ(v.request.filter.host, "aze");  // as typed: the store resolves codes, names and blocs
  EXPECT_EQ(v.request.filter.visitor_country, "RUS");
  EXPECT_EQ(v.request.filter.person, "Sergei Lavrov");
  EXPECT_EQ(v.request.filter.status, (std::vector<std::string>{"past", "ongoing"}));
  EXPECT_TRUE(v.request.with_sources);

  auto ids = Parse("/api/visits", {{"ids", "3,1,2"}});
  ASSERT_TRUE(ids.ok);
  EXPECT_EQ(ids.request.ids, (std::vector<int64_t>{3, 1, 2}));

  auto vs = Parse("/api/visits/7/sources");
  ASSERT_TRUE(vs.ok);
  EXPECT_EQ(vs.request.endpoint, Endpoint::kVisitSources);
  EXPECT_EQ(vs.request.id, 7);

  EXPECT_EQ(Parse("/api/meetings", {{"person", "Aliyev"}}).request.endpoint, Endpoint::kMeetings);
  auto t = Parse("/api/timeline", {{"person", "Lavrov"}, {"from", "2023-01"}});
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.request.person, "Lavrov");
  EXPECT_TRUE(t.request.filter.person.empty());
  EXPECT_EQ(Parse("/api/actors", {{"q", "Ali"}}).request.filter.text, "Ali");

  auto b = Parse("/api/balance", {{"host", "AZE"}, {"by", "quarter"}, {"status", "planned"}, {"explain", "1"},
                                  {"from", "2023"}, {"to", "2024-06"}});
  ASSERT_TRUE(b.ok) << b.error.message;
  EXPECT_EQ(b.request.balance.host, "AZE");
  EXPECT_EQ(b.request.balance.by, "quarter");
  EXPECT_EQ(b.request.balance.status, (std::vector<std::string>{"planned"}));
  EXPECT_EQ(b.request.balance.from, "2023");
  EXPECT_EQ(b.request.balance.to, "2024-06");
  EXPECT_TRUE(b.request.explain);
  // The balance's default statuses stay when none is asked for.
  EXPECT_EQ(Parse("/api/balance", {{"host", "AZE"}}).request.balance.status,
            (std::vector<std::string>{"past", "ongoing"}));
}

TEST(ApiParseTest, EmptyValuesAreAbsent) {
  auto s = Parse("/api/search", {{"q", ""}, {"outlet", ""}, {"limit", ""}, {"from", ""}});
  ASSERT_TRUE(s.ok) << s.error.message;
  EXPECT_EQ(s.request.filter.limit, 50);
  EXPECT_TRUE(s.request.filter.from.empty());
}

TEST(ApiParseTest, BadParametersAreNamed) {
  ExpectError(Parse("/api/search", {{"limit", "0"}}), 400, "limit");
  ExpectError(Parse("/api/search", {{"limit", "1001"}}), 400, "limit");
  ExpectError(Parse("/api/search", {{"limit", "-5"}}), 400, "limit");
  ExpectError(Parse("/api/search", {{"limit", "10abc"}}), 400, "limit");
  ExpectError(Parse("/api/search", {{"limit", "99999999999999999999999"}}), 400, "limit");
  ExpectError(Parse("/api/search", {{"offset", "100001"}}), 400, "offset");
  ExpectError(Parse("/api/search", {{"from", "2023-13"}}), 400, "from");
  ExpectError(Parse("/api/search", {{"from", "yesterday"}}), 400, "from");
  ExpectError(Parse("/api/search", {{"to", "2023-02-32"}}), 400, "to");
  ExpectError(Parse("/api/search", {{"from", "2024"}, {"to", "2023-12"}}), 400, "to");
  ExpectError(Parse("/api/search", {{"lang", "English"}}), 400, "lang");
  ExpectError(Parse("/api/search", {{"host", "AZE"}}), 400, "host");  // search takes no host
  ExpectError(Parse("/api/search", {{"q", std::string(300, 'a')}}), 400, "q");
  ExpectError(Parse("/api/search", {{"q", "a\x01"}}), 400, "q");
  ExpectError(Parse("/api/search", {{"q", "\xff\xfe"}}), 400, "q");
  ExpectError(Parse("/api/search", {{"q", "a"}, {"q", "b"}}), 400, "q");
  ExpectError(Parse("/api/visits", {{"status", "done"}}), 400, "status");
  ExpectError(Parse("/api/visits", {{"status", "past,"}}), 400, "status");
  ExpectError(Parse("/api/visits", {{"host", "A1"}}), 400, "host");
  ExpectError(Parse("/api/visits", {{"visitor_country", "R<"}}), 400, "visitor_country");
  ExpectError(Parse("/api/balance", {{"host", "Atlantis"}}), 400, "host");     // no such country
  ExpectError(Parse("/api/balance", {{"host", "West"}}), 400, "host");         // a bloc: one host is needed
  ExpectError(Parse("/api/visits", {{"from", "2022-02-30"}}), 400, "from");   // no such day
  ExpectError(Parse("/api/visits", {{"from", "2023-Q5"}}), 400, "from");
  ExpectError(Parse("/api/visits", {{"ids", "1,,2"}}), 400, "ids");
  ExpectError(Parse("/api/visits", {{"sources", "yes"}}), 400, "sources");
  ExpectError(Parse("/api/timeline"), 400, "person");
  ExpectError(Parse("/api/balance"), 400, "host");
  ExpectError(Parse("/api/balance", {{"host", "AZE"}, {"by", "week"}}), 400, "by");
  ExpectError(Parse("/api/balance", {{"host", "AZE"}, {"explain", "2"}}), 400, "explain");
  ExpectError(Parse("/api/stats", {{"x", "1"}}), 400, "x");
  Params many;
  for (int i = 0; i < 20; ++i) many.emplace("p" + std::to_string(i), "1");
  ExpectError(ParseApiRequest("/api/search", many), 400, "");
}

TEST(ApiParseTest, BadPathsAreNotFound) {
  ExpectError(Parse("/"), 404, "");
  ExpectError(Parse("/api"), 404, "");
  ExpectError(Parse("/api/"), 404, "");
  ExpectError(Parse("/api/nothing"), 404, "");
  ExpectError(Parse("/api/search/"), 404, "");
  ExpectError(Parse("/api//search"), 404, "");
  ExpectError(Parse("/api/articles/"), 404, "");
  ExpectError(Parse("/api/articles/0"), 404, "");
  ExpectError(Parse("/api/articles/-1"), 404, "");
  ExpectError(Parse("/api/articles/1x"), 404, "");
  ExpectError(Parse("/api/articles/99999999999999999999"), 404, "");
  ExpectError(Parse("/api/visits/1/other"), 404, "");
  ExpectError(Parse("/api/" + std::string(600, 'a')), 414, "");
}

TEST(ApiParseTest, AnyBytesGiveARequestOrAnError) {
  // A fuzz target will do this properly; here, a few thousand cheap cases.
  const std::string alphabet = "/api?=&,.-0123456789azAZ\x00\xff\xc3\xa9%\" ";
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int i = 0; i < 3000; ++i) {
    std::string path = "/api/";
    for (uint32_t n = next() % 24; n > 0; --n) path.push_back(alphabet[next() % alphabet.size()]);
    Params params;
    for (uint32_t n = next() % 4; n > 0; --n) {
      std::string k, v;
      for (uint32_t m = next() % 8; m > 0; --m) k.push_back(alphabet[next() % alphabet.size()]);
      for (uint32_t m = next() % 12; m > 0; --m) v.push_back(alphabet[next() % alphabet.size()]);
      params.emplace(k, v);
    }
    const ParsedRequest p = ParseApiRequest(path, params);
    if (!p.ok) {
      EXPECT_GE(p.error.http_status, 400);
      EXPECT_FALSE(p.error.message.empty());
      EXPECT_FALSE(nlohmann::json::parse(ApiErrorJson(p.error), nullptr, false).is_discarded());
    }
  }
}

TEST(ApiErrorTest, JsonNamesTheParameter) {
  EXPECT_EQ(ApiErrorJson({400, "limit", "limit must be \"small\""}),
            "{\"error\":\"limit must be \\\"small\\\"\",\"param\":\"limit\",\"status\":400}");
  EXPECT_EQ(ApiErrorJson({404, "", "no"}), "{\"error\":\"no\",\"param\":null,\"status\":404}");
  // Invalid UTF-8 in a message still gives valid JSON.
  EXPECT_FALSE(nlohmann::json::parse(ApiErrorJson({400, "q", "bad \xff"}), nullptr, false).is_discarded());
}

// ---- answers from a store ----

namespace fs = std::filesystem;

class ApiRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("attache_api_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "record.db").string();
    auto w = attache::Store::Open(path_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    int n = 0;
    for (const auto& [who, from, date] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Anna Berg", "DEU", "2024-02-10"}, {"John Smith", "USA", "2024-02-20"}, {"Ivan Orlov", "RUS", "2024-05-03"}}) {
      ++n;
      attache::Analysis a;
      a.article.source = "https://news.test/" + std::to_string(n);
      a.article.url = a.article.source;
      a.article.title = "Minister arrives for talks " + std::to_string(n);
      a.article.published = date;
      a.article.outlet = "Example Times";
      a.article.lang = "en";
      a.article.text = who + " arrived in Rivertown on a visit. \"We talk,\" " + who + " said.";
      attache::Visit v;
      v.visitor = who;
      v.visitor_country = from;
      v.host_country = "GEO";
      v.place = "Rivertown";
      v.date = date;
      v.status = "past";
      v.codes = {"042", "CONSULT", "visit"};
      v.mentions = {who.size() + 1};
      a.visits.push_back(v);
      attache::Quote q;
      q.speaker = who;
      q.text = "We talk,";
      q.begin = a.article.text.find("We talk");
      q.end = q.begin + q.text.size();
      q.cue = "said";
      q.direct = true;
      a.quotes.push_back(q);
      ASSERT_TRUE(w.value()->Add(a).ok());
    }
    attache::StoreOptions o;
    o.read_only = true;
    auto r = attache::Store::Open(path_, o);
    ASSERT_TRUE(r.ok());
    store_ = std::move(r).value();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  nlohmann::json Get(const std::string& path, Params params, int expect_status = 200) {
    const ParsedRequest p = ParseApiRequest(path, params);
    if (!p.ok) {
      EXPECT_EQ(p.error.http_status, expect_status) << p.error.message;
      return nlohmann::json::parse(ApiErrorJson(p.error));
    }
    const ApiResponse r = RunApiRequest(*store_, p.request);
    EXPECT_EQ(r.http_status, expect_status) << r.body;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<attache::Store> store_;
};

TEST_F(ApiRunTest, ListsArticlesVisitsAndTheBalance) {
  auto stats = Get("/api/stats", {});
  EXPECT_EQ(stats["articles"], 3);
  EXPECT_EQ(stats["visits"], 3);

  auto search = Get("/api/search", {{"q", "Orlov"}});
  ASSERT_EQ(search["rows"].size(), 1u);
  EXPECT_EQ(search["rows"][0]["title"], "Minister arrives for talks 3");
  EXPECT_EQ(search["more"], false);

  auto page = Get("/api/search", {{"limit", "2"}});
  EXPECT_EQ(page["rows"].size(), 2u);
  EXPECT_EQ(page["limit"], 2);
  EXPECT_EQ(page["more"], true);

  const int64_t id = search["rows"][0]["id"];
  auto art = Get("/api/articles/" + std::to_string(id), {});
  EXPECT_EQ(art["quotes"].size(), 1u);
  EXPECT_EQ(art["visits"].size(), 1u);
  EXPECT_EQ(art["visits"][0]["mentions"][0], 11);  // "Ivan Orlov " is 11 bytes
  Get("/api/articles/999", {}, 404);

  auto visits = Get("/api/visits", {{"host", "GEO"}, {"visitor_country", "RUS"}, {"sources", "1"}});
  ASSERT_EQ(visits["rows"].size(), 1u);
  EXPECT_EQ(visits["rows"][0]["visitor"], "Ivan Orlov");
  ASSERT_EQ(visits["rows"][0]["sources"].size(), 1u);
  EXPECT_EQ(visits["rows"][0]["sources"][0]["url"], "https://news.test/3");

  auto balance = Get("/api/balance", {{"host", "GEO"}, {"by", "quarter"}, {"explain", "1"}});
  ASSERT_EQ(balance["rows"].size(), 3u);
  EXPECT_EQ(balance["rows"][0]["period"], "2024-Q1");
  EXPECT_EQ(balance["rows"][0]["bloc"], "West");
  ASSERT_EQ(balance["rows"][0]["explain"].size(), 1u);
  EXPECT_EQ(balance["rows"][0]["explain"][0]["sources"].size(), 1u);
  const int64_t vid = balance["rows"][0]["visit_ids"][0];
  auto by_id = Get("/api/visits", {{"ids", std::to_string(vid)}});
  ASSERT_EQ(by_id["rows"].size(), 1u);
  EXPECT_EQ(by_id["rows"][0]["id"], vid);
  EXPECT_EQ(Get("/api/visits/" + std::to_string(vid) + "/sources", {})["rows"].size(), 1u);
  Get("/api/visits/999/sources", {}, 404);

  EXPECT_EQ(Get("/api/quotes", {{"speaker", "Orlov"}})["rows"].size(), 1u);
  EXPECT_EQ(Get("/api/timeline", {{"person", "Ivan Orlov"}})["rows"].size(), 2u);  // a visit and a quote
  EXPECT_GE(Get("/api/actors", {{"q", "Berg"}})["rows"].size(), 1u);
}

}  // namespace
}  // namespace attache_server
