-- Import analyses against the names of the articles still on their way to
-- the store (see data/analysis.go): the names an article took for persons
-- on their word, comma-separated, until Refresh has checked them.
ALTER TABLE article_analysis ADD COLUMN credit TEXT NOT NULL DEFAULT '';
CREATE INDEX article_analysis_credit ON article_analysis (article_id) WHERE credit <> '';

-- The per-source sums keep apart what wire copies add (attention counts a
-- reprinted story once unless asked to count copies): the copy_* columns
-- are the part of each sum that comes from articles with a copy_of.
ALTER TABLE coverage_sources ADD COLUMN copy_sentences INTEGER NOT NULL DEFAULT 0;
ALTER TABLE coverage_sources ADD COLUMN copy_words INTEGER NOT NULL DEFAULT 0;
ALTER TABLE coverage_sources ADD COLUMN copy_articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_words ADD COLUMN copy_words INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_words ADD COLUMN copy_articles INTEGER NOT NULL DEFAULT 0;
UPDATE coverage_sources SET (copy_sentences, copy_words, copy_articles) = (
	SELECT COALESCE(SUM(c.sentences), 0), COALESCE(SUM(c.words), 0), COUNT(*)
	FROM articles a JOIN coverage_cells c ON c.article_id = a.id
	WHERE a.source_id = coverage_sources.source_id AND a.copy_of IS NOT NULL
		AND c.kind = coverage_sources.kind AND c.key = coverage_sources.key);
UPDATE source_words SET (copy_words, copy_articles) = (
	SELECT COALESCE(SUM(aa.words), 0), COUNT(*)
	FROM articles a JOIN article_analysis aa ON aa.article_id = a.id
	WHERE a.source_id = source_words.source_id AND a.copy_of IS NOT NULL);

-- Corpus order with the copy flag, so reads of the stored coverage stay
-- on the index.
DROP INDEX articles_source_file;
CREATE INDEX articles_source_file ON articles (source_id, file, id, copy_of);
