// Internal: what a Store holds. Shared by the store's own .cc files.
#pragma once

#include <chrono>
#include <optional>
#include <string>

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

  // The actor row for a person or institution (by folded name), created on
  // first sight; a role or country learnt later fills what was unknown.
  Result<int64_t> UpsertActor(const std::string& name, const std::optional<std::string>& role,
                              const std::optional<std::string>& country);
};

}  // namespace attache
