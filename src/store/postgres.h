// Internal: the PostgreSQL backend of the store's connection (db.h), over
// libpq. A store URL "postgresql://user@host:port/db" (or "postgres://")
// opens it; everything else is a SQLite file.
//
// Statements keep the store's SQLite-style placeholders (?1, ?) and are
// translated to $1; values travel as text and PostgreSQL infers their
// types. Results are fetched whole per statement (the store's questions
// are bounded by their LIMIT; exports stream through a cursor-free query,
// which is fine up to millions of rows).
//
// Several writers at once: every writing transaction first takes one
// transaction-scoped advisory lock, so documents are stored one at a time
// (as SQLite's BEGIN IMMEDIATE does); content-hash uniqueness, syndicated
// copies and the merging of visits and meetings then see every earlier
// document, whichever worker stored it. Analysis runs outside the lock.
#pragma once

#include <string>

#include "attache/store.h"
#include "store/db.h"

namespace attache::store {

bool IsPostgresUrl(const std::string& s);

// Connects `db` to the PostgreSQL store at `url` and migrates its schema
// (store/schema_pg.cc). Errors: kIoError (cannot connect), kCorrupt (a
// database that holds other tables), kInvalidArgument (a newer schema).
Status OpenPostgres(Db* db, const std::string& url, const StoreOptions& options);

// The schema's migrations for PostgreSQL (schema_pg.cc), beside SQLite's.
const std::vector<std::string_view>& PgMigrations();

}  // namespace attache::store
