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
	rows, err := d.db.QueryContext(ctx, `SELECT n.id, a.id, s.label, a.file, n.seq, n.text,
		highlight(sentences_fts, 0, '[', ']')
		FROM sentences_fts f
		JOIN sentences n ON n.id = f.rowid
		JOIN articles a ON a.id = n.article_id
		JOIN sources s ON s.id = a.source_id
		WHERE sentences_fts MATCH ?
		ORDER BY bm25(sentences_fts), n.id LIMIT ?`, match, limit)
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
