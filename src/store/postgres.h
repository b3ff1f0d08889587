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
// Several writers at once: Store::Add first takes transaction-scoped
// advisory locks on the document's keys (its content hash, its text hash,
// its MinHash bands, and the folded name of every actor it names), all in
// one statement and in sorted order. Two documents that could meet (the
// same content, near copies sharing a band, reports of one visit or
// meeting: the same actors) are stored one after the other, so uniqueness,
// syndicated-copy links and merged events come out as from one writer;
// documents that share no key are stored in parallel. Analysis runs outside.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "attache/store.h"
#include "store/db.h"

namespace attache::store {

bool IsPostgresUrl(const std::string& s);

// Takes the transaction-scoped advisory locks on `keys` (see above).
Status LockKeys(Db* db, std::vector<int64_t> keys);

// Connects `db` to the PostgreSQL store at `url` and migrates its schema
// (store/schema_pg.cc). Errors: kIoError (cannot connect), kCorrupt (a
// database that holds other tables), kInvalidArgument (a newer schema).
Status OpenPostgres(Db* db, const std::string& url, const StoreOptions& options);

// The schema's migrations for PostgreSQL (schema_pg.cc), beside SQLite's.
const std::vector<std::string_view>& PgMigrations();

}  // namespace attache::store
