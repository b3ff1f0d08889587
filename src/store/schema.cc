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

}  // namespace

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kAll = {kV1};
  return kAll;
}

}  // namespace attache::store
