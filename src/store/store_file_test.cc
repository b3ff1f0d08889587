// The store file: created and reopened at the current schema, files that are
// not stores and newer schemas refused, older stores migrated on open, and
// a damaged or locked file reported clearly. SQLite only. Every article here
// is invented for the test.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "attache/store.h"
#include "store/store_fixture.h"

namespace attache {
namespace {

using store_testing::Article;
using store_testing::Body;
using store_testing::MakeVisit;
using store_testing::StoreTest;
namespace fs = std::filesystem;

TEST_F(StoreTest, CreatesAndReopensAtTheCurrentSchema) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), Store::SchemaVersion());
  sqlite3_finalize(s);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
  EXPECT_NE(OpenOrDie(), nullptr);  // reopening migrates nothing and works
}

TEST_F(StoreTest, RefusesFilesThatAreNotStores) {
  {
    std::ofstream(path_) << "this is not a database, only some text that is long enough to be looked at";
  }
  auto r = Store::Open(path_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << r.status().ToString();

  const std::string other = (dir_ / "other.db").string();
  sqlite3* db = nullptr;
  sqlite3_open(other.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto r2 = Store::Open(other);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(r2.status().message().find("not an attache store"), std::string::npos);
}

TEST_F(StoreTest, RefusesANewerSchema) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto r = Store::Open(path_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("newer"), std::string::npos);
}

// An older store is migrated on open: version 1 had no visit counts.
// The triggers that indexed each row for search up to schema version 3.
constexpr const char* kFtsTriggersOfVersions1To3 =
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END; "
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END; ";

TEST_F(StoreTest, MigratesAVersionOneStore) {
  {
    auto s = OpenOrDie();
    Analysis a = Article("https://one.test/1", "2024-03-01", "text");
    a.visits.push_back(MakeVisit("Ana Petrova", "BGR", "GEO", "2024-03-01", "past"));
    ASSERT_TRUE(s->Add(a).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const std::string to_v1 = std::string(
                                "DROP TRIGGER visit_counts_insert; DROP TRIGGER visit_counts_delete; "
                                "DROP TRIGGER visit_counts_update; DROP TABLE visit_counts; "
                                "DROP TRIGGER article_meta_insert; DROP TABLE article_meta; ") +
                            kFtsTriggersOfVersions1To3 + "PRAGMA user_version = 1";
  ASSERT_EQ(sqlite3_exec(db, to_v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto s = OpenOrDie();
  BalanceQuery q;
  q.host = "GEO";
  auto rows = s->Balance(q);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(BalanceToJson(rows.value()), "[{\"period\":\"2024-03\",\"partner\":\"BGR\",\"partner_name\":\"Bulgaria\",\"bloc\":\"West\",\"visits\":1}]");
  QueryFilter f;
  f.text = "text";
  f.outlet = "example times";
  auto found = s->SearchArticles(f);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found.value().size(), 1u);
}

// A reader of an older store migrates it first (when it may write the file).
TEST_F(StoreTest, AReaderUpgradesAnOlderStore) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const std::string to_v2 = std::string("DROP TRIGGER article_meta_insert; DROP TABLE article_meta; ") +
                            kFtsTriggersOfVersions1To3 + "PRAGMA user_version = 2";
  ASSERT_EQ(sqlite3_exec(db, to_v2.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  StoreOptions ro;
  ro.read_only = true;
  auto s = Store::Open(path_, ro);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  QueryFilter f;
  f.outlet = "anything";
  EXPECT_TRUE(s.value()->SearchArticles(f).ok());
}

TEST_F(StoreTest, ADamagedStoreIsRefusedAtOpenOrWhenAStatementMeetsTheDamage) {
  {
    auto s = OpenOrDie();
    for (int i = 0; i < 300; ++i)
      ASSERT_TRUE(s->Add(Article("https://one.test/" + std::to_string(i), "2024-03-01",
                                 Body("Lead " + std::to_string(i) + " " + std::string(i % 7 + 1, 'x'))))
                      .ok());
  }
  const auto size = fs::file_size(path_);
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
    for (int i = 0; i < 32768; ++i) f.put(static_cast<char>(i * 7919 % 251));
  }
  for (bool read_only : {false, true}) {
    StoreOptions o;
    o.read_only = read_only;
    auto r = Store::Open(path_, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
    EXPECT_EQ(r.status().message().rfind(path_ + ": the store is damaged", 0), 0u) << r.status().message();
  }
  // A store over the size checked at open: the first statement that reads
  // a damaged page says so, naming the file.
  StoreOptions o;
  o.read_only = true;
  o.check_on_open_max_bytes = 0;
  auto s = Store::Open(path_, o);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  QueryFilter f;
  f.text = "corridors";
  f.limit = 1000;
  auto rows = s.value()->SearchArticles(f);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(rows.status().message().find("record.db: the store is damaged"), std::string::npos)
      << rows.status().message();
}

TEST_F(StoreTest, ALockedStoreGivesAClearErrorAndLosesNothing) {
  auto s = OpenOrDie(StoreOptions{false, 100, 3});
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Analysis a = Article("https://one.test/1", "2024-03-01", "text");
  auto r = s->Add(a);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_NE(r.status().message().find("lock"), std::string::npos) << r.status().message();
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(s->Add(a).value().outcome, AddOutcome::kAdded);
}

}  // namespace
}  // namespace attache
