-- Each source's stored articles and sentences, kept up to date by the
-- import's writer, so the Sources screen and `newsreel sources` read one
-- row per source instead of counting every sentence through a join.
CREATE TABLE source_counts (
	source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
	articles  INTEGER NOT NULL,
	sentences INTEGER NOT NULL
);
INSERT INTO source_counts (source_id, articles, sentences)
	SELECT a.source_id, COUNT(*), SUM((SELECT COUNT(*) FROM sentences n WHERE n.article_id = a.id))
	FROM articles a GROUP BY a.source_id;

-- The full-text index merges its segments eight at a time instead of four
-- (FTS5's automerge option): an import commits a segment per batch, and
-- merging four at a time took a quarter of the index's share of the
-- import's writer (searches read as fast at 10,000 articles).
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 8);
