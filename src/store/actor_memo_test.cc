// The writer's memory of stored actors (store_impl.h, ActorMemo): it saves
// queries, and must never keep the store from learning more of an actor
// (a role, a country, a longer name), nor outlive a transaction that did not
// commit. The names here are invented.
#include <gtest/gtest.h>

#include <string>

#include "attache/store.h"
#include "store/store_impl.h"
#include "tests/test_dir.h"

namespace attache {
namespace {

TEST(ActorMemoTest, LearntEntriesCountOnlyOnceCommitted) {
  store::ActorMemo m;
  m.Learn("quill", {7, true, false, 10});
  ASSERT_NE(m.Find("quill"), nullptr);  // seen inside its own transaction
  m.Forget();                            // which then failed
  EXPECT_EQ(m.Find("quill"), nullptr);
  m.Learn("quill", {8, false, true, 10});
  m.Commit();
  m.Forget();  // a later failure does not undo what was committed
  ASSERT_NE(m.Find("quill"), nullptr);
  EXPECT_EQ(m.Find("quill")->id, 8);
  EXPECT_TRUE(m.Find("quill")->country);
}

class ActorMemoStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = Store::Open(dir_.File("record.db"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    store_ = std::move(r).value();
  }

  // A page where `name` (with `role`, if any) visits Saltmere's country.
  static Analysis Page(int n, const std::string& name, std::optional<std::string> role,
                       std::optional<std::string> country) {
    Analysis a;
    a.article.source = "https://harbour.test/" + std::to_string(n);
    a.article.url = a.article.source;
    a.article.published = "2031-05-0" + std::to_string(n);
    a.article.lang = "en";
    a.article.text = "Page " + std::to_string(n) + ": a visit to the harbour of Saltmere.";
    Visit v;
    v.visitor = name;
    v.visitor_role = std::move(role);
    v.visitor_country = std::move(country);
    v.host_country = "NZL";
    v.status = "past";
    v.date = a.article.published;
    v.mentions = {0};
    a.visits.push_back(v);
    return a;
  }

  std::string ActorsJson() {
    QueryFilter f;
    auto r = store_->Actors(f);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::string out;
    if (r.ok())
      for (const auto& row : r.value()) out += row + "\n";
    return out;
  }

  attache_test::TestDir dir_{"attache_actor_memo"};
  std::unique_ptr<Store> store_;
};

TEST_F(ActorMemoStoreTest, AnActorSeenAgainStillLearnsItsRoleCountryAndFullName) {
  ASSERT_TRUE(store_->Add(Page(1, "Quill", std::nullopt, std::nullopt)).ok());
  ASSERT_TRUE(store_->Add(Page(2, "Quill", std::nullopt, std::nullopt)).ok());  // known, nothing new
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->Add(Page(3, "Quill", std::string("harbour minister"), std::nullopt)).ok());
  ASSERT_TRUE(store_->Add(Page(4, "Quill", std::nullopt, std::string("AUS"))).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  const std::string actors = ActorsJson();
  EXPECT_NE(actors.find("harbour minister"), std::string::npos) << actors;
  EXPECT_NE(actors.find("AUS"), std::string::npos) << actors;
}

}  // namespace
}  // namespace attache
