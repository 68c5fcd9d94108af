-- Import stores less per article (see data/articles.go).
--
-- Each article's per-sentence results move into one JSON array in
-- article_analysis (see sentenceResult in data/analysis.go): one row per
-- article instead of one per sentence that reports something, written by
-- the import workers' encoding rather than row by row.
ALTER TABLE article_analysis ADD COLUMN results TEXT NOT NULL DEFAULT '[]';
UPDATE article_analysis SET results = (
	SELECT json_group_array(json_object('i', sa.seq, 'p', sa.phase, 'c', sa.confidence, 'a', sa.also, 't', sa.themes,
		'af', sa.after_phase, 'b', sa.before_phase, 'tm', json(sa.times)) ORDER BY sa.seq)
	FROM sentence_analysis sa WHERE sa.article_id = article_analysis.article_id)
WHERE article_id IN (SELECT article_id FROM sentence_analysis);
DROP TABLE sentence_analysis;

-- The check on sentences.kind compares with each kind instead of IN (...):
-- SQLite builds a temporary table for the IN list on every insert, which
-- cost a quarter of a sentence's insert. The same rule, so only its text
-- changes in the schema (the documented way to change a CHECK constraint;
-- RESET reloads the schema).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN (''text'', ''heading'', ''item''))',
	'CHECK (kind = ''text'' OR kind = ''heading'' OR kind = ''item'')')
	WHERE type = 'table' AND name = 'sentences';
PRAGMA writable_schema = RESET;
