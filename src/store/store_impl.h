// Internal: what a Store holds. Shared by the store's own .cc files.
#pragma once

#include <optional>
#include <string>

#include "attache/store.h"
#include "store/sqlite.h"

namespace attache {

struct Store::Impl {
  store::Db db;
  StoreOptions options;
  std::string path;
  bool in_batch = false;  // between BeginBatch() and CommitBatch()

  // The actor row for a person or institution (by folded name), created on
  // first sight; a role or country learnt later fills what was unknown.
  Result<int64_t> UpsertActor(const std::string& name, const std::optional<std::string>& role,
                              const std::optional<std::string>& country);
};

}  // namespace attache
