-- Import analyses against the names of the articles still on their way to
-- the store (see data/analysis.go): the names an article took for persons
-- on their word, comma-separated, until Refresh has checked them.
ALTER TABLE article_analysis ADD COLUMN credit TEXT NOT NULL DEFAULT '';
CREATE INDEX article_analysis_credit ON article_analysis (article_id) WHERE credit <> '';
