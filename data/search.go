package data

import (
	"context"
	"strings"
	"unicode"
)

// SearchHit is one sentence matching a full-text query.
type SearchHit struct {
	SentenceID int64
	ArticleID  int64
	Source     string
	File       string
	Seq        int
	Text       string
	Highlight  string // Text with matches wrapped in [ and ]
}

// MatchQuery turns what a user typed into a safe FTS5 query: every word
// becomes a quoted term (so stray quotes, brackets and operators are plain
// text), all terms must match, and a trailing * on a word keeps prefix
// search. It returns "" when the input holds no words.
func MatchQuery(input string) string {
	var terms []string
	for _, field := range strings.Fields(input) {
		prefix := strings.HasSuffix(field, "*")
		word := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return ' '
		}, field)
		parts := strings.Fields(word)
		for i, p := range parts {
			term := `"` + p + `"`
			if prefix && i == len(parts)-1 {
				term += "*"
			}
			terms = append(terms, term)
		}
	}
	return strings.Join(terms, " ")
}

// qSearch ranks the matches (rowid and score only) and keeps the best
// before it reads their text, highlights them and joins their articles:
// at 100,000 articles a common word matches tens of thousands of
// sentences, and highlighting or joining them all cost more than ranking.
const qSearch = `SELECT n.id, a.id, s.label, a.file, n.seq, n.text, highlight(sentences_fts, 0, '[', ']')
	FROM (SELECT rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts WHERE sentences_fts MATCH ?1
		ORDER BY score, rowid LIMIT ?2) top
	CROSS JOIN sentences_fts ON sentences_fts.rowid = top.id AND sentences_fts MATCH ?1
	CROSS JOIN sentences n ON n.id = top.id
	CROSS JOIN articles a ON a.id = n.article_id
	CROSS JOIN sources s ON s.id = a.source_id
	ORDER BY top.score, top.id`

// Search finds up to limit sentences matching the words of query, best
// first. Input with no words gives no hits and no error.
func (d *DB) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	match := MatchQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 100
	}
	rows, err := d.db.QueryContext(ctx, qSearch, match, limit)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.SentenceID, &h.ArticleID, &h.Source, &h.File, &h.Seq, &h.Text, &h.Highlight); err != nil {
			return nil, d.describe(err)
		}
		hits = append(hits, h)
	}
	return hits, d.describeErr(rows.Err())
}
