// Internal: the few pieces of SQL that differ between the store's backends
// (db.h). The store's queries are written once, in the SQL both speak; they
// take these pieces where SQLite and PostgreSQL disagree.
#pragma once

#include <string>
#include <string_view>

#include "store/db.h"

namespace attache::store {

// `column = ?`, ignoring ASCII case.
inline std::string NoCaseEq(const Db& db, std::string_view column) {
  if (db.postgres()) return "lower(" + std::string(column) + ") = lower(?)";
  return std::string(column) + " = ? COLLATE NOCASE";
}

// LIKE as SQLite has it (ASCII case ignored).
inline const char* Like(const Db& db) { return db.postgres() ? " ILIKE " : " LIKE "; }

// Orderings that put NULL where SQLite does (first ascending, last descending).
inline const char* Desc(const Db& db) { return db.postgres() ? " DESC NULLS LAST" : " DESC"; }
inline const char* Asc(const Db& db) { return db.postgres() ? " NULLS FIRST" : ""; }

// `column IN` the integers of one bound JSON array ("[1,2,3]").
inline std::string InJsonIds(const Db& db, std::string_view column) {
  if (db.postgres()) return std::string(column) + " IN (SELECT value::bigint FROM json_array_elements_text(?::json))";
  return std::string(column) + " IN (SELECT value FROM json_each(?))";
}

// A JSON array of `expr` over a subquery's rows; a JSON object of pairs.
inline std::string JsonAgg(const Db& db, std::string_view expr) {
  return (db.postgres() ? "json_agg(" : "json_group_array(") + std::string(expr) + ")";
}
inline const char* JsonObject(const Db& db) { return db.postgres() ? "json_build_object" : "json_object"; }

}  // namespace attache::store
