-- Articles reached twice by the same canonical URL are stored once.
CREATE INDEX articles_url ON articles (url) WHERE url <> '';
