-- The corpus-level people stage (actors with the user's edits replayed,
-- quotations clustered across sources, claims' discrepancies), computed
-- by RefreshPeople streaming the stored articles and read by the screens
-- and commands. Each refresh writes a new generation beside the one
-- readers use and marks it complete in one transaction: readers, and a
-- crash, see the old stage until the new one is whole.

-- One row per generation: complete = 1 once whole; the stage is the
-- complete generation with the highest number.
CREATE TABLE people_stage (
	gen           INTEGER PRIMARY KEY,
	key           TEXT NOT NULL,             -- what it was computed from (see data/people.go)
	complete      INTEGER NOT NULL DEFAULT 0,
	actors        BLOB NOT NULL DEFAULT '[]', -- JSON []timeline.Actor, in People.Actors order
	discrepancies BLOB NOT NULL DEFAULT '[]', -- JSON []timeline.Discrepancy
	skipped       BLOB NOT NULL DEFAULT '[]', -- JSON []timeline.ActorEdit: edits whose actors are gone
	texts         BLOB NOT NULL DEFAULT '{}', -- JSON: per actor, its mentions by how they are written
	brief         BLOB NOT NULL DEFAULT '[]'  -- JSON []data.DiscrepancyBrief: the discrepancies, a claim per value
);

-- One actor in one article (ord: the article's place in corpus order), with
-- the indexes of the sentences that mention it (JSON array).
CREATE TABLE actor_cells (
	gen          INTEGER NOT NULL,
	actor        TEXT NOT NULL,
	ord          INTEGER NOT NULL,
	article_id   INTEGER NOT NULL,
	source_id    INTEGER NOT NULL,
	file         TEXT NOT NULL,
	copy         INTEGER NOT NULL, -- the article is a wire copy
	mentions     INTEGER NOT NULL,
	sentences    INTEGER NOT NULL,
	words        INTEGER NOT NULL,
	quoted_words INTEGER NOT NULL,
	seqs         TEXT NOT NULL,
	PRIMARY KEY (gen, actor, ord)
) WITHOUT ROWID;

-- The cells summed per actor and source (copy_*: the part from wire copies).
CREATE TABLE actor_sources (
	gen                 INTEGER NOT NULL,
	actor               TEXT NOT NULL,
	source_id           INTEGER NOT NULL,
	articles            INTEGER NOT NULL,
	mentions            INTEGER NOT NULL,
	sentences           INTEGER NOT NULL,
	words               INTEGER NOT NULL,
	quoted_words        INTEGER NOT NULL,
	copy_articles       INTEGER NOT NULL,
	copy_mentions       INTEGER NOT NULL,
	copy_sentences      INTEGER NOT NULL,
	copy_words          INTEGER NOT NULL,
	copy_quoted_words   INTEGER NOT NULL,
	PRIMARY KEY (gen, actor, source_id)
) WITHOUT ROWID;

-- Each source's articles are a run of corpus order: its first and last ord.
CREATE TABLE people_sources (
	gen       INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	first_ord INTEGER NOT NULL,
	last_ord  INTEGER NOT NULL,
	PRIMARY KEY (gen, source_id)
) WITHOUT ROWID;

-- Quotation clusters in timeline.ClusterQuotes order; their variants
-- (JSON []timeline.Quote) and each variant's word changes apart, so that
-- listing the clusters reads a few pages (a cluster can hold hundreds of
-- thousands of wire copies of one quotation).
CREATE TABLE quote_clusters (
	gen           INTEGER NOT NULL,
	id            INTEGER NOT NULL,
	speaker       TEXT NOT NULL,
	speaker_name  TEXT NOT NULL,
	text          TEXT NOT NULL,
	variant_count INTEGER NOT NULL,
	sources       INTEGER NOT NULL, -- distinct sources among the variants
	PRIMARY KEY (gen, id)
) WITHOUT ROWID;
CREATE TABLE quote_variants (
	gen      INTEGER NOT NULL,
	id       INTEGER NOT NULL,
	variants BLOB NOT NULL,
	changes  BLOB NOT NULL,
	PRIMARY KEY (gen, id)
);
