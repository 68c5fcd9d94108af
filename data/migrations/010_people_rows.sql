-- The people stage as rows, so that a refresh holds neither every
-- quotation nor every claim, and the screens read pages: actors, each
-- quotation cluster's variants, and each discrepancy's claims are rows;
-- a variant's word changes are kept once per wording. The stage stored
-- before is dropped: the next refresh computes it again.

DELETE FROM actor_cells;
DELETE FROM actor_sources;
DELETE FROM people_sources;
DELETE FROM quote_clusters;
DELETE FROM people_stage;
DROP TABLE quote_variants;
ALTER TABLE people_stage DROP COLUMN actors;
ALTER TABLE people_stage DROP COLUMN discrepancies;
ALTER TABLE people_stage DROP COLUMN brief;

-- The actors in People.Actors order (pos), each as JSON timeline.Actor.
CREATE TABLE people_actors (
	gen   INTEGER NOT NULL,
	pos   INTEGER NOT NULL,
	id    TEXT NOT NULL,
	name  TEXT NOT NULL,
	actor BLOB NOT NULL,
	PRIMARY KEY (gen, pos)
) WITHOUT ROWID;
CREATE UNIQUE INDEX people_actors_id ON people_actors (gen, id);

-- The quotations a refresh found, in corpus order (qid), parked until
-- they are clustered: then copied into quote_variants and deleted.
CREATE TABLE people_quotes (
	gen          INTEGER NOT NULL,
	qid          INTEGER NOT NULL,
	wording      INTEGER NOT NULL, -- timeline.QuoteWordings
	ord          INTEGER NOT NULL, -- the article's place in corpus order
	source       TEXT NOT NULL,    -- label
	file         TEXT NOT NULL,
	sentence     INTEGER NOT NULL,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	text         TEXT NOT NULL,
	speaker      TEXT NOT NULL,
	words        INTEGER NOT NULL,
	PRIMARY KEY (gen, qid)
) WITHOUT ROWID;

-- Each distinct wording: its cluster's group and how it differs from the
-- cluster's representative wording (JSON []timeline.WordChange).
CREATE TABLE quote_wordings (
	gen     INTEGER NOT NULL,
	wording INTEGER NOT NULL,
	grp     INTEGER NOT NULL,
	changes BLOB NOT NULL DEFAULT 'null',
	PRIMARY KEY (gen, wording)
) WITHOUT ROWID;

-- A cluster's variants in their order (pos) within the group (grp) that
-- quote_clusters names.
CREATE TABLE quote_variants (
	gen          INTEGER NOT NULL,
	grp          INTEGER NOT NULL,
	pos          INTEGER NOT NULL,
	qid          INTEGER NOT NULL,
	wording      INTEGER NOT NULL,
	ord          INTEGER NOT NULL,
	source       TEXT NOT NULL,
	file         TEXT NOT NULL,
	sentence     INTEGER NOT NULL,
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL,
	text         TEXT NOT NULL,
	speaker      TEXT NOT NULL,
	speaker_name TEXT NOT NULL,
	words        INTEGER NOT NULL,
	PRIMARY KEY (gen, grp, pos)
) WITHOUT ROWID;
ALTER TABLE quote_clusters ADD COLUMN grp INTEGER NOT NULL DEFAULT 0;

-- The stored claims a refresh read, by quantity (JSON timeline.Claim, n:
-- corpus order), parked until each quantity's discrepancies are found.
CREATE TABLE people_claims (
	gen      INTEGER NOT NULL,
	quantity TEXT NOT NULL,
	n        INTEGER NOT NULL,
	claim    BLOB NOT NULL,
	PRIMARY KEY (gen, quantity, n)
) WITHOUT ROWID;

-- The discrepancies in timeline.FindDiscrepancies order (id), and their
-- claims (pos: their order in the discrepancy).
CREATE TABLE discrepancies (
	gen          INTEGER NOT NULL,
	id           INTEGER NOT NULL,
	quantity     TEXT NOT NULL,
	phase        TEXT NOT NULL,
	subject      TEXT NOT NULL,
	moment       TEXT NOT NULL,
	claim_count  INTEGER NOT NULL,
	source_count INTEGER NOT NULL, -- distinct sources among the claims
	PRIMARY KEY (gen, id)
) WITHOUT ROWID;
CREATE INDEX discrepancies_contested ON discrepancies (gen, claim_count DESC, id);
CREATE TABLE discrepancy_claims (
	gen   INTEGER NOT NULL,
	id    INTEGER NOT NULL,
	pos   INTEGER NOT NULL,
	claim BLOB NOT NULL,
	PRIMARY KEY (gen, id, pos)
) WITHOUT ROWID;
