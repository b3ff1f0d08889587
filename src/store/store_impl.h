// Internal: what a Store holds. Shared by the store's own .cc files.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "attache/store.h"
#include "store/sqlite.h"

namespace attache {

namespace store {
// The query time limit's clock: when the statement now running started.
struct QueryClock {
  std::chrono::steady_clock::time_point statement_start{};
  int timeout_ms = 0;
};
}  // namespace store

namespace store {
// What this writer knows of stored actor rows, so that a speaker or visitor
// seen again with nothing new costs no query. Rows of actors are only ever
// created and filled in (a role, a country, a longer name), never emptied,
// so knowing less than the store holds is safe; an entry learnt inside a
// transaction counts only once that transaction commits (a document that
// fails, or a batch rolled back, forgets what it learnt).
struct ActorMemo {
  struct Known {
    int64_t id = 0;
    bool role = false, country = false;
    size_t name_chars = 0;  // as SQL length() counts
  };
  std::unordered_map<std::string, Known> committed, pending;
  static constexpr size_t kMaxEntries = 200000;

  const Known* Find(const std::string& key) const {
    auto p = pending.find(key);
    if (p != pending.end()) return &p->second;
    auto c = committed.find(key);
    return c == committed.end() ? nullptr : &c->second;
  }
  void Learn(const std::string& key, const Known& k) { pending[key] = k; }
  void Commit() {
    if (committed.size() + pending.size() > kMaxEntries) committed.clear();
    for (auto& [key, k] : pending) committed[key] = k;
    pending.clear();
  }
  void Forget() { pending.clear(); }
};
}  // namespace store

struct Store::Impl {
  store::Db db;
  StoreOptions options;
  std::string path;
  bool in_batch = false;     // between BeginBatch() and CommitBatch()
  store::QueryClock clock;  // options.query_timeout_ms

  // SQLite: the full-text indexes take the rows a transaction added, once,
  // right before it commits (schema version 4). The largest article and
  // quote ids when the transaction began; -1 when not noted.
  int64_t fts_article_floor = -1, fts_quote_floor = -1;
  Status NoteSearchFloor();   // at the start of a writing transaction
  Status WriteSearchIndex();  // right before its COMMIT

  store::ActorMemo actors;   // UpsertActor's memory of stored actors

  // The actor row for a person or institution (by folded name), created on
  // first sight; a role or country learnt later fills what was unknown.
  Result<int64_t> UpsertActor(const std::string& name, const std::optional<std::string>& role,
                              const std::optional<std::string>& country);
};

}  // namespace attache
