#include "store/schema.h"

namespace attache::store {

namespace {

// Version 1: articles with full-text search and MinHash bands;
// actors; quotes with full-text search; visits and meetings, each merged
// over the articles that report them (the *_sources tables).
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('application', 'attache');

CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  text_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT, title TEXT, subtitle TEXT,
  published TEXT,
  published_day TEXT,
  outlet TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  section TEXT, lang TEXT, views INTEGER,
  text TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES articles(id),
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published_day);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

-- MinHash bands of each original article's shingles (near-duplicate index).
CREATE TABLE article_bands(
  band INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  PRIMARY KEY(band, article_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;

CREATE TABLE actors(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT,
  country TEXT
);

CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  speaker TEXT NOT NULL, speaker_role TEXT, channel TEXT,
  direct INTEGER NOT NULL,
  text TEXT NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL,
  cue TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_actor ON quotes(actor_id);
CREATE INDEX quotes_channel ON quotes(channel);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE visits(
  id INTEGER PRIMARY KEY,
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  visitor TEXT NOT NULL, visitor_role TEXT, visitor_country TEXT,
  host_country TEXT NOT NULL,
  place TEXT,
  date TEXT,
  month TEXT,
  anchor TEXT,
  status TEXT NOT NULL,
  status_as_of TEXT,
  cameo TEXT, plover_type TEXT, plover_mode TEXT,
  reports INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_host_month ON visits(host_country, month, status, visitor_country);
CREATE INDEX visits_actor_host ON visits(actor_id, host_country);
CREATE INDEX visits_country_month ON visits(visitor_country, month);
CREATE TABLE visit_sources(
  visit_id INTEGER NOT NULL REFERENCES visits(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  date TEXT, status TEXT NOT NULL, mentions TEXT NOT NULL,
  PRIMARY KEY(visit_id, article_id)
) WITHOUT ROWID;
CREATE INDEX visit_sources_article ON visit_sources(article_id);

CREATE TABLE meetings(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  participants TEXT NOT NULL,
  place TEXT,
  date TEXT,
  month TEXT,
  anchor TEXT,
  status TEXT NOT NULL,
  status_as_of TEXT,
  cameo TEXT, plover_type TEXT, plover_mode TEXT,
  reports INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meetings_key ON meetings(key);
CREATE INDEX meetings_month ON meetings(month);
CREATE TABLE meeting_participants(
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  PRIMARY KEY(meeting_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_actor ON meeting_participants(actor_id);
CREATE TABLE meeting_sources(
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  date TEXT, status TEXT NOT NULL, mentions TEXT NOT NULL,
  PRIMARY KEY(meeting_id, article_id)
) WITHOUT ROWID;
CREATE INDEX meeting_sources_article ON meeting_sources(article_id);
)SQL";

// Version 2: visit counts by host, month, status and partner, kept by
// triggers in the same transaction as the visits themselves, so the balance
// reads a few hundred rows instead of every visit. A visit of unknown month
// is counted under the month it was reported in (its anchor), flagged
// undated.
constexpr std::string_view kV2 = R"SQL(
CREATE TABLE visit_counts(
  host_country TEXT NOT NULL,
  month TEXT NOT NULL,
  undated INTEGER NOT NULL,
  status TEXT NOT NULL,
  partner TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY(host_country, month, undated, status, partner)
) WITHOUT ROWID;
INSERT INTO visit_counts(host_country, month, undated, status, partner, n)
  SELECT host_country, coalesce(month, substr(anchor, 1, 7), ''), month IS NULL, status,
         coalesce(visitor_country, 'unknown'), count(*)
  FROM visits GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER visit_counts_insert AFTER INSERT ON visits BEGIN
  INSERT INTO visit_counts(host_country, month, undated, status, partner, n)
  VALUES (new.host_country, coalesce(new.month, substr(new.anchor, 1, 7), ''), new.month IS NULL, new.status,
          coalesce(new.visitor_country, 'unknown'), 1)
  ON CONFLICT(host_country, month, undated, status, partner) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER visit_counts_delete AFTER DELETE ON visits BEGIN
  UPDATE visit_counts SET n = n - 1
  WHERE host_country = old.host_country AND month = coalesce(old.month, substr(old.anchor, 1, 7), '')
    AND undated = (old.month IS NULL) AND status = old.status AND partner = coalesce(old.visitor_country, 'unknown');
END;
CREATE TRIGGER visit_counts_update AFTER UPDATE OF host_country, month, anchor, status, visitor_country ON visits
BEGIN
  UPDATE visit_counts SET n = n - 1
  WHERE host_country = old.host_country AND month = coalesce(old.month, substr(old.anchor, 1, 7), '')
    AND undated = (old.month IS NULL) AND status = old.status AND partner = coalesce(old.visitor_country, 'unknown');
  INSERT INTO visit_counts(host_country, month, undated, status, partner, n)
  VALUES (new.host_country, coalesce(new.month, substr(new.anchor, 1, 7), ''), new.month IS NULL, new.status,
          coalesce(new.visitor_country, 'unknown'), 1)
  ON CONFLICT(host_country, month, undated, status, partner) DO UPDATE SET n = n + 1;
END;
)SQL";

// Version 3: the articles' search filters (outlet, language, day) in a
// narrow table of their own, so a filtered search reads small rows rather
// than the articles with their text. Kept by a trigger.
constexpr std::string_view kV3 = R"SQL(
CREATE TABLE article_meta(
  id INTEGER PRIMARY KEY REFERENCES articles(id),
  outlet TEXT COLLATE NOCASE,
  lang TEXT,
  published_day TEXT
);
INSERT INTO article_meta(id, outlet, lang, published_day) SELECT id, outlet, lang, published_day FROM articles;
CREATE INDEX article_meta_day ON article_meta(published_day);
CREATE TRIGGER article_meta_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_meta(id, outlet, lang, published_day) VALUES (new.id, new.outlet, new.lang, new.published_day);
END;
)SQL";

// Version 4: the full-text indexes are written by the store once per
// transaction (Store::Impl::WriteSearchIndex), not by a trigger per row:
// FTS5 flushes its pending terms at every statement savepoint of a
// transaction that has touched it, so a trigger made one flush, and a tiny
// index segment, for nearly every statement of an ingest.
constexpr std::string_view kV4 = R"SQL(
DROP TRIGGER articles_fts_insert;
DROP TRIGGER quotes_fts_insert;
)SQL";

}  // namespace

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kAll = {kV1, kV2, kV3, kV4};
  return kAll;
}

}  // namespace attache::store
