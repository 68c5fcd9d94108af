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

-- Summaries the screen timeline is rebuilt from without reading every
-- sentence (see data/summary.go), kept up to date as analyses are stored.
-- The articles that report each phase, per source in corpus order, with
-- the phase's sentences in each and the first of them.
CREATE TABLE phase_articles (
	source_id  INTEGER NOT NULL,
	phase      TEXT NOT NULL,
	file       TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	sentences  INTEGER NOT NULL,
	first      INTEGER NOT NULL,
	PRIMARY KEY (source_id, phase, file, article_id)
) WITHOUT ROWID;
CREATE INDEX phase_articles_article ON phase_articles (article_id);
INSERT INTO phase_articles (source_id, phase, file, article_id, sentences, first)
	SELECT a.source_id, c.key, a.file, a.id, c.sentences, c.first FROM coverage_cells c JOIN articles a ON a.id = c.article_id WHERE c.kind = 0;

-- The resolved clock times (kind 0, Unix nanoseconds) and measured
-- durations (kind 1, nanoseconds) of the sentences of each phase: its span.
CREATE TABLE phase_times (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	k          INTEGER NOT NULL, -- the mention's index among the sentence's times
	phase      TEXT NOT NULL,
	kind       INTEGER NOT NULL,
	t          INTEGER NOT NULL,
	PRIMARY KEY (article_id, seq, k)
) WITHOUT ROWID;
CREATE INDEX phase_times_phase ON phase_times (phase, kind, t);

-- Relative cues: sentences placing phase earlier before phase later.
CREATE TABLE phase_votes (
	earlier TEXT NOT NULL,
	later   TEXT NOT NULL,
	votes   INTEGER NOT NULL,
	PRIMARY KEY (earlier, later)
) WITHOUT ROWID;
INSERT INTO phase_votes (earlier, later, votes)
	SELECT earlier, later, SUM(n) FROM (
		SELECT after_phase AS earlier, phase AS later, COUNT(*) AS n FROM sentence_analysis
			WHERE phase <> '' AND after_phase <> '' AND confidence >= 0.3 GROUP BY 1, 2
		UNION ALL
		SELECT phase, before_phase, COUNT(*) FROM sentence_analysis
			WHERE phase <> '' AND before_phase <> '' AND confidence >= 0.3 GROUP BY 1, 2)
	GROUP BY earlier, later;
-- Times are stored as JSON: the analyses with times are recomputed (by
-- Refresh) to fill phase_times.
UPDATE article_analysis SET version = 0
	WHERE article_id IN (SELECT article_id FROM sentence_analysis WHERE times IS NOT NULL AND phase <> '');

-- Each article's numeric and time claims (JSON array of timeline.Claim,
-- without source, file and corpus index, which are read from the article):
-- the claims command reads them instead of running the engine.
CREATE TABLE article_claims (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	claims     TEXT NOT NULL
);
-- Analyses stored before have no claims: they are recomputed (Refresh,
-- with its progress line).
UPDATE article_analysis SET version = 0;
