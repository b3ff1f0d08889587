// The full-text indexes of an SQLite store, written once per transaction
// right before it commits (schema version 4): every stored article and
// quote is found by search exactly once, whether it came alone, in a batch,
// in a batch left open until the store closed, or after a migration from a
// store whose triggers indexed each row. Every text here is invented.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "attache/store.h"
#include "tests/test_dir.h"

namespace attache {
namespace {

class SearchIndexTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Open() {
    auto r = Store::Open(path_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : nullptr;
  }

  // A page whose text carries one word of its own (`word`) and one quote.
  static Analysis Page(const std::string& word) {
    Analysis a;
    a.article.source = "https://harbour.test/" + word;
    a.article.url = a.article.source;
    a.article.title = "Harbour board meets on the " + word + " pier";
    a.article.published = "2031-05-02";
    a.article.lang = "en";
    a.article.text = "The harbour board met on Friday about the " + word + " pier. \"We will build it,\" the chair said.";
    Quote q;
    q.speaker = "Mara Quill";
    q.text = "We will build the " + word + " pier";
    q.begin = 0;
    q.end = q.text.size();
    q.cue = "said";
    q.direct = true;
    a.quotes.push_back(q);
    return a;
  }

  // How many rows each full-text index holds for `word`.
  static size_t Articles(const Store& s, const std::string& word) {
    QueryFilter f;
    f.text = word;
    auto r = s.SearchArticles(f);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value().size() : 0;
  }
  static size_t Quotes(const Store& s, const std::string& word) {
    QueryFilter f;
    f.text = word;
    auto r = s.Quotes(f);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value().size() : 0;
  }

  // The rows of an index table as SQLite counts them ("integrity-check"
  // of FTS5 compares the index with its content table).
  std::string FtsIntegrity() const {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    std::string out;
    for (const char* sql : {"INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')",
                            "INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')"}) {
      char* err = nullptr;
      if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) out += std::string(err ? err : "?") + "; ";
      sqlite3_free(err);
    }
    sqlite3_close(db);
    return out.empty() ? "ok" : out;
  }

  attache_test::TestDir dir_{"attache_search_index"};
  std::string path_ = dir_.File("record.db");
};

TEST_F(SearchIndexTest, AloneAndInABatchEachDocumentIsFoundOnce) {
  auto s = Open();
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->Add(Page("cedar")).ok());  // its own transaction
  ASSERT_TRUE(s->BeginBatch().ok());
  ASSERT_TRUE(s->Add(Page("willow")).ok());
  ASSERT_TRUE(s->Add(Page("alder")).ok());
  ASSERT_TRUE(s->Add(Page("cedar")).ok());  // the same page again: a duplicate, not indexed twice
  ASSERT_TRUE(s->CommitBatch().ok());
  for (const char* w : {"cedar", "willow", "alder"}) {
    EXPECT_EQ(Articles(*s, w), 1u) << w;
    EXPECT_EQ(Quotes(*s, w), 1u) << w;
  }
  EXPECT_EQ(FtsIntegrity(), "ok");
}

TEST_F(SearchIndexTest, ABatchLeftOpenIsIndexedWhenTheStoreCloses) {
  {
    auto s = Open();
    ASSERT_NE(s, nullptr);
    ASSERT_TRUE(s->BeginBatch().ok());
    ASSERT_TRUE(s->Add(Page("birch")).ok());
  }  // the destructor commits the batch
  auto s = Open();
  EXPECT_EQ(Articles(*s, "birch"), 1u);
  EXPECT_EQ(Quotes(*s, "birch"), 1u);
  EXPECT_EQ(FtsIntegrity(), "ok");
}

TEST_F(SearchIndexTest, AStoreOfTheTriggerVersionKeepsItsIndexAndAddsOnce) {
  {
    auto s = Open();
    ASSERT_TRUE(s->Add(Page("hazel")).ok());
  }
  // Make the file a version-3 store, whose triggers indexed each row.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
                         "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); "
                         "END; CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
                         "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END; "
                         "PRAGMA user_version = 3",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = Open();  // migrates to the current version
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->BeginBatch().ok());
  ASSERT_TRUE(s->Add(Page("rowan")).ok());
  ASSERT_TRUE(s->CommitBatch().ok());
  EXPECT_EQ(Articles(*s, "hazel"), 1u);
  EXPECT_EQ(Articles(*s, "rowan"), 1u);
  EXPECT_EQ(Quotes(*s, "rowan"), 1u);
  EXPECT_EQ(FtsIntegrity(), "ok");
}

}  // namespace
}  // namespace attache
