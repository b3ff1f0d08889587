// The store: exact and near duplicates, merging of visits and meetings over
// articles, the questions, the balance and exports (the store file itself,
// schema, migrations, damage and locks: store_file_test.cc). Every article
// here is invented for the test.
#include "attache/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "store/dedup.h"
#include "store/event_dates.h"
#include "store/rows.h"
#include "store/store_fixture.h"
#include "tests/pg_server.h"

namespace attache {
namespace {

using store_testing::Article;
using store_testing::Body;
using store_testing::MakeVisit;
using store_testing::StoreTest;

// The store's suite, run against each backend: "sqlite" (a file) and
// "postgres" (a fresh database on the test process's throwaway server,
// tests/pg_server.h; skipped with the reason when no server can start).
class StoreSuite : public StoreTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (GetParam() == "postgres") {
      auto* server = attache_test::PgServer::Get();
      if (!server) GTEST_SKIP() << "no PostgreSQL server: " << attache_test::PgServer::Reason();
      path_ = server->NewDatabase();
    }
  }
};

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreSuite, ::testing::Values("sqlite"));
INSTANTIATE_TEST_SUITE_P(Postgres, StoreSuite, ::testing::Values("postgres"));

TEST_P(StoreSuite, SameDocumentTwiceIsStoredOnce) {
  auto s = OpenOrDie();
  Analysis a = Article("https://example.test/a", "2024-03-02", Body("The minister arrived."));
  a.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-03-02", "ongoing"));
  auto r1 = s->Add(a);
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1.value().outcome, AddOutcome::kAdded);
  auto r2 = s->Add(a);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2.value().outcome, AddOutcome::kDuplicate);
  EXPECT_EQ(r2.value().article_id, r1.value().article_id);
  auto has = s->Contains(a.article);
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(has.value());
  auto c = s->Count().value();
  EXPECT_EQ(c.articles, 1);
  EXPECT_EQ(c.visits, 1);
  EXPECT_EQ(c.visit_reports, 1);
}

TEST_P(StoreSuite, SyndicatedCopyIsLinkedAndNotCountedTwice) {
  auto s = OpenOrDie();
  Analysis a = Article("https://one.test/story", "2024-03-02", Body("The minister arrived in Rivertown."));
  a.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-03-02", "ongoing"));
  ASSERT_TRUE(s->Add(a).ok());
  // Another site runs the same story with its own first line.
  Analysis b = Article("https://two.test/copy", "2024-03-02", Body("Rivertown, March 2 (Agency) - The minister arrived."));
  b.visits = a.visits;
  auto r = s->Add(b);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().outcome, AddOutcome::kSyndicated);
  EXPECT_GT(r.value().original_id, 0);
  auto c = s->Count().value();
  EXPECT_EQ(c.articles, 1);
  EXPECT_EQ(c.syndicated, 1);
  EXPECT_EQ(c.visits, 1);
  EXPECT_EQ(c.visit_reports, 1);

  // A different story is not a copy.
  Analysis d = Article("https://two.test/other", "2024-03-03", "A short, different note about the weather.");
  EXPECT_EQ(s->Add(d).value().outcome, AddOutcome::kAdded);
}

TEST_P(StoreSuite, ReportsOfOneVisitMergeAndTheLatestSetsTheStatus) {
  auto s = OpenOrDie();
  Analysis a = Article("https://one.test/1", "2024-02-20", "The minister will visit Rivertown on March 1.");
  a.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-03-01", "planned"));
  Analysis b = Article("https://two.test/2", "2024-03-02", "Petrova held talks in Rivertown yesterday.");
  b.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-03-01", "past"));
  Analysis c = Article("https://three.test/3", "2024-03-05", "Her recent visit was a success.");
  c.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", std::nullopt, "past"));
  // A second trip, months later, is another visit.
  Analysis d = Article("https://four.test/4", "2024-09-10", "She is back in Rivertown today.");
  d.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-09-10", "ongoing"));
  for (auto* x : {&a, &b, &c, &d}) ASSERT_TRUE(s->Add(*x).ok());
  auto n = s->Count().value();
  EXPECT_EQ(n.visits, 2);
  EXPECT_EQ(n.visit_reports, 4);
  QueryFilter f;
  f.host = "GEO";
  f.from = "2024-03";
  f.to = "2024-03";
  auto rows = s->Visits(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 1u);
  EXPECT_NE(rows.value()[0].find("\"status\":\"past\""), std::string::npos) << rows.value()[0];
  EXPECT_NE(rows.value()[0].find("\"reports\":3"), std::string::npos) << rows.value()[0];
}

