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
