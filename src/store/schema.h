// Internal: the store's schema, as a list of migrations. Migration i takes a
// database from user_version i to i + 1; Open() applies the missing ones in
// one transaction each. Never edit a migration that has shipped: add one.
#pragma once

#include <string_view>
#include <vector>

namespace attache::store {

const std::vector<std::string_view>& Migrations();

}  // namespace attache::store
