// The store: adding analysed articles with their quotes and merged events
// (opening it: open.cc).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>

#include "attache/countries.h"
#include "attache/store.h"
#include "core/json.h"
#include "store/dedup.h"
#include "store/postgres.h"
#include "store/event_dates.h"
#include "store/rows.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "text/officeholders.h"

namespace attache {

using store::DatePrecision;
using store::Stmt;

const char* AddOutcomeName(AddOutcome o) {
  switch (o) {
    case AddOutcome::kAdded:
      return "added";
    case AddOutcome::kDuplicate:
      return "duplicate";
    case AddOutcome::kSyndicated:
      return "syndicated";
  }
  return "?";
}

namespace {

// How far apart two reports of one event may be, and which existing event
// a new report belongs to. Smaller is closer; nullopt is "not this one".
std::optional<int64_t> EventDistance(std::string_view new_date, std::string_view new_anchor,
                                     std::string_view old_date, std::string_view old_anchor, int window) {
  const DatePrecision np = store::PrecisionOf(new_date), op = store::PrecisionOf(old_date);
  const auto na = store::DayNumber(new_anchor), oa = store::DayNumber(old_anchor);
  const int64_t anchor_gap = (na && oa) ? std::llabs(*na - *oa) : 400;
  if (np == DatePrecision::kDay && op == DatePrecision::kDay) {
    const int64_t d = std::llabs(*store::DayNumber(new_date) - *store::DayNumber(old_date));
    if (d <= window) return d;
    return std::nullopt;
  }
  if (np >= DatePrecision::kMonth && op >= DatePrecision::kMonth) {
    if (new_date.substr(0, 7) == old_date.substr(0, 7)) return 100 + anchor_gap;
    return std::nullopt;
  }
  if (np >= DatePrecision::kYear && op >= DatePrecision::kYear) {
    if (new_date.substr(0, 4) == old_date.substr(0, 4)) return 1000 + anchor_gap;
    return std::nullopt;
  }
  // One side has no date: the reports must be close in time (the anchor is
  // the event's day, else the day of the report that told of it).
  if (anchor_gap <= 30) return 10000 + anchor_gap;
  return std::nullopt;
}

// The stored event a new report belongs to, from candidate rows of (id,
// date, anchor, status_as_of): the closest by EventDistance; id 0 if none.
struct Closest {
  int64_t id = 0;
  std::string date, as_of;
};

Closest FindClosest(Stmt* c, std::string_view date, std::string_view anchor, int window, Status* st) {
  Closest best;
  int64_t best_d = std::numeric_limits<int64_t>::max();
  while (c->Step(st)) {
    const auto d = EventDistance(date, anchor, c->Text(1), c->Text(2), window);
    if (d && *d < best_d) {
      best_d = *d;
      best.id = c->Int(0);
      best.date = std::string(c->Text(1));
      best.as_of = std::string(c->Text(3));
    }
  }
  return best;
}

// The id an INSERT ... RETURNING id gave.
Result<int64_t> InsertedId(Stmt* s) {
  Status st;
  if (!s->Step(&st)) return st.ok() ? Status::IoError("insert returned no id") : st;
  const int64_t id = s->Int(0);
  s->Reset();
  return id;
}

std::string MentionsJson(const std::vector<size_t>& m) {
  std::string out;
  json::AppendArray(&out, m, [](std::string* o, size_t v) { *o += std::to_string(v); });
  return out;
}

}  // namespace

Status Store::Impl::NoteSearchFloor() {
  if (db.postgres()) return Status::Ok();
  Status st;
  Stmt& s = db.Cached("SELECT (SELECT coalesce(max(id), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM quotes)",
                      &st);
  if (!st.ok()) return st;
  if (s.Step(&st)) {
    fts_article_floor = s.Int(0);
    fts_quote_floor = s.Int(1);
  }
  s.Reset();
  return st;
}

Status Store::Impl::WriteSearchIndex() {
  if (db.postgres() || fts_article_floor < 0) return Status::Ok();
  Status st;
  Stmt& a = db.Cached(
      "INSERT INTO articles_fts(rowid, title, text) SELECT id, coalesce(title, ''), text FROM articles WHERE id > ?1",
      &st);
  if (!st.ok()) return st;
  a.Bind(1, fts_article_floor);
  if (Status r = a.Run(); !r.ok()) return r;
  Stmt& q = db.Cached("INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes WHERE id > ?1", &st);
  if (!st.ok()) return st;
  q.Bind(1, fts_quote_floor);
  if (Status r = q.Run(); !r.ok()) return r;
  fts_article_floor = fts_quote_floor = -1;
  return Status::Ok();
}

namespace {
// Characters of a UTF-8 string, as SQL's length() counts them.
size_t Utf8Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

Result<int64_t> Store::Impl::UpsertActor(const std::string& name, const std::optional<std::string>& role,
                                         const std::optional<std::string>& country) {
  std::string key = text::FoldPersonName(name);
  if (key.empty()) key = name;
  // Known here, with nothing to fill in: no query at all.
  if (const store::ActorMemo::Known* m = actors.Find(key)) {
    if ((!role || m->role) && (!country || m->country) && Utf8Chars(name) <= m->name_chars) return m->id;
  }
  Status st;
  {  // Known, with nothing to fill in: no write (and no row lock that other writers would wait on).
    Stmt& k = db.Cached(
        "SELECT id, (role IS NULL AND CAST(?2 AS TEXT) IS NOT NULL) OR (country IS NULL AND CAST(?3 AS TEXT) IS NOT "
        "NULL) OR length(CAST(?4 AS TEXT)) > length(name), role IS NOT NULL, country IS NOT NULL, length(name) "
        "FROM actors WHERE key = ?1",
        &st);
    if (!st.ok()) return st;
    k.Bind(1, key).Bind(2, role).Bind(3, country).Bind(4, name);
    if (k.Step(&st) && k.Int(1) == 0) {
      const int64_t id = k.Int(0);
      actors.Learn(key, {id, k.Int(2) != 0, k.Int(3) != 0, static_cast<size_t>(k.Int(4))});
      k.Reset();
      return id;
    }
    k.Reset();
    if (!st.ok()) return st;
  }
  Stmt& s = db.Cached(
      "INSERT INTO actors(key, name, role, country) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(key) DO UPDATE SET role = coalesce(actors.role, excluded.role), "
      "country = coalesce(actors.country, excluded.country), "
      "name = CASE WHEN length(excluded.name) > length(actors.name) THEN excluded.name ELSE actors.name END "
      "RETURNING id",
      &st);
  if (!st.ok()) return st;
  s.Bind(1, key).Bind(2, name).Bind(3, role).Bind(4, country);
  if (!s.Step(&st)) return st.ok() ? Status::IoError("actor upsert returned nothing") : st;
  const int64_t id = s.Int(0);
  while (s.Step(&st)) {
  }
  if (!st.ok()) return st;
  // What the row holds now is at least what was just written.
  if (const store::ActorMemo::Known* m = actors.Find(key)) {
    actors.Learn(key, {id, m->role || role.has_value(), m->country || country.has_value(),
                       std::max(m->name_chars, Utf8Chars(name))});
  } else {
    actors.Learn(key, {id, role.has_value(), country.has_value(), Utf8Chars(name)});
  }
  return id;
}

Result<AddResult> Store::Add(const Analysis& an) {
  // PostgreSQL may end one of two writers that wait on each other's rows
  // (a deadlock): the document is stored again from the start.
  for (int attempt = 0;; ++attempt) {
    Result<AddResult> r = AddOnce(an);
    // What was learnt of actors counts once it is committed; a document that
    // failed (its batch goes on without it) forgets it, with its batch's.
    if (!r.ok()) {
      impl_->actors.Forget();
    } else if (!impl_->in_batch) {
      impl_->actors.Commit();
    }
    if (r.ok() || attempt == 4 || !impl_->db.postgres() || impl_->in_batch ||
        r.status().message().find("deadlock detected") == std::string::npos) {
      return r;
    }
  }
}

Result<AddResult> Store::AddOnce(const Analysis& an) {
  if (impl_->options.read_only) return Status::InvalidArgument(impl_->path + ": the store is open read-only");
  const attache::Article& a = an.article;
  store::Db& db = impl_->db;
  AddResult res;
  const std::string hash = store::ContentHash(a.url.value_or(""), a.text);
  const std::string text_hash = store::ContentHash("", a.text);
  Status st;

  // A near copy of a stored original? (Its bands, computed before the
  // transaction: PostgreSQL locks them.)
  const std::vector<uint64_t> shingles = store::Shingles(a.text);
  const std::vector<int64_t> bands =
      shingles.size() >= store::kMinShingles ? store::MinHashBands(shingles) : std::vector<int64_t>();

  store::Transaction tx(&db, impl_->in_batch);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (!impl_->in_batch) {
    if (Status s = impl_->NoteSearchFloor(); !s.ok()) return s;
  }
  // The document's own transaction (outside a batch) indexes its text for
  // search right before it commits.
  auto commit = [&]() -> Status {
    if (!impl_->in_batch) {
      if (Status s = impl_->WriteSearchIndex(); !s.ok()) return s;
    }
    return tx.Commit();
  };
  if (db.postgres()) {
    std::vector<int64_t> keys = {store::Key64(hash), store::Key64(text_hash)};
    keys.insert(keys.end(), bands.begin(), bands.end());
    auto actor_key = [&](const std::string& name) {
      std::string k = text::FoldPersonName(name);
      keys.push_back(store::Key64("actor:" + (k.empty() ? name : k)));
    };
    // (Not the quotes' speakers: "the ministry" speaks in half the news;
    // their rows are only written when something is learnt about them.)
    for (const Visit& v : an.visits) actor_key(v.visitor);
    for (const Meeting& m : an.meetings) {
      for (const std::string& p : m.participants) actor_key(p);
    }
    if (Status s = store::LockKeys(&db, std::move(keys)); !s.ok()) return s;
  }

  {  // The same document again: nothing to do.
    Stmt& s = db.Cached("SELECT id FROM articles WHERE content_hash = ?1", &st);
    if (!st.ok()) return st;
    s.Bind(1, hash);
    if (s.Step(&st)) {
      res.outcome = AddOutcome::kDuplicate;
      res.article_id = s.Int(0);
      s.Reset();  // no reader left open on the connection
      return res;
    }
    if (!st.ok()) return st;
  }

  int64_t original = 0;
  if (a.text.size() >= 200) {
    Stmt& s = db.Cached("SELECT id FROM articles WHERE text_hash = ?1 AND duplicate_of IS NULL LIMIT 1", &st);
    if (!st.ok()) return st;
    s.Bind(1, text_hash);
    if (s.Step(&st)) original = s.Int(0);
    s.Reset();
    if (!st.ok()) return st;
  }
  if (original == 0 && !bands.empty()) {
    std::string sql = "SELECT a.id, a.text FROM articles a WHERE a.id IN (SELECT article_id FROM article_bands "
                      "WHERE band IN (";
    for (size_t i = 0; i < bands.size(); ++i) sql += i ? ", ?" : "?";
    sql += ") LIMIT 64)";
    Stmt& s = db.Cached(sql, &st);  // the same text for every page (kBands bands)
    if (!st.ok()) return st;
    for (size_t i = 0; i < bands.size(); ++i) s.Bind(static_cast<int>(i) + 1, bands[i]);
    double best = 0;
    while (s.Step(&st)) {
      const double c = store::Containment(shingles, store::Shingles(s.Text(1)));
      if (c >= store::kMinContainment && c > best) {
        best = c;
        original = s.Int(0);
      }
    }
    s.Reset();
    if (!st.ok()) return st;
  }

  {
    Stmt& s = db.Cached(
        "INSERT INTO articles(content_hash, text_hash, source, url, title, subtitle, published, published_day, "
        "outlet, authors, section, lang, views, text, duplicate_of) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id",
        &st);
    if (!st.ok()) return st;
    std::string authors;
    json::AppendArray(&authors, a.authors, [](std::string* o, const std::string& v) { json::AppendString(o, v); });
    s.Bind(1, hash).Bind(2, text_hash).Bind(3, a.source).Bind(4, a.url).Bind(5, a.title).Bind(6, a.subtitle);
    s.Bind(7, a.published).BindOrNull(8, store::DayOf(a.published.value_or(""))).Bind(9, a.outlet);
    s.Bind(10, authors).Bind(11, a.section).Bind(12, a.lang);
    if (a.views) {
      s.Bind(13, *a.views);
    } else {
      s.BindNull(13);
    }
    s.Bind(14, a.text);
    if (original) {
      s.Bind(15, original);
    } else {
      s.BindNull(15);
    }
    auto id = InsertedId(&s);
    if (!id.ok()) return id.status();
    res.article_id = id.value();
  }
  if (!original && !bands.empty()) {  // only originals are indexed: copies link to them
    // One statement for all the bands (one round trip to a server).
    std::string sql = "INSERT INTO article_bands(band, article_id) VALUES ";
    for (size_t i = 0; i < bands.size(); ++i) sql += (i ? ", (?" : "(?") + std::to_string(i + 2) + ", ?1)";
    Stmt& s = db.Cached(sql + " ON CONFLICT DO NOTHING", &st);
    if (!st.ok()) return st;
    s.Bind(1, res.article_id);
    for (size_t i = 0; i < bands.size(); ++i) s.Bind(static_cast<int>(i) + 2, bands[i]);
    if (Status r = s.Run(); !r.ok()) return r;
  }
  if (original) {
    res.outcome = AddOutcome::kSyndicated;
    res.original_id = original;
    if (Status c = commit(); !c.ok()) return c;
    return res;
  }

  const std::string published = a.published.value_or("");
  const std::string pub_day = store::DayOf(published);

  // Quotes.
  {
    Stmt& s = db.Cached(
        "INSERT INTO quotes(article_id, actor_id, speaker, speaker_role, channel, direct, text, begin, \"end\", cue) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &st);
    if (!st.ok()) return st;
    for (const Quote& q : an.quotes) {
      auto actor = impl_->UpsertActor(q.speaker, q.speaker_role, std::nullopt);
      if (!actor.ok()) return actor.status();
      s.Bind(1, res.article_id).Bind(2, actor.value()).Bind(3, q.speaker).Bind(4, q.speaker_role);
      s.Bind(5, q.channel).Bind(6, q.direct ? 1 : 0).Bind(7, q.text);
      s.Bind(8, static_cast<int64_t>(q.begin)).Bind(9, static_cast<int64_t>(q.end)).Bind(10, q.cue);
      if (Status r = s.Run(); !r.ok()) return r;
      ++res.quotes;
    }
  }

  const int window = impl_->options.visit_window_days;

  // Visits: each joins the closest stored visit of the same visitor to the
  // same host, or starts a new one.
  for (const Visit& v : an.visits) {
    auto actor = impl_->UpsertActor(v.visitor, v.visitor_role, v.visitor_country);
    if (!actor.ok()) return actor.status();
    const std::string date = v.date.value_or("");
    const std::string anchor = store::PrecisionOf(date) == DatePrecision::kDay ? date : pub_day;
    Stmt& c = db.Cached(
        "SELECT id, coalesce(date, ''), coalesce(anchor, ''), coalesce(status_as_of, '') FROM visits "
        "WHERE actor_id = ?1 AND host_country = ?2 AND NOT EXISTS "
        "(SELECT 1 FROM visit_sources WHERE visit_id = visits.id AND article_id = ?3)",
        &st);
    if (!st.ok()) return st;
    c.Bind(1, actor.value()).Bind(2, v.host_country).Bind(3, res.article_id);
    const Closest best = FindClosest(&c, date, anchor, window, &st);
    if (!st.ok()) return st;
    const int64_t best_id = best.id;
    const std::string& best_date = best.date;
    const std::string& best_as_of = best.as_of;
    int64_t visit_id = best_id;
    if (best_id == 0) {
      Stmt& s = db.Cached(
          "INSERT INTO visits(actor_id, visitor, visitor_role, visitor_country, host_country, place, date, month, "
          "anchor, status, status_as_of, cameo, plover_type, plover_mode, reports) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1) RETURNING id",
          &st);
      if (!st.ok()) return st;
      s.Bind(1, actor.value()).Bind(2, v.visitor).Bind(3, v.visitor_role).Bind(4, v.visitor_country);
      s.Bind(5, v.host_country).Bind(6, v.place).Bind(7, v.date).BindOrNull(8, store::MonthOf(date));
      s.BindOrNull(9, anchor).Bind(10, v.status).BindOrNull(11, published).Bind(12, v.codes.cameo);
      s.Bind(13, v.codes.plover_type).BindOrNull(14, v.codes.plover_mode);
      auto id = InsertedId(&s);
      if (!id.ok()) return id.status();
      visit_id = id.value();
      ++res.new_visits;
    } else {
      // The more precise date wins; the latest report decides the status.
      const bool better_date = store::PrecisionOf(date) > store::PrecisionOf(best_date);
      const bool newer = published >= best_as_of;
      Stmt& s = db.Cached(
          "UPDATE visits SET reports = reports + 1, "
          "visitor_role = coalesce(visitor_role, ?2), visitor_country = coalesce(visitor_country, ?3), "
          "place = coalesce(place, ?4), "
          "date = CASE WHEN ?5 THEN ?6 ELSE date END, month = CASE WHEN ?5 THEN ?7 ELSE month END, "
          "anchor = CASE WHEN ?5 THEN ?8 ELSE anchor END, "
          "status = CASE WHEN ?9 THEN ?10 ELSE status END, "
          "status_as_of = CASE WHEN ?9 THEN ?11 ELSE status_as_of END, "
          "cameo = CASE WHEN ?9 THEN ?12 ELSE cameo END, plover_type = CASE WHEN ?9 THEN ?13 ELSE plover_type END, "
          "plover_mode = CASE WHEN ?9 THEN ?14 ELSE plover_mode END "
          "WHERE id = ?1",
          &st);
      if (!st.ok()) return st;
      s.Bind(1, visit_id).Bind(2, v.visitor_role).Bind(3, v.visitor_country).Bind(4, v.place);
      s.Bind(5, better_date ? 1 : 0).Bind(6, v.date).BindOrNull(7, store::MonthOf(date)).BindOrNull(8, anchor);
      s.Bind(9, newer ? 1 : 0).Bind(10, v.status).BindOrNull(11, published).Bind(12, v.codes.cameo);
      s.Bind(13, v.codes.plover_type).BindOrNull(14, v.codes.plover_mode);
      if (Status r = s.Run(); !r.ok()) return r;
      ++res.merged_visits;
    }
    Stmt& src = db.Cached(
        "INSERT INTO visit_sources(visit_id, article_id, date, status, mentions) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT DO NOTHING",
        &st);
    if (!st.ok()) return st;
    src.Bind(1, visit_id).Bind(2, res.article_id).Bind(3, v.date).Bind(4, v.status).Bind(5, MentionsJson(v.mentions));
    if (Status r = src.Run(); !r.ok()) return r;
  }

  // Meetings: the same, keyed by the set of participants.
  for (const Meeting& m : an.meetings) {
    std::vector<std::pair<std::string, int64_t>> people;  // folded key, actor id
    for (const std::string& p : m.participants) {
      auto actor = impl_->UpsertActor(p, std::nullopt, std::nullopt);
      if (!actor.ok()) return actor.status();
      std::string k = text::FoldPersonName(p);
      people.emplace_back(k.empty() ? p : k, actor.value());
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    std::string key;
    for (const auto& [k, id] : people) key += (key.empty() ? "" : "|") + k;
    const std::string date = m.date.value_or("");
    const std::string anchor = store::PrecisionOf(date) == DatePrecision::kDay ? date : pub_day;
    Stmt& c = db.Cached(
        "SELECT id, coalesce(date, ''), coalesce(anchor, ''), coalesce(status_as_of, '') FROM meetings "
        "WHERE key = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM meeting_sources WHERE meeting_id = meetings.id AND article_id = ?2)",
        &st);
    if (!st.ok()) return st;
    c.Bind(1, key).Bind(2, res.article_id);
    const Closest best = FindClosest(&c, date, anchor, window, &st);
    if (!st.ok()) return st;
    const int64_t best_id = best.id;
    const std::string& best_date = best.date;
    const std::string& best_as_of = best.as_of;
    int64_t meeting_id = best_id;
    std::string participants;
    json::AppendArray(&participants, m.participants,
                      [](std::string* o, const std::string& p) { json::AppendString(o, p); });
    if (best_id == 0) {
      Stmt& s = db.Cached(
          "INSERT INTO meetings(key, participants, place, date, month, anchor, status, status_as_of, cameo, "
          "plover_type, plover_mode, reports) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1) RETURNING id",
          &st);
      if (!st.ok()) return st;
      s.Bind(1, key).Bind(2, participants).Bind(3, m.place).Bind(4, m.date).BindOrNull(5, store::MonthOf(date));
      s.BindOrNull(6, anchor).Bind(7, m.status).BindOrNull(8, published).Bind(9, m.codes.cameo);
      s.Bind(10, m.codes.plover_type).BindOrNull(11, m.codes.plover_mode);
      auto id = InsertedId(&s);
      if (!id.ok()) return id.status();
      meeting_id = id.value();
      ++res.new_meetings;
      Stmt& mp = db.Cached("INSERT INTO meeting_participants(meeting_id, actor_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", &st);
      if (!st.ok()) return st;
      for (const auto& [k, id] : people) {
        mp.Bind(1, meeting_id).Bind(2, id);
        if (Status r = mp.Run(); !r.ok()) return r;
      }
    } else {
      const bool better_date = store::PrecisionOf(date) > store::PrecisionOf(best_date);
      const bool newer = published >= best_as_of;
      Stmt& s = db.Cached(
          "UPDATE meetings SET reports = reports + 1, place = coalesce(place, ?2), "
          "date = CASE WHEN ?3 THEN ?4 ELSE date END, month = CASE WHEN ?3 THEN ?5 ELSE month END, "
          "anchor = CASE WHEN ?3 THEN ?6 ELSE anchor END, "
          "status = CASE WHEN ?7 THEN ?8 ELSE status END, status_as_of = CASE WHEN ?7 THEN ?9 ELSE status_as_of END "
          "WHERE id = ?1",
          &st);
      if (!st.ok()) return st;
      s.Bind(1, meeting_id).Bind(2, m.place).Bind(3, better_date ? 1 : 0).Bind(4, m.date);
      s.BindOrNull(5, store::MonthOf(date)).BindOrNull(6, anchor).Bind(7, newer ? 1 : 0).Bind(8, m.status);
      s.BindOrNull(9, published);
      if (Status r = s.Run(); !r.ok()) return r;
      ++res.merged_meetings;
    }
    Stmt& src = db.Cached(
        "INSERT INTO meeting_sources(meeting_id, article_id, date, status, mentions) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        &st);
    if (!st.ok()) return st;
    src.Bind(1, meeting_id).Bind(2, res.article_id).Bind(3, m.date).Bind(4, m.status).Bind(5, MentionsJson(m.mentions));
    if (Status r = src.Run(); !r.ok()) return r;
  }

  if (Status c = commit(); !c.ok()) return c;
  return res;
}

Status Store::BeginBatch() {
  if (impl_->in_batch) return Status::Ok();
  // PostgreSQL: every Add() commits alone, so that concurrent writers hold
  // the store's write lock for one document at a time, not a batch.
  if (impl_->db.postgres()) return Status::Ok();
  Status st = impl_->db.Exec(impl_->db.BeginSql());
  if (st.ok()) st = impl_->NoteSearchFloor();
  if (st.ok()) {
    impl_->in_batch = true;
  } else if (impl_->db.InTransaction()) {
    (void)impl_->db.Exec("ROLLBACK");
  }
  return st;
}

Status Store::CommitBatch() {
  if (!impl_->in_batch) return Status::Ok();
  if (!impl_->db.InTransaction()) {
    // SQLite rolled the batch back itself after a failure inside it (a full
    // disk, an I/O error): nothing of it is in the store.
    impl_->in_batch = false;
    impl_->actors.Forget();
    return Status::IoError("the batch was rolled back after the store failed");
  }
  Status st = impl_->WriteSearchIndex();
  if (st.ok()) st = impl_->db.Exec("COMMIT");
  impl_->fts_article_floor = impl_->fts_quote_floor = -1;
  if (st.ok()) {
    impl_->actors.Commit();
  } else {
    impl_->actors.Forget();
    (void)impl_->db.Exec("ROLLBACK");
  }
  impl_->in_batch = false;
  return st;
}

Result<bool> Store::Contains(const attache::Article& a) const {
  Status st;
  Stmt& s = impl_->db.Cached("SELECT 1 FROM articles WHERE content_hash = ?1", &st);
  if (!st.ok()) return st;
  s.Bind(1, store::ContentHash(a.url.value_or(""), a.text));
  const bool found = s.Step(&st);
  s.Reset();  // no read left open: the next call sees what was committed since
  if (!st.ok()) return st;
  return found;
}

}  // namespace attache
