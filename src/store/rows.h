// Internal: turning query results into JSON, and building WHERE clauses
// whose values are always bound parameters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/store.h"
#include "store/db.h"

namespace attache::store {

// Collects "AND"-joined conditions. Each condition's `?` placeholders are
// numbered in order of Add(); the values are bound by BindTo(). The SQL text
// never holds a value.
class Where {
 public:
  // Placeholders are numbered from `first_param` on (after any the query's
  // own text uses before the conditions).
  explicit Where(int first_param = 1) : first_(first_param) {}
  // `clause` holds exactly one `?` per value.
  void Add(std::string_view clause, std::vector<std::string> values);
  std::string Sql() const { return sql_.empty() ? std::string() : " WHERE " + sql_; }
  std::string AndSql() const { return sql_.empty() ? std::string() : " AND " + sql_; }
  int Count() const { return static_cast<int>(values_.size()); }
  int Next() const { return first_ + Count(); }  // the first position after the conditions
  void BindTo(Stmt* s) const;

 private:
  int first_;
  std::string sql_;
  std::vector<std::string> values_;
};

// The filter's checks (dates, reversed range, status, offset) and its
// conditions, shared by the questions, the balance and the exports
// (query.cc).
Status CheckFilter(const QueryFilter& f);
void AddDateRange(Where* w, const QueryFilter& f, std::string_view column);
void AddStatus(Where* w, const std::vector<std::string>& status, std::string_view column);
// `value` as typed (codes, names, demonyms, bloc names; see
// attache/countries.h) as a condition on a country-code column.
Status AddCountries(Where* w, const std::string& value, std::string_view what, std::string_view column);

// Source articles as a JSON array of {id, title, outlet, date, url}, for the
// rows of a visit (`kind` "visit", the row's id in `id_column`) or a meeting.
std::string SourcesSql(std::string_view kind, std::string_view id_column);

// The columns of a visit row (table alias v) and of a meeting row (m), with
// the countries' names and the sources.
const std::string& VisitColumns();
const std::string& MeetingColumns();

// One JSON object per row, keyed by column name. INTEGER columns are numbers,
// NULL is null, TEXT is a string; a column whose name ends in "_json" holds
// JSON already and is written as it is, under the name without the suffix.
// Reads until the statement is done; `*st` reports a failure.
std::string RowJson(const Stmt& s, int columns = -1);  // the current row (its first `columns`)
std::vector<std::string> RowsToJson(Stmt* s, Status* st);

// A JSON array of objects.
std::string JoinArray(const std::vector<std::string>& rows);

// A free-text search as a safe FTS5 query: each word becomes a quoted term
// (all must match), "quoted phrases" stay phrases, a trailing * keeps a
// prefix search, and OR between terms is kept. Empty when nothing is left.
std::string FtsQuery(std::string_view user);

// A short passage of `text` around the first word that one of the terms of
// `fts_query` (as FtsQuery writes it) matches, with the matching words in
// [brackets] and "…" where the passage is cut; the text's beginning when no
// term is found as written (the index also matches folded forms). At most
// about `width` bytes, cut at spaces and never inside a UTF-8 sequence.
std::string MakeSnippet(std::string_view text, std::string_view fts_query, size_t width = 200);

// RFC 4180 field.
std::string CsvField(std::string_view v);

}  // namespace attache::store
