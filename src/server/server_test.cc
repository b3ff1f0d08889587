// attache serve over loopback: the API's answers and refusals, the
// dashboard's files and headers, concurrent clients, and stopping. Only
// 127.0.0.1 is ever contacted.
#include "server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "attache/store.h"

namespace attache_server {
namespace {

namespace fs = std::filesystem;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("attache_server_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web" / "assets");
    db_ = (dir_ / "record.db").string();
    auto w = attache::Store::Open(db_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (int n = 1; n <= 5; ++n) {
      attache::Analysis a;
      a.article.source = "https://news.test/" + std::to_string(n);
      a.article.url = a.article.source;
      a.article.title = "Talks in Rivertown, part " + std::to_string(n);
      a.article.published = "2024-0" + std::to_string(n) + "-15";
      a.article.outlet = "Example Times";
      a.article.lang = "en";
      a.article.text = "Visitor " + std::to_string(n) + " arrived in Rivertown. <script>alert(1)</script>";
      attache::Visit v;
      v.visitor = "Visitor Number" + std::string(n, 'x');
      v.visitor_country = n % 2 ? "USA" : "RUS";
      v.host_country = "GEO";
      v.date = a.article.published;
      v.status = "past";
      v.codes = {"042", "CONSULT", "visit"};
      v.mentions = {0};
      a.visits.push_back(v);
      ASSERT_TRUE(w.value()->Add(a).ok());
    }
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>dash</title><script type=module src=/assets/app.js></script>";
    std::ofstream(dir_ / "web" / "assets" / "app.js") << "console.log('hi');";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Server> StartOrDie(bool with_web = true) {
    ServeOptions o;
    o.db = db_;
    o.port = 0;
    o.threads = 3;
    if (with_web) o.web_dir = (dir_ / "web").string();
    auto s = Server::Start(o);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return nullptr;
    EXPECT_GT(s.value()->port(), 0);
    return std::move(s).value();
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(ServerTest, AnswersTheApiAsJson) {
  auto server = StartOrDie();
  ASSERT_TRUE(server);
  httplib::Client c("127.0.0.1", server->port());
  auto r = c.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(nlohmann::json::parse(r->body)["articles"], 5);

  r = c.Get("/api/balance?host=GEO&by=quarter");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto b = nlohmann::json::parse(r->body);
  EXPECT_EQ(b["host"], "GEO");
  ASSERT_FALSE(b["rows"].empty());
  EXPECT_EQ(b["rows"][0]["period"], "2024-Q1");

  r = c.Get("/api/search?q=Rivertown&limit=2");
  ASSERT_TRUE(r);
  auto s = nlohmann::json::parse(r->body);
  EXPECT_EQ(s["rows"].size(), 2u);
  EXPECT_EQ(s["more"], true);

  // The article's text is data: it comes back as a JSON string, untouched.
  const int64_t id = s["rows"][0]["id"];
  r = c.Get(("/api/articles/" + std::to_string(id)).c_str());
  ASSERT_TRUE(r);
  EXPECT_NE(nlohmann::json::parse(r->body)["text"].get<std::string>().find("<script>"), std::string::npos);
}

TEST_F(ServerTest, RefusesWhatItDoesNotServe) {
  auto server = StartOrDie();
  ASSERT_TRUE(server);
  httplib::Client c("127.0.0.1", server->port());
  auto r = c.Get("/api/search?limit=5000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(nlohmann::json::parse(r->body)["param"], "limit");

  r = c.Get("/api/balance");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(nlohmann::json::parse(r->body)["param"], "host");

  r = c.Get("/api/no-such-thing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);

  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    httplib::Request req;
    req.method = method;
    req.path = "/api/stats";
    req.body = "{}";
    req.set_header("Content-Type", "application/json");
    auto res = c.send(req);
    ASSERT_TRUE(res) << method;
    EXPECT_EQ(res->status, 405) << method;
    EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD");
    EXPECT_EQ(nlohmann::json::parse(res->body)["status"], 405);
  }

  // Another name for this machine (DNS rebinding) is refused.
  r = c.Get("/api/stats", {{"Host", "attacker.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 421);

  // An address longer than the limit.
  r = c.Get(("/api/search?q=" + std::string(20000, 'a')).c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
}

TEST_F(ServerTest, ServesTheDashboardWithAStrictPolicy) {
  auto server = StartOrDie();
  ASSERT_TRUE(server);
  EXPECT_TRUE(server->has_dashboard());
  httplib::Client c("127.0.0.1", server->port());
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  r = c.Get("/assets/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r->body, "console.log('hi');");
  r = c.Get("/assets/../../record.db");
  ASSERT_TRUE(r);
  EXPECT_NE(r->status, 200);
  r = c.Get("/nothing.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(ServerTest, WithoutTheDashboardSaysHowToBuildIt) {
  auto server = StartOrDie(false);
  ASSERT_TRUE(server);
  EXPECT_FALSE(server->has_dashboard());
  httplib::Client c("127.0.0.1", server->port());
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("npm ci"), std::string::npos);
  r = c.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, ManyClientsAtOnceEachThreadWithItsStore) {
  auto server = StartOrDie();
  ASSERT_TRUE(server);
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 6; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server->port());
      for (int i = 0; i < 20; ++i) {
        const std::string path = (i + t) % 2 ? "/api/visits?host=GEO" : "/api/search?q=Visitor";
        auto r = c.Get(path.c_str());
        if (r && r->status == 200 && nlohmann::json::parse(r->body, nullptr, false).contains("rows")) ++ok;
      }
    });
  }
  for (auto& th : clients) th.join();
  EXPECT_EQ(ok.load(), 120);
}

// Clients on every worker thread while another thread of the process adds
// to the store, then Stop() while requests are still coming: each answer is
// whole JSON, the new articles show, nothing crashes (run under
// ThreadSanitizer by scripts/test).
TEST_F(ServerTest, ServesWhileAWriterAddsAndStopsUnderLoad) {
  auto server = StartOrDie();
  ASSERT_TRUE(server);
  std::atomic<bool> writing{true}, stop{false};
  std::atomic<int> answers{0}, bad{0};
  std::thread writer([&] {
    auto w = attache::Store::Open(db_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (int n = 0; n < 40; ++n) {
      if (n % 8 == 0) {
        ASSERT_TRUE(w.value()->BeginBatch().ok());
      }
      attache::Analysis a;
      a.article.source = "https://news.test/more/" + std::to_string(n);
      a.article.url = a.article.source;
      a.article.title = "More talks " + std::to_string(n);
      a.article.published = "2024-06-" + std::to_string(10 + n % 18);
      a.article.lang = "en";
      a.article.text = "Visitor More" + std::to_string(n) + " arrived in Rivertown for talks number " + std::to_string(n);
      attache::Visit v;
      v.visitor = "Visitor More" + std::string(n % 5 + 1, 'y');
      v.visitor_country = "TUR";
      v.host_country = "GEO";
      v.date = a.article.published;
      v.status = "past";
      v.codes = {"042", "CONSULT", "visit"};
      v.mentions = {0};
      a.visits.push_back(v);
      ASSERT_TRUE(w.value()->Add(a).ok());
      if (n % 8 == 7) {
        ASSERT_TRUE(w.value()->CommitBatch().ok());
      }
    }
    writing = false;
  });
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      const char* paths[] = {"/api/stats", "/api/search?q=talks", "/api/balance?host=GEO&by=month",
                             "/api/visits?host=GEO&sources=1", "/api/actors?q=Visitor"};
      for (int i = 0; !stop && i < 400; ++i) {
        httplib::Client c("127.0.0.1", server->port());
        c.set_connection_timeout(2);
        auto r = c.Get(paths[(i + t) % 5]);
        if (!r) continue;  // refused once the server stops
        ++answers;
        if (r->status != 200 || nlohmann::json::parse(r->body, nullptr, false).is_discarded()) ++bad;
      }
    });
  }
  writer.join();
  {
    httplib::Client c("127.0.0.1", server->port());
    auto r = c.Get("/api/stats");
    ASSERT_TRUE(r);
    EXPECT_EQ(nlohmann::json::parse(r->body).value("articles", 0), 45) << r->body;
  }
  server->Stop();
  stop = true;
  for (auto& th : clients) th.join();
  EXPECT_GT(answers.load(), 0);
  EXPECT_EQ(bad.load(), 0);
}

TEST_F(ServerTest, StartFailsClearlyAndStopIsPrompt) {
  ServeOptions o;
  o.db = (dir_ / "missing.db").string();
  o.port = 0;
  EXPECT_FALSE(Server::Start(o).ok());

  auto server = StartOrDie();
  ASSERT_TRUE(server);
  // The same port twice cannot be bound.
  ServeOptions again;
  again.db = db_;
  again.port = server->port();
  auto second = Server::Start(again);
  EXPECT_FALSE(second.ok());
  if (!second.ok()) {
    EXPECT_EQ(second.status().code(), attache::StatusCode::kIoError);
  }

  const auto t0 = std::chrono::steady_clock::now();
  server->Stop();
  server->Stop();  // twice is harmless
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

}  // namespace
}  // namespace attache_server
