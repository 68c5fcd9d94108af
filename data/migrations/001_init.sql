-- Sources, articles, sentences and full-text search over sentences.
CREATE TABLE sources (
	id         INTEGER PRIMARY KEY,
	label      TEXT NOT NULL UNIQUE COLLATE NOCASE,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	file         TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	published    TEXT,          -- RFC 3339, NULL when unknown
	event_date   TEXT,          -- RFC 3339 midnight of the event day, NULL when unknown
	dateline     TEXT NOT NULL DEFAULT '',
	meta         TEXT NOT NULL DEFAULT '{}', -- JSON object of other metadata
	body         TEXT NOT NULL,
	content_hash TEXT NOT NULL UNIQUE,
	imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_source ON articles (source_id);

CREATE TABLE sentences (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq          INTEGER NOT NULL,
	paragraph    INTEGER NOT NULL,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	kind         TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'heading', 'item')),
	words        INTEGER NOT NULL,
	text         TEXT NOT NULL,
	UNIQUE (article_id, seq)
);

CREATE TABLE stripped_lines (
	article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	rule         TEXT NOT NULL,
	text         TEXT NOT NULL
);
CREATE INDEX stripped_lines_article ON stripped_lines (article_id);

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
	text,
	content = 'sentences',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
	INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE OF text ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
