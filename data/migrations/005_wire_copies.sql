-- Near-identical wire copies. Each article's MinHash print (empty when the
-- text is too short to compare) and its LSH band keys, indexed so that the
-- candidates for a new article are a few look-ups at any corpus size; a
-- copy links to its original (the earliest published of the group).
ALTER TABLE articles ADD COLUMN copy_of INTEGER REFERENCES articles (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN copy_similarity REAL;
CREATE INDEX articles_copy_of ON articles (copy_of) WHERE copy_of IS NOT NULL;

CREATE TABLE copy_prints (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	print      BLOB NOT NULL
);

CREATE TABLE copy_bands (
	band       INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
