// The store's tests: a fixture with a fresh store file per test, and the
// invented articles and visits they store. Shared by store_test.cc and
// store_file_test.cc.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "attache/store.h"

namespace attache::store_testing {

namespace fs = std::filesystem;

// A fresh SQLite store file per test (path_, in the folder dir_). Outside an
// anonymous namespace on purpose: gtest requires the tests of the suite
// StoreTest, in two files, to share one fixture class.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("attache_store_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "record.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> OpenOrDie(StoreOptions o = {}) {
    auto r = Store::Open(path_, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : nullptr;
  }

  fs::path dir_;
  std::string path_;
};

// A long enough body that near-duplicate detection applies.
inline std::string Body(const std::string& lead) {
  std::string t = lead + "\n\n";
  for (int i = 0; i < 12; ++i) {
    t += "Paragraph " + std::to_string(i) +
         " describes the talks on transit corridors, energy supplies and the border commission in some detail. ";
  }
  return t;
}

inline Analysis Article(const std::string& url, const std::string& published, const std::string& text) {
  Analysis a;
  a.article.source = url;
  a.article.url = url;
  a.article.title = "Minister arrives for talks";
  a.article.published = published;
  a.article.outlet = "Example Times";
  a.article.lang = "en";
  a.article.text = text;
  return a;
}

inline Visit MakeVisit(const std::string& who, const std::string& from, const std::string& to,
                std::optional<std::string> date, const std::string& status) {
  Visit v;
  v.visitor = who;
  v.visitor_country = from;
  v.host_country = to;
  v.place = "Rivertown";
  v.date = std::move(date);
  v.status = status;
  v.codes = {"042", "CONSULT", "visit"};
  v.mentions = {10};
  return v;
}

}  // namespace attache::store_testing