TEST_P(StoreSuite, MeetingsMergeByTheirParticipants) {
  auto s = OpenOrDie();
  Meeting m;
  m.participants = {"Ana Petrova", "Levan Beridze"};
  m.date = "2024-03-01";
  m.status = "past";
  Analysis a = Article("https://one.test/1", "2024-03-01", "Petrova met Beridze.");
  a.meetings.push_back(m);
  Analysis b = Article("https://two.test/2", "2024-03-02", "Beridze and Petrova met on Friday.");
  std::swap(m.participants[0], m.participants[1]);
  b.meetings.push_back(m);
  ASSERT_TRUE(s->Add(a).ok());
  ASSERT_TRUE(s->Add(b).ok());
  EXPECT_EQ(s->Count().value().meetings, 1);
  QueryFilter f;
  f.person = "Beridze";
  auto rows = s->Meetings(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 1u);
  EXPECT_NE(rows.value()[0].find("\"reports\":2"), std::string::npos);
}

TEST_P(StoreSuite, BalanceCountsVisitsByPartnerBlocAndPeriod) {
  auto s = OpenOrDie();
  int n = 0;
  auto add = [&](const std::string& who, const std::string& from, std::optional<std::string> date,
                 const std::string& status) {
    ++n;
    Analysis a = Article("https://news.test/" + std::to_string(n), "2024-06-30", "Report " + std::to_string(n));
    a.visits.push_back(MakeVisit(who, from, "GEO", std::move(date), status));
    ASSERT_TRUE(s->Add(a).ok());
  };
  add("Ana Petrova", "BGR", "2024-02-10", "past");
  add("John Smith", "USA", "2024-02-20", "past");
  add("Ivan Orlov", "RUS", "2024-05-03", "past");
  add("Mehmet Kaya", "TUR", "2024-05-04", "planned");  // planned: not counted by default
  add("Li Wei", "CHN", std::nullopt, "past");           // no month: counted apart
  add("Local Leader", "GEO", "2024-05-05", "past");     // at home: not a partner

  BalanceQuery q;
  q.host = "GEO";
  q.by = "quarter";
  auto rows = s->Balance(q);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(BalanceToJson(rows.value()),
            "[{\"period\":\"2024-Q1\",\"partner\":\"BGR\",\"partner_name\":\"Bulgaria\",\"bloc\":\"West\",\"visits\":1},"
            "{\"period\":\"2024-Q1\",\"partner\":\"USA\",\"partner_name\":\"United States\",\"bloc\":\"West\",\"visits\":1},"
            "{\"period\":\"2024-Q2\",\"partner\":\"RUS\",\"partner_name\":\"Russia\",\"bloc\":\"Russia and allies\",\"visits\":1},"
            "{\"period\":null,\"partner\":\"CHN\",\"partner_name\":\"China\",\"bloc\":\"China and the SCO\",\"visits\":1}]");

  q.by = "month";
  q.from = "2024-05";
  q.to = "2024-05";
  q.status = {"planned"};
  q.blocs_tsv = "# mine\nNeighbours\tTUR ARM\n";
  q.with_visit_ids = true;
  rows = s->Balance(q);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(BalanceToJson(rows.value()),
            "[{\"period\":\"2024-05\",\"partner\":\"TUR\",\"partner_name\":\"T\xC3\xBCrkiye\",\"bloc\":\"Neighbours\",\"visits\":1}]");
  ASSERT_EQ(rows.value()[0].visit_ids.size(), 1u);
  auto src = s->VisitSources(rows.value()[0].visit_ids[0]);
  ASSERT_TRUE(src.ok());
  ASSERT_EQ(src.value().size(), 1u);
  EXPECT_NE(src.value()[0].find("https://news.test/4"), std::string::npos);

  q.by = "week";
  EXPECT_EQ(s->Balance(q).status().code(), StatusCode::kInvalidArgument);
  q.by = "month";
  q.blocs_tsv = "no tab here\n";
  EXPECT_EQ(s->Balance(q).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreSuite, VisitsByIdsAndAQueryTimeLimit) {
  {
    auto s = OpenOrDie();
    for (int n = 1; n <= 3; ++n) {
      Analysis a = Article("https://news.test/v" + std::to_string(n), "2024-06-30", "Report " + std::to_string(n));
      a.visits.push_back(MakeVisit("Visitor " + std::string(1, static_cast<char>('A' + n)), "USA", "GEO",
                                   "2024-0" + std::to_string(n) + "-10", "past"));
      ASSERT_TRUE(s->Add(a).ok());
    }
  }
  StoreOptions o;
  o.read_only = true;
  o.query_timeout_ms = 2000;  // generous: these queries take microseconds
  auto s = OpenOrDie(o);
  auto all = s->Visits({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 3u);
  auto some = s->VisitsByIds({3, 1, 99});
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  ASSERT_EQ(some.value().size(), 2u);  // 99 does not exist
  EXPECT_EQ(some.value()[0].rfind("{\"id\":1,", 0), 0u) << some.value()[0];
  EXPECT_EQ(some.value()[1].rfind("{\"id\":3,", 0), 0u) << some.value()[1];
  EXPECT_TRUE(s->VisitsByIds({}).value().empty());
  EXPECT_EQ(s->VisitsByIds(std::vector<int64_t>(1001, 1)).status().code(), StatusCode::kInvalidArgument);
}

// The balance drawn from the counts the triggers keep equals the one read
// from every visit, after reports merge, change status and fill in dates.
TEST_P(StoreSuite, BalanceCountsAgreeWithTheVisits) {
  auto s = OpenOrDie();
  const char* who[] = {"Ana Petrova", "John Smith", "Ivan Orlov", "Li Wei"};
  const char* from[] = {"BGR", "USA", "RUS", "CHN"};
  const char* status[] = {"planned", "past", "ongoing"};
  for (int i = 0; i < 60; ++i) {
    const int day = 1 + (i * 7) % 27, month = 1 + (i * 5) % 6;
    char date[16], pub[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", month, day);
    std::snprintf(pub, sizeof pub, "2024-%02d-%02d", month, std::min(28, day + 1));
    Analysis a = Article("https://news.test/" + std::to_string(i), pub, "Report " + std::to_string(i));
    std::optional<std::string> d;
    if (i % 5) d = std::string(i % 7 ? date : std::string(date).substr(0, 7));
    a.visits.push_back(MakeVisit(who[i % 4], from[i % 4], i % 3 ? "GEO" : "ARM", d, status[i % 3]));
    ASSERT_TRUE(s->Add(a).ok());
  }
  for (const char* by : {"month", "quarter", "year"}) {
    for (const auto& range : std::vector<std::pair<std::string, std::string>>{{"", ""}, {"2024-02", "2024-04"}}) {
      BalanceQuery q;
      q.host = "GEO";
      q.by = by;
      q.from = range.first;
      q.to = range.second;
      q.status = {"planned", "past", "ongoing"};
      auto counted = s->Balance(q);
      q.with_visit_ids = true;
      auto read = s->Balance(q);
      ASSERT_TRUE(counted.ok() && read.ok());
      EXPECT_EQ(BalanceToJson(counted.value()), BalanceToJson(read.value())) << by << " " << range.first;
      int ids = 0, visits = 0;
      for (const auto& r : read.value()) ids += static_cast<int>(r.visit_ids.size()), visits += r.visits;
      EXPECT_EQ(ids, visits);
    }
  }
}

TEST_P(StoreSuite, SearchQuotesAndTimeline) {
  auto s = OpenOrDie();
  Analysis a = Article("https://one.test/1", "2024-03-01", "Petrova said the corridor would open in spring.");
  a.article.outlet = "Daily Example";
  Quote q;
  q.speaker = "Ana Petrova";
  q.speaker_role = "foreign minister";
  q.channel = "Radio Example";
  q.text = "the corridor would open in spring";
  q.begin = 13;
  q.end = 47;
  q.cue = "said";
  a.quotes.push_back(q);
  a.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-03-01", "past"));
  ASSERT_TRUE(s->Add(a).ok());

  QueryFilter f;
  f.text = "corridor";
  auto found = s->SearchArticles(f);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found.value().size(), 1u);
  EXPECT_NE(found.value()[0].find("[corridor]"), std::string::npos) << found.value()[0];
  f.outlet = "other paper";
  EXPECT_TRUE(s->SearchArticles(f).value().empty());
  // Words a user types are never FTS syntax or SQL.
  f = {};
  f.text = "Petrova's \"open in\" ') OR 1=1; DROP TABLE articles; --";
  ASSERT_TRUE(s->SearchArticles(f).ok());
  EXPECT_EQ(s->Count().value().articles, 1);

  // Headline matches come before body matches.
  Analysis b = Article("https://two.test/2", "2024-03-02", "Nothing about it here, only the weather and the roads.");
  b.article.title = "Corridor talks";
  ASSERT_TRUE(s->Add(b).ok());
  Analysis c = Article("https://three.test/3", "2024-03-03", "A later note: the corridor is still closed.");
  c.article.title = "Weather";
  ASSERT_TRUE(s->Add(c).ok());
  f = {};
  f.text = "corridor";
  auto ranked = s->SearchArticles(f);
  ASSERT_TRUE(ranked.ok());
  ASSERT_EQ(ranked.value().size(), 3u);
  EXPECT_NE(ranked.value()[0].find("Corridor talks"), std::string::npos) << ranked.value()[0];
  EXPECT_NE(ranked.value()[1].find("https://three.test/3"), std::string::npos) << ranked.value()[1];

  QueryFilter qf;
  qf.speaker = "Petrova";
  qf.channel = "radio example";
  auto quotes = s->Quotes(qf);
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes.value().size(), 1u);
  qf = {};
  qf.text = "spring";
  EXPECT_EQ(s->Quotes(qf).value().size(), 1u);

  auto tl = s->Timeline("Ana Petrova", {});
  ASSERT_TRUE(tl.ok());
  ASSERT_EQ(tl.value().size(), 2u);  // the visit and the quote
  EXPECT_NE(tl.value()[0].find("\"kind\":\"quote\""), std::string::npos);

  auto art = s->ArticleJson(1);
  ASSERT_TRUE(art.ok());
  EXPECT_NE(art.value().find("\"quotes\":[{"), std::string::npos);
  EXPECT_EQ(s->ArticleJson(99).status().code(), StatusCode::kNotFound);

  QueryFilter bad;
  bad.from = "last week";
  EXPECT_EQ(s->Visits(bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreSuite, ExportsCsvAndEvents) {
  auto s = OpenOrDie();
  Analysis a = Article("https://one.test/1", "2024-03-01", "text");
  Visit v = MakeVisit("Ana \"The Envoy\" Petrova", "BGR", "GEO", "2024-03-01", "past");
  v.visitor_role = "envoy, special";
  a.visits.push_back(v);
  ASSERT_TRUE(s->Add(a).ok());
  const std::string out = (dir_ / "out.csv").string();
  std::FILE* f = std::fopen(out.c_str(), "w");
  ASSERT_TRUE(s->Export("visits", "csv", f).ok());
  std::fclose(f);
  std::ifstream in(out);
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(header.rfind("id,visitor,visitor_role,", 0), 0u) << header;
  EXPECT_NE(row.find("\"Ana \"\"The Envoy\"\" Petrova\",\"envoy, special\""), std::string::npos) << row;

  f = std::fopen(out.c_str(), "w");
  ASSERT_TRUE(s->Export("events", "jsonl", f).ok());
  std::fclose(f);
  std::ifstream ev(out);
  std::string line;
  std::getline(ev, line);
  EXPECT_NE(line.find("\"event_type\":\"CONSULT\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"stories\":[\"https://one.test/1\"]"), std::string::npos) << line;
  // The countries' names beside their codes, as on every other row.
  EXPECT_NE(line.find("\"source_country_name\":\"Bulgaria\",\"target_country_name\":\"Georgia\""),
            std::string::npos)
      << line;
  EXPECT_EQ(s->Export("nothing", "csv", stdout).code(), StatusCode::kInvalidArgument);

  // Arrays of strings (a meeting's participants) flatten to ';'-joined names
  // in CSV, as arrays of objects (sources) do: a string element is no JSON text.
  Analysis b = Article("https://one.test/2", "2024-03-02", "text two");
  Meeting m;
  m.participants = {"Ana Petrova", "Ivo Marin"};
  m.place = "Tbilisi";
  m.date = "2024-03-02";
  m.status = "past";
  b.meetings.push_back(m);
  ASSERT_TRUE(s->Add(b).ok());
  for (const char* what : {"meetings", "events"}) {
    f = std::fopen(out.c_str(), "w");
    ASSERT_TRUE(s->Export(what, "csv", f).ok()) << what;
    std::fclose(f);
    std::ifstream mc(out);
    std::stringstream all;
    all << mc.rdbuf();
    EXPECT_NE(all.str().find("Ana Petrova"), std::string::npos) << what << ": " << all.str();
  }
}

TEST(StoreDedupTest, NearCopiesAreCloseAndOtherTextsAreNot) {
  const auto a = store::Shingles(Body("First line."));
  const auto b = store::Shingles(Body("Another first line, from another site."));
  const auto c = store::Shingles(
      "Completely different words about football scores, a long match in the rain, and the supporters who "
      "stayed until the end of the second half to see the winning goal scored by the young striker today.");
  const auto ba = store::MinHashBands(a), bb = store::MinHashBands(b), bc = store::MinHashBands(c);
  ASSERT_EQ(ba.size(), static_cast<size_t>(store::kBands));
  int shared_ab = 0, shared_ac = 0;
  for (size_t i = 0; i < ba.size(); ++i) shared_ab += ba[i] == bb[i], shared_ac += ba[i] == bc[i];
  EXPECT_GE(shared_ab, 1);
  EXPECT_EQ(shared_ac, 0);
  EXPECT_GE(store::Containment(a, b), store::kMinContainment);
  EXPECT_LT(store::Containment(a, c), 0.1);
  EXPECT_NE(store::ContentHash("u", "text"), store::ContentHash("v", "text"));
}

TEST(StoreDatesTest, PrecisionPeriodsAndBounds) {
  EXPECT_EQ(store::PrecisionOf("2024-03-01"), store::DatePrecision::kDay);
  EXPECT_EQ(store::PrecisionOf("2024-03"), store::DatePrecision::kMonth);
  EXPECT_EQ(store::PrecisionOf("2024"), store::DatePrecision::kYear);
  EXPECT_EQ(store::PrecisionOf("XXXX-03-01"), store::DatePrecision::kNone);
  EXPECT_EQ(store::PeriodOf("2024-11", "quarter"), "2024-Q4");
  EXPECT_EQ(store::PeriodOf("2024-11", "year"), "2024");
  EXPECT_EQ(store::MonthBound("2024", true), "2024-12");
  EXPECT_EQ(store::DayBound("2024-02", false), "2024-02-01");
  EXPECT_EQ(store::DayBound("soon", false), "");
}

TEST(StoreRowsTest, SnippetsMarkTheWordsAndCutAtSpaces) {
  const std::string text =
      "The talks began early. After a long morning the Foreign Minister said the corridor would open in spring, "
      "and that the border commission would meet again before the summer recess of the parliament in the capital.";
  const std::string s = store::MakeSnippet(text, "\"corridor\" \"Border\"", 80);
  EXPECT_NE(s.find("[corridor]"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("…", 0), 0u) << s;  // cut before
  EXPECT_LE(s.size(), 80u + 2 * std::string("…").size() + 4);
  // A prefix term; no match gives the beginning.
  EXPECT_NE(store::MakeSnippet(text, "\"parliam\"*", 400).find("[parliament]"), std::string::npos);
  EXPECT_EQ(store::MakeSnippet(text, "\"nothing\"", 20).rfind("The talks", 0), 0u);
  // Never inside a UTF-8 sequence.
  const std::string s2 = store::MakeSnippet("Ürümqi ağır şey çok güzel, bir iki üç dört beş", "\"x\"", 9);
  EXPECT_EQ(s2.find("\xC3…"), std::string::npos);
}

TEST(StoreRowsTest, FtsQueryQuotesEveryTerm) {
  EXPECT_EQ(store::FtsQuery("Lavrov's visit"), "\"Lavrov's\" \"visit\"");
  EXPECT_EQ(store::FtsQuery("\"balanced policy\" OR Baku*"), "\"balanced policy\" OR \"Baku\"*");
  EXPECT_EQ(store::FtsQuery("OR"), "\"OR\"");
  EXPECT_EQ(store::FtsQuery("a OR"), "\"a\"");
  EXPECT_EQ(store::FtsQuery("  "), "");
}

}  // namespace
}  // namespace attache
