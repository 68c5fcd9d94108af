-- The engine's analysis, stored as articles are imported (and recomputed
-- when out of date), so screens and commands read it instead of analysing
-- the whole corpus.

-- Per article: what its analysis was computed with, to detect staleness.
CREATE TABLE article_analysis (
	article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	schema_hash TEXT NOT NULL,    -- timeline.Schema.Hash of the schema used
	version     INTEGER NOT NULL, -- timeline.AnalysisVersion
	principals  TEXT NOT NULL,    -- the corpus principals used, comma-separated
	gen         INTEGER NOT NULL, -- the cast used held the articles with ids up to this one
	words       INTEGER NOT NULL, -- words in all sentences
	sentences   INTEGER NOT NULL,
	-- The capitalised words that bear on the cast (who the principals are,
	-- who is a person), space-separated as name:mentions:person-mentions.
	names       TEXT NOT NULL
);
CREATE INDEX article_analysis_gen ON article_analysis (gen);

-- Per sentence that reports something (a phase, a theme or a time).
CREATE TABLE sentence_analysis (
	sentence_id  INTEGER PRIMARY KEY REFERENCES sentences (id) ON DELETE CASCADE,
	article_id   INTEGER NOT NULL,
	seq          INTEGER NOT NULL,
	phase        TEXT NOT NULL,
	confidence   REAL NOT NULL,
	also         TEXT NOT NULL, -- other phases, comma-separated
	themes       TEXT NOT NULL, -- comma-separated
	after_phase  TEXT NOT NULL,
	before_phase TEXT NOT NULL,
	times        TEXT           -- JSON array of time mentions, NULL when none
);
CREATE INDEX sentence_analysis_article ON sentence_analysis (article_id, seq);

-- The articles' name tallies summed over the corpus.
CREATE TABLE cast_names (
	name       TEXT PRIMARY KEY,
	count      INTEGER NOT NULL,
	person     INTEGER NOT NULL,
	person_gen INTEGER NOT NULL DEFAULT 0 -- the import that first made it a person (its highest article id)
) WITHOUT ROWID;

-- Coverage: each article's cells (kind 0 phases, 1 themes), and their sums
-- per source, kept up to date as articles are analysed.
CREATE TABLE coverage_cells (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind       INTEGER NOT NULL,
	ord        INTEGER NOT NULL, -- position among the article's cells (schema order)
	key        TEXT NOT NULL,
	sentences  INTEGER NOT NULL,
	words      INTEGER NOT NULL,
	first      INTEGER NOT NULL,
	share      REAL NOT NULL,
	position   REAL NOT NULL,
	lede       INTEGER NOT NULL,
	PRIMARY KEY (article_id, kind, ord)
) WITHOUT ROWID;
CREATE TABLE coverage_sources (
	source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	kind      INTEGER NOT NULL,
	key       TEXT NOT NULL,
	sentences INTEGER NOT NULL,
	words     INTEGER NOT NULL,
	articles  INTEGER NOT NULL,
	PRIMARY KEY (source_id, kind, key)
) WITHOUT ROWID;
CREATE TABLE source_words (
	source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
	words     INTEGER NOT NULL,
	articles  INTEGER NOT NULL
);

-- Corpus order (source label, file, id) without sorting: reads of the
-- stored analysis walk sources by label, then this index.
CREATE INDEX articles_source_file ON articles (source_id, file, id);

-- Corpus-level results (the screen timeline) computed from the stored
-- analysis, valid while the analysis stamp (settings 'analysis.stamp',
-- bumped whenever an analysis is stored) and the schema are what they were.
CREATE TABLE analysis_cache (
	name  TEXT PRIMARY KEY,
	stamp TEXT NOT NULL,
	value BLOB NOT NULL
);
